import { useSyncExternalStore } from 'react'
import { useSearchParams } from 'react-router'
import { currentLocale, t } from '../i18n/i18n'
import { LANG_PARAM, LOCALES, type Locale } from '../i18n/locale'
import {
  THEME_CHOICES,
  THEME_STORAGE_KEY,
  applyTheme,
  readStoredTheme,
  storeTheme,
  type ThemeChoice,
} from './theme'

/** Each language named in itself, so a reader finds theirs whatever is shown now. */
const LANGUAGE_NAMES: Record<Locale, { name: string; lang: string }> = {
  en: { name: 'English', lang: 'en' },
  zh: { name: '简体中文', lang: 'zh-CN' },
}

/**
 * The language switch. It only writes `?lang=` into the URL: the layout follows the URL (see
 * useLanguageFromUrl), so a link, the back button and this switch all work the same way.
 */
export function LanguageSwitch() {
  const [, setSearchParams] = useSearchParams()
  const active = currentLocale()
  const choose = (locale: Locale) =>
    setSearchParams(
      (params) => {
        params.set(LANG_PARAM, locale)
        return params
      },
      { replace: true },
    )
  return (
    <div
      className="header-switch language-switch"
      role="group"
      aria-label={t('app.language.label')}
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={LANGUAGE_NAMES[locale].lang}
          aria-pressed={locale === active}
          onClick={() => choose(locale)}
        >
          {LANGUAGE_NAMES[locale].name}
        </button>
      ))}
    </div>
  )
}

/**
 * The theme choice as a store React can read: the switch writes it, and another tab's choice
 * (a `storage` event) is followed too. The server and hydration see "system", the prerendered
 * page's state, so the switch shows the stored choice just after hydrating, without a mismatch.
 */
const themeListeners = new Set<() => void>()

function subscribeToTheme(listener: () => void): () => void {
  themeListeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return
    applyTheme(readStoredTheme())
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    themeListeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function chooseTheme(choice: ThemeChoice): void {
  storeTheme(choice)
  applyTheme(choice)
  for (const listener of themeListeners) listener()
}

function themeLabel(choice: ThemeChoice): string {
  if (choice === 'light') return t('theme.light')
  if (choice === 'dark') return t('theme.dark')
  return t('theme.system')
}

/** System / Light / Dark: "System" follows the device's setting, the others override it. */
export function ThemeSwitch() {
  const active = useSyncExternalStore(subscribeToTheme, readStoredTheme, () => 'system' as const)
  return (
    <div className="header-switch theme-switch" role="group" aria-label={t('theme.label')}>
      {THEME_CHOICES.map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={choice === active}
          onClick={() => chooseTheme(choice)}
        >
          {themeLabel(choice)}
        </button>
      ))}
    </div>
  )
}

/** The controls at the end of the header. */
export function HeaderControls() {
  return (
    <div className="header-controls">
      <LanguageSwitch />
      <ThemeSwitch />
    </div>
  )
}
