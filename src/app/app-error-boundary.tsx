import { Component, type ErrorInfo, type ReactNode } from 'react'
import { t } from '../i18n/i18n'
import { paths } from './paths'

interface State {
  error: Error | null
}

/**
 * The last line of defence around the router and providers: route errors are handled by the
 * router's error elements, but a fault outside them must not leave a white page either. React
 * only offers error boundaries as class components.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('The dashboard stopped because of an unexpected error.', error, info)
  }

  override render() {
    if (this.state.error === null) return this.props.children
    return (
      <main className="site-main">
        <section className="notice notice--error" role="alert">
          <h1>{t('app.crash.title')}</h1>
          <p>{t('app.crash.message')}</p>
          <p>
            <a className="button" href={paths.overview()}>
              {t('app.crash.restart')}
            </a>
          </p>
        </section>
      </main>
    )
  }
}
