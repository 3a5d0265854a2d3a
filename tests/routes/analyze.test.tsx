import * as v from 'valibot'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paths } from '../../src/app/paths'
import {
  applyCorrections,
  CorrectionsFileSchema,
  parseCorrections,
} from '../../src/pipeline/corrections'
import { extractArticle } from '../../src/pipeline/extract-article'
import { parseArticle } from '../../src/pipeline/parse-article'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import { catchDownloads } from '../mocks/downloads'
import { renderApp } from '../render-app'

/**
 * The synthetic fixture (tests/fixtures/analyze/README.md): the extractor reads "19 brands ...
 * opened counters" as market offerings and "up from 35 at the sixth" as a 7th-edition figure,
 * the two numbers these tests correct.
 */
const FIXTURE_NAME = 'fixture-2024-11-07-fengxian-beauty-valley.txt'
const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/analyze', FIXTURE_NAME), 'utf8')
/** The same article as pasted from a web page: no date line. */
const WITHOUT_DATE = FIXTURE.replace(/^date \S+ /, '')
const SENTENCE_35 =
  "More than 64 partners joined the district's cosmetics trade alliance during the seventh CIIE, up from 35 at the sixth."
const SENTENCE_19 =
  'Organisers said the valley hosted 45 matchmaking sessions in the week before the expo, and 19 brands from the expo opened counters there.'

async function renderAnalyze() {
  const app = renderApp(paths.analyze())
  await screen.findByRole('heading', { level: 1, name: 'Check an article' })
  return app
}

async function pasteAndAnalyse(app: Awaited<ReturnType<typeof renderAnalyze>>, text: string) {
  await app.user.click(screen.getByLabelText('Article text'))
  await app.user.paste(text)
  await app.user.click(screen.getByRole('button', { name: 'Analyse' }))
}

/** Pastes the fixture without its date line, adds the date and analyses it. */
async function analyseFixture() {
  const app = await renderAnalyze()
  await app.user.click(screen.getByLabelText('Article text'))
  await app.user.paste(WITHOUT_DATE)
  fireEvent.change(screen.getByLabelText('Article date'), { target: { value: '2024-11-07' } })
  await app.user.click(screen.getByRole('button', { name: 'Analyse' }))
  await screen.findByRole('heading', { name: '2. What the dashboard reads from it' })
  return app
}

/** The button of a number in the sentences. */
function numberButton(words: string): HTMLElement {
  const list = document.querySelector('.analyze-sentences')
  if (!(list instanceof HTMLElement)) throw new Error('no sentences shown')
  return within(list).getByRole('button', { name: words })
}

function figuresTable() {
  return screen.getByRole('table', { name: /in the order they appear/ })
}

function rowOf(words: string): HTMLElement {
  const row = within(figuresTable())
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(`“${words}”`))
  if (!row) throw new Error(`no row for “${words}”`)
  return row
}

