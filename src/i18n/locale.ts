/**
 * The dashboard's languages and how one is chosen: the URL (`?lang=zh`) first, so a link opens
 * in the language it was sent in; then the reader's last choice in this browser; then the
 * browser's own languages. Pure, so the boot code, the router and tests share it.
 */

export const LOCALES = ['en', 'zh'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** The URL parameter and the localStorage key that hold the choice. */
export const LANG_PARAM = 'lang'
export const LOCALE_STORAGE_KEY = 'ciie-dashboard:locale'

/** "zh", "zh-CN", "zh-Hans-CN" → zh; "en-GB" → en; anything else → null. */
export function parseLocale(value: string | null | undefined): Locale | null {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0]
  return primary === 'zh' || primary === 'en' ? primary : null
}

export function preferredLocale(sources: {
  search: string
  stored: string | null
  languages: ReadonlyArray<string>
}): Locale {
  const fromUrl = parseLocale(new URLSearchParams(sources.search).get(LANG_PARAM))
  if (fromUrl) return fromUrl
  const stored = parseLocale(sources.stored)
  if (stored) return stored
  for (const language of sources.languages) {
    const locale = parseLocale(language)
    if (locale) return locale
  }
  return DEFAULT_LOCALE
}

/** The choice this browser remembers; storage may be blocked (private mode), which is fine. */
export function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY)
  } catch {
    return null
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not remembered across visits; the URL still carries it.
  }
}

/** The locale this page should start in, from the browser's state. */
export function browserLocale(): Locale {
  return preferredLocale({
    search: location.search,
    stored: readStoredLocale(),
    languages: navigator.languages ?? [navigator.language],
  })
}

/** BCP 47 tags for Intl and for `<html lang>`. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en', zh: 'zh-CN' }
