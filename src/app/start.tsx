import type { QueryClient } from '@tanstack/react-query'
import { StrictMode, startTransition, type ReactNode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { SHARED_CATALOGS, activateLocale, loadCatalogs } from '../i18n/i18n'
import { DEFAULT_LOCALE, browserLocale } from '../i18n/locale'
import { AppErrorBoundary } from './app-error-boundary'
import { LocaleRoot } from './locale-root'
import { AfterCommit, nextTask, prerenderedAddress, whenInitialized } from './prerendered'
import { AppProviders, createQueryClient } from './providers'
import { createAppRouter } from './router'

/** Renders the app into `container`, or takes over the page prerendered in it. */
export function startApp(container: HTMLElement): void {
  const prerendered = prerenderedAddress(container, location)
  const queryClient = createQueryClient()
  // Dev server only (`npm start`): refetch the data when the articles change. `import.meta.hot`
  // is undefined in a build, so this and live-data.tsx are left out of the bundle.
  if (import.meta.hot) {
    const hot = import.meta.hot
    void import('./live-data').then(({ followLiveData }) => followLiveData(queryClient, hot))
  }
  const locale = browserLocale()
  void loadCatalogs(locale, SHARED_CATALOGS).then(() => {
    activateLocale(locale)
    // Pages are prerendered in the default language: in another, the app draws the page itself.
    if (prerendered === null || locale !== DEFAULT_LOCALE) {
      renderAnew(container, createAppRouter(), queryClient)
    } else {
      void takeOver(container, prerendered, queryClient)
    }
  })
}

/**
 * A page prerendered at build time was rendered for one address. The app takes it over at that
 * address, so every node matches and stays where it is, then moves to the one asked for. Each
 * step's code runs in a task of its own (the data's schemas, then the router and the view, then
 * hydration in slices), so the page stays responsive to input throughout.
 */
async function takeOver(container: HTMLElement, prerendered: string, queryClient: QueryClient) {
  const requested = `${location.pathname}${location.search}${location.hash}`
  if (prerendered !== requested) history.replaceState(history.state, '', prerendered)
  const { dataStamp, prefetchPageData } = await import('./page-data')
  const data = prefetchPageData(queryClient, location.pathname)
  await nextTask()
  const router = createAppRouter()
  await Promise.all([whenInitialized(router), data])

  if (dataStamp(queryClient) !== container.getAttribute('data-stamp')) {
    // The API holds other data than the page was built from (or could not be read): the page
    // is drawn anew at the address asked for, as it would be without prerendering.
    await router.navigate(requested, { replace: true })
    renderAnew(container, router, queryClient)
    return
  }
  const moveToRequested = () => {
    if (prerendered === requested) markLive()
    // flushSync: the page shows the address asked for once the navigation resolves.
    else void router.navigate(requested, { replace: true, flushSync: true }).then(markLive)
  }
  startTransition(() => {
    hydrateRoot(
      container,
      <AfterCommit onCommit={moveToRequested}>{appOf(router, queryClient)}</AfterCommit>,
      { onRecoverableError: reportRedrawn },
    )
  })
}

/** Renders the app into `container`, replacing whatever it holds. */
function renderAnew(
  container: HTMLElement,
  router: ReturnType<typeof createAppRouter>,
  queryClient: QueryClient,
): void {
  createRoot(container).render(
    <AfterCommit onCommit={markLive}>{appOf(router, queryClient)}</AfterCommit>,
  )
}

function appOf(router: ReturnType<typeof createAppRouter>, queryClient: QueryClient): ReactNode {
  return (
    <StrictMode>
      <AppErrorBoundary>
        <AppProviders client={queryClient}>
          <LocaleRoot>
            <RouterProvider router={router} />
          </LocaleRoot>
        </AppProviders>
      </AppErrorBoundary>
    </StrictMode>
  )
}

/**
 * React could not take over the markup (a district or article file changed since the build while
 * the summary did not) and drew the page anew, which is what the reader now sees: worth a
 * warning for whoever deploys, not an error on the page.
 */
function reportRedrawn(error: unknown): void {
  console.warn('The prerendered page did not match the data; the app drew it anew.', error)
}

/** `<html data-app="live">` once the app runs the page: for tests and tools that wait on it. */
function markLive(): void {
  document.documentElement.dataset.app = 'live'
}
