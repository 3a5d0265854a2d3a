import { Outlet } from 'react-router'
import { PageShell } from './page-shell'

/** The root route's element: the shell around whichever page the URL selects. */
export function Layout() {
  return (
    <PageShell>
      <Outlet />
    </PageShell>
  )
}