async function correctMetric(
  app: Awaited<ReturnType<typeof renderAnalyze>>,
  words: string,
  metricLabel: string,
  reason: string,
) {
  await app.user.click(numberButton(words))
  const dialog = await screen.findByRole('dialog', { name: `Correct “${words}”` })
  await app.user.selectOptions(within(dialog).getByLabelText('Metric'), metricLabel)
  await app.user.type(within(dialog).getByLabelText('Reason (required)'), reason)
  await app.user.click(within(dialog).getByRole('button', { name: 'Save the change' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

async function reject(
  app: Awaited<ReturnType<typeof renderAnalyze>>,
  words: string,
  reason: string,
) {
  await app.user.click(numberButton(words))
  const dialog = await screen.findByRole('dialog', { name: `Correct “${words}”` })
  await app.user.click(within(dialog).getByLabelText('Reject it: it is not a figure'))
  await app.user.type(within(dialog).getByLabelText('Reason (required)'), reason)
  await app.user.click(within(dialog).getByRole('button', { name: 'Reject the number' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

const downloads = catchDownloads()

describe('the analyze page', () => {
  it('asks for the date of an article pasted without a date line, and uses it', async () => {
    const app = await renderAnalyze()
    await app.user.click(screen.getByLabelText('Article text'))
    await app.user.paste(WITHOUT_DATE)

    expect(
      screen.getByText(
        /the CIIE edition cannot be worked out from the date\. Add the article’s date:/,
      ),
    ).toBeInTheDocument()
    await app.user.click(screen.getByRole('button', { name: 'Analyse' }))
    expect(await screen.findByText('Add the article’s date, then analyse it.')).toBeInTheDocument()
    const date = screen.getByLabelText('Article date')
    expect(date).toHaveFocus()
    expect(date).toHaveAttribute('aria-invalid', 'true')

    fireEvent.change(date, { target: { value: '2024-11-07' } })
    await app.user.click(screen.getByRole('button', { name: 'Analyse' }))
    const meta = (await screen.findByText('CIIE edition', { selector: 'dt' })).closest('dl')
    expect(meta).toHaveTextContent('7 Nov 2024')
    expect(meta).toHaveTextContent('Fengxian')
    expect(meta).toHaveTextContent('7th (2024)')
    expect(screen.getByRole('note', { name: 'Read with care' })).toHaveTextContent(
      'The text has no date line: the date you added (7 Nov 2024) is used',
    )
  })

  it('highlights every number with what it was read as, or why it was not counted', async () => {
    await analyseFixture()

    expect(numberButton('27')).toHaveAccessibleDescription(
      '[Projects signed: 27, Fengxian, 7th (2024) CIIE]',
    )
    expect(numberButton('More than 64')).toHaveAccessibleDescription(
      '[Partners: more than 64, Fengxian, 7th (2024) CIIE]',
    )
    expect(numberButton('9.4 billion yuan')).toHaveAccessibleDescription(
      '[Investment: 9.4 billion yuan, Fengxian, 7th (2024) CIIE]',
    )
    expect(numberButton('Some 1,300')).toHaveAccessibleDescription(
      '[Event attendance: about 1,300, Fengxian, 7th (2024) CIIE]',
    )
    expect(numberButton('2018')).toHaveAccessibleDescription('[not counted: a year]')
    expect(numberButton('12')).toHaveAccessibleDescription(/^\[not counted: .+\]$/)
    // The words are on the page, not only in the colour.
    expect(screen.getByText('[not counted: a year]')).toBeVisible()
    expect(numberButton('27')).toHaveAttribute('data-status', 'figure')
    expect(numberButton('2018')).toHaveAttribute('data-status', 'discarded')

    expect(within(figuresTable()).getAllByRole('row')).toHaveLength(1 + 8)
    expect(rowOf('More than 64')).toHaveTextContent('Partners')
    expect(rowOf('More than 64')).toHaveTextContent('more than 64')
    expect(rowOf('19')).toHaveTextContent('Market offerings')
    expect(screen.getByRole('heading', { name: 'Numbers not counted (2)' })).toBeInTheDocument()
  })

  it('warns when the article names no district', async () => {
    const app = await renderAnalyze()
    await pasteAndAnalyse(
      app,
      'date 2024-11-07 A synthetic test sentence: the expo hall signed 30 projects on Tuesday.',
    )
    const warnings = await screen.findByRole('note', { name: 'Read with care' })
    expect(warnings).toHaveTextContent(/names no Shanghai district/)
    expect(screen.queryByText(/No date line/)).not.toBeInTheDocument()
  })

  it('shows why a text cannot be read instead of failing', async () => {
    const app = await renderAnalyze()
    await pasteAndAnalyse(app, 'date 2024-13-45 Fengxian District signed 27 projects.')
    const problem = await screen.findByRole('alert')
    expect(problem).toHaveTextContent('The article could not be read.')
    expect(problem).toHaveTextContent('Line 1: invalid date "2024-13-45": no such day.')
  })

  it('rejects a number and changes a metric, at once, and lists the corrections', async () => {
    const app = await analyseFixture()

    await app.user.click(numberButton('35'))
    const dialog = await screen.findByRole('dialog', { name: 'Correct “35”' })
    expect(dialog).toHaveAccessibleDescription(SENTENCE_35)
    await app.user.click(within(dialog).getByLabelText('Reject it: it is not a figure'))
    await app.user.click(within(dialog).getByRole('button', { name: 'Reject the number' }))
    // The reason is required.
    const reason = within(dialog).getByLabelText('Reason (required)')
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason).toHaveFocus()
    await app.user.type(reason, 'It is the sixth CIIE count')
    await app.user.click(within(dialog).getByRole('button', { name: 'Reject the number' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    expect(numberButton('35')).toHaveFocus()
    expect(numberButton('35')).toHaveAccessibleDescription('[rejected: It is the sixth CIIE count]')
    expect(numberButton('35')).toHaveAttribute('data-status', 'rejected')
    expect(within(figuresTable()).getAllByRole('row')).toHaveLength(1 + 7)

    await correctMetric(app, '19', 'Companies settling', 'The brands settled in the valley')
    expect(numberButton('19')).toHaveAccessibleDescription(
      '[Companies settling: 19, Fengxian, 7th (2024) CIIE; corrected: The brands settled in the valley]',
    )
    expect(rowOf('19')).toHaveTextContent('Companies settling')
    expect(rowOf('19')).toHaveTextContent('corrected: The brands settled in the valley')

    const list = screen.getByRole('region', { name: '3. Your corrections (2)' })
    const items = within(list).getAllByRole('listitem')
    expect(
      items.map((item) => item.querySelector('.analyze-correction__what')?.textContent),
    ).toEqual(['Rejected “35”: not a figure', 'Changed “19”: metric to Companies settling'])

    await app.user.click(
      within(list).getByRole('button', { name: 'Remove the correction of “35”' }),
    )
    expect(screen.getByRole('region', { name: '3. Your corrections (1)' })).toBeInTheDocument()
    expect(numberButton('35')).toHaveAccessibleDescription(
      '[Partners: 35, Fengxian, 7th (2024) CIIE]',
    )
  })

  it('reopens a corrected number with the correction filled in, and replaces it', async () => {
    const app = await analyseFixture()
    await correctMetric(app, '19', 'Companies settling', 'First thought')

    await app.user.click(numberButton('19'))
    const dialog = await screen.findByRole('dialog', { name: 'Correct “19”' })
    expect(within(dialog).getByText(/Your correction: Changed “19”/)).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Metric')).toHaveDisplayValue('Companies settling')
    const edition = within(dialog).getByLabelText('CIIE edition')
    await app.user.selectOptions(edition, '6th (2023)')
    await app.user.click(within(dialog).getByRole('button', { name: 'Save the change' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    expect(screen.getByRole('region', { name: '3. Your corrections (1)' })).toHaveTextContent(
      'Changed “19”: metric to Companies settling; edition to 6th (2023) CIIE',
    )
    expect(numberButton('19')).toHaveAccessibleDescription(
      /Companies settling: 19, Fengxian, 6th \(2023\) CIIE/,
    )
  })

  it('counts a number that was not counted, prefilled with what the article tells', async () => {
    const app = await analyseFixture()
    await app.user.click(numberButton('12'))
    const dialog = await screen.findByRole('dialog', { name: 'Count “12”' })
    expect(within(dialog).getByLabelText('Value')).toHaveValue('12')
    expect(within(dialog).getByLabelText('District')).toHaveDisplayValue('Fengxian')
    expect(within(dialog).getByLabelText('CIIE edition')).toHaveDisplayValue('7th (2024)')
    await app.user.type(
      within(dialog).getByLabelText('Reason (required)'),
      'Countries it traded with',
    )
    await app.user.click(within(dialog).getByRole('button', { name: 'Count it' }))
    expect(within(dialog).getByText('Choose what the number counts.')).toBeInTheDocument()
    await app.user.selectOptions(within(dialog).getByLabelText('Metric'), 'Partners')
    await app.user.click(within(dialog).getByRole('button', { name: 'Count it' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    expect(numberButton('12')).toHaveAccessibleDescription(
      '[Partners: 12, Fengxian, 7th (2024) CIIE; added: Countries it traded with]',
    )
    expect(rowOf('12')).toHaveTextContent('added: Countries it traded with')
  })

  it('closes the dialog with Escape and gives the focus back to the number', async () => {
    const app = await analyseFixture()
    await app.user.click(numberButton('45'))
    await screen.findByRole('dialog', { name: 'Correct “45”' })
    await app.user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(numberButton('45')).toHaveFocus()
    expect(screen.getByRole('region', { name: '3. Your corrections (0)' })).toBeInTheDocument()
  })

  it('downloads the corrections and the article file, which the pipeline reads back', async () => {
    const app = await analyseFixture()
    await reject(app, '35', 'It is the sixth CIIE count')
    await correctMetric(app, '19', 'Companies settling', 'The brands settled in the valley')

    const id = screen.getByLabelText('Article id')
    expect(id).toHaveValue('2024-11-07-fengxian')
    await app.user.click(screen.getByRole('button', { name: 'Download corrections' }))
    await app.user.click(screen.getByRole('button', { name: 'Download article file' }))
    expect(downloads.map((d) => d.name)).toEqual([
      'corrections-2024-11-07-fengxian.json',
      '2024-11-07-fengxian.txt',
    ])

    const [correctionsFile, articleFile] = downloads
    const json: unknown = JSON.parse(await (correctionsFile?.blob.text() ?? ''))
    const file = v.parse(CorrectionsFileSchema, json)
    const today = new Date()
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
    expect(file.corrections).toEqual([
      {
        action: 'reject',
        article: '2024-11-07-fengxian',
        sentence: SENTENCE_35,
        number: '35',
        reason: 'It is the sixth CIIE count',
        date: iso,
      },
      {
        action: 'fix',
        article: '2024-11-07-fengxian',
        sentence: SENTENCE_19,
        number: '19',
        reason: 'The brands settled in the valley',
        date: iso,
        set: { metric: 'companies_settling' },
      },
    ])

    // The article file is in the data/articles format, and the corrections apply to it.
    const text = await (articleFile?.blob.text() ?? '')
    expect(text.startsWith('date 2024-11-07 Fengxian District signed 27 projects')).toBe(true)
    const parsed = parseArticle('2024-11-07-fengxian.txt', text)
    const original = parseArticle(FIXTURE_NAME, FIXTURE)
    if (!parsed.ok || !original.ok) throw new Error('the article file does not parse')
    expect(parsed.article.text).toBe(original.article.text)
    const read = parseCorrections('corrections.json', await (correctionsFile?.blob.text() ?? ''))
    expect(read.problems).toEqual([])
    const applied = applyCorrections(
      extractArticle(parsed.article, getGazetteer()),
      parsed.article,
      read.corrections,
      loadCatalog(),
    )
    expect(applied.problems).toEqual([])
    const nineteen = applied.extraction.observations.find((o) => o.text === '19')
    expect(nineteen?.metric).toBe('companies_settling')
    expect(nineteen?.correction?.reason).toBe('The brands settled in the valley')
    expect(applied.extraction.observations.some((o) => o.text === '35')).toBe(false)

    // Another id renames both files and the corrections' article.
    await app.user.clear(id)
    await app.user.type(id, 'Fengxian Beauty Valley 2024')
    expect(screen.getByText('fengxian-beauty-valley-2024.txt')).toBeInTheDocument()
    await app.user.click(screen.getByRole('button', { name: 'Download corrections' }))
    const renamed = downloads[2]
    expect(renamed?.name).toBe('corrections-fengxian-beauty-valley-2024.json')
    const again = v.parse(CorrectionsFileSchema, JSON.parse(await (renamed?.blob.text() ?? '')))
    expect(new Set(again.corrections.map((c) => c.article))).toEqual(
      new Set(['fengxian-beauty-valley-2024']),
    )
  })

  it('says so when there is nothing to download, or the text changed since it was analysed', async () => {
    const app = await analyseFixture()
    await app.user.click(screen.getByRole('button', { name: 'Download corrections' }))
    // Shown beside the buttons, and read out from the page's live region.
    expect(
      screen.getByText(/There are no corrections yet/, { selector: 'p:not([role])' }),
    ).toBeVisible()
    expect(screen.getByRole('status')).toHaveTextContent(/There are no corrections yet/)

    await app.user.click(screen.getByLabelText('Article text'))
    await app.user.keyboard('{Control>}{End}{/Control} More text.')
    expect(screen.getByText(/The text has changed since it was analysed/)).toBeInTheDocument()
    await app.user.click(screen.getByRole('button', { name: 'Download article file' }))
    expect(downloads).toEqual([])
  })

  it('opens a .txt file and analyses it; a file that is not text gets a message', async () => {
    const app = await renderAnalyze()
    const input = screen.getByLabelText('Open a .txt file')

    // A zipped document saved with a .txt name.
    await app.user.upload(
      input,
      new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])], 'report.txt'),
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“report.txt” is not a plain text file.',
    )
    await app.user.upload(input, new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.txt'))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“huge.txt” is 5.0 MB, over the 5 MB limit for one article.',
    )
    expect(
      screen.queryByRole('heading', { name: /What the dashboard reads/ }),
    ).not.toBeInTheDocument()

    await app.user.upload(input, new File([FIXTURE], FIXTURE_NAME, { type: 'text/plain' }))
    await screen.findByRole('heading', { name: '2. What the dashboard reads from it' })
    expect(screen.getByLabelText('Article text')).toHaveValue(FIXTURE)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // A file's own name is the article's id.
    expect(screen.getByLabelText('Article id')).toHaveValue(FIXTURE_NAME.replace(/\.txt$/, ''))
    expect(numberButton('27')).toHaveAccessibleDescription(/Projects signed/)
  })
})
