import { Fragment, useSyncExternalStore, type ReactNode } from 'react'
import { currentLocale, onLocaleChange } from '../i18n/i18n'

/**
 * Renders the app again, from the top, when the language changes: every text, number and date
 * is then drawn in the new one, from components that read messages where they render. The URL
 * holds each view's state, so nothing a reader chose is lost.
 */
export function LocaleRoot({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(onLocaleChange, currentLocale, currentLocale)
  return <Fragment key={locale}>{children}</Fragment>
}
