import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type ReactNode,
} from 'react'
import { formatConversion, formatDate } from '../app/format'
import { APP_TITLE } from '../app/page-shell'
import { downloadText } from '../export/download'
import type { Correction } from '../pipeline/corrections'
// The pipeline's own reference data and stages: /analyze runs the pipeline in the browser (see
// analyze-model.ts), so its catalog is the one the pipeline reads, not the API's copy.
import { loadCatalog } from '../pipeline/reference'
import type { ArticleSummary, Discarded, Observation } from '../pipeline/schema'
import { catalogNames, type CatalogNames } from './article-catalog'
import { CorrectionDialog } from './analyze-dialog'
import {
  analyseArticle,
  applyPageCorrections,
  articleFileText,
  articleIdFrom,
  correctionKey,
  correctionsFileText,
  defaultArticleId,
  describeCorrection,
  describeReading,
  describeValue,
  hasDateLine,
  originalReading,
  readArticleFile,
  recordOf,
  sentenceViews,
  statusOf,
  targetKey,
  withCorrection,
  type Analysis,
  type AnalysisResult,
  type NumberReading,
  type NumberTarget,
  type SentenceView,
} from './analyze-model'
import './article.css'
import './analyze.css'

/** The last run of the pipeline, with the text and date it was run on. */
interface Run {
  text: string
  date: string
  result: AnalysisResult
}

/** The number whose dialog is open, and the button to return the focus to. */
interface OpenTarget extends NumberTarget {
  buttonKey: string
}

/**
 * `/analyze`: an official pastes an article (or opens its .txt file), and the pipeline reads it
 * here, in the browser, with the same code `npm run data` runs. Every number is shown where it
 * stands, with what it was read as or why it was not counted; a number can be corrected, and the
 * corrections are applied at once by the pipeline's own `applyCorrections`. The article file and
 * the corrections download in the formats of data/articles and data/corrections.json. Nothing is
 * sent anywhere. The page renders without a browser (prerendering): files, timers and downloads
 * are touched only in event handlers and effects.
 */
