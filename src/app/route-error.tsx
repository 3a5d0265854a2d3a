import { isRouteErrorResponse, useRouteError } from 'react-router'
import { t } from '../i18n/i18n'
import { ErrorMessage } from './error-message'
import { PageShell } from './page-shell'

function describeRouteError(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim()
  if (error instanceof Error) return error.message
  return String(error)
}

function RouteErrorMessage() {
  const error = useRouteError()
  return (
    <ErrorMessage
      title={t('app.routeError.title')}
      message={t('app.routeError.message')}
      detail={describeRouteError(error)}
    />
  )
}

/** Shown inside the layout when a page fails, so the header and footer stay in place. */
export function RouteError() {
  return <RouteErrorMessage />
}

/** Shown when the layout itself fails: brings its own shell. */
export function RootRouteError() {
  return (
    <PageShell>
      <RouteErrorMessage />
    </PageShell>
  )
}
