import { i18n, type Messages } from '@lingui/core'
import type analyzeMessages from '../locales/en/analyze.json'
import type appMessages from '../locales/en/app.json'
import type articleMessages from '../locales/en/article.json'
import type chartsMessages from '../locales/en/charts.json'
import type compareMessages from '../locales/en/compare.json'
import type conflictsMessages from '../locales/en/conflicts.json'
import type districtMessages from '../locales/en/district.json'
import type editionMessages from '../locales/en/edition.json'
import type evidenceMessages from '../locales/en/evidence.json'
import type exportMessages from '../locales/en/export.json'
import type metricMessages from '../locales/en/metric.json'
import type overviewMessages from '../locales/en/overview.json'
import type reportMessages from '../locales/en/report.json'
import type sourcesMessages from '../locales/en/sources.json'
import type themeMessages from '../locales/en/theme.json'
import { ALL_CATALOGS, type CatalogName } from './catalog-names'
import { LANGUAGE_TAGS, type Locale } from './locale'

/**
 * The app's messages, through Lingui (README, "Languages"). Each part of the app has its own
 * catalog in src/locales/<locale>/<part>.json: an id and an ICU message ("{count, plural, one {#
 * figure} other {# figures}}"). @lingui/vite-plugin compiles a catalog when it is imported with
 * `?lingui`; only the chosen language's catalogs load, each view's with the view.
 */

export { ALL_CATALOGS, SHARED_CATALOGS, VIEW_CATALOGS, type CatalogName } from './catalog-names'

/** Every message id: a typo, or an id no catalog has, is a type error. */
export type MessageId =
  | keyof typeof appMessages
  | keyof typeof themeMessages
  | keyof typeof chartsMessages
  | keyof typeof exportMessages
  | keyof typeof evidenceMessages
  | keyof typeof overviewMessages
  | keyof typeof districtMessages
  | keyof typeof editionMessages
  | keyof typeof metricMessages
  | keyof typeof compareMessages
  | keyof typeof articleMessages
  | keyof typeof sourcesMessages
  | keyof typeof reportMessages
  | keyof typeof analyzeMessages
  | keyof typeof conflictsMessages

export type MessageValues = Record<string, string | number>

const catalogLoaders = import.meta.glob<{ messages: Messages }>('../locales/*/*.json', {
  query: '?lingui',
})
const loaded = new Set<string>()

/** Loads the named catalogs of a language (each once), ready for activateLocale. */
export async function loadCatalogs(
  locale: Locale,
  names: ReadonlyArray<CatalogName>,
): Promise<void> {
  await Promise.all(
    names.map(async (name) => {
      const key = `${locale}/${name}`
      if (loaded.has(key)) return
      const load = catalogLoaders[`../locales/${key}.json`]
      if (!load) throw new Error(`no message catalog src/locales/${key}.json`)
      const { messages } = await load()
      i18n.load(locale, messages)
      loaded.add(key)
    }),
  )
}

/** The catalogs loaded so far in any language: a switch loads the same ones in the new one. */
export function loadedCatalogs(): Array<CatalogName> {
  return ALL_CATALOGS.filter((name) => [...loaded].some((key) => key.endsWith(`/${name}`)))
}

/** Makes `locale` the one every message and number is shown in, and says so to `<html lang>`. */
export function activateLocale(locale: Locale): void {
  i18n.activate(locale)
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGE_TAGS[locale]
}

export function currentLocale(): Locale {
  return i18n.locale === 'zh' ? 'zh' : 'en'
}

/** A message in the current language. */
export function t(id: MessageId, values?: MessageValues): string {
  return i18n._(id, values)
}

/** A name the reference data gives in both languages (a district, a metric, an edition). */
export function localName(entry: { en: string; zh: string }): string {
  return currentLocale() === 'zh' ? entry.zh : entry.en
}

/** Calls `listener` after each switch of language; returns the unsubscribe. */
export function onLocaleChange(listener: () => void): () => void {
  return i18n.on('change', listener)
}
