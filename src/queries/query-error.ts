import { ApiError } from '../api/client'
import { t } from '../i18n/i18n'

/** How many times a failed read is tried again before the error is shown. */
const MAX_RETRIES = 2

/**
 * Retry only what may pass on a second try (no connection, a 5xx). A 404, a damaged file or a
 * schema mismatch will fail the same way until the files are rebuilt, so the error is shown at once.
 */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (!(error instanceof ApiError)) return false
  return error.kind === 'network' || (error.kind === 'http' && error.status >= 500)
}

export interface ErrorDescription {
  /** For the people using the dashboard. */
  message: string
  /** For whoever fixes it; empty when there is nothing more to say. */
  detail: string
}

/**
 * Turns any error from a query into words for the screen, in the reader's language, without
 * exposing the api layer. The detail stays as the api layer wrote it: it is for whoever fixes it.
 */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) return { message: apiErrorMessage(error), detail: error.detail }
  const detail = error instanceof Error ? error.message : String(error)
  return { message: t('app.error.unknown'), detail }
}

function apiErrorMessage({ kind, status, path }: ApiError): string {
  switch (kind) {
    case 'network':
      return t('app.error.network', { path })
    case 'malformed':
      return t('app.error.damaged', { path })
    case 'schema':
      return t('app.error.schema', { path })
    case 'http':
      if (status === 404) return t('app.error.notFound', { path, status })
      if (status >= 500) return t('app.error.server', { path, status })
      return t('app.error.refused', { path, status })
  }
}
