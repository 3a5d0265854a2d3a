import { defineConfig } from '@lingui/conf'
import { formatter } from '@lingui/format-json'
import { SHARED_CATALOGS, VIEW_CATALOGS, type CatalogName } from './src/i18n/catalog-names'

/**
 * Lingui's message catalogs (README, "Languages"): one JSON file per language and part of the
 * app, ids → ICU messages. @lingui/vite-plugin compiles a catalog when it is imported with
 * `?lingui`, so the app ships compiled messages and loads only its language's.
 *
 * The names come from src/i18n/catalog-names.ts, so the app loads what is made here.
 */
/** Where each shared catalog's messages are written; a view's are in its route file. */
const SHARED_SOURCES: Record<(typeof SHARED_CATALOGS)[number], string> = {
  app: 'app',
  theme: 'app/header-controls.tsx',
  charts: 'charts',
  export: 'export',
  evidence: 'routes/evidence-panel.tsx',
}
const CATALOG_SOURCES: ReadonlyArray<readonly [CatalogName, string]> = [
  ...SHARED_CATALOGS.map((name) => [name, SHARED_SOURCES[name]] as const),
  ...VIEW_CATALOGS.map((view) => [view, `routes/${view}.tsx`] as const),
]

export default defineConfig({
  locales: ['en', 'zh'],
  sourceLocale: 'en',
  catalogs: CATALOG_SOURCES.map(([name, source]) => ({
    path: `<rootDir>/src/locales/{locale}/${name}`,
    include: [`<rootDir>/src/${source}`],
  })),
  format: formatter({ style: 'minimal' }),
})
