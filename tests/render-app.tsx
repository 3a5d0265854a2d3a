import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { LocaleRoot } from '../src/app/locale-root'
import { activateLocale } from '../src/i18n/i18n'
import type { Locale } from '../src/i18n/locale'
import { AppProviders } from '../src/app/providers'
import { routes } from '../src/app/router'

/**
 * Renders the app's real route table at `path`, with a fresh QueryClient that does not retry
 * (a retry would hide the error state the test is looking for), in `locale` (tests/setup.ts
 * loads every catalog and goes back to English after each test).
 */
export function renderApp(path = '/', { locale = 'en' }: { locale?: Locale } = {}) {
  activateLocale(locale)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup()
  const result = render(
    <AppProviders client={queryClient}>
      <LocaleRoot>
        <RouterProvider router={router} />
      </LocaleRoot>
    </AppProviders>,
  )
  return { ...result, router, queryClient, user }
}
