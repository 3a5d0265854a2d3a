import * as v from 'valibot'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiUrl } from '../../src/api/client'
import { formatDate } from '../../src/app/format'
import { prefetchPageData } from '../../src/app/page-data'
import { prerenderPage } from '../../src/app/prerender'
import { whenInitialized } from '../../src/app/prerendered'
import { AppProviders } from '../../src/app/providers'
import { routes } from '../../src/app/router'
import { paths } from '../../src/app/paths'
import { buildDataset } from '../../src/pipeline/build-dataset'
import {
  CorrectionsFileSchema,
  parseCorrections,
  type LocatedCorrection,
} from '../../src/pipeline/corrections'
import { emitApi } from '../../src/pipeline/emit-api'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import {
  ConflictsFileSchema,
  DistrictDetailSchema,
  METRIC_KEYS,
  type ConflictsFile,
  type DistrictDetail,
} from '../../src/pipeline/schema'
import { apiFilesOfFolder, serveApiFiles } from '../mocks/api-files'
import { catchDownloads } from '../mocks/downloads'
import { goldenConflicts } from '../mocks/golden'
import { server } from '../mocks/server'
import { readArticles, ROOT } from '../pipeline/corpus'
import { renderApp } from '../render-app'
import { failEndpoint, slowEndpoint } from './endpoint-failures'

// Synthetic articles that disagree, and a corrections file that settles two cells
// (tests/fixtures/conflicts/README.md). The page is tested on what the pipeline writes for them.
const FOLDER = join(ROOT, 'tests', 'fixtures', 'conflicts')
const files = apiFilesOfFolder(FOLDER)
const fileText = (path: string) => {
  const file = files.find((f) => f.path === path)
  if (!file) throw new Error(`the pipeline wrote no ${path}`)
  return file.contents
}
const conflicts: ConflictsFile = v.parse(
  ConflictsFileSchema,
  JSON.parse(fileText('conflicts.json')),
)
const district = (id: string): DistrictDetail =>
  v.parse(DistrictDetailSchema, JSON.parse(fileText(`districts/${id}.json`)))

const JINGAN_AGREEMENTS = 'Agreements signed · 6th CIIE (2023)'
const jingan = district('jingan')
const titleOf = (id: string) => jingan.articles.find((a) => a.id === id)?.title ?? id
const dateOf = (id: string) => jingan.articles.find((a) => a.id === id)?.date ?? ''
/** The Jing’an figures for agreements at the 6th CIIE, newest article first. */
const agreements = jingan.observations
  .filter((o) => o.metric === 'agreements_signed' && o.edition === 6)
  .sort((a, b) => dateOf(b.article).localeCompare(dateOf(a.article)))

// The first render in a file waits for the lazily loaded view to be compiled.
const FIRST_LOAD = { timeout: 5_000 }

async function findCell(name: string) {
  const heading = await screen.findByRole('heading', { level: 4, name })
  const cell = heading.closest('article')
  if (!cell) throw new Error(`no cell around ${name}`)
  return cell
}

