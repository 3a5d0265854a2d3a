import { useMemo, type ChangeEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { formatDate } from '../app/format'
import { appTitle } from '../app/page-shell'
import { PageLoading } from '../app/page-loading'
import { paths } from '../app/paths'
import { QueryErrorNotice } from '../app/query-error-notice'
import { isDistrictId, parseEdition } from '../app/url-state'
import { localName, t } from '../i18n/i18n'
import type { ArticleIndex, CorpusInfo, Summary } from '../pipeline/schema'
import { useArticleIndex } from '../queries/article-index-query'
import { useSummary } from '../queries/summary-query'
import { catalogNames, type CatalogNames } from './article-catalog'
import { slot, withParts } from './message-parts'
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
        <title>{`${t('sources.error.pageTitle')} · ${appTitle()}`}</title>
        <QueryErrorNotice
          title={t('sources.error.title')}
          error={failed.error}
          onRetry={() => {
            if (index.isError) void index.refetch()
            if (summary.isError) void summary.refetch()
          }}
        />
      </>
    )
  }
  if (!index.data || !summary.data) return <PageLoading label={t('sources.loading')} />
  return <SourcesContent index={index.data} summary={summary.data} />
}

/** The not-found page for a filter value the catalog does not know. */
function notFoundText(param: 'district' | 'edition' | 'order', value: string) {
  switch (param) {
    case 'district':
      return {
        title: t('sources.notFound.district.title'),
        message: t('sources.notFound.district.message', { value }),
      }
    case 'edition':
      return {
        title: t('sources.notFound.edition.title'),
        message: t('sources.notFound.edition.message', { value }),
      }
    case 'order':
      return {
        title: t('sources.notFound.order.title'),
        message: t('sources.notFound.order.message', { value }),
      }
  }
}

function SourcesContent({ index, summary }: { index: ArticleIndex; summary: Summary }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const names = useMemo(() => catalogNames(summary), [summary])
  const parsed = parseSourcesFilter(searchParams, {
    isDistrictId,
    parseEdition: (value) => parseEdition(value, summary.editions),
  })

  if (!parsed.ok) {
    const { title, message } = notFoundText(parsed.param, parsed.value)
    return <NotFound title={title} message={message} />
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
      <title>{`${t('sources.pageTitle')} · ${appTitle()}`}</title>
      <header className="page-intro">
        <h1 id="sources-title">{t('sources.heading')}</h1>
        <p>
          {t('sources.lede')}
          <CorpusLine corpus={index.corpus} />
        </p>
      </header>

      <form
        className="filters sources-filters"
        role="search"
        aria-label={t('sources.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="filters__field">
          <label htmlFor="sources-district">{t('sources.filters.district')}</label>
          <select id="sources-district" value={filter.district ?? ''} onChange={onDistrict}>
            <option value="">{t('sources.filters.allDistricts')}</option>
            {summary.districts.map((district) => (
              <option key={district.id} value={district.id}>
                {`${localName(district)} (${districtCounts.get(district.id) ?? 0})`}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="sources-edition">{t('sources.filters.edition')}</label>
          <select
            id="sources-edition"
            value={filter.edition === null ? '' : String(filter.edition)}
            onChange={onEdition}
          >
            <option value="">{t('sources.filters.allEditions')}</option>
            {summary.editions.map((edition) => (
              <option key={edition.edition} value={String(edition.edition)}>
                {`${names.edition(edition.edition)} (${editionCounts.get(edition.edition) ?? 0})`}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="sources-order">{t('sources.filters.order')}</label>
          <select
            id="sources-order"
            value={filter.order}
            onChange={(event) =>
              onChange({ ...filter, order: event.target.value === 'oldest' ? 'oldest' : 'newest' })
            }
          >
            <option value="newest">{t('sources.order.newest')}</option>
            <option value="oldest">{t('sources.order.oldest')}</option>
          </select>
        </div>
        {filtered ? (
          <p className="filters__clear">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange({ ...filter, district: null, edition: null })}
            >
              {t('sources.filters.clear')}
            </button>
          </p>
        ) : null}
      </form>

      {index.articles.length === 0 ? (
        <EmptyState title={t('sources.empty.title')}>
          <p>{t('sources.empty.body')}</p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={t('sources.noMatch.title')}>
          <p>
            {filter.district !== null && filter.edition !== null
              ? t('sources.noMatch.both', {
                  district: names.district(filter.district),
                  edition: names.edition(filter.edition),
                })
              : filter.district !== null
                ? t('sources.noMatch.district', { district: names.district(filter.district) })
                : filter.edition !== null
                  ? t('sources.noMatch.edition', { edition: names.edition(filter.edition) })
                  : t('sources.noMatch.none')}{' '}
            <Link to={paths.sources()}>{t('sources.noMatch.showAll')}</Link>
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table sources-table">
            <caption aria-live="polite">
              {filtered
                ? t('sources.caption.filtered', {
                    count: rows.length,
                    total: index.articles.length,
                  })
                : t('sources.caption.all', { count: rows.length })}
              {t('sources.caption.separator')}
              {filter.order === 'newest'
                ? t('sources.caption.newest')
                : t('sources.caption.oldest')}
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
                    title={
                      nextOrder === 'newest' ? t('sources.sort.newest') : t('sources.sort.oldest')
                    }
                  >
                    {t('sources.table.date')}
                    <span className="sources-sort__arrow" aria-hidden="true">
                      {filter.order === 'newest' ? '↓' : '↑'}
                    </span>
                  </button>
                </th>
                <th scope="col">{t('sources.table.article')}</th>
                <th scope="col">{t('sources.table.districts')}</th>
                <th scope="col">{t('sources.table.edition')}</th>
                <th scope="col" className="sources-table__count">
                  {t('sources.table.figures')}
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
                    <td className="data-table__nowrap" data-label={t('sources.table.date')}>
                      <time dateTime={article.date}>{formatDate(article.date)}</time>
                    </td>
                    <td className="sources-table__title" data-label={t('sources.table.article')}>
                      <span>
                        <Link to={paths.article(article.id)} lang="en">
                          {article.title}
                        </Link>
                        {article.warnings.length > 0 ? (
                          <span className="sources-table__warning" lang="en">
                            {article.warnings.join('; ')}
                          </span>
                        ) : null}
                      </span>
                    </td>
                    <td data-label={t('sources.table.districts')}>
                      {districts.length > 0 ? (
                        districts.map((d) => names.district(d)).join(t('sources.listSeparator'))
                      ) : (
                        <span className="muted">{t('sources.table.noDistrict')}</span>
                      )}
                    </td>
                    <td className="data-table__nowrap" data-label={t('sources.table.edition')}>
                      {article.edition !== null ? (
                        names.edition(article.edition)
                      ) : (
                        <span className="muted">{t('sources.table.noEdition')}</span>
                      )}
                    </td>
                    <td className="sources-table__count" data-label={t('sources.table.figures')}>
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
    return <>{t('sources.corpus.none')}</>
  }
  return (
    <>
      {withParts(
        t('sources.corpus', {
          articles: corpus.articles,
          figures: corpus.observations,
          from: slot('from'),
          to: slot('to'),
        }),
        {
          from: <time dateTime={corpus.firstDate}>{formatDate(corpus.firstDate)}</time>,
          to: <time dateTime={corpus.lastDate}>{formatDate(corpus.lastDate)}</time>,
        },
      )}
    </>
  )
}

function countBy<T>(values: ReadonlyArray<T>): Map<T, number> {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
