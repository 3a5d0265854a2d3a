import { useMemo, type ReactNode } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import {
  formatConversion,
  formatDate,
  formatObservationValue,
  formatScope,
  joinList,
} from '../app/format'
import { appTitle } from '../app/page-shell'
import { PageLoading } from '../app/page-loading'
import { paths } from '../app/paths'
import { QueryErrorNotice } from '../app/query-error-notice'
import { isArticleId } from '../app/url-state'
import { t } from '../i18n/i18n'
import type { ArticleDetail, Discarded, Milestone, Observation } from '../pipeline/schema'
import { useArticle } from '../queries/article-query'
import { useSummary } from '../queries/summary-query'
import { catalogNames, type CatalogNames } from './article-catalog'
import { ArticleHighlight } from './article-highlight'
import { CorrectionNoteView, describeWas } from './correction-note'
import { groupBy } from '../pipeline/group-by'
import { layoutArticleText, type TextRange, type TextSpan } from './article-text'
import { NotFound } from './not-found'
import './article.css'

/**
 * `/articles/:articleId`: one press article as the pipeline read it. Every figure is highlighted
 * where it stands in the text (by its offsets, not by searching for its words), with what was read
 * from it on hover or focus; the figures are listed again in a table below. `?highlight=<id>`
 * (how the evidence panel links here) marks one figure, scrolls to it and focuses it.
 */
export function ArticlePage() {
  const { articleId = '' } = useParams()
  if (!isArticleId(articleId)) return <ArticleNotFound />
  // A new article is a new page: nothing of the previous one's state carries over.
  return <ArticleView key={articleId} id={articleId} />
}

function ArticleNotFound() {
  return <NotFound title={t('article.notFound.title')} message={t('article.notFound.message')} />
}

/**
 * Whether a failed read means the article file does not exist. Read from the error's `status` so
 * the route needs nothing from the api layer.
 */
function isNotFoundError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    (error as { status: unknown }).status === 404
  )
}

type HighlightData =
  { kind: 'figure'; observation: Observation } | { kind: 'discarded'; discarded: Discarded }

function ArticleView({ id }: { id: string }) {
  const article = useArticle(id)
  const summary = useSummary()
  const [searchParams] = useSearchParams()
  const highlight = searchParams.get('highlight')

  const names = useMemo(() => (summary.data ? catalogNames(summary.data) : null), [summary.data])

  if (article.isError && isNotFoundError(article.error)) return <ArticleNotFound />
  const failed = article.isError ? article : summary.isError ? summary : null
  if (failed) {
    return (
      <>
        <title>{`${t('article.error.pageTitle')} · ${appTitle()}`}</title>
        <QueryErrorNotice
          title={t('article.error.title')}
          error={failed.error}
          onRetry={() => {
            if (article.isError) void article.refetch()
            if (summary.isError) void summary.refetch()
          }}
        />
      </>
    )
  }
  if (!article.data || !names) return <PageLoading label={t('article.loading')} />

  return <ArticleContent detail={article.data} names={names} highlight={highlight} />
}

