import { describe, expect, it } from 'vitest'
import { ApiError, type ApiErrorKind } from '../../src/api/client'
import { activateLocale } from '../../src/i18n/i18n'
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

  it.each<[ApiErrorKind, number, string, string]>([
    ['network', 0, 'could not be reached', '无法获取数据文件 x.json'],
    ['http', 404, 'was not found on the server (error 404)', '找不到数据文件 x.json（错误 404）'],
    ['http', 503, 'a problem on the server (error 503)', '（错误 503）'],
    ['http', 403, 'was refused by the server (error 403)', '拒绝'],
    ['schema', 200, 'It may need to be rebuilt.', '重新生成'],
  ])('words a %s error (%s) in the reader’s language', (kind, status, english, chinese) => {
    const error = new ApiError('the api layer’s own words', { kind, status, path: 'x.json' })
    expect(describeError(error).message).toContain(english)
    activateLocale('zh')
    expect(describeError(error).message).toContain(chinese)
  })

  it('never shows a raw exception as the main message', () => {
    expect(describeError(new TypeError('Cannot read properties of undefined'))).toEqual({
      message: 'Something went wrong while loading the data.',
      detail: 'Cannot read properties of undefined',
    })
  })
})
