import { http, HttpResponse } from 'msw'
import { apiUrl } from '../../src/api/client'
import { readGoldenText } from './golden-files'

/**
 * The API as the static host serves it: any file under the API base, byte for byte from the golden
 * folder, and a 404 for a file that does not exist (an unknown article, say).
 */
export const handlers = [
  http.get(apiUrl('*'), ({ request }) => {
    const base = new URL(apiUrl(''), request.url).pathname
    const path = decodeURIComponent(new URL(request.url).pathname.slice(base.length))
    const text = readGoldenText(path)
    if (text === null) return new HttpResponse('Not found', { status: 404 })
    return HttpResponse.text(text, { headers: { 'Content-Type': 'application/json' } })
  }),
]