function ArticleContent({
  detail,
  names,
  highlight,
}: {
  detail: ArticleDetail
  names: CatalogNames
  highlight: string | null
}) {
  const { article, observations, discarded, milestones } = detail

  const layout = useMemo(() => {
    // Figures first: where a discarded number overlaps a figure, the figure is drawn.
    const spans: Array<TextSpan<HighlightData>> = [
      ...observations.map((observation) => ({
        start: observation.start,
        end: observation.end,
        data: { kind: 'figure' as const, observation },
      })),
      ...discarded.map((item) => ({
        start: item.start,
        end: item.end,
        data: { kind: 'discarded' as const, discarded: item },
      })),
    ]
    const ranges = milestoneRanges(milestones)
    return layoutArticleText(detail.text, spans, ranges)
  }, [detail.text, observations, discarded, milestones])

  const milestonesByRange = useMemo(
    // Milestones that share a sentence (one sentence may tie a district to two editions) as one.
    () => groupBy(milestones, rangeKey),
    [milestones],
  )
  const placedFigures = useMemo(
    () =>
      new Set(
        layout.placed.flatMap((span) =>
          span.data.kind === 'figure' ? [span.data.observation.id] : [],
        ),
      ),
    [layout],
  )
  const figures = useMemo(
    () => [...observations].sort((a, b) => a.start - b.start || a.end - b.end),
    [observations],
  )
  const highlightMissing = highlight !== null && !observations.some((o) => o.id === highlight)
  const placedDiscarded = layout.placed.length - placedFigures.size

  return (
    <article className="article-page" aria-labelledby="article-title">
      <title>{`${article.title} · ${appTitle()}`}</title>
      <ArticleHeader detail={detail} names={names} />

      {highlightMissing ? (
        <p className="notice article-page__note" role="note">
          {t('article.highlightMissing')}
        </p>
      ) : null}

      <section className="article-body" aria-labelledby="article-text-title">
        <div className="article-body__head">
          <h2 id="article-text-title">{t('article.text.heading')}</h2>
          <ArticleLegend
            figures={placedFigures.size}
            discarded={placedDiscarded}
            milestones={milestonesByRange.size}
          />
        </div>
        <div className="article-text" lang="en">
          {layout.paragraphs.map((paragraph) => (
            <p key={paragraph.start}>
              {paragraph.segments.map((segment) => {
                const markers = segment.rangesStarting.flatMap((range) => {
                  const group = milestonesByRange.get(rangeKey(range))
                  return group
                    ? [<MilestoneMarker key={rangeKey(range)} milestones={group} names={names} />]
                    : []
                })
                const content: ReactNode = segment.span ? (
                  <HighlightFor data={segment.span.data} names={names} highlight={highlight} />
                ) : (
                  segment.text
                )
                const covering = segment.inRange
                  ? milestones.filter((m) => m.start < segment.end && segment.start < m.end)
                  : []
                return (
                  <span
                    key={segment.start}
                    className={segment.inRange ? 'article-text__milestone' : undefined}
                    title={covering.length > 0 ? milestoneLabel(covering, names) : undefined}
                  >
                    {markers}
                    {content}
                  </span>
                )
              })}
            </p>
          ))}
        </div>
      </section>

      <FiguresTable
        articleId={article.id}
        figures={figures}
        placed={placedFigures}
        names={names}
        highlight={highlight}
      />

      {discarded.length > 0 ? <DiscardedList discarded={discarded} names={names} /> : null}
    </article>
  )
}

