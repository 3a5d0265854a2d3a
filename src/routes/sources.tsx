import { useMemo, type ChangeEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { formatDate } from '../app/format'
import { APP_TITLE } from '../app/page-shell'
import { PageLoading } from '../app/page-loading'
import { paths } from '../app/paths'
import { QueryErrorNotice } from '../app/query-error-notice'
import { isDistrictId, parseEdition } from '../app/url-state'
import type { ArticleIndex, CorpusInfo, Summary } from '../pipeline/schema'
import { useArticleIndex } from '../queries/article-index-query'
import { useSummary } from '../queries/summary-query'
import { catalogNames, type CatalogNames } from './article-catalog'
import { NotFound } from './not-found'
import {
  filterArticles,
  parseSourcesFilter,
  sourcesFilterParams,
  type SourcesFilter,
} from './sources-filter'
import './sources.css'

/**
 * `/sources`: every article the dashboard reads, newest first, filterable by district and
 * edition. The filter and the order live in the URL (`?district=jingan&edition=6&order=oldest`),
 * so a filtered list can be bookmarked or sent; a value the catalog does not know is a not-found.
 */
export function SourcesPage() {
  const index = useArticleIndex()
  const summary = useSummary()

  const failed = index.isError ? index : summary.isError ? summary : null
  if (failed) {
    return (
      <>
        <title>{`Sources could not be loaded · ${APP_TITLE}`}</title>
        <QueryErrorNotice
          title="The list of sources could not be loaded"
          error={failed.error}
          onRetry={() => {
            if (index.isError) void index.refetch()
            if (summary.isError) void summary.refetch()
          }}
        />
      </>
    )
  }
  if (!index.data || !summary.data) return <PageLoading label="Loading the sources…" />
  return <SourcesContent index={index.data} summary={summary.data} />
}

const NOT_FOUND_TEXT = {
  district: { title: 'District not found', noun: 'district' },
  edition: { title: 'Edition not found', noun: 'CIIE edition' },
  order: { title: 'Sort order not found', noun: 'sort order' },
} as const

function SourcesContent({ index, summary }: { index: ArticleIndex; summary: Summary }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const names = useMemo(() => catalogNames(summary), [summary])
  const parsed = parseSourcesFilter(searchParams, {
    isDistrictId,
    parseEdition: (value) => parseEdition(value, summary.editions),
  })

  if (!parsed.ok) {
    const { title, noun } = NOT_FOUND_TEXT[parsed.param]
    return (
      <NotFound
        title={title}
        message={`There is no ${noun} called “${parsed.value}”, so the sources cannot be filtered by it. The link may be out of date or mistyped.`}
      />
    )
  }

  const { filter } = parsed
  const change = (next: SourcesFilter) =>
    setSearchParams(
      (current) => {
        const updated = new URLSearchParams(current)
        for (const [key, value] of Object.entries(sourcesFilterParams(next))) {
          if (value === null) updated.delete(key)
          else updated.set(key, String(value))
        }
        return updated
      },
      { replace: true, preventScrollReset: true },
    )

  return (
    <SourcesView index={index} summary={summary} names={names} filter={filter} onChange={change} />
  )
}

function SourcesView({
  index,
  summary,
  names,
  filter,
  onChange,
}: {
  index: ArticleIndex
  summary: Summary
  names: CatalogNames
  filter: SourcesFilter
  onChange: (filter: SourcesFilter) => void
}) {
  const rows = filterArticles(index.articles, filter)
  const filtered = filter.district !== null || filter.edition !== null
  const districtCounts = countBy(index.articles.flatMap((a) => a.districts))
  const editionCounts = countBy(
    index.articles.flatMap((a) => (a.edition === null ? [] : [a.edition])),
  )

  const onDistrict = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value
    onChange({ ...filter, district: isDistrictId(value) ? value : null })
  }
  const onEdition = (event: ChangeEvent<HTMLSelectElement>) => {
    onChange({ ...filter, edition: parseEdition(event.target.value, summary.editions) })
  }
  const nextOrder = filter.order === 'newest' ? 'oldest' : 'newest'

  return (
    <section className="sources-page" aria-labelledby="sources-title">
      <title>{`Sources · ${APP_TITLE}`}</title>
      <header className="page-intro">
        <h1 id="sources-title">Sources</h1>
        <p>
          The press articles every figure in the dashboard is read from.{' '}
          <CorpusLine corpus={index.corpus} />
        </p>
      </header>

      <form
        className="filters sources-filters"
        role="search"
        aria-label="Filter the articles"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="filters__field">
          <label htmlFor="sources-district">District</label>
          <select id="sources-district" value={filter.district ?? ''} onChange={onDistrict}>
            <option value="">All districts</option>
            {summary.districts.map((district) => (
              <option key={district.id} value={district.id}>
                {`${district.en} (${districtCounts.get(district.id) ?? 0})`}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="sources-edition">CIIE edition</label>
          <select
            id="sources-edition"
            value={filter.edition === null ? '' : String(filter.edition)}
            onChange={onEdition}
          >
            <option value="">All editions</option>
            {summary.editions.map((edition) => (
              <option key={edition.edition} value={String(edition.edition)}>
                {`${names.edition(edition.edition)} (${editionCounts.get(edition.edition) ?? 0})`}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="sources-order">Order</label>
          <select
            id="sources-order"
            value={filter.order}
            onChange={(event) =>
              onChange({ ...filter, order: event.target.value === 'oldest' ? 'oldest' : 'newest' })
            }
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </div>
        {filtered ? (
          <p className="filters__clear">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange({ ...filter, district: null, edition: null })}
            >
              Clear filters
            </button>
          </p>
        ) : null}
      </form>

      {index.articles.length === 0 ? (
        <EmptyState title="No articles yet">
          <p>The data has no articles. Once articles are added and read, they are listed here.</p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No articles match these filters">
          <p>
            No article{filter.district ? ` names ${names.district(filter.district)}` : ''}
            {filter.edition !== null
              ? ` at the ${names.edition(filter.edition)} edition`
              : ''}. <Link to={paths.sources()}>Show all articles</Link>
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table sources-table">
            <caption aria-live="polite">
              {filtered
                ? `${rows.length} of ${index.articles.length} articles`
                : `${rows.length} ${rows.length === 1 ? 'article' : 'articles'}`}
              , {filter.order === 'newest' ? 'newest first' : 'oldest first'}
            </caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  aria-sort={filter.order === 'newest' ? 'descending' : 'ascending'}
                  className="sources-table__date"
                >
                  <button
                    type="button"
                    className="sources-sort"
                    onClick={() => onChange({ ...filter, order: nextOrder })}
                    title={`Sort ${nextOrder} first`}
                  >
                    Date
                    <span className="sources-sort__arrow" aria-hidden="true">
                      {filter.order === 'newest' ? '↓' : '↑'}
                    </span>
                  </button>
                </th>
                <th scope="col">Article</th>
                <th scope="col">Districts</th>
                <th scope="col">Edition</th>
                <th scope="col" className="sources-table__count">
                  Figures
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((article) => {
                const districts = article.district
                  ? [article.district, ...article.districts.filter((d) => d !== article.district)]
                  : article.districts
                return (
                  <tr key={article.id}>
                    <td className="data-table__nowrap" data-label="Date">
                      <time dateTime={article.date}>{formatDate(article.date)}</time>
                    </td>
                    <td className="sources-table__title" data-label="Article">
                      <span>
                        <Link to={paths.article(article.id)}>{article.title}</Link>
                        {article.warnings.length > 0 ? (
                          <span className="sources-table__warning">
                            {article.warnings.join('; ')}
                          </span>
                        ) : null}
                      </span>
                    </td>
                    <td data-label="Districts">
                      {districts.length > 0 ? (
                        districts.map((d) => names.district(d)).join(', ')
                      ) : (
                        <span className="muted">None named</span>
                      )}
                    </td>
                    <td className="data-table__nowrap" data-label="Edition">
                      {article.edition !== null ? (
                        names.edition(article.edition)
                      ) : (
                        <span className="muted">Not stated</span>
                      )}
                    </td>
                    <td className="sources-table__count" data-label="Figures">
                      {article.observations}
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

function CorpusLine({ corpus }: { corpus: CorpusInfo }) {
  if (corpus.articles === 0 || corpus.firstDate === null || corpus.lastDate === null) {
    return <>No articles have been read yet.</>
  }
  return (
    <>
      {corpus.articles === 1 ? '1 article' : `${corpus.articles} articles`}, published from{' '}
      <time dateTime={corpus.firstDate}>{formatDate(corpus.firstDate)}</time> to{' '}
      <time dateTime={corpus.lastDate}>{formatDate(corpus.lastDate)}</time>, giving{' '}
      {corpus.observations === 1 ? '1 figure' : `${corpus.observations} figures`}.
    </>
  )
}

function countBy<T>(values: ReadonlyArray<T>): Map<T, number> {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
