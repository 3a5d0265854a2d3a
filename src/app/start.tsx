import { StrictMode, startTransition } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { AppErrorBoundary } from './app-error-boundary'
import { AfterCommit, prerenderedAddress, whenReadyToHydrate } from './prerendered'
import { AppProviders, createQueryClient } from './providers'
import { createAppRouter } from './router'

/** Renders the app into `container`, or takes over the page prerendered in it. */
export function startApp(container: HTMLElement): void {
  // A page prerendered at build time was rendered for one address. The app takes it over at that
  // address, so every node matches and stays where it is, then moves to the one asked for.
  const prerendered = prerenderedAddress(container, location)
  const requested = `${location.pathname}${location.search}${location.hash}`
  if (prerendered !== null && prerendered !== requested)
    history.replaceState(history.state, '', prerendered)

  const queryClient = createQueryClient()
  const router = createAppRouter()
  const app = (
    <StrictMode>
      <AppErrorBoundary>
        <AppProviders client={queryClient}>
          <RouterProvider router={router} />
        </AppProviders>
      </AppErrorBoundary>
    </StrictMode>
  )

  if (prerendered === null) {
    createRoot(container).render(<AfterCommit onCommit={markLive}>{app}</AfterCommit>)
  } else {
    void whenReadyToHydrate(router, queryClient, location.pathname).then(() => {
      const moveToRequested = () => {
        if (prerendered === requested) markLive()
        else void router.navigate(requested, { replace: true }).then(markLive)
      }
      // In a transition, hydration runs in slices and the page stays responsive meanwhile.
      startTransition(() => {
        hydrateRoot(container, <AfterCommit onCommit={moveToRequested}>{app}</AfterCommit>)
      })
    })
  }
}

/** `<html data-app="live">` once the app runs the page: for tests and tools that wait on it. */
function markLive(): void {
  document.documentElement.dataset.app = 'live'
}
