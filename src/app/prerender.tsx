import { ALL_CATALOGS, activateLocale, loadCatalogs } from '../i18n/i18n'
import { DEFAULT_LOCALE } from '../i18n/locale'
import { QueryClient } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import {
  createStaticHandler,
  createStaticRouter,
  matchPath,
  StaticRouterProvider,
} from 'react-router'
import * as v from 'valibot'
import { SummaryFileSchema } from '../pipeline/schema'
import { AppErrorBoundary } from './app-error-boundary'
import { dataStamp, prefetchPageData } from './page-data'
import { AppProviders } from './providers'
import { paths, routePatterns } from './paths'
import { routes } from './router'

/**
 * Server-side rendering of one page at build time (vite.config.ts `prerender` writes the result
 * into dist/), so the first paint is plain HTML and does not wait for JavaScript, the lazy view
 * and the data. The page is rendered from the same API files the app reads, and what needs a
 * browser (chart widths, localStorage) renders as the app's first render does before it has
 * them, so the app takes the page over without changing a node (src/main.tsx).
 */
export interface PrerenderedPage {
  /** The markup that goes inside #root. */
  html: string
  /** The page's <title> text, for the <head>. */
  title: string | null
  /**
   * The markup is the same whatever the query string (the view renders its query-dependent part
   * only in the browser), so the app can take it over at any query of the path.
   */
  anyQuery: boolean
  /** The data the page was rendered from (`dataStamp`). */
  dataStamp: string | null
}

/** Views whose prerendered markup does not depend on the query (see `useHydrated`). */
const QUERY_FREE_VIEWS: ReadonlyArray<string> = [routePatterns.compare]

/** Thrown for a path the route table answers with a redirect or an error: nothing to write. */
export class NotPrerenderable extends Error {}

/** Reads one API file (`summary.json`, `districts/jingan.json`) as the pipeline wrote it. */
export type ReadApiFile = (file: string) => Promise<string>

/**
 * The query cache for a build's pages. Shared by the pages of one build, so each API file is
 * read and checked against its schema once however many pages show it (every page shows the
 * summary).
 */
export function createPrerenderClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } })
}

/**
 * Renders the page at `path` with the API files it shows first (src/app/page-data.ts) read
 * through `readApiFile`: the same query functions and schemas as in the browser, with `fetch`
 * answered from the files while the page renders.
 */
export async function prerenderPage(
  path: string,
  readApiFile: ReadApiFile,
  client: QueryClient = createPrerenderClient(),
): Promise<PrerenderedPage> {
  // Pages are prerendered in the default language; a reader in another one gets the app's render.
  await loadCatalogs(DEFAULT_LOCALE, ALL_CATALOGS)
  activateLocale(DEFAULT_LOCALE)
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request(new URL(path, ORIGIN)))
  if (context instanceof Response) throw new NotPrerenderable(`${path} answers ${context.status}`)
  if (context.errors) throw new NotPrerenderable(`${path} has a route error`)

  await withApiFiles(readApiFile, () => prefetchPageData(client, path))
  const router = createStaticRouter(handler.dataRoutes, context)
  const markup = renderToString(
    <StrictMode>
      <AppErrorBoundary>
        <AppProviders client={client}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </AppProviders>
      </AppErrorBoundary>
    </StrictMode>,
  )
  // React puts <title> first in the markup; it belongs in <head>.
  let title: string | null = null
  const html = markup.replace(/<title>([^<]*)<\/title>/, (_, text: string) => {
    title = text
    return ''
  })
  const anyQuery = QUERY_FREE_VIEWS.some((pattern) => matchPath(pattern, path) !== null)
  return { html, title, anyQuery, dataStamp: dataStamp(client) }
}

const ORIGIN = 'http://prerender.invalid'

/** Runs `work` with `fetch` answering the API's URLs (`…/api/<file>`) from `readApiFile`. */
async function withApiFiles<T>(readApiFile: ReadApiFile, work: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch
  globalThis.fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), ORIGIN)
    const file = url.pathname.replace(/^.*?\/api\//, '')
    try {
      return new Response(await readApiFile(file), {
        headers: { 'content-type': 'application/json' },
      })
    } catch {
      return new Response('not found', { status: 404 })
    }
  }
  try {
    return await work()
  } finally {
    globalThis.fetch = realFetch
  }
}

/** Every page the dataset has: the fixed ones, then one per district, edition, metric, article. */
export async function prerenderPaths(readApiFile: ReadApiFile): Promise<Array<string>> {
  const summary = v.parse(SummaryFileSchema, JSON.parse(await readApiFile('summary.json')))
  const articles = v.parse(
    v.object({ articles: v.array(v.object({ id: v.string() })) }),
    JSON.parse(await readApiFile('articles.json')),
  )
  return [
    paths.overview(),
    paths.compare(),
    paths.sources(),
    paths.report(),
    paths.analyze(),
    paths.conflicts(),
    ...summary.districts.map((district) => paths.district(district.id)),
    ...summary.editions.map((edition) => paths.edition(edition.edition)),
    ...summary.metrics.map((metric) => paths.metric(metric.key)),
    ...articles.articles.map((article) => paths.article(article.id)),
  ]
}

/** The module of the view router.tsx loads lazily for a path, so its CSS can go in the page. */
const VIEW_MODULES: ReadonlyArray<readonly [string, string]> = [
  [routePatterns.overview, 'src/routes/overview.tsx'],
  [routePatterns.district, 'src/routes/district.tsx'],
  [routePatterns.edition, 'src/routes/edition.tsx'],
  [routePatterns.compare, 'src/routes/compare.tsx'],
  [routePatterns.metric, 'src/routes/metric.tsx'],
  [routePatterns.article, 'src/routes/article.tsx'],
  [routePatterns.sources, 'src/routes/sources.tsx'],
  [routePatterns.report, 'src/routes/report.tsx'],
  [routePatterns.analyze, 'src/routes/analyze.tsx'],
  [routePatterns.conflicts, 'src/routes/conflicts.tsx'],
]

export function viewModuleOf(path: string): string | null {
  return VIEW_MODULES.find(([pattern]) => matchPath(pattern, path) !== null)?.[1] ?? null
}
