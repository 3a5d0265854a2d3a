import { isRouteErrorResponse, useRouteError } from 'react-router'
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
      title="This page could not be shown"
      message="Something went wrong while drawing this page. Reloading usually helps; if it does not, start again from the overview."
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
