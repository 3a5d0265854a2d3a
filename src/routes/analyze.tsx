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
import { appTitle } from '../app/page-shell'
import { downloadText } from '../export/download'
import { t } from '../i18n/i18n'
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
import { slot, withParts } from './message-parts'
import './article.css'
import './analyze.css'

/** The command that rebuilds the data: a command, the same in every language. */
const DATA_COMMAND = 'npm run data'
const ARTICLE_FILE_TYPE = 'text/plain;charset=utf-8'

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
        message: t('analyze.input.textMissing'),
      })
      document.getElementById(`${ids}-text`)?.focus()
      return
    }
    if (!hasDateLine(textToRead) && date === '') {
      setInputError({ field: 'date', message: t('analyze.input.dateMissing') })
      document.getElementById(`${ids}-date`)?.focus()
      return
    }
    setInputError(null)
    setRunning(true)
    setAnnouncement(t('analyze.announce.analysing'))
    // A tick first, so "Analysing…" shows before a long article keeps the page busy.
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      timer.current = null
      const result = analyseArticle(textToRead, date)
      setRun({ text: textToRead, date, result })
      setRunning(false)
      setAnnouncement(
        result.ok
          ? t('analyze.announce.analysed', {
              figures: result.analysis.extraction.observations.length,
              discarded: result.analysis.extraction.discarded.length,
            })
          : t('analyze.announce.failed', { message: result.message }),
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
    setAnnouncement(
      t('analyze.announce.saved', { correction: describeCorrection(correction, names) }),
    )
    setSaveMessage(null)
    closeDialog()
  }

  function removeCorrection(key: string) {
    const removed = corrections.find((c) => correctionKey(c) === key)
    setCorrections((current) => current.filter((c) => correctionKey(c) !== key))
    if (removed)
      setAnnouncement(
        t('analyze.announce.removed', { correction: describeCorrection(removed, names) }),
      )
    setSaveMessage(null)
  }

  /** A message beside the download buttons, also read out by screen readers. */
  function report(message: string) {
    setSaveMessage(message)
    setAnnouncement(message)
  }

  function downloadArticle() {
    if (!analysis || stale) {
      report(t('analyze.save.stale'))
      return
    }
    downloadText(articleFileText(analysis.article), `${articleId}.txt`, ARTICLE_FILE_TYPE)
    report(t('analyze.save.downloaded', { fileName: `${articleId}.txt` }))
  }

  function downloadCorrections() {
    if (!analysis || stale) {
      report(t('analyze.save.stale'))
      return
    }
    if (corrections.length === 0) {
      report(t('analyze.save.noCorrections'))
      return
    }
    if (corrected && corrected.problems.size > 0) {
      report(t('analyze.save.problems'))
      return
    }
    const fileName = `corrections-${articleId}.json`
    downloadText(correctionsFileText(corrections, articleId), fileName, 'application/json')
    setDownloaded(corrections)
    report(t('analyze.save.downloaded', { fileName }))
  }

  const dialogReading = target && analysis ? originalReading(analysis.extraction, target) : null
  const textError = inputError?.field === 'text' ? inputError.message : null
  const dateError = inputError?.field === 'date' ? inputError.message : null
  const fileError = inputError?.field === 'file' ? inputError.message : null

  return (
    <div className="analyze-page">
      <title>{`${t('analyze.pageTitle')} · ${appTitle()}`}</title>
      <header className="page-header">
        <div>
          <h1>{t('analyze.heading')}</h1>
          <p className="page-header__lede">{t('analyze.lede')}</p>
        </div>
      </header>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <section className="analyze-step" aria-labelledby={`${ids}-input-title`}>
        <h2 id={`${ids}-input-title`}>{t('analyze.step1.heading')}</h2>
        <div className="analyze-field">
          <label htmlFor={`${ids}-file`}>{t('analyze.step1.file')}</label>
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
          <label htmlFor={`${ids}-text`}>{t('analyze.step1.text')}</label>
          <span id={`${ids}-text-hint`} className="analyze-field__hint">
            {t('analyze.step1.textHint')}
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
              {withParts(t('analyze.date.warning', { label: slot('label') }), {
                label: <strong>{t('analyze.date.warningLabel')}</strong>,
              })}
            </p>
            <div className="analyze-field">
              <label htmlFor={`${ids}-date`}>{t('analyze.date.label')}</label>
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
            {running ? t('analyze.button.running') : t('analyze.button.analyse')}
          </button>
          {stale && !running ? <p className="analyze-stale">{t('analyze.stale')}</p> : null}
        </div>
      </section>

      {run && !run.result.ok ? (
        <div className="notice notice--error analyze-problem" role="alert">
          <p>
            <strong>{t('analyze.problem.title')}</strong>
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
            <h2 id={`${ids}-save-title`}>{t('analyze.step4.heading')}</h2>
            <div className="analyze-field">
              <label htmlFor={`${ids}-id`}>{t('analyze.step4.id')}</label>
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
                {withParts(
                  t('analyze.step4.idHint', {
                    article: slot('article'),
                    corrections: slot('corrections'),
                  }),
                  {
                    article: <code>{articleId}.txt</code>,
                    corrections: <code>corrections-{articleId}.json</code>,
                  },
                )}
              </span>
            </div>
            <div className="analyze-actions">
              <button type="button" className="button" onClick={downloadArticle}>
                {t('analyze.step4.downloadArticle')}
              </button>
              <button type="button" className="button" onClick={downloadCorrections}>
                {t('analyze.step4.downloadCorrections')}
              </button>
            </div>
            {saveMessage ? <p className="analyze-save-message">{saveMessage}</p> : null}
            <p className="analyze-instructions">
              {withParts(
                t('analyze.step4.instructions', {
                  folder: slot('folder'),
                  list: slot('list'),
                  file: slot('file'),
                  command: slot('command'),
                }),
                {
                  folder: <code>data/articles/</code>,
                  list: <code>&quot;corrections&quot;</code>,
                  file: <code>data/corrections.json</code>,
                  command: <code>{DATA_COMMAND}</code>,
                },
              )}
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
          {
            text: t('analyze.warning.dateAdded', { date: formatDate(summary.date) }),
            lang: undefined,
          },
        ]
      : []),
    // The pipeline's warnings are its own words, in English, as `npm run data` prints them.
    ...summary.warnings.map((warning) => ({ text: `${capitalise(warning)}.`, lang: 'en' })),
  ]
  return (
    <section className="analyze-step" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('analyze.step2.heading')}</h2>
      <dl className="article-meta analyze-meta">
        <div>
          <dt>{t('analyze.meta.date')}</dt>
          <dd>
            <time dateTime={summary.date}>{formatDate(summary.date)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('analyze.meta.district')}</dt>
          <dd>
            {summary.district ? (
              names.district(summary.district)
            ) : (
              <span className="muted">{t('analyze.meta.noDistrict')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('analyze.meta.edition')}</dt>
          <dd>
            {summary.edition !== null ? (
              names.edition(summary.edition)
            ) : (
              <span className="muted">{t('analyze.meta.noEdition')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('analyze.meta.numbers')}</dt>
          <dd>
            {t('analyze.meta.numbersValue', {
              figures: extraction.observations.length,
              discarded: extraction.discarded.length,
            })}
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
            {t('analyze.warnings.title')}
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.text} lang={warning.lang}>
                {warning.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="analyze-text">
        <div className="analyze-text__head">
          <h3>{t('analyze.sentences.heading')}</h3>
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
    <ul className="analyze-legend" aria-label={t('analyze.legend.label')}>
      <li>
        <span
          className="analyze-number analyze-number--figure analyze-number--sample"
          aria-hidden="true"
        >
          80
        </span>{' '}
        {t('analyze.legend.figure')}
      </li>
      <li>
        <span
          className="analyze-number analyze-number--discarded analyze-number--sample"
          aria-hidden="true"
        >
          2018
        </span>{' '}
        {t('analyze.legend.discarded')}
      </li>
      <li>
        <span
          className="analyze-number analyze-number--corrected analyze-number--sample"
          aria-hidden="true"
        >
          64
        </span>{' '}
        {t('analyze.legend.corrected')}
      </li>
      <li className="analyze-legend__hint">{t('analyze.legend.hint')}</li>
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
          <span key={segment.start} lang="en">
            {segment.text}
          </span>
        ),
      )}
      {view.sentence.duplicate ? (
        <span className="analyze-sentence__repeat"> {t('analyze.sentences.repeat')}</span>
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
        lang="en"
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
      <h2 id={headingId}>{t('analyze.figures.heading')}</h2>
      {figures.length === 0 ? (
        <p className="muted">{t('analyze.figures.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table analyze-figures">
            <caption>{t('analyze.figures.caption', { count: figures.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analyze.figures.metric')}</th>
                <th scope="col">{t('analyze.figures.value')}</th>
                <th scope="col">{t('analyze.figures.district')}</th>
                <th scope="col">{t('analyze.figures.edition')}</th>
                <th scope="col">{t('analyze.figures.words')}</th>
                <th scope="col">{t('analyze.figures.checked')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((observation) => {
                const conversion = formatConversion(observation.conversion)
                const note = observation.correction
                return (
                  <tr key={`${observation.start}:${observation.end}`}>
                    <td className="data-table__metric" data-label={t('analyze.figures.metric')}>
                      {names.metric(observation.metric)}
                    </td>
                    <td className="data-table__value" data-label={t('analyze.figures.value')}>
                      <span>
                        {describeValue(observation.value, observation.unit, observation.qualifier)}
                        {conversion ? (
                          <span className="data-table__conversion">{conversion}</span>
                        ) : null}
                      </span>
                    </td>
                    <td className="data-table__nowrap" data-label={t('analyze.figures.district')}>
                      {names.district(observation.district)}
                    </td>
                    <td className="data-table__nowrap" data-label={t('analyze.figures.edition')}>
                      {observation.edition !== null
                        ? names.edition(observation.edition)
                        : t('analyze.figures.noEdition')}
                    </td>
                    <td data-label={t('analyze.figures.words')}>
                      <span lang="en">“{observation.text}”</span>
                    </td>
                    <td data-label={t('analyze.figures.checked')}>
                      {note ? (
                        <span className="analyze-checked">
                          {note.action === 'add'
                            ? t('analyze.figures.added', { reason: note.reason })
                            : t('analyze.figures.corrected', { reason: note.reason })}
                        </span>
                      ) : (
                        <span className="muted">{t('analyze.figures.asRead')}</span>
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
          <h3 className="analyze-subhead">
            {t('analyze.notCounted.heading', { count: notCounted.length })}
          </h3>
          <ul className="analyze-not-counted">
            {notCounted.map((item) => (
              <li key={`${item.start}:${item.end}`}>
                <span className="analyze-not-counted__words" lang="en">
                  “{item.text}”
                </span>
                {t('analyze.notCounted.reasonLabel')}
                <span lang="en">{item.reason}</span>
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
        {t('analyze.step3.heading', { count: corrections.length })}
      </h2>
      {corrections.length === 0 ? (
        <p className="muted">{t('analyze.step3.none')}</p>
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
                  <span className="muted">{t('analyze.step3.reason')}</span> {correction.reason}{' '}
                  <span className="muted">({formatDate(correction.date)})</span>
                </p>
                <p className="analyze-correction__sentence muted">
                  {t('analyze.step3.in')} <span lang="en">“{shorten(correction.sentence)}”</span>
                </p>
                {problem ? (
                  <p className="analyze-error">
                    <strong>{t('analyze.step3.problem')}</strong> <span lang="en">{problem}</span>
                  </p>
                ) : null}
                <button
                  type="button"
                  className="button button--secondary analyze-correction__remove"
                  aria-label={t('analyze.step3.removeLabel', { number: correction.number })}
                  onClick={() => {
                    onRemove(key)
                    document.getElementById(headingId)?.focus()
                  }}
                >
                  {t('analyze.step3.remove')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function shorten(text: string, max = 140): ReactNode {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}
