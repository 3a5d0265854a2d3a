import { Outlet } from 'react-router'
import { PageShell } from './page-shell'
import { useLanguageFromUrl } from './use-language-from-url'

/** The root route's element: the shell around whichever page the URL selects. */
export function Layout() {
  useLanguageFromUrl()
  return (
    <PageShell>
      <Outlet />
    </PageShell>
  )
}
