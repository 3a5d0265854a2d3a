import { useEffect } from 'react'
import { useSearchParams } from 'react-router'
import { currentLocale } from '../i18n/i18n'
import { DEFAULT_LOCALE, LANG_PARAM, parseLocale } from '../i18n/locale'
import { switchLocale } from '../i18n/switch-locale'

/**
 * Keeps the language and the URL together: `?lang=` switches the language (a link sent in
 * Chinese opens in Chinese), and a page reached by an in-app link, whose address has no `lang`,
 * gets the current one written back, so the address can be bookmarked or sent as it is.
 */
export function useLanguageFromUrl(): void {
  const [params, setParams] = useSearchParams()
  const asked = parseLocale(params.get(LANG_PARAM))
  const locale = currentLocale()
  useEffect(() => {
    if (asked !== null && asked !== locale) {
      void switchLocale(asked)
    } else if (asked === null && locale !== DEFAULT_LOCALE) {
      setParams(
        (next) => {
          next.set(LANG_PARAM, locale)
          return next
        },
        { replace: true },
      )
    }
  }, [asked, locale, setParams])
}
