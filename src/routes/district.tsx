import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { APP_TITLE } from '../app/page-shell'
import { paths } from '../app/paths'
import { QueryErrorNotice } from '../app/query-error-notice'
import { isDistrictId } from '../app/url-state'
import type { DistrictId } from '../pipeline/schema'
import { useDistrict } from '../queries/district-query'
import { DistrictEditionCharts } from './district-editions'
import { countNoun, otherFigures, reportedEditions } from './district-model'
import { DistrictMilestones, DistrictOtherFigures, DistrictSources } from './district-sections'
import { EvidencePanel } from './evidence-panel'
import { useEvidence } from './evidence'
import { EvidenceNotFound, NotFound } from './not-found'
import type { SummaryModel } from './summary-model'
import { WithSummary } from './with-summary'
import './views.css'
import './district.css'

type DetailQuery = ReturnType<typeof useDistrict>

/**
 * `/districts/:districtId`: one district across the CIIE editions. The charts come from the
 * summary; milestones, background figures and sources from the district's own file, which loads
 * alongside it and may arrive later or fail on its own without taking the charts with it.
 */
export function DistrictPage() {
  const { districtId = '' } = useParams()
  const district = isDistrictId(districtId) ? districtId : null
  // Fetched here, not below the summary, so the two files load at the same time.
  const detail = useDistrict(district)
  if (district === null)
    return (
      <NotFound
        title="District not found"
        message={`There is no district “${districtId}”. The overview lists Shanghai’s 16 districts.`}
      />
    )
  return (
    <WithSummary>
      {(model) => <DistrictView model={model} district={district} detail={detail} />}
    </WithSummary>
  )
}

function DistrictView({
  model,
  district,
  detail,
}: {
  model: SummaryModel
  district: DistrictId
  detail: DetailQuery
}) {
  const evidence = useEvidence(model.editions)
  if (evidence.invalid) return <EvidenceNotFound />

  const info = model.findDistrict(district)
  const name = model.districtName(district)
  const cells = model.aggregates({ district })
  const editions = reportedEditions(model, district)

  return (
    <>
      <title>{`${name} · ${APP_TITLE}`}</title>
      <div className="page-header">
        <div>
          <h1>
            {name}
            {info ? (
              <>
                {' '}
                <span className="district-title__zh" lang="zh-Hans">
                  {info.zh}
                </span>
              </>
            ) : null}
          </h1>
          <p className="page-header__lede">
            <Lede model={model} district={district} detail={detail} />
          </p>
        </div>
        <nav className="district-actions" aria-label="Compare">
          <Link className="button button--secondary" to={paths.compare({ districts: [district] })}>
            Compare {name} with other districts
          </Link>
        </nav>
      </div>

      <section className="page-section" aria-labelledby="district-editions-title">
        <h2 id="district-editions-title">Across the editions</h2>
        {cells.length === 0 ? (
          <EmptyState title={`No article reports figures for ${name} yet`}>
            <p>
              A chart appears here for each figure (projects signed, investment, exhibitors, …) once
              an article gives one for {name} at a CIIE edition.{' '}
              <Link to={paths.overview()}>See the districts that report figures</Link>
            </p>
          </EmptyState>
        ) : (
          <>
            <p className="section-lede">
              {name}&apos;s value at each CIIE edition it reported, one chart per figure. Editions
              are categories, not a time scale; an empty column means not reported, not zero. 80+
              means more than 80 · ⚠ means sources disagree · click a bar for its sources.
            </p>
            <DistrictEditionCharts
              model={model}
              district={district}
              onSelect={(cell) => evidence.open(cell)}
            />
            <nav className="section-links district-edition-links" aria-label="Edition views">
              <span>All districts at the</span>
              <ul>
                {editions.map((edition) => (
                  <li key={edition}>
                    <Link to={paths.edition(edition)}>{model.editionName(edition)}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </>
        )}
      </section>

      <DetailSections model={model} district={district} detail={detail} />

      {evidence.selection ? (
        <EvidencePanel selection={evidence.selection} model={model} onClose={evidence.close} />
      ) : null}
    </>
  )
}

function Lede({
  model,
  district,
  detail,
}: {
  model: SummaryModel
  district: DistrictId
  detail: DetailQuery
}) {
  const name = model.districtName(district)
  const cells = model.aggregates({ district })
  const editions = reportedEditions(model, district)
  const first = editions[0]
  const last = editions.at(-1)
  const articleCount = detail.data?.articles.length
  const articles = articleCount === undefined ? null : countNoun(articleCount, 'press article')
  const background = detail.data ? otherFigures(detail.data).length : 0
  if (cells.length === 0 || first === undefined || last === undefined)
    return (
      <>
        No CIIE figures for {name} yet.
        {articles && articleCount
          ? ` ${articles} about ${name} ${articleCount === 1 ? 'is' : 'are'} listed under Sources.`
          : ''}
      </>
    )
  return (
    <>
      {countNoun(cells.length, 'figure')}{' '}
      {first === last
        ? `at the ${model.editionName(first)}`
        : `at ${editions.length} CIIE editions, ${model.editionLabel(first)} to ${model.editionLabel(last)}`}
      {background > 0 ? `, and ${countNoun(background, 'background figure')}` : ''}
      {articles ? `, read from ${articles}` : ''}.
    </>
  )
}

const DETAIL_SECTIONS = [
  { id: 'district-milestones-title', title: 'CIIE milestones', Content: DistrictMilestones },
  { id: 'district-other-title', title: 'Other figures', Content: DistrictOtherFigures },
  { id: 'district-sources-title', title: 'Sources', Content: DistrictSources },
] as const

const SECTION_LEDES: Record<(typeof DETAIL_SECTIONS)[number]['id'], (name: string) => string> = {
  'district-milestones-title': (name) =>
    `Sentences that tie ${name} to an edition of the expo, oldest edition first.`,
  'district-other-title': (name) =>
    `Background figures for ${name} that are not tied to one CIIE edition: the district's own statistics, single companies' figures, totals over several expos.`,
  'district-sources-title': (name) => `The press articles about ${name} the figures are read from.`,
}

/** Milestones, background figures and sources: skeletons while the district file loads. */
function DetailSections({
  model,
  district,
  detail,
}: {
  model: SummaryModel
  district: DistrictId
  detail: DetailQuery
}) {
  const name = model.districtName(district)
  if (detail.isError)
    return (
      <DetailSection id="district-detail-title" title="Milestones, other figures and sources">
        <QueryErrorNotice
          variant="inline"
          title={`The milestones and sources for ${name} could not be loaded`}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      </DetailSection>
    )
  return (
    <>
      {DETAIL_SECTIONS.map(({ id, title, Content }) => (
        <DetailSection key={id} id={id} title={title} lede={SECTION_LEDES[id](name)}>
          {detail.data ? (
            <Content model={model} detail={detail.data} />
          ) : (
            <div className="district-skeleton" role="status">
              <span className="visually-hidden">Loading the {title.toLowerCase()}…</span>
              <div className="skeleton skeleton--line" />
              <div className="skeleton skeleton--block" />
            </div>
          )}
        </DetailSection>
      ))}
    </>
  )
}

function DetailSection({
  id,
  title,
  lede,
  children,
}: {
  id: string
  title: string
  lede?: string
  children: ReactNode
}) {
  return (
    <section className="page-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lede ? <p className="section-lede">{lede}</p> : null}
      {children}
    </section>
  )
}
