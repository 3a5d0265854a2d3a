import { defineConfig } from '@lingui/conf'
import { formatter } from '@lingui/format-json'

/**
 * Lingui's message catalogs (README, "Languages"): one JSON file per language and part of the
 * app, ids → ICU messages. @lingui/vite-plugin compiles a catalog when it is imported with
 * `?lingui`, so the app ships compiled messages and loads only its language's.
 *
 * The names are ALL_CATALOGS of src/i18n/i18n.ts: the shell's, the charts', the exports', the
 * evidence panel's, and one per view.
 */
const CATALOG_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ['app', 'app'],
  ['theme', 'app/header-controls.tsx'],
  ['charts', 'charts'],
  ['export', 'export'],
  ['evidence', 'routes/evidence-panel.tsx'],
  ...[
    'overview',
    'district',
    'edition',
    'metric',
    'compare',
    'article',
    'sources',
    'report',
    'analyze',
    'conflicts',
  ].map((view) => [view, `routes/${view}.tsx`] as const),
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
