import { Link, useLocation } from 'react-router'
import { APP_TITLE } from '../app/page-shell'
import { paths } from '../app/paths'

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
export function NotFound({ title = 'Page not found', message }: NotFoundProps) {
  const { pathname, search } = useLocation()
  return (
    <section className="notice" aria-labelledby="not-found-title">
      <title>{`${title} · ${APP_TITLE}`}</title>
      <h1 id="not-found-title">{title}</h1>
      <p>
        {message ?? (
          <>
            There is no page at <code>{pathname + search}</code>. The link may be out of date or
            mistyped.
          </>
        )}
      </p>
      <p className="notice__actions">
        <Link className="button" to={paths.overview()}>
          Go to the overview
        </Link>
        <Link className="button button--secondary" to={paths.sources()}>
          See all sources
        </Link>
      </p>
    </section>
  )
}

/** An `evidence=` parameter that names no value (a mistyped or outdated link). */
export function EvidenceNotFound() {
  return (
    <NotFound
      title="Evidence not found"
      message="The link asks for the sources of a value that does not exist."
    />
  )
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
      title="Edition not found"
      message={`There is no CIIE edition "${value}". Editions run from 1 (2018) to ${last?.edition ?? ''} (${last?.year ?? ''}).`}
    />
  )
}
