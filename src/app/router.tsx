import { createBrowserRouter, type RouteObject } from 'react-router'
import { DatasetTable } from '../routes/dataset-table'
import { NotFound } from '../routes/not-found'
import { Layout } from './layout'
import { routePatterns } from './paths'
import { RootRouteError, RouteError } from './route-error'

/**
 * The route table, exported on its own so tests render exactly this table in a memory router.
 * The pathless child carries an error element so a failing page keeps the header and footer;
 * the root one catches a failure of the layout itself.
 */
export const routes: RouteObject[] = [
  {
    path: routePatterns.home,
    element: <Layout />,
    errorElement: <RootRouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <DatasetTable /> },
          { path: routePatterns.notFound, element: <NotFound /> },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