function ArticleHeader({ detail, names }: { detail: ArticleDetail; names: CatalogNames }) {
  const { article } = detail
  const otherDistricts = article.districts.filter((d) => d !== article.district)
  return (
    <header className="article-header">
      <p className="article-header__back">
        <Link to={paths.sources()}>{t('article.back')}</Link>
      </p>
      <h1 id="article-title" lang="en">
        {article.title}
      </h1>
      <dl className="article-meta">
        <div>
          <dt>{t('article.meta.published')}</dt>
          <dd>
            <time dateTime={article.date}>{formatDate(article.date)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('article.meta.district')}</dt>
          <dd>
            {article.district ? (
              <Link to={paths.district(article.district)}>{names.district(article.district)}</Link>
            ) : (
              <span className="muted">{t('article.meta.noDistrict')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('article.meta.edition')}</dt>
          <dd>
            {article.edition !== null ? (
              <Link to={paths.edition(article.edition)}>{names.edition(article.edition)}</Link>
            ) : (
              <span className="muted">{t('article.meta.notStated')}</span>
            )}
          </dd>
        </div>
        {article.area ? (
          <div>
            <dt>{t('article.meta.area')}</dt>
            <dd>{names.zone(article.area)}</dd>
          </div>
        ) : null}
        {otherDistricts.length > 0 ? (
          <div>
            <dt>{t('article.meta.alsoNames')}</dt>
            <dd>
              {otherDistricts.map((district, index) => (
                <span key={district}>
                  {index > 0 ? t('article.listSeparator') : null}
                  <Link to={paths.district(district)}>{names.district(district)}</Link>
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {article.warnings.length > 0 ? (
        <div className="notice article-warnings" role="note" aria-labelledby="article-warnings">
          <p id="article-warnings" className="article-warnings__title">
            {t('article.warnings.title')}
          </p>
          <ul>
            {article.warnings.map((warning) => (
              <li key={warning} lang="en">
                {warning}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </header>
  )
}

function ArticleLegend({
  figures,
  discarded,
  milestones,
}: {
  figures: number
  discarded: number
  milestones: number
}) {
  return (
    <ul className="article-legend" aria-label={t('article.legend.label')}>
      <li>
        <mark className="article-legend__figure" aria-hidden="true">
          80
        </mark>{' '}
        {t('article.legend.figures', { count: figures })}
      </li>
      {discarded > 0 ? (
        <li>
          <span className="article-legend__discarded" aria-hidden="true">
            2005
          </span>{' '}
          {t('article.legend.discarded', { count: discarded })}
        </li>
      ) : null}
      {milestones > 0 ? (
        <li>
          <span className="article-legend__milestone" aria-hidden="true" />{' '}
          {t('article.legend.milestones', { count: milestones })}
        </li>
      ) : null}
      <li className="article-legend__hint">{t('article.legend.hint')}</li>
    </ul>
  )
}

function HighlightFor({
  data,
  names,
  highlight,
}: {
  data: HighlightData
  names: CatalogNames
  highlight: string | null
}) {
  if (data.kind === 'discarded') {
    const { discarded } = data
    return (
      <ArticleHighlight
        kind="discarded"
        text={discarded.text}
        details={
          <>
            <span className="article-tip__title">{t('article.tip.notCounted')}</span>{' '}
            <span className="article-tip__row" lang="en">
              {capitalise(discarded.reason)}.
            </span>
          </>
        }
      />
    )
  }
  const { observation } = data
  return (
    <ArticleHighlight
      kind="figure"
      text={observation.text}
      observationId={observation.id}
      current={observation.id === highlight}
      details={<FigureDetails observation={observation} names={names} />}
    />
  )
}

function FigureDetails({ observation, names }: { observation: Observation; names: CatalogNames }) {
  const conversion = formatConversion(observation.conversion)
  return (
    <>
      <span className="article-tip__title">{names.metric(observation.metric)}</span>{' '}
      <span className="article-tip__value">{formatObservationValue(observation)}</span>{' '}
      {conversion ? <span className="article-tip__row">({conversion})</span> : null}{' '}
      <span className="article-tip__row">
        <span className="article-tip__label">{t('article.tip.district')}</span>
        {names.district(observation.district)}
        {observation.area ? `${t('article.listSeparator')}${names.zone(observation.area)}` : null}
      </span>{' '}
      <span className="article-tip__row">
        <span className="article-tip__label">{t('article.tip.edition')}</span>
        {observation.edition !== null
          ? names.edition(observation.edition)
          : t('article.tip.noEdition')}
      </span>{' '}
      {observation.scope !== 'ciie' ? (
        <span className="article-tip__row article-tip__scope">
          {formatScope(observation.scope)}
        </span>
      ) : null}
      {observation.correction ? (
        <span className="article-tip__row">
          <span className="article-tip__label">{t('article.tip.corrected')}</span>
          {observation.correction.reason}
        </span>
      ) : null}
    </>
  )
}

function MilestoneMarker({
  milestones,
  names,
}: {
  milestones: ReadonlyArray<Milestone>
  names: CatalogNames
}) {
  const label = milestoneLabel(milestones, names)
  return <span className="article-milestone-marker" role="img" aria-label={label} />
}

/** "Milestone: ties Jing'an to the 4th (2021) and 5th (2022) CIIE". */
function milestoneLabel(milestones: ReadonlyArray<Milestone>, names: CatalogNames): string {
  const districts = [...new Set(milestones.map((m) => names.district(m.district)))]
  const editions = [...new Set(milestones.map((m) => m.edition))]
    .sort((a, b) => a - b)
    .map((edition) => names.edition(edition))
  return t('article.milestone', { districts: joinList(districts), editions: joinList(editions) })
}

function FiguresTable({
  articleId,
  figures,
  placed,
  names,
  highlight,
}: {
  articleId: string
  figures: ReadonlyArray<Observation>
  placed: ReadonlySet<string>
  names: CatalogNames
  highlight: string | null
}) {
  return (
    <section className="article-figures" aria-labelledby="article-figures-title">
      <h2 id="article-figures-title">{t('article.figures.heading')}</h2>
      {figures.length === 0 ? (
        <p className="muted">{t('article.figures.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('article.figures.caption', { count: figures.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('article.figures.metric')}</th>
                <th scope="col">{t('article.figures.value')}</th>
                <th scope="col">{t('article.figures.district')}</th>
                <th scope="col">{t('article.figures.edition')}</th>
                <th scope="col">{t('article.figures.words')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((observation) => {
                const conversion = formatConversion(observation.conversion)
                return (
                  <tr
                    key={observation.id}
                    className={
                      observation.id === highlight ? 'article-figures__current' : undefined
                    }
                  >
                    <td className="data-table__metric" data-label={t('article.figures.metric')}>
                      <span>
                        {names.metric(observation.metric)}
                        {observation.scope !== 'ciie' ? (
                          <span className="article-figures__scope">
                            {formatScope(observation.scope)}
                          </span>
                        ) : null}
                      </span>
                    </td>
                    <td className="data-table__value" data-label={t('article.figures.value')}>
                      <span>
                        {formatObservationValue(observation)}
                        {conversion ? (
                          <span className="data-table__conversion">{conversion}</span>
                        ) : null}
                        <CorrectionNoteView figure={observation} names={names} />
                      </span>
                    </td>
                    <td className="data-table__nowrap" data-label={t('article.figures.district')}>
                      <span>
                        <Link to={paths.district(observation.district)}>
                          {names.district(observation.district)}
                        </Link>
                        {observation.area ? (
                          <span className="data-table__area">{names.zone(observation.area)}</span>
                        ) : null}
                      </span>
                    </td>
                    <td className="data-table__nowrap" data-label={t('article.figures.edition')}>
                      {observation.edition !== null ? (
                        <Link to={paths.edition(observation.edition)}>
                          {names.edition(observation.edition)}
                        </Link>
                      ) : (
                        <span className="muted">{t('article.figures.noEdition')}</span>
                      )}
                    </td>
                    <td className="article-figures__words" data-label={t('article.figures.words')}>
                      {placed.has(observation.id) ? (
                        <Link
                          to={paths.article(articleId, { highlight: observation.id })}
                          replace
                          preventScrollReset
                          aria-label={t('article.figures.showInText', { words: observation.text })}
                        >
                          <span lang="en">“{observation.text}”</span>
                        </Link>
                      ) : (
                        <span>
                          <span lang="en">“{observation.text}”</span>{' '}
                          <span className="muted">{t('article.figures.placeUnknown')}</span>
                        </span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function DiscardedList({
  discarded,
  names,
}: {
  discarded: ReadonlyArray<Discarded>
  names: CatalogNames
}) {
  const ordered = [...discarded].sort((a, b) => a.start - b.start)
  return (
    <details className="article-discarded-list">
      <summary>{t('article.discarded.summary', { count: discarded.length })}</summary>
      <ul>
        {ordered.map((item) => (
          <li key={`${item.start}-${item.end}`}>
            <span className="article-discarded-list__words" lang="en">
              “{item.text}”
            </span>
            {t('article.discarded.reasonLabel')}
            <span lang="en">{item.reason}</span>
            {item.correction ? (
              <span className="muted">
                {' '}
                {t('article.discarded.rejected', {
                  date: formatDate(item.correction.date),
                  was:
                    describeWas(
                      item.correction,
                      { value: item.value ?? 0, unit: item.unit ?? 'count', qualifier: 'exact' },
                      names,
                    ) ?? '',
                })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  )
}

function rangeKey(range: TextRange): string {
  return `${range.start}:${range.end}`
}

function milestoneRanges(milestones: ReadonlyArray<Milestone>): Array<TextRange> {
  const seen = new Set<string>()
  const ranges: Array<TextRange> = []
  for (const { start, end } of milestones) {
    const key = rangeKey({ start, end })
    if (!seen.has(key)) {
      seen.add(key)
      ranges.push({ start, end })
    }
  }
  return ranges
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
