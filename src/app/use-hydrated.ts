import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while the app renders on the build machine and while it takes over that prerendered
 * page, true from then on. A part of a page that depends on what only the browser has (the
 * query string of a view prerendered without one) shows its loading state until then, so the
 * prerendered markup and the app's first render match.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
