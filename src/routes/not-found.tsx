import { Link, useLocation } from 'react-router'
import { appTitle } from '../app/page-shell'
import { paths } from '../app/paths'
import { t } from '../i18n/i18n'

export interface NotFoundProps {
  /** What was not found, e.g. "District not found". */
  title?: string
  /** Why, in plain words; defaults to the unknown address. */
  message?: string
}

/**
 * Any URL the route table does not know, and any route whose parameters name nothing the data
 * knows (an unknown district, edition, metric or article, or a malformed query).
 */
export function NotFound({ title = t('app.notFound.title'), message }: NotFoundProps) {
  const { pathname, search } = useLocation()
  return (
    <section className="notice" aria-labelledby="not-found-title">
      <title>{t('app.pageTitle', { page: title, app: appTitle() })}</title>
      <h1 id="not-found-title">{title}</h1>
      <p>
        {message ?? (
          <>
            {t('app.notFound.noPage')} <code>{pathname + search}</code>
            {t('app.notFound.noPageEnd')}
          </>
        )}
      </p>
      <p className="notice__actions">
        <Link className="button" to={paths.overview()}>
          {t('app.goToOverview')}
        </Link>
        <Link className="button button--secondary" to={paths.sources()}>
          {t('app.notFound.sources')}
        </Link>
      </p>
    </section>
  )
}

/** An `evidence=` parameter that names no value (a mistyped or outdated link). */
export function EvidenceNotFound() {
  return <NotFound title={t('app.notFound.evidenceTitle')} message={t('app.notFound.evidence')} />
}

/** An edition number the catalog does not list. */
export function EditionNotFound({
  value,
  editions,
}: {
  value: string
  editions: ReadonlyArray<{ edition: number; year: number }>
}) {
  const last = editions.at(-1)
  return (
    <NotFound
      title={t('app.notFound.editionTitle')}
      message={t('app.notFound.edition', {
        value,
        last: last ? String(last.edition) : '',
        year: last ? String(last.year) : '',
      })}
    />
  )
}
