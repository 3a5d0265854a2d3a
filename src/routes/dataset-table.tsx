import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { APP_TITLE } from '../app/page-shell'
import { paths } from '../app/paths'
import type { Catalog, Dataset } from '../pipeline/schema'
import { catalogQuery } from '../queries/catalog-query'
import { datasetQuery } from '../queries/dataset-query'
import { describeError } from '../queries/query-error'
import {
  buildTableModel,
  type FilterOption,
  type ObservationRow,
  type TableFilters,
} from './dataset-table-rows'

const PAGE_TITLE = 'Numbers from the articles'

/**
 * `/`: every observation in one table, until the dashboard's charts land. Reads the same API
 * files and schema the charts will use.
 */
export function DatasetTable() {
  const catalog = useQuery(catalogQuery())
  const dataset = useQuery(datasetQuery())

  return (
    <>
      <title>{`${PAGE_TITLE} · ${APP_TITLE}`}</title>
      <div className="page-intro">
        <h1>{PAGE_TITLE}</h1>
        <p>
          Each row is one number a press article reported about a Shanghai district around the China
          International Import Expo (CIIE). The highlighted words in the source sentence are where
          the number was read.
        </p>
      </div>
      {catalog.isError || dataset.isError ? (
        <LoadError
          errors={[catalog.error, dataset.error].filter((e) => e !== null)}
          retrying={catalog.isFetching || dataset.isFetching}
          onRetry={() => {
            if (catalog.isError) void catalog.refetch()
            if (dataset.isError) void dataset.refetch()
          }}
        />
      ) : catalog.isPending || dataset.isPending ? (
        <LoadingTable />
      ) : (
        <ObservationTable catalog={catalog.data} dataset={dataset.data} />
      )}
    </>
  )
}

function LoadError({
  errors,
  retrying,
  onRetry,
}: {
  errors: Error[]
  retrying: boolean
  onRetry: () => void
}) {
  const described = errors.map(describeError)
  return (
    <section className="notice notice--error" role="alert" aria-labelledby="load-error-title">
      <h2 id="load-error-title">The data could not be loaded</h2>
      {described.map(({ message }) => (
        <p key={message}>{message}</p>
      ))}
      <div className="notice__actions">
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
      {described.some((d) => d.detail) ? (
        <details className="notice__detail">
          <summary>Technical details</summary>
          <pre>
            {described
              .filter((d) => d.detail)
              .map((d) => d.detail)
              .join('\n\n')}
          </pre>
        </details>
      ) : null}
    </section>
  )
}

const SKELETON_ROWS = 6

function LoadingTable() {
  return (
    <div className="loading" aria-busy="true">
      <p role="status" className="loading__text">
        Loading the dataset…
      </p>
      <div className="skeleton" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <div key={index} className="skeleton__row" />
        ))}
      </div>
    </div>
  )
}

function ObservationTable({ catalog, dataset }: { catalog: Catalog; dataset: Dataset }) {
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const requestedDistrict = searchParams.get('district')
  const requestedEdition = searchParams.get('edition')

  const model = useMemo(
    () =>
      buildTableModel(catalog, dataset, {
        district: requestedDistrict,
        edition: requestedEdition,
      }),
    [catalog, dataset, requestedDistrict, requestedEdition],
  )

  if (model.total === 0) {
    return (
      <section className="notice" aria-label="No data">
        <p>
          No numbers have been read from the articles yet. Once articles are added and the data is
          rebuilt, they will appear here.
        </p>
      </section>
    )
  }

  const setFilters = (next: TableFilters) => void navigate(paths.home(next))
  const filtered = model.filters.district !== null || model.filters.edition !== null

  return (
    <>
      <form className="filters" role="search" aria-label="Filter the table">
        <FilterSelect
          id="filter-district"
          label="District"
          allLabel="All districts"
          value={model.filters.district}
          options={model.districtOptions}
          onChange={(district) => setFilters({ ...model.filters, district })}
        />
        <FilterSelect
          id="filter-edition"
          label="CIIE edition"
          allLabel="All editions"
          value={model.filters.edition}
          options={model.editionOptions}
          onChange={(edition) => setFilters({ ...model.filters, edition })}
        />
        {filtered ? (
          <Link className="filters__clear" to={paths.home()}>
            Clear filters
          </Link>
        ) : null}
      </form>

      {model.rows.length === 0 ? (
        <section className="notice" aria-label="No matching numbers">
          <p>No numbers match these filters.</p>
          <p>
            <Link to={paths.home()}>Show all numbers</Link>
          </p>
        </section>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>
              {filtered
                ? `Showing ${count(model.rows.length, 'number')} of ${model.total}`
                : `${count(model.total, 'number')} from ${count(model.articleCount, 'article')}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">District</th>
                <th scope="col">CIIE edition</th>
                <th scope="col">Metric</th>
                <th scope="col">Value</th>
                <th scope="col">Scope</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => (
                <ObservationTableRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

function ObservationTableRow({ row }: { row: ObservationRow }) {
  return (
    <tr>
      <th scope="row" className="data-table__district">
        <span lang="en">{row.district}</span>
        {row.districtZh ? (
          <span className="muted" lang="zh-Hans">
            {' '}
            {row.districtZh}
          </span>
        ) : null}
        {row.area ? <span className="data-table__area">{row.area}</span> : null}
      </th>
      <td className="data-table__nowrap" data-label="CIIE edition">
        {row.edition}
      </td>
      <td className="data-table__metric" data-label="Metric">
        <span title={row.metricDefinition || undefined}>{row.metric}</span>
      </td>
      <td className="data-table__value" data-label="Value">
        {/* One wrapper, so the narrow-screen grid sees one item beside the label. */}
        <div>
          {row.value}
          {row.conversion ? <span className="data-table__conversion">{row.conversion}</span> : null}
        </div>
      </td>
      <td className="data-table__nowrap" data-label="Scope">
        {row.scope}
      </td>
      <td className="data-table__source" data-label="Source">
        <blockquote className="source-sentence">
          {row.sentence.map((part, index) =>
            part.highlight ? <mark key={index}>{part.text}</mark> : part.text,
          )}
        </blockquote>
        <p className="source-meta">
          {row.articleDate ? (
            <>
              <time dateTime={row.articleIsoDate}>{row.articleDate}</time>
              {' · '}
            </>
          ) : null}
          <span className="source-meta__id" title={row.articleTitle || undefined}>
            {row.article}
          </span>
        </p>
      </td>
    </tr>
  )
}

function FilterSelect({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  allLabel: string
  value: string | null
  options: FilterOption[]
  onChange: (value: string | null) => void
}) {
  return (
    <div className="filters__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {`${option.label} · ${option.count}`}
          </option>
        ))}
      </select>
    </div>
  )
}