describe('the conflicts page', () => {
  beforeEach(() => serveApiFiles(files))

  it('the fixture has the conflicts and settled cells the tests expect', () => {
    expect(conflicts.conflicts.map((c) => `${c.district}.${c.metric}`)).toEqual([
      'jingan.agreements_signed',
      'qingpu.projects_signed',
    ])
    expect(conflicts.settled.map((c) => `${c.district}.${c.metric}`)).toEqual([
      'pudong.partners',
      'jingan.enterprises_attending',
    ])
    expect(agreements.map((o) => o.text)).toEqual(['31', 'about 30', '28'])
  })

  it('puts the sentences of a conflict side by side, with the value shown and why', async () => {
    renderApp(paths.conflicts())

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Conflicts' }, FIRST_LOAD),
    ).toBeVisible()
    await waitFor(() => expect(document.title).toMatch(/^Conflicts/))
    expect(
      screen.getByText(
        /where articles give different numbers for the same district, edition and measure/i,
      ),
    ).toBeVisible()
    // Grouped by district, in the catalog's order.
    const districts = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    expect(districts.slice(0, 2)).toEqual(["Jing'an", 'Qingpu'])

    const cell = await findCell(JINGAN_AGREEMENTS)
    expect(cell).toHaveTextContent('The dashboard shows 31, marked “sources disagree”')
    expect(cell).toHaveTextContent('3 figures from 3 articles')
    expect(cell).toHaveTextContent(
      `it comes from the newest article, of ${formatDate(dateOf(agreements[0]?.article ?? ''))}.`,
    )

    const figures = within(within(cell).getByRole('list', { name: 'The 3 figures' })).getAllByRole(
      'listitem',
    )
    expect(figures).toHaveLength(3)
    figures.forEach((item, index) => {
      const observation = agreements[index]
      if (!observation) throw new Error('a figure for each card')
      // The whole sentence, with the number's words marked.
      expect(within(item).getByRole('blockquote')).toHaveTextContent(observation.sentence)
      expect(item.querySelector('mark')?.textContent).toBe(observation.text)
      expect(item).toHaveTextContent(titleOf(observation.article))
      expect(item).toHaveTextContent(formatDate(dateOf(observation.article)))
      expect(within(item).getByRole('link', { name: /read it in the article/i })).toHaveAttribute(
        'href',
        paths.article(observation.article, { highlight: observation.id }),
      )
    })
    expect(
      figures.map((item) => item.querySelector('.conflict-figure__number')?.textContent),
    ).toEqual(['31', 'about 30', '28'])
    expect(within(figures[0] as HTMLElement).getByText('Shown on the dashboard')).toBeVisible()
    expect(within(figures[1] as HTMLElement).queryByText('Shown on the dashboard')).toBeNull()
  })

  it('keeps one figure: asks why, then writes reject entries that settle the cell', async () => {
    const { user } = renderApp(paths.conflicts())
    const cell = await findCell(JINGAN_AGREEMENTS)
    const kept = agreements[2]
    if (!kept) throw new Error('three figures')
    await user.click(
      within(cell).getByRole('button', {
        name: `Keep this one (28, ${formatDate(dateOf(kept.article))})`,
      }),
    )
    const panel = within(cell).getByRole('region', { name: /^keep 28/i })
    expect(panel).toHaveTextContent('rejects the 2 figures that give another number')
    expect(panel).toHaveTextContent('the dashboard shows 28, with no conflict')
    const reason = within(panel).getByLabelText(/why is 28 the right number/i)
    expect(reason).toHaveFocus()

    // The reason is required.
    await user.click(within(panel).getByRole('button', { name: 'Write the corrections' }))
    expect(within(panel).getByText(/write the reason/i)).toBeVisible()
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(within(panel).queryByRole('button', { name: 'Copy' })).toBeNull()

    await user.type(reason, 'The district’s own release says 28')
    const date = within(panel).getByLabelText('Date of the decision')
    await user.clear(date)
    await user.type(date, '2026-11-23')
    await user.click(within(panel).getByRole('button', { name: 'Write the corrections' }))

    const output = within(panel).getByRole('region', { name: 'The 2 corrections' })
    const file = v.parse(
      CorrectionsFileSchema,
      JSON.parse(output.querySelector('pre')?.textContent ?? ''),
    )
    expect(file.corrections).toEqual(
      agreements.slice(0, 2).map((rejected) => ({
        action: 'reject',
        article: rejected.article,
        sentence: rejected.sentence,
        number: rejected.text,
        reason: 'The district’s own release says 28',
        date: '2026-11-23',
      })),
    )
    expect(panel).toHaveTextContent('data/corrections.json')

    // Added to the fixture's corrections and applied by the pipeline, the entries leave 28 as
    // the cell's only value, with no conflict.
    const existing = parseCorrections(
      'corrections.json',
      readFileSync(join(FOLDER, 'corrections.json'), 'utf8'),
    ).corrections
    const added = file.corrections.map((correction, index): LocatedCorrection => ({
      correction,
      file: 'new.json',
      line: index + 1,
    }))
    const articles = readArticles(FOLDER)
    const rebuilt = emitApi(
      buildDataset(articles, getGazetteer(), [...existing, ...added]),
      loadCatalog(),
      new Map(articles.map((a) => [a.id, a.text])),
    )
    const after = v.parse(
      ConflictsFileSchema,
      JSON.parse(rebuilt.find((f) => f.path === 'conflicts.json')?.contents ?? ''),
    )
    expect(after.conflicts.map((c) => `${c.district}.${c.metric}`)).toEqual([
      'qingpu.projects_signed',
    ])
    const settled = after.settled.find(
      (c) => c.district === 'jingan' && c.metric === 'agreements_signed',
    )
    expect(settled).toMatchObject({ conflict: false, shown: { value: 28, qualifier: 'exact' } })
    expect(settled?.rejected.map((r) => r.text).sort()).toEqual(['31', 'about 30'])
  })

  describe('the corrections output', () => {
    const downloads = catchDownloads()

    it('copies the corrections and downloads them as a corrections file', async () => {
      const { user } = renderApp(paths.conflicts())
      const writeText = vi.fn(() => Promise.resolve())
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
      const cell = await findCell(JINGAN_AGREEMENTS)
      await user.click(within(cell).getByRole('button', { name: /^keep this one \(31,/i }))
      const panel = within(cell).getByRole('region', { name: /^keep 31/i })
      await user.type(within(panel).getByLabelText(/why is 31/i), 'Confirmed by the district')
      await user.click(within(panel).getByRole('button', { name: 'Write the corrections' }))

      const output = within(panel).getByRole('region', { name: 'The 2 corrections' })
      const shown = output.querySelector('pre')?.textContent
      await user.click(within(panel).getByRole('button', { name: 'Copy' }))
      expect(writeText).toHaveBeenCalledWith(shown)
      expect(within(panel).getByRole('status')).toHaveTextContent('Copied.')

      await user.click(within(panel).getByRole('button', { name: 'Download corrections' }))
      expect(downloads.map((d) => d.name)).toEqual(['corrections-jingan-6-agreements-signed.json'])
      const downloaded = v.parse(
        CorrectionsFileSchema,
        JSON.parse((await downloads[0]?.blob.text()) ?? ''),
      )
      expect(downloaded.corrections.map((c) => [c.action, c.number])).toEqual([
        ['reject', 'about 30'],
        ['reject', '28'],
      ])
    })
  })

  it('filters by district and figure from the URL, and writes a change back to it', async () => {
    const { user, router } = renderApp(paths.conflicts({ district: 'qingpu' }))
    expect(await findCell('Projects signed · 6th CIIE (2023)')).toBeVisible()
    expect(screen.queryByRole('heading', { name: JINGAN_AGREEMENTS })).toBeNull()
    expect(screen.getByLabelText('District')).toHaveValue('qingpu')
    expect(screen.getByRole('heading', { level: 2, name: /open conflicts/i })).toHaveTextContent(
      '(1)',
    )

    await user.selectOptions(screen.getByLabelText('Figure'), 'agreements_signed')
    expect(router.state.location.search).toBe('?district=qingpu&metric=agreements_signed')
    expect(await screen.findByText('No conflicts match these filters')).toBeVisible()

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(router.state.location.search).toBe('')
    expect(await findCell(JINGAN_AGREEMENTS)).toBeVisible()
  })

  it('ignores a filter value it does not know, says so, and keeps the others', async () => {
    renderApp('/conflicts?district=%3Cscript%3Eatlantis&metric=partners')
    expect(await screen.findByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible()
    expect(
      screen.getByText(
        'The link asks for the district “<script>atlantis”, which the dashboard does not know, so it is ignored.',
      ),
    ).toBeVisible()
    expect(screen.getByLabelText('District')).toHaveValue('')
    expect(screen.getByLabelText('Figure')).toHaveValue('partners')
    // No open conflict about partners; Pudong's, settled, shows.
    expect(screen.getByText('No conflicts match these filters')).toBeVisible()
    expect(
      screen.getByRole('heading', { level: 3, name: 'Pudong · Partners · 6th CIIE (2023)' }),
    ).toBeVisible()
    expect(document.querySelector('script')).toBeNull()
  })

  it('lists the settled cells: what was kept, what was rejected or fixed, why and when', async () => {
    renderApp(paths.conflicts())
    const settled = await screen.findByRole('heading', {
      level: 2,
      name: /settled by a correction/i,
    })
    const section = settled.closest('section') as HTMLElement
    expect(settled).toHaveTextContent('(2)')

    const pudong = within(section)
      .getByRole('heading', { level: 3, name: 'Pudong · Partners · 6th CIIE (2023)' })
      .closest('article') as HTMLElement
    expect(pudong).toHaveTextContent('The dashboard shows 50')
    const rejected = within(pudong)
      .getByText('Rejected', { selector: '.settled-figure__label' })
      .closest('li') as HTMLElement
    expect(rejected).toHaveTextContent('Rejected 60')
    expect(rejected.querySelector('mark')?.textContent).toBe('60')
    expect(rejected).toHaveTextContent("Rejected: Pudong's own list names 50 partners")
    expect(rejected).toHaveTextContent(formatDate('2026-11-20'))
    expect(within(pudong).getByText('Kept', { selector: '.settled-figure__label' })).toBeVisible()

    const attending = within(section)
      .getByRole('heading', { level: 3, name: /Jing'an · Enterprises at the expo · 6th CIIE/ })
      .closest('article') as HTMLElement
    const fixed = within(attending)
      .getByText('Fixed', { selector: '.settled-figure__label' })
      .closest('li') as HTMLElement
    expect(fixed).toHaveTextContent('120+')
    expect(fixed.querySelector('mark')?.textContent).toBe('12')
    expect(fixed).toHaveTextContent(/Corrected:\s*a typing error in the review/)
    expect(fixed).toHaveTextContent('the extractor read 12')
    expect(fixed).toHaveTextContent(formatDate('2026-11-21'))
  })

  it('shows plain loading text, then an error with Try again when the conflicts cannot be read', async () => {
    slowEndpoint('conflicts.json', 200)
    const loading = renderApp(paths.conflicts())
    expect(await screen.findByText('Loading the conflicts…')).toBeInTheDocument()
    expect(await screen.findByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible()
    loading.unmount()

    const failure = failEndpoint('conflicts.json', '500')
    const { user } = renderApp(paths.conflicts())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The conflicts could not be loaded')
    expect(alert).toHaveTextContent(/conflicts\.json/)
    failure.recover()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible()
  })

  it('says so in the district when its figures cannot be read, and retries', async () => {
    let failing = true
    server.use(
      http.get(apiUrl('districts/qingpu.json'), () =>
        failing
          ? new HttpResponse('Not found', { status: 404 })
          : HttpResponse.text(fileText('districts/qingpu.json'), {
              headers: { 'Content-Type': 'application/json' },
            }),
      ),
    )
    const { user } = renderApp(paths.conflicts())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The figures for Qingpu could not be loaded')
    expect(await findCell(JINGAN_AGREEMENTS)).toBeVisible()
    failing = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await findCell('Projects signed · 6th CIIE (2023)')).toBeVisible()
  })
})

describe('the conflicts page at build time', () => {
  let root: Root | undefined
  afterEach(() => {
    act(() => root?.unmount())
    root = undefined
    document.body.innerHTML = ''
  })

  it('is prerendered with its sentences, and the app takes it over without a mismatch', async () => {
    serveApiFiles(files)
    const page = await prerenderPage(paths.conflicts(), async (path) => fileText(path))
    expect(page.title).toMatch(/^Conflicts · /)
    // The districts shown first were read at build time: the sentences are in the markup.
    expect(page.html).toContain('Shown on the dashboard')
    for (const observation of agreements) expect(page.html).toContain(observation.sentence)
    expect(page.html).toContain('Settled by a correction')

    const container = document.createElement('div')
    container.innerHTML = page.html
    document.body.append(container)
    const heading = container.querySelector('h1')
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const router = createMemoryRouter(routes, { initialEntries: [paths.conflicts()] })
    await Promise.all([whenInitialized(router), prefetchPageData(queryClient, paths.conflicts())])
    const mismatches: Array<unknown> = []
    await act(async () => {
      root = hydrateRoot(
        container,
        <AppProviders client={queryClient}>
          <RouterProvider router={router} />
        </AppProviders>,
        { onRecoverableError: (error) => mismatches.push(error) },
      )
    })
    expect(mismatches).toEqual([])
    expect(container.querySelector('h1')).toBe(heading)
  })
})

describe('the conflicts page on a large corpus', () => {
  it('shows the conflicts a page at a time and moves focus to the first one added', async () => {
    const [first] = conflicts.conflicts
    if (!first) throw new Error('the fixture has a conflict')
    // 25 cells in one district (the figures of all but one are not in its file, which says so).
    const many: ConflictsFile = {
      ...conflicts,
      conflicts: Array.from({ length: 25 }, (_, index) => ({
        ...first,
        metric: METRIC_KEYS[
          index % METRIC_KEYS.length
        ] as ConflictsFile['conflicts'][number]['metric'],
        edition: 1 + Math.floor(index / METRIC_KEYS.length),
      })).sort(
        (a, b) =>
          a.edition - b.edition || METRIC_KEYS.indexOf(a.metric) - METRIC_KEYS.indexOf(b.metric),
      ),
    }
    serveApiFiles(
      files.map((file) =>
        file.path === 'conflicts.json' ? { ...file, contents: JSON.stringify(many) } : file,
      ),
    )
    const { user } = renderApp(paths.conflicts())
    const more = await screen.findByRole('button', { name: 'Show 5 more' }, FIRST_LOAD)
    expect(screen.getByText('Showing 20 of 25 conflicts.')).toBeVisible()
    // The district's figures load after the list: its cells then show.
    expect(await screen.findAllByRole('heading', { level: 4 })).toHaveLength(20)
    await user.click(more)
    const cells = screen.getAllByRole('heading', { level: 4 })
    expect(cells).toHaveLength(25)
    await waitFor(() => expect(cells[20]).toHaveFocus())
    expect(screen.queryByRole('button', { name: /show \d+ more/i })).toBeNull()
  })
})

describe('the conflicts page on data without conflicts', () => {
  it('says in plain words that the sources agree and nothing was corrected', async () => {
    expect(goldenConflicts.conflicts).toEqual([])
    renderApp(paths.conflicts())
    expect(await screen.findByText('No conflicts')).toBeVisible()
    expect(
      screen.getByText(/every article that gives a number .* agrees with the others/i),
    ).toBeVisible()
    expect(screen.getByText('No corrections yet')).toBeVisible()
    expect(screen.queryByRole('button', { name: /keep this one/i })).toBeNull()
  })
})
