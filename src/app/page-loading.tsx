import { PageShell } from './page-shell'
import { t } from '../i18n/i18n'

/**
 * A skeleton of a page while its data or code loads, so the layout does not jump and the reader
 * knows something is coming. `shell` adds the header and footer (before the router is ready).
 */
export function PageLoading({
  shell = false,
  label = t('app.loading'),
}: {
  shell?: boolean
  label?: string
}) {
  const skeleton = (
    <div className="skeleton-page" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div className="skeleton skeleton--title" />
      <div className="skeleton-row">
        <div className="skeleton skeleton--tile" />
        <div className="skeleton skeleton--tile" />
        <div className="skeleton skeleton--tile" />
      </div>
      <div className="skeleton skeleton--chart" />
    </div>
  )
  return shell ? <PageShell>{skeleton}</PageShell> : skeleton
}
