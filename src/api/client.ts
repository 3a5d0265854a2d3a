import * as v from 'valibot'

const DEFAULT_API_BASE = '/api'

/** The URL of one API file, e.g. `apiUrl('catalog.json')` -> `/api/catalog.json`. */
export function apiUrl(path: string): string {
  const base = import.meta.env.VITE_API_BASE || DEFAULT_API_BASE
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

/**
 * What went wrong, so the UI can decide whether retrying makes sense: `network` and `http` 5xx
 * may pass; `malformed` and `schema` will not until the files are rebuilt.
 */
export type ApiErrorKind = 'network' | 'http' | 'malformed' | 'schema'

/**
 * A failed API read. `message` is written for the people using the dashboard; `detail` keeps the
 * technical reason (status text, parser or schema issues) for whoever fixes it.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly kind: ApiErrorKind
  readonly path: string
  readonly detail: string

  constructor(
    message: string,
    options: { status: number; kind: ApiErrorKind; path: string; detail?: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause })
    this.status = options.status
    this.kind = options.kind
    this.path = options.path
    this.detail = options.detail ?? ''
  }
}

/** How many schema issues to spell out; more would bury the first, which is usually the cause. */
const MAX_ISSUES_SHOWN = 5

function describeIssues(issues: ReadonlyArray<v.BaseIssue<unknown>>): string {
  const lines = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const where = issue.path?.map((item) => String(item.key)).join('.') || '(top level)'
    return `${where}: ${issue.message}`
  })
  const more = issues.length - MAX_ISSUES_SHOWN
  if (more > 0) lines.push(`…and ${more} more`)
  return lines.join('\n')
}

function describeStatus(status: number): string {
  if (status === 404) return 'was not found on the server'
  if (status >= 500) return 'could not be sent because of a problem on the server'
  return 'was refused by the server'
}

/**
 * Reads one API file and checks it against the shared schema. Every failure (no connection, a bad
 * status, a body that is not JSON, data of the wrong shape) becomes an `ApiError` with a message
 * in plain words, so no caller has to guess what a TypeError or a schema issue means.
 */
export async function getJson<T>(path: string, schema: v.GenericSchema<unknown, T>): Promise<T> {
  const url = apiUrl(path)
  let response: Response
  try {
    response = await fetch(url)
  } catch (cause) {
    throw new ApiError(`The data file ${path} could not be reached. Check the connection.`, {
      status: 0,
      kind: 'network',
      path,
      detail: cause instanceof Error ? cause.message : String(cause),
      cause,
    })
  }

  if (!response.ok) {
    throw new ApiError(
      `The data file ${path} ${describeStatus(response.status)} (error ${response.status}).`,
      {
        status: response.status,
        kind: 'http',
        path,
        detail: `GET ${url} answered ${response.status} ${response.statusText}`.trim(),
      },
    )
  }

  // A static host or SPA server answers a file it does not have with the app's index.html
  // (200, text/html): that is a missing file, not a damaged one.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new ApiError(`The data file ${path} ${describeStatus(404)} (error 404).`, {
      status: 404,
      kind: 'http',
      path,
      detail: `GET ${url} answered an HTML page instead of JSON`,
    })
  }

  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    throw new ApiError(`The data file ${path} is damaged and could not be read.`, {
      status: response.status,
      kind: 'malformed',
      path,
      detail: cause instanceof Error ? cause.message : String(cause),
      cause,
    })
  }

  const result = v.safeParse(schema, body)
  if (!result.success) {
    throw new ApiError(
      `The data file ${path} is not in the format this dashboard expects. It may need to be rebuilt.`,
      {
        status: response.status,
        kind: 'schema',
        path,
        detail: describeIssues(result.issues),
        cause: result.issues,
      },
    )
  }
  return result.output
}
