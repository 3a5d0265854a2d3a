import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { AppErrorBoundary } from '../../src/app/app-error-boundary'
import { Layout } from '../../src/app/layout'
import { RootRouteError, RouteError } from '../../src/app/route-error'
import { activateLocale } from '../../src/i18n/i18n'

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

  it('explains a failing page in Chinese, keeping the technical detail as it is', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    activateLocale('zh')
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

    expect(screen.getByRole('banner')).toHaveTextContent('进博会各区数据看板')
    expect(screen.getByRole('heading', { name: '此页面无法显示' })).toBeVisible()
    expect(screen.getByRole('link', { name: '返回概览' })).toHaveAttribute('href', '/')
    expect(screen.getByRole('button', { name: '重新加载页面' })).toBeEnabled()
    expect(screen.getByText('技术详情')).toBeInTheDocument()
    expect(screen.getByText('chart exploded')).toBeInTheDocument()
  })
})
