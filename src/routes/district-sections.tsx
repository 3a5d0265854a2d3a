import { Link } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { formatConversion, formatDate, formatObservationValue, formatScope } from '../app/format'
import { splitSentenceAtFigure } from '../app/highlight'
import { paths } from '../app/paths'
import { t } from '../i18n/i18n'
import type { ArticleSummary, DistrictDetail, Observation } from '../pipeline/schema'
import { districtSources, milestonesByEdition, otherFigures } from './district-model'
import type { SummaryModel } from './summary-model'

interface SectionProps {
  model: SummaryModel
  detail: DistrictDetail
}

/** The sentences that tie the district to each CIIE edition, as a timeline. */
export function DistrictMilestones({ model, detail }: SectionProps) {
  const name = model.districtName(detail.district)
  const groups = milestonesByEdition(detail.milestones)
  const articles = articleMap(detail.articles)
  if (groups.length === 0)
    return (
      <EmptyState title={t('district.milestones.empty.title', { name })}>
        <p>{t('district.milestones.empty.body', { name })}</p>
      </EmptyState>
    )
  return (
    <ol className="district-timeline">
      {groups.map((group) => (
        <li key={group.edition} className="district-timeline__edition">
          <h3 className="district-timeline__label">
            <span className="district-timeline__dot" aria-hidden="true" />
            {model.editionName(group.edition)}
          </h3>
          <ol className="district-timeline__items">
            {group.milestones.map((milestone) => {
              const article = articles.get(milestone.article)
              return (
                <li key={milestone.id} className="district-timeline__item">
                  <blockquote className="district-timeline__sentence" lang="en">
                    {milestone.sentence}
                  </blockquote>
                  <p className="district-timeline__source">
                    <time dateTime={milestone.date}>{formatDate(milestone.date)}</time> ·{' '}
                    <Link to={paths.article(milestone.article)} lang="en">
                      {article?.title ?? milestone.article}
                    </Link>
                  </p>
                </li>
              )
            })}
          </ol>
        </li>
      ))}
    </ol>
  )
}

/** What a background figure describes: the district itself, one firm, or several expos. */
function describeFigure(observation: Observation, model: SummaryModel): string {
  if (observation.scope === 'ciie') return t('district.other.severalEditions')
  const label = formatScope(observation.scope)
  return observation.edition === null
    ? label
    : t('district.other.inArticleOn', {
        scope: label,
        edition: model.editionName(observation.edition),
      })
}

/** Figures the charts leave out, in a table, labelled as background not tied to one expo. */
export function DistrictOtherFigures({ model, detail }: SectionProps) {
  const name = model.districtName(detail.district)
  const figures = otherFigures(detail)
  const articles = articleMap(detail.articles)
  if (figures.length === 0) return <p className="muted">{t('district.other.none', { name })}</p>
  return (
    <div className="table-wrap">
      <table className="data-table district-figures">
        <caption>{t('district.other.caption', { count: figures.length, name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district.other.column.metric')}</th>
            <th scope="col">{t('district.other.column.value')}</th>
            <th scope="col">{t('district.other.column.describes')}</th>
            <th scope="col">{t('district.other.column.sentence')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => {
            const conversion = formatConversion(figure.conversion)
            const article = articles.get(figure.article)
            return (
              <tr key={figure.id}>
                <td className="data-table__metric" data-label={t('district.other.column.metric')}>
                  {model.metricLabel(figure.metric)}
                </td>
                <td className="data-table__value" data-label={t('district.other.column.value')}>
                  <span>
                    {formatObservationValue(figure)}
                    {conversion ? (
                      <span className="data-table__conversion">{conversion}</span>
                    ) : null}
                  </span>
                </td>
                <td
                  className="district-figures__scope"
                  data-label={t('district.other.column.describesShort')}
                >
                  {describeFigure(figure, model)}
                </td>
                <td className="data-table__source">
                  {/* The sentence stays in the article's language: it is a quotation. */}
                  <blockquote className="source-sentence" lang="en">
                    {splitSentenceAtFigure(figure).map((part, index) =>
                      part.highlight ? (
                        <mark key={index}>{part.text}</mark>
                      ) : (
                        <span key={index}>{part.text}</span>
                      ),
                    )}
                  </blockquote>
                  <p className="source-meta">
                    {article ? (
                      <>
                        <time dateTime={article.date}>{formatDate(article.date)}</time> ·{' '}
                      </>
                    ) : null}
                    <Link to={paths.article(figure.article, { highlight: figure.id })} lang="en">
                      {article?.title ?? figure.article}
                    </Link>
                  </p>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The articles about the district, newest first, with how many figures each gave for it. */
export function DistrictSources({ model, detail }: SectionProps) {
  const name = model.districtName(detail.district)
  const sources = districtSources(detail)
  if (sources.length === 0)
    return (
      <EmptyState title={t('district.sources.empty.title', { name })}>
        <p>
          <Link to={paths.sources()}>{t('district.sources.empty.link')}</Link>
        </p>
      </EmptyState>
    )
  return (
    <div className="table-wrap">
      <table className="data-table district-sources">
        <caption>{t('district.sources.caption', { count: sources.length, name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district.sources.column.date')}</th>
            <th scope="col">{t('district.sources.column.article')}</th>
            <th scope="col">{t('district.sources.column.edition')}</th>
            <th scope="col" className="district-sources__count">
              {t('district.sources.column.figures', { name })}
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map(({ article, figures }) => (
            <tr key={article.id}>
              <td className="data-table__nowrap" data-label={t('district.sources.column.date')}>
                <time dateTime={article.date}>{formatDate(article.date)}</time>
              </td>
              <td
                className="district-sources__title"
                data-label={t('district.sources.column.article')}
              >
                <Link to={paths.article(article.id)} lang="en">
                  {article.title}
                </Link>
              </td>
              <td className="data-table__nowrap" data-label={t('district.sources.column.edition')}>
                {article.edition !== null ? (
                  model.editionName(article.edition)
                ) : (
                  <span className="muted">{t('district.sources.notStated')}</span>
                )}
              </td>
              <td
                className="district-sources__count"
                data-label={t('district.sources.column.figuresShort')}
              >
                {figures}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function articleMap(articles: ReadonlyArray<ArticleSummary>): Map<string, ArticleSummary> {
  return new Map(articles.map((a) => [a.id, a]))
}
