import { useEffect, useRef, type ReactNode } from 'react'
import type { DataRouter } from 'react-router'

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

/** Resolves when the router has matched the page and loaded its view. */
export function whenInitialized(router: DataRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      resolve()
    })
  })
}

/** Resolves in a later task, so the browser can handle input and paint in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
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
