import type { ReactNode } from 'react'
import { Link, NavLink } from 'react-router'
import { useReportCount } from '../export/report-count'
import { HeaderControls } from './header-controls'
import { paths } from './paths'

export const APP_TITLE = 'CIIE District Dashboard'

/**
 * Header, main and footer around every page, error pages included, so a failure never leaves a
 * blank screen without a way home.
 */
export function PageShell({ children }: { children: ReactNode }) {
  const reportCount = useReportCount()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div>
            <Link className="site-header__title" to={paths.overview()}>
              {APP_TITLE}
            </Link>
            <p className="site-header__tagline">
              Shanghai districts and the China International Import Expo, as reported in the press
            </p>
          </div>
          <nav className="site-nav" aria-label="Main">
            <NavLink to={paths.overview()} end>
              Overview
            </NavLink>
            <NavLink to={paths.compare()}>Compare districts</NavLink>
            <NavLink to={paths.sources()}>Sources</NavLink>
            <NavLink to={paths.conflicts()}>Conflicts</NavLink>
            <NavLink to={paths.analyze()}>Check an article</NavLink>
            <NavLink to={paths.report()}>
              Report
              {reportCount > 0 ? (
                <>
                  {/* Seen as "Report (3)", heard as "Report, 3 figures". */}
                  <span aria-hidden="true"> ({reportCount})</span>
                  <span className="visually-hidden">
                    , {reportCount === 1 ? '1 figure' : `${reportCount} figures`}
                  </span>
                </>
              ) : null}
            </NavLink>
          </nav>
          <HeaderControls />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p className="site-footer__inner">
          Every number is read from a press article and shown with the sentence it came from.
          Amounts are given in the currency the article used and are never converted.
        </p>
      </footer>
    </div>
  )
}
