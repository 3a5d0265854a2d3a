import { describeError } from '../queries/query-error'
import { t } from '../i18n/i18n'

export interface QueryErrorNoticeProps {
  error: unknown
  /** Reads the data again (the query's `refetch`). */
  onRetry: () => void
  title?: string
  /** `section`: a whole page could not load; `inline`: one panel or chart could not. */
  variant?: 'page' | 'inline'
}

/** A failed read in plain words, with a button that tries again and the technical detail folded. */
export function QueryErrorNotice({
  error,
  onRetry,
  title = t('app.queryError.title'),
  variant = 'page',
}: QueryErrorNoticeProps) {
  const { message, detail } = describeError(error)
  const Heading = variant === 'page' ? 'h1' : 'h3'
  return (
    <section className={`notice notice--error notice--${variant}`} role="alert">
      <Heading>{title}</Heading>
      <p>{message}</p>
      <div className="notice__actions">
        <button type="button" className="button" onClick={onRetry}>
          {t('app.queryError.retry')}
        </button>
      </div>
      {detail ? (
        <details className="notice__detail">
          <summary>{t('app.error.details')}</summary>
          <pre>{detail}</pre>
        </details>
      ) : null}
    </section>
  )
}
