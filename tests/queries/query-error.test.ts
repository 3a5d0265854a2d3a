import { describe, expect, it } from 'vitest'
import { ApiError, type ApiErrorKind } from '../../src/api/client'
import { describeError, shouldRetry } from '../../src/queries/query-error'

const apiError = (kind: ApiErrorKind, status: number) =>
  new ApiError('The data file x.json could not be read.', { kind, status, path: 'x.json' })

describe('shouldRetry', () => {
  it.each<[string, Error, boolean]>([
    ['no connection', apiError('network', 0), true],
    ['a 503', apiError('http', 503), true],
    ['a 404', apiError('http', 404), false],
    ['a damaged file', apiError('malformed', 200), false],
    ['a schema mismatch', apiError('schema', 200), false],
    ['a bug in our code', new TypeError('x is undefined'), false],
  ])('after %s on the first try: %s', (_, error, expected) => {
    expect(shouldRetry(0, error)).toBe(expected)
  })

  it('gives up after two retries', () => {
    expect(shouldRetry(2, apiError('network', 0))).toBe(false)
  })
})

describe('describeError', () => {
  it('passes an ApiError message through and keeps its detail apart', () => {
    const error = new ApiError('The data file x.json is damaged and could not be read.', {
      kind: 'malformed',
      status: 200,
      path: 'x.json',
      detail: 'Unexpected end of JSON input',
    })
    expect(describeError(error)).toEqual({
      message: 'The data file x.json is damaged and could not be read.',
      detail: 'Unexpected end of JSON input',
    })
  })

  it('never shows a raw exception as the main message', () => {
    expect(describeError(new TypeError('Cannot read properties of undefined'))).toEqual({
      message: 'Something went wrong while loading the data.',
      detail: 'Cannot read properties of undefined',
    })
  })
})
