import { useSearchParams } from 'react-router'
import { currentLocale, t } from '../i18n/i18n'
import { LANG_PARAM, LOCALES, type Locale } from '../i18n/locale'

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
    <div className="language-switch" role="group" aria-label={t('app.language.label')}>
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

/** The controls at the end of the header. */
export function HeaderControls() {
  return (
    <div className="header-controls">
      <LanguageSwitch />
    </div>
  )
}
