import { Component, type ErrorInfo, type ReactNode } from 'react'
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
          <h1>The dashboard stopped unexpectedly</h1>
          <p>Something went wrong that the dashboard could not recover from on its own.</p>
          <p>
            <a className="button" href={paths.overview()}>
              Start again
            </a>
          </p>
        </section>
      </main>
    )
  }
}
