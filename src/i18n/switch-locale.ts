import { activateLocale, loadCatalogs, loadedCatalogs, SHARED_CATALOGS } from './i18n'
import { storeLocale, type Locale } from './locale'

/**
 * Shows the app in `locale`: loads the same catalogs as are loaded now (the shared ones and
 * those of every view seen so far, whose routes will not load again), then switches, which
 * remounts the app under LocaleRoot. Remembered in this browser.
 */
export async function switchLocale(locale: Locale): Promise<void> {
  await loadCatalogs(locale, [...new Set([...SHARED_CATALOGS, ...loadedCatalogs()])])
  storeLocale(locale)
  activateLocale(locale)
}
