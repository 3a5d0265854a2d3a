import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { AppErrorBoundary } from '../../src/app/app-error-boundary'
import { Layout } from '../../src/app/layout'
import { RootRouteError, RouteError } from '../../src/app/route-error'

function Broken(): never {
  throw new Error('chart exploded')
}

describe('error boundaries', () => {
  it('shows a failing page inside the layout, with a way home', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const router = createMemoryRouter([
      {
        path: '/',
        element: <Layout />,
        errorElement: <RootRouteError />,
        children: [
          { errorElement: <RouteError />, children: [{ index: true, element: <Broken /> }] },
        ],
      },
    ])
    render(<RouterProvider router={router} />)

    expect(screen.getByRole('banner')).toHaveTextContent('CIIE District Dashboard')
    expect(screen.getByRole('heading', { name: 'This page could not be shown' })).toBeVisible()
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/')
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeEnabled()
    expect(screen.getByText('chart exploded')).toBeInTheDocument()
    expect(consoleError).toHaveBeenCalled()
  })

  it('keeps a header when the layout itself fails', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const router = createMemoryRouter([
      { path: '/', element: <Broken />, errorElement: <RootRouteError /> },
    ])
    render(<RouterProvider router={router} />)

    expect(screen.getByRole('banner')).toHaveTextContent('CIIE District Dashboard')
    expect(screen.getByRole('heading', { name: 'This page could not be shown' })).toBeVisible()
  })

  it('catches a failure outside the router too', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <AppErrorBoundary>
        <Broken />
      </AppErrorBoundary>,
    )

    expect(
      screen.getByRole('heading', { name: 'The dashboard stopped unexpectedly' }),
    ).toBeVisible()
    expect(screen.getByRole('link', { name: 'Start again' })).toHaveAttribute('href', '/')
    expect(consoleError).toHaveBeenCalled()
  })
})
