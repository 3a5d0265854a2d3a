/*
 * The message catalogs' names, in a module of their own (no imports) so that lingui.config.ts,
 * which Lingui's tools load outside Vite, names the same catalogs the app loads.
 */

/** Catalogs every page needs: the shell, the theme switch, charts, exports and the evidence panel. */
export const SHARED_CATALOGS = ['app', 'theme', 'charts', 'export', 'evidence'] as const
/** One per view, loaded with the view; each is made from `src/routes/<name>.tsx`. */
export const VIEW_CATALOGS = [
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
] as const
export const ALL_CATALOGS = [...SHARED_CATALOGS, ...VIEW_CATALOGS] as const
export type CatalogName = (typeof ALL_CATALOGS)[number]
