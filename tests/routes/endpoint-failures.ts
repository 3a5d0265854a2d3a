import { delay, http, HttpResponse } from 'msw'
import { apiUrl } from '../../src/api/client'
import { readGoldenText } from '../mocks/golden-files'
import { server } from '../mocks/server'

/** The ways a read of one API file can go wrong, as a view meets them. */
export const FAILURES = ['404', '500', 'malformed JSON', 'schema mismatch'] as const
export type Failure = (typeof FAILURES)[number]

/**
 * Makes the next reads of `path` fail in the given way until `recover()` is called; after that
 * the golden file is served again, so a test can press "Try again" and see the view appear.
 */
export function failEndpoint(path: string, failure: Failure) {
  let failing = true
  server.use(
    http.get(apiUrl(path), () => {
      if (!failing) return HttpResponse.text(readGoldenText(path) ?? '', jsonHeaders)
      switch (failure) {
        case '404':
          return new HttpResponse('Not found', { status: 404 })
        case '500':
          return new HttpResponse('Internal error', { status: 500 })
        case 'malformed JSON':
          return HttpResponse.text('not json{', jsonHeaders)
        case 'schema mismatch':
          return HttpResponse.json({ schemaVersion: 1 })
      }
    }),
  )
  return {
    recover: () => {
      failing = false
    },
  }
}

/** Serves `path` only after `ms`, so the loading state can be seen first. */
export function slowEndpoint(path: string, ms = 300) {
  server.use(
    http.get(apiUrl(path), async () => {
      await delay(ms)
      return HttpResponse.text(readGoldenText(path) ?? '', jsonHeaders)
    }),
  )
}

const jsonHeaders = { headers: { 'Content-Type': 'application/json' } }
