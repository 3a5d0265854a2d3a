import '@testing-library/jest-dom/vitest'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { ALL_CATALOGS, activateLocale, loadCatalogs } from '../src/i18n/i18n'
import { server } from './mocks/server'

// Every catalog of both languages, English active: a test that wants Chinese activates it.
await Promise.all([loadCatalogs('en', ALL_CATALOGS), loadCatalogs('zh', ALL_CATALOGS)])
activateLocale('en')
afterEach(() => activateLocale('en'))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/**
 * A console.error fails the test: React's act() and key warnings, msw's unhandled requests and
 * our own error logging all go there, and each means something is wrong. A test that expects an
 * error replaces the spy with `vi.spyOn(console, 'error').mockImplementation(...)` and asserts
 * on it itself.
 */
let consoleErrors: unknown[][] = []
beforeEach(() => {
  consoleErrors = []
  const original = console.error
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args)
    original(...args)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  if (consoleErrors.length > 0) {
    const first = consoleErrors[0]?.map(String).join(' ') ?? ''
    throw new Error(`console.error was called ${consoleErrors.length} time(s); first: ${first}`)
  }
})
