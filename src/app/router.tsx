import { createBrowserRouter, type RouteObject } from 'react-router'
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
            lazy: async () => ({ Component: (await import('../routes/overview')).OverviewPage }),
          },
          {
            path: routePatterns.district,
            lazy: async () => ({ Component: (await import('../routes/district')).DistrictPage }),
          },
          {
            path: routePatterns.edition,
            lazy: async () => ({ Component: (await import('../routes/edition')).EditionPage }),
          },
          {
            path: routePatterns.compare,
            lazy: async () => ({ Component: (await import('../routes/compare')).ComparePage }),
          },
          {
            path: routePatterns.metric,
            lazy: async () => ({ Component: (await import('../routes/metric')).MetricPage }),
          },
          {
            path: routePatterns.article,
            lazy: async () => ({ Component: (await import('../routes/article')).ArticlePage }),
          },
          {
            path: routePatterns.sources,
            lazy: async () => ({ Component: (await import('../routes/sources')).SourcesPage }),
          },
          {
            path: routePatterns.report,
            lazy: async () => ({ Component: (await import('../routes/report')).ReportPage }),
          },
          {
            path: routePatterns.analyze,
            lazy: async () => ({ Component: (await import('../routes/analyze')).AnalyzePage }),
          },
          {
            path: routePatterns.conflicts,
            lazy: async () => ({ Component: (await import('../routes/conflicts')).ConflictsPage }),
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
