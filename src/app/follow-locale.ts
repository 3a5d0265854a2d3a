import { i18n } from '@lingui/core'
import { onLocaleChange } from '../i18n/i18n'

/**
 * Keeps a text that other modules import as a constant (NOT_REPORTED, APP_TITLE) in the current
 * language: `update` runs now, if a language is active, and again after each switch. An ES
 * module export is a live binding, so importers read the new text at their next render.
 */
export function followLocale(update: () => void): void {
  // Catalogs load (and announce it) before the first language is activated: t() would throw.
  const run = () => {
    if (i18n.locale) update()
  }
  run()
  onLocaleChange(run)
}
