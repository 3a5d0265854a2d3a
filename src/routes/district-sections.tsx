import { Link } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { formatConversion, formatDate, formatObservationValue, formatScope } from '../app/format'
import { splitSentenceAtFigure } from '../app/highlight'
import { paths } from '../app/paths'
import type { ArticleSummary, DistrictDetail, Observation } from '../pipeline/schema'
import { countNoun, districtSources, milestonesByEdition, otherFigures } from './district-model'
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
      <EmptyState title={`No milestones for ${name} yet`}>
        <p>
          No article has a sentence that ties {name} to a CIIE edition (an agreement, an opening or
          a visit during the expo).
        </p>
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
                  <blockquote className="district-timeline__sentence">
                    {milestone.sentence}
                  </blockquote>
                  <p className="district-timeline__source">
                    <time dateTime={milestone.date}>{formatDate(milestone.date)}</time> ·{' '}
                    <Link to={paths.article(milestone.article)}>
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
  if (observation.scope === 'ciie') return 'CIIE activity over several editions'
  const label = formatScope(observation.scope)
  return observation.edition === null
    ? label
    : `${label}, in an article on the ${model.editionName(observation.edition)}`
}

/** Figures the charts leave out, in a table, labelled as background not tied to one expo. */
export function DistrictOtherFigures({ model, detail }: SectionProps) {
  const name = model.districtName(detail.district)
  const figures = otherFigures(detail)
  const articles = articleMap(detail.articles)
  if (figures.length === 0)
    return (
      <p className="muted">
        Every figure the articles give for {name} belongs to one CIIE edition and is in the charts
        above.
      </p>
    )
  return (
    <div className="table-wrap">
      <table className="data-table district-figures">
        <caption>
          {countNoun(figures.length, 'background figure')} for {name}, not tied to one CIIE edition
          and so not in the charts
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Value</th>
            <th scope="col">What it describes</th>
            <th scope="col">Sentence</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => {
            const conversion = formatConversion(figure.conversion)
            const article = articles.get(figure.article)
            return (
              <tr key={figure.id}>
                <td className="data-table__metric" data-label="Metric">
                  {model.metricLabel(figure.metric)}
                </td>
                <td className="data-table__value" data-label="Value">
                  <span>
                    {formatObservationValue(figure)}
                    {conversion ? (
                      <span className="data-table__conversion">{conversion}</span>
                    ) : null}
                  </span>
                </td>
                <td className="district-figures__scope" data-label="Describes">
                  {describeFigure(figure, model)}
                </td>
                <td className="data-table__source">
                  <blockquote className="source-sentence">
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
                    <Link to={paths.article(figure.article, { highlight: figure.id })}>
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
      <EmptyState title={`No article names ${name} yet`}>
        <p>
          <Link to={paths.sources()}>See every article the dashboard reads</Link>
        </p>
      </EmptyState>
    )
  return (
    <div className="table-wrap">
      <table className="data-table district-sources">
        <caption>
          {sources.length === 1
            ? `1 article that gives ${name} a figure or a milestone, or names it`
            : `${sources.length} articles that give ${name} a figure or a milestone, or name it; newest first`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Article</th>
            <th scope="col">Edition</th>
            <th scope="col" className="district-sources__count">
              Figures for {name}
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map(({ article, figures }) => (
            <tr key={article.id}>
              <td className="data-table__nowrap" data-label="Date">
                <time dateTime={article.date}>{formatDate(article.date)}</time>
              </td>
              <td className="district-sources__title" data-label="Article">
                <Link to={paths.article(article.id)}>{article.title}</Link>
              </td>
              <td className="data-table__nowrap" data-label="Edition">
                {article.edition !== null ? (
                  model.editionName(article.edition)
                ) : (
                  <span className="muted">Not stated</span>
                )}
              </td>
              <td className="district-sources__count" data-label="Figures">
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
