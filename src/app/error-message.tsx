import { Link } from 'react-router'
import { t } from '../i18n/i18n'
import { paths } from './paths'

export interface ErrorMessageProps {
  title: string
  message: string
  /** Technical text for whoever fixes the fault; hidden behind a disclosure. */
  detail?: string
}

/** A failure explained in plain words, with a reload button and a way home. */
export function ErrorMessage({ title, message, detail }: ErrorMessageProps) {
  return (
    <section className="notice notice--error" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <div className="notice__actions">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('app.error.reload')}
        </button>
        <Link className="button button--secondary" to={paths.overview()}>
          {t('app.goToOverview')}
        </Link>
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
