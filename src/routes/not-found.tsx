import { Link, useLocation } from 'react-router'
import { APP_TITLE } from '../app/page-shell'
import { paths } from '../app/paths'

/** Any URL the route table does not know. */
export function NotFound() {
  const { pathname } = useLocation()
  return (
    <section className="notice" aria-labelledby="not-found-title">
      <title>{`Page not found · ${APP_TITLE}`}</title>
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>. The link may be out of date or mistyped.
      </p>
      <p>
        <Link className="button" to={paths.home()}>
          Go to the dataset table
        </Link>
      </p>
    </section>
  )
}
