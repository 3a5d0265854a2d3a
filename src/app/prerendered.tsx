import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useRef, type ReactNode } from 'react'
import type { createAppRouter } from './router'

/**
 * The address the app must be at to take over the page prerendered in `container` at build time
 * (vite.config.ts `prerender`): its path, with the query asked for when the page's markup does
 * not depend on the query. Null when nothing was prerendered.
 */
export function prerenderedAddress(container: HTMLElement, location: Location): string | null {
  const path = container.getAttribute('data-prerendered')
  if (path === null || !path.startsWith('/')) return null
  return container.hasAttribute('data-any-query') && path === location.pathname
    ? `${path}${location.search}`
    : path
}

/**
 * Resolves when the app can take over the prerendered page and render exactly what it shows:
 * the route's view is loaded and the page's API files are in the cache (or failed to load; then
 * the view says so in place of the page).
 */
export async function whenReadyToHydrate(
  router: ReturnType<typeof createAppRouter>,
  queryClient: QueryClient,
  pathname: string,
): Promise<void> {
  // Loaded here, not imported: the schemas behind it are no part of the first bundle.
  const data = import('./page-data').then(({ prefetchPageData }) =>
    prefetchPageData(queryClient, pathname),
  )
  if (!router.state.initialized)
    await new Promise<void>((resolve) => {
      const unsubscribe = router.subscribe((state) => {
        if (!state.initialized) return
        unsubscribe()
        resolve()
      })
    })
  await data
}

/** Calls `onCommit` once, after its children were first committed (for hydration: taken over). */
export function AfterCommit({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  const done = useRef(false)
  useEffect(() => {
    if (done.current) return
    done.current = true
    onCommit()
  }, [onCommit])
  return children
}
