import { ApiError } from '../api/client'

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

/** Turns any error from a query into words for the screen, without exposing the api layer. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) return { message: error.message, detail: error.detail }
  if (error instanceof Error) {
    return { message: 'Something went wrong while loading the data.', detail: error.message }
  }
  return { message: 'Something went wrong while loading the data.', detail: String(error) }
}
