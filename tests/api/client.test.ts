import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as v from 'valibot'
import { ApiError, apiUrl, getJson } from '../../src/api/client'
import { server } from '../mocks/server'

const PointSchema = v.object({ x: v.number(), label: v.string() })

function serve(resolver: Parameters<typeof http.get>[1]) {
  server.use(http.get(apiUrl('point.json'), resolver))
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

describe('apiUrl', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('serves files from /api by default', () => {
    expect(apiUrl('catalog.json')).toBe('/api/catalog.json')
  })

  it('takes its base from VITE_API_BASE, with or without slashes at the join', () => {
    vi.stubEnv('VITE_API_BASE', 'https://data.example.org/ciie/')
    expect(apiUrl('/dataset.json')).toBe('https://data.example.org/ciie/dataset.json')
  })
})

describe('getJson', () => {
  it('returns the parsed data when the file matches the schema', async () => {
    serve(() => HttpResponse.json({ x: 3, label: 'three' }))
    await expect(getJson('point.json', PointSchema)).resolves.toEqual({ x: 3, label: 'three' })
  })

  it('turns a 404 into an ApiError that names the file and the status', async () => {
    serve(() => new HttpResponse(null, { status: 404, statusText: 'Not Found' }))
    const error = await failureOf(getJson('point.json', PointSchema))
    expect(error).toMatchObject({ status: 404, kind: 'http', path: 'point.json' })
    expect(error.message).toBe('The data file point.json was not found on the server (error 404).')
  })

  it('turns a 500 into an ApiError about the server', async () => {
    serve(() => new HttpResponse('boom', { status: 500 }))
    const error = await failureOf(getJson('point.json', PointSchema))
    expect(error).toMatchObject({ status: 500, kind: 'http' })
    expect(error.message).toMatch(/problem on the server/)
  })

  it('turns a body that is not JSON into a readable ApiError, not a SyntaxError', async () => {
    serve(() => HttpResponse.text('<html>proxy error</html>'))
    const error = await failureOf(getJson('point.json', PointSchema))
    expect(error).toMatchObject({ status: 200, kind: 'malformed' })
    expect(error.message).toBe('The data file point.json is damaged and could not be read.')
    expect(error.detail).not.toBe('')
  })

  it("treats the app's own HTML page, served in place of a missing file, as not found", async () => {
    serve(() => HttpResponse.html('<!doctype html><div id="root"></div>'))
    const error = await failureOf(getJson('point.json', PointSchema))
    expect(error).toMatchObject({ status: 404, kind: 'http', path: 'point.json' })
    expect(error.message).toMatch(/was not found/)
  })

  it('turns data of the wrong shape into an ApiError listing where it differs', async () => {
    serve(() => HttpResponse.json({ x: 'three' }))
    const error = await failureOf(getJson('point.json', PointSchema))
    expect(error).toMatchObject({ status: 200, kind: 'schema' })
    expect(error.message).toMatch(/not in the format this dashboard expects/)
    expect(error.detail).toMatch(/^x: /m)
    expect(error.detail).toMatch(/^label: /m)
  })

  it('keeps the list of schema problems short', async () => {
    const ManySchema = v.object(
      Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`field${i}`, v.string()])),
    )
    serve(() => HttpResponse.json({}))
    const error = await failureOf(getJson('point.json', ManySchema))
    expect(error.detail.split('\n')).toHaveLength(6)
    expect(error.detail).toMatch(/…and 4 more$/)
  })

  it('turns a network failure into an ApiError with status 0', async () => {
    serve(() => HttpResponse.error())
    const error = await failureOf(getJson('point.json', PointSchema))
    expect(error).toMatchObject({ status: 0, kind: 'network' })
    expect(error.message).toMatch(/could not be reached/)
  })
})
