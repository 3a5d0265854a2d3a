import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { http, HttpResponse } from 'msw'
import { apiUrl } from '../../src/api/client'
import { buildDataset } from '../../src/pipeline/build-dataset'
import { parseCorrections } from '../../src/pipeline/corrections'
import { emitApi, type ApiFile } from '../../src/pipeline/emit-api'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import { readArticles } from '../pipeline/corpus'
import { server } from './server'

/**
 * The API files the pipeline writes for a folder of fixture articles and its corrections.json,
 * as the CLI would: for a view whose golden data has nothing to show (the golden fixtures have
 * no conflict), tested on what the pipeline really writes.
 */
export function apiFilesOfFolder(folder: string): Array<ApiFile> {
  const articles = readArticles(folder)
  const correctionsPath = join(folder, 'corrections.json')
  const { corrections, problems } = parseCorrections(
    correctionsPath,
    readFileSync(correctionsPath, 'utf8'),
  )
  if (problems.length > 0) throw new Error(problems.map((p) => p.cause).join('\n'))
  return emitApi(
    buildDataset(articles, getGazetteer(), corrections),
    loadCatalog(),
    new Map(articles.map((article) => [article.id, article.text])),
  )
}

/** Serves `files` instead of the golden API until the test ends (a 404 for any other file). */
export function serveApiFiles(files: ReadonlyArray<ApiFile>): void {
  const byPath = new Map(files.map((file) => [file.path, file.contents]))
  server.use(
    http.get(apiUrl('*'), ({ request }) => {
      const base = new URL(apiUrl(''), request.url).pathname
      const path = decodeURIComponent(new URL(request.url).pathname.slice(base.length))
      const text = byPath.get(path)
      if (text === undefined) return new HttpResponse('Not found', { status: 404 })
      return HttpResponse.text(text, { headers: { 'Content-Type': 'application/json' } })
    }),
  )
}
