import type { ReactNode } from 'react'
import { Link, NavLink } from 'react-router'
import { useReportCount } from '../export/report-count'
import { t } from '../i18n/i18n'
import { HeaderControls } from './header-controls'
import { paths } from './paths'

/** The dashboard's name, in the current language: the header's and every page title's end. */
export function appTitle(): string {
  return t('app.title')
}

/**
 * Header, main and footer around every page, error pages included, so a failure never leaves a
 * blank screen without a way home.
 */
export function PageShell({ children }: { children: ReactNode }) {
  const reportCount = useReportCount()
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div>
            <Link className="site-header__title" to={paths.overview()}>
              {appTitle()}
            </Link>
            <p className="site-header__tagline">{t('app.tagline')}</p>
          </div>
          <nav className="site-nav" aria-label={t('app.nav.label')}>
            <NavLink to={paths.overview()} end>
              {t('app.nav.overview')}
            </NavLink>
            <NavLink to={paths.compare()}>{t('app.nav.compare')}</NavLink>
            <NavLink to={paths.sources()}>{t('app.nav.sources')}</NavLink>
            <NavLink to={paths.conflicts()}>{t('app.nav.conflicts')}</NavLink>
            <NavLink to={paths.analyze()}>{t('app.nav.analyze')}</NavLink>
            <NavLink to={paths.report()}>
              {t('app.nav.report')}
              {reportCount > 0 ? (
                <>
                  {/* Seen as "Report (3)", heard as "Report, 3 figures". */}
                  <span aria-hidden="true"> ({reportCount})</span>
                  <span className="visually-hidden">
                    {t('app.nav.reportCount', { count: reportCount })}
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
        <p className="site-footer__inner">{t('app.footer')}</p>
      </footer>
    </div>
  )
}
