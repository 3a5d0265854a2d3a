import type { ComponentType } from 'react'
import { createBrowserRouter, type RouteObject } from 'react-router'
import { currentLocale, loadCatalogs, type CatalogName } from '../i18n/i18n'
import { NotFound } from '../routes/not-found'
import { Layout } from './layout'
import { PageLoading } from './page-loading'
import { routePatterns } from './paths'
import { RootRouteError, RouteError } from './route-error'

/**
 * The route table, exported on its own so tests render exactly this table in a memory router.
 * Each view loads on demand (its charts with it), so the first paint waits only for the shell.
 * The pathless child carries an error element so a failing page keeps the header and footer;
 * the root one catches a failure of the layout itself.
 */
/** A view's lazy route: its module and its message catalogs (in the current language) together. */
function view(
  catalog: CatalogName | ReadonlyArray<CatalogName>,
  load: () => Promise<ComponentType>,
) {
  const catalogs = typeof catalog === 'string' ? [catalog] : catalog
  return async () => {
    const [Component] = await Promise.all([load(), loadCatalogs(currentLocale(), catalogs)])
    return { Component }
  }
}

export const routes: RouteObject[] = [
  {
    path: routePatterns.overview,
    element: <Layout />,
    errorElement: <RootRouteError />,
    hydrateFallbackElement: <PageLoading shell />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            // The overview draws the edition view's chart by district and its coverage figure,
            // whose words are in the edition catalog.
            lazy: view(
              ['overview', 'edition'],
              async () => (await import('../routes/overview')).OverviewPage,
            ),
          },
          {
            path: routePatterns.district,
            lazy: view('district', async () => (await import('../routes/district')).DistrictPage),
          },
          {
            path: routePatterns.edition,
            lazy: view('edition', async () => (await import('../routes/edition')).EditionPage),
          },
          {
            path: routePatterns.compare,
            lazy: view('compare', async () => (await import('../routes/compare')).ComparePage),
          },
          {
            path: routePatterns.metric,
            lazy: view('metric', async () => (await import('../routes/metric')).MetricPage),
          },
          {
            path: routePatterns.article,
            lazy: view('article', async () => (await import('../routes/article')).ArticlePage),
          },
          {
            path: routePatterns.sources,
            lazy: view('sources', async () => (await import('../routes/sources')).SourcesPage),
          },
          {
            path: routePatterns.report,
            lazy: view('report', async () => (await import('../routes/report')).ReportPage),
          },
          {
            path: routePatterns.analyze,
            lazy: view('analyze', async () => (await import('../routes/analyze')).AnalyzePage),
          },
          {
            path: routePatterns.conflicts,
            lazy: view(
              'conflicts',
              async () => (await import('../routes/conflicts')).ConflictsPage,
            ),
          },
          { path: routePatterns.notFound, element: <NotFound /> },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