export function AnalyzePage() {
  const catalog = useMemo(() => loadCatalog(), [])
  const names = useMemo(() => catalogNames(catalog), [catalog])
  const ids = useId()

  const [text, setText] = useState('')
  const [addedDate, setAddedDate] = useState('')
  const [openedName, setOpenedName] = useState<string | null>(null)
  const [inputError, setInputError] = useState<{
    field: 'text' | 'date' | 'file'
    message: string
  } | null>(null)
  const [running, setRunning] = useState(false)
  const [run, setRun] = useState<Run | null>(null)
  const [corrections, setCorrections] = useState<Array<Correction>>([])
  const [idInput, setIdInput] = useState<string | null>(null)
  const [target, setTarget] = useState<OpenTarget | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [saveMessage, setSaveMessage] = useState<string | null>(null)
  // The corrections as last downloaded: closing the page before that loses work, so it asks.
  const [downloaded, setDownloaded] = useState<ReadonlyArray<Correction>>([])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  // The element to focus once the change has rendered (a number after its dialog closes).
  const pendingFocus = useRef<string | null>(null)

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
    },
    [],
  )
  const unsaved = corrections.length > 0 && downloaded !== corrections
  useEffect(() => {
    if (!unsaved) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [unsaved])
  useEffect(() => {
    const selector = pendingFocus.current
    if (selector === null) return
    pendingFocus.current = null
    document.querySelector<HTMLElement>(selector)?.focus()
  })

  const needsDate = text.trim() !== '' && !hasDateLine(text)
  const analysis = run?.result.ok ? run.result.analysis : null
  const stale =
    run !== null && (run.text !== text || (!hasDateLine(text) && run.date !== addedDate))

  const corrected = useMemo(
    () => (analysis ? applyPageCorrections(analysis, corrections) : null),
    [analysis, corrections],
  )
  const defaultId = analysis
    ? openedName !== null
      ? articleIdFrom(openedName)
      : defaultArticleId(analysis.extraction.summary)
    : ''
  const articleId = articleIdFrom(idInput ?? defaultId)

  function analyse(textToRead: string = text, date: string = addedDate) {
    // A click while the last run is still going (the button stays focusable) does nothing.
    if (running) return
    setSaveMessage(null)
    if (textToRead.trim() === '') {
      setInputError({
        field: 'text',
        message: 'Paste the article’s text, or open its file, first.',
      })
      document.getElementById(`${ids}-text`)?.focus()
      return
    }
    if (!hasDateLine(textToRead) && date === '') {
      setInputError({ field: 'date', message: 'Add the article’s date, then analyse it.' })
      document.getElementById(`${ids}-date`)?.focus()
      return
    }
    setInputError(null)
    setRunning(true)
    setAnnouncement('Analysing the article…')
    // A tick first, so "Analysing…" shows before a long article keeps the page busy.
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      timer.current = null
      const result = analyseArticle(textToRead, date)
      setRun({ text: textToRead, date, result })
      setRunning(false)
      setAnnouncement(
        result.ok
          ? `Analysed: ${countWords(result.analysis.extraction.observations.length, 'figure')} and ${countWords(result.analysis.extraction.discarded.length, 'number')} not counted.`
          : `The article could not be read. ${result.message}`,
      )
    }, 0)
  }

  async function openFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    const read = await readArticleFile(file, file.name)
    // The same file can be opened again after it was edited.
    input.value = ''
    if (!read.ok) {
      setInputError({ field: 'file', message: read.message })
      return
    }
    setText(read.text)
    setOpenedName(file.name)
    setIdInput(null)
    if (hasDateLine(read.text)) analyse(read.text, addedDate)
    else setInputError(null)
  }

  function openDialog(reading: NumberReading) {
    const record = recordOf(reading)
    setTarget({
      sentence: record.sentence,
      number: record.text,
      buttonKey: `${record.start}:${record.end}`,
    })
  }

  function closeDialog() {
    if (target) pendingFocus.current = `[data-number-key="${target.buttonKey}"]`
    setTarget(null)
  }

  function saveCorrection(correction: Correction) {
    setCorrections((current) => withCorrection(current, correction))
    setAnnouncement(`Correction saved: ${describeCorrection(correction, names)}.`)
    setSaveMessage(null)
    closeDialog()
  }

  function removeCorrection(key: string) {
    const removed = corrections.find((c) => correctionKey(c) === key)
    setCorrections((current) => current.filter((c) => correctionKey(c) !== key))
    if (removed) setAnnouncement(`Correction removed: ${describeCorrection(removed, names)}.`)
    setSaveMessage(null)
  }

  /** A message beside the download buttons, also read out by screen readers. */
  function report(message: string) {
    setSaveMessage(message)
    setAnnouncement(message)
  }

  function downloadArticle() {
    if (!analysis || stale) {
      report('The text has changed since it was analysed. Analyse it again first.')
      return
    }
    downloadText(articleFileText(analysis.article), `${articleId}.txt`, 'text/plain;charset=utf-8')
    report(`Downloaded ${articleId}.txt.`)
  }

  function downloadCorrections() {
    if (!analysis || stale) {
      report('The text has changed since it was analysed. Analyse it again first.')
      return
    }
    if (corrections.length === 0) {
      report('There are no corrections yet: select a number in the text to correct it.')
      return
    }
    if (corrected && corrected.problems.size > 0) {
      report('Some corrections no longer match the article (see above): remove them first.')
      return
    }
    const fileName = `corrections-${articleId}.json`
    downloadText(correctionsFileText(corrections, articleId), fileName, 'application/json')
    setDownloaded(corrections)
    report(`Downloaded ${fileName}.`)
  }

  const dialogReading = target && analysis ? originalReading(analysis.extraction, target) : null
  const textError = inputError?.field === 'text' ? inputError.message : null
  const dateError = inputError?.field === 'date' ? inputError.message : null
  const fileError = inputError?.field === 'file' ? inputError.message : null

  return (
    <div className="analyze-page">
      <title>{`Check an article · ${APP_TITLE}`}</title>
      <header className="page-header">
        <div>
          <h1>Check an article</h1>
          <p className="page-header__lede">
            Paste a press article or open its text file to see every number the dashboard would read
            from it, and correct what it got wrong. It all happens in this browser: nothing is sent
            anywhere.
          </p>
        </div>
      </header>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <section className="analyze-step" aria-labelledby={`${ids}-input-title`}>
        <h2 id={`${ids}-input-title`}>1. The article</h2>
        <div className="analyze-field">
          <label htmlFor={`${ids}-file`}>Open a .txt file</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".txt,text/plain"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${ids}-file-error` : undefined}
            onChange={(event) => void openFile(event)}
          />
          {fileError ? (
            <p id={`${ids}-file-error`} className="analyze-error" role="alert">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="analyze-field analyze-field--wide">
          <label htmlFor={`${ids}-text`}>Article text</label>
          <span id={`${ids}-text-hint`} className="analyze-field__hint">
            Paste the whole article. Separate paragraphs with a blank line. An article file starts
            with a line “date YYYY-MM-DD”.
          </span>
          <textarea
            id={`${ids}-text`}
            className="analyze-text-input"
            rows={10}
            spellCheck={false}
            value={text}
            aria-invalid={textError ? true : undefined}
            aria-describedby={[`${ids}-text-hint`, textError ? `${ids}-text-error` : null]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => {
              setText(event.target.value)
              if (inputError?.field === 'text') setInputError(null)
            }}
          />
          {textError ? (
            <p id={`${ids}-text-error`} className="analyze-error" role="alert">
              {textError}
            </p>
          ) : null}
        </div>

        {needsDate ? (
          <div className="notice analyze-date" role="group" aria-labelledby={`${ids}-date-warning`}>
            <p id={`${ids}-date-warning`}>
              <strong>No date line:</strong> the CIIE edition cannot be worked out from the date.
              Add the article’s date:
            </p>
            <div className="analyze-field">
              <label htmlFor={`${ids}-date`}>Article date</label>
              <input
                id={`${ids}-date`}
                type="date"
                min="2000-01-01"
                max="2100-12-31"
                value={addedDate}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={dateError ? `${ids}-date-error` : undefined}
                onChange={(event) => {
                  setAddedDate(event.target.value)
                  if (inputError?.field === 'date') setInputError(null)
                }}
              />
              {dateError ? (
                <p id={`${ids}-date-error`} className="analyze-error" role="alert">
                  {dateError}
                </p>
              ) : null}
            </div>
          </div>
        ) : null}

        <div className="analyze-actions">
          <button
            type="button"
            className="button"
            aria-disabled={running ? true : undefined}
            onClick={() => analyse()}
          >
            {running ? 'Analysing…' : 'Analyse'}
          </button>
          {stale && !running ? (
            <p className="analyze-stale">
              The text has changed since it was analysed: analyse it again to update what is shown
              below.
            </p>
          ) : null}
        </div>
      </section>

      {run && !run.result.ok ? (
        <div className="notice notice--error analyze-problem" role="alert">
          <p>
            <strong>The article could not be read.</strong>
          </p>
          <p>{run.result.message}</p>
        </div>
      ) : null}

      {analysis && corrected ? (
        <>
          <ReadingSection
            analysis={analysis}
            extraction={corrected.extraction}
            dateAdded={!hasDateLine(run?.text ?? '')}
            names={names}
            onOpen={openDialog}
            headingId={`${ids}-reading-title`}
          />
          <FiguresSection
            observations={corrected.extraction.observations}
            discarded={corrected.extraction.discarded}
            names={names}
            headingId={`${ids}-figures-title`}
          />
          <CorrectionsSection
            corrections={corrections}
            problems={corrected.problems}
            names={names}
            onRemove={removeCorrection}
            headingId={`${ids}-corrections-title`}
          />
          <section className="analyze-step" aria-labelledby={`${ids}-save-title`}>
            <h2 id={`${ids}-save-title`}>4. Save the article and your corrections</h2>
            <div className="analyze-field">
              <label htmlFor={`${ids}-id`}>Article id</label>
              <input
                id={`${ids}-id`}
                type="text"
                className="analyze-id-input"
                autoComplete="off"
                spellCheck={false}
                value={idInput ?? defaultId}
                aria-describedby={`${ids}-id-hint`}
                onChange={(event) => setIdInput(event.target.value)}
              />
              <span id={`${ids}-id-hint`} className="analyze-field__hint">
                The file’s name, and the article’s address in the dashboard: lower-case letters,
                digits and hyphens. Files: <code>{articleId}.txt</code> and{' '}
                <code>corrections-{articleId}.json</code>
              </span>
            </div>
            <div className="analyze-actions">
              <button type="button" className="button" onClick={downloadArticle}>
                Download article file
              </button>
              <button type="button" className="button" onClick={downloadCorrections}>
                Download corrections
              </button>
            </div>
            {saveMessage ? <p className="analyze-save-message">{saveMessage}</p> : null}
            <p className="analyze-instructions">
              Put the article file in <code>data/articles/</code>, and add the entries of the
              corrections file to the <code>&quot;corrections&quot;</code> list in{' '}
              <code>data/corrections.json</code>. The next <code>npm run data</code> reads them.
            </p>
          </section>
        </>
      ) : null}

      {target && dialogReading && analysis ? (
        <CorrectionDialog
          key={targetKey(target)}
          reading={dialogReading}
          existing={corrections.find((c) => correctionKey(c) === targetKey(target)) ?? null}
          summary={analysis.extraction.summary}
          catalog={catalog}
          names={names}
          onSave={saveCorrection}
          onRemove={() => {
            removeCorrection(targetKey(target))
            closeDialog()
          }}
          onClose={closeDialog}
        />
      ) : null}
    </div>
  )
}

function ReadingSection({
  analysis,
  extraction,
  dateAdded,
  names,
  onOpen,
  headingId,
}: {
  analysis: Analysis
  extraction: {
    summary: ArticleSummary
    observations: Array<Observation>
    discarded: Array<Discarded>
  }
  dateAdded: boolean
  names: CatalogNames
  onOpen: (reading: NumberReading) => void
  headingId: string
}) {
  const { summary } = extraction
  const views = useMemo(
    () => sentenceViews(analysis.sentences, extraction),
    [analysis.sentences, extraction],
  )
  const warnings = [
    ...(dateAdded
      ? [
          `the text has no date line: the date you added (${formatDate(summary.date)}) is used, and written into the article file`,
        ]
      : []),
    ...summary.warnings,
  ]
  return (
    <section className="analyze-step" aria-labelledby={headingId}>
      <h2 id={headingId}>2. What the dashboard reads from it</h2>
      <dl className="article-meta analyze-meta">
        <div>
          <dt>Date</dt>
          <dd>
            <time dateTime={summary.date}>{formatDate(summary.date)}</time>
          </dd>
        </div>
        <div>
          <dt>District</dt>
          <dd>
            {summary.district ? (
              names.district(summary.district)
            ) : (
              <span className="muted">None named</span>
            )}
          </dd>
        </div>
        <div>
          <dt>CIIE edition</dt>
          <dd>
            {summary.edition !== null ? (
              names.edition(summary.edition)
            ) : (
              <span className="muted">Not known</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Numbers</dt>
          <dd>
            {countWords(extraction.observations.length, 'figure')},{' '}
            {countWords(extraction.discarded.length, 'number')} not counted
          </dd>
        </div>
      </dl>
      {warnings.length > 0 ? (
        <div
          className="notice article-warnings"
          role="note"
          aria-labelledby={`${headingId}-warnings`}
        >
          <p id={`${headingId}-warnings`} className="article-warnings__title">
            Read with care
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{capitalise(warning)}.</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="analyze-text">
        <div className="analyze-text__head">
          <h3>Sentences and numbers</h3>
          <Legend />
        </div>
        <ol className="analyze-sentences">
          {views.map((view, index) => (
            <SentenceItem
              key={view.sentence.start}
              view={view}
              newParagraph={
                index > 0 && views[index - 1]?.sentence.paragraph !== view.sentence.paragraph
              }
              names={names}
              onOpen={onOpen}
            />
          ))}
        </ol>
      </div>
    </section>
  )
}

function Legend() {
  return (
    <ul className="analyze-legend" aria-label="Key to the numbers">
      <li>
        <span
          className="analyze-number analyze-number--figure analyze-number--sample"
          aria-hidden="true"
        >
          80
        </span>{' '}
        a figure, with what it was read as
      </li>
      <li>
        <span
          className="analyze-number analyze-number--discarded analyze-number--sample"
          aria-hidden="true"
        >
          2018
        </span>{' '}
        not counted, with the reason
      </li>
      <li>
        <span
          className="analyze-number analyze-number--corrected analyze-number--sample"
          aria-hidden="true"
        >
          64
        </span>{' '}
        corrected by you
      </li>
      <li className="analyze-legend__hint">
        Select a number (click it, or Tab to it and press Enter) to correct it.
      </li>
    </ul>
  )
}

function SentenceItem({
  view,
  newParagraph,
  names,
  onOpen,
}: {
  view: SentenceView
  newParagraph: boolean
  names: CatalogNames
  onOpen: (reading: NumberReading) => void
}) {
  return (
    <li
      className={newParagraph ? 'analyze-sentence analyze-sentence--paragraph' : 'analyze-sentence'}
    >
      {view.segments.map((segment) =>
        segment.span ? (
          <NumberButton
            key={segment.start}
            reading={segment.span.data}
            names={names}
            onOpen={onOpen}
          />
        ) : (
          <span key={segment.start}>{segment.text}</span>
        ),
      )}
      {view.sentence.duplicate ? (
        <span className="analyze-sentence__repeat"> (said before: counted once)</span>
      ) : null}
    </li>
  )
}

function NumberButton({
  reading,
  names,
  onOpen,
}: {
  reading: NumberReading
  names: CatalogNames
  onOpen: (reading: NumberReading) => void
}) {
  const noteId = useId()
  const record = recordOf(reading)
  const status = statusOf(reading)
  return (
    <>
      <button
        type="button"
        className={`analyze-number analyze-number--${status}`}
        data-number-key={`${record.start}:${record.end}`}
        data-status={status}
        aria-haspopup="dialog"
        aria-describedby={noteId}
        onClick={() => onOpen(reading)}
      >
        {record.text}
      </button>{' '}
      <span
        id={noteId}
        className={`analyze-note analyze-note--${status}`}
        onClick={() => onOpen(reading)}
      >
        [{describeReading(reading, names)}]
      </span>
    </>
  )
}

function FiguresSection({
  observations,
  discarded,
  names,
  headingId,
}: {
  observations: ReadonlyArray<Observation>
  discarded: ReadonlyArray<Discarded>
  names: CatalogNames
  headingId: string
}) {
  const figures = [...observations].sort((a, b) => a.start - b.start)
  const notCounted = [...discarded].sort((a, b) => a.start - b.start)
  return (
    <section className="analyze-step" aria-labelledby={headingId}>
      <h2 id={headingId}>The figures</h2>
      {figures.length === 0 ? (
        <p className="muted">No figures were read from this article.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table analyze-figures">
            <caption>
              {countWords(figures.length, 'figure')}, in the order they appear, with your
              corrections applied.
            </caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Value</th>
                <th scope="col">District</th>
                <th scope="col">Edition</th>
                <th scope="col">The words</th>
                <th scope="col">Checked</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((observation) => {
                const conversion = formatConversion(observation.conversion)
                const note = observation.correction
                return (
                  <tr key={`${observation.start}:${observation.end}`}>
                    <td className="data-table__metric" data-label="Metric">
                      {names.metric(observation.metric)}
                    </td>
                    <td className="data-table__value" data-label="Value">
                      <span>
                        {describeValue(observation.value, observation.unit, observation.qualifier)}
                        {conversion ? (
                          <span className="data-table__conversion">{conversion}</span>
                        ) : null}
                      </span>
                    </td>
                    <td className="data-table__nowrap" data-label="District">
                      {names.district(observation.district)}
                    </td>
                    <td className="data-table__nowrap" data-label="Edition">
                      {observation.edition !== null
                        ? names.edition(observation.edition)
                        : 'None (background)'}
                    </td>
                    <td data-label="Words">“{observation.text}”</td>
                    <td data-label="Checked">
                      {note ? (
                        <span className="analyze-checked">
                          {note.action === 'add' ? 'added' : 'corrected'}: {note.reason}
                        </span>
                      ) : (
                        <span className="muted">as read</span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {notCounted.length > 0 ? (
        <>
          <h3 className="analyze-subhead">Numbers not counted ({notCounted.length})</h3>
          <ul className="analyze-not-counted">
            {notCounted.map((item) => (
              <li key={`${item.start}:${item.end}`}>
                <span className="analyze-not-counted__words">“{item.text}”</span>: {item.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

function CorrectionsSection({
  corrections,
  problems,
  names,
  onRemove,
  headingId,
}: {
  corrections: ReadonlyArray<Correction>
  problems: ReadonlyMap<number, string>
  names: CatalogNames
  onRemove: (key: string) => void
  headingId: string
}) {
  return (
    <section className="analyze-step" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        3. Your corrections ({corrections.length})
      </h2>
      {corrections.length === 0 ? (
        <p className="muted">
          None yet. Select a number in the sentences above to change what it was read as, reject it,
          or count a number that was left out.
        </p>
      ) : (
        <ul className="analyze-corrections">
          {corrections.map((correction, index) => {
            const problem = problems.get(index)
            const key = correctionKey(correction)
            return (
              <li
                key={key}
                className={
                  problem ? 'analyze-correction analyze-correction--problem' : 'analyze-correction'
                }
              >
                <p className="analyze-correction__what">{describeCorrection(correction, names)}</p>
                <p className="analyze-correction__reason">
                  <span className="muted">Reason:</span> {correction.reason}{' '}
                  <span className="muted">({formatDate(correction.date)})</span>
                </p>
                <p className="analyze-correction__sentence muted">
                  In: “{shorten(correction.sentence)}”
                </p>
                {problem ? (
                  <p className="analyze-error">
                    <strong>Does not match the article any more:</strong> {problem}
                  </p>
                ) : null}
                <button
                  type="button"
                  className="button button--secondary analyze-correction__remove"
                  aria-label={`Remove the correction of “${correction.number}”`}
                  onClick={() => {
                    onRemove(key)
                    document.getElementById(headingId)?.focus()
                  }}
                >
                  Remove
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

function countWords(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function shorten(text: string, max = 140): ReactNode {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}
