import { http, HttpResponse } from 'msw'
import { apiUrl } from '../../src/api/client'
import { readGoldenText } from './golden'

/** The API as the static host serves it: the golden files, unchanged. */
export const handlers = [
  http.get(apiUrl('catalog.json'), () =>
    HttpResponse.text(readGoldenText('catalog.json'), {
      headers: { 'Content-Type': 'application/json' },
    }),
  ),
  http.get(apiUrl('dataset.json'), () =>
    HttpResponse.text(readGoldenText('dataset.json'), {
      headers: { 'Content-Type': 'application/json' },
    }),
  ),
]
