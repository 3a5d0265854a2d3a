import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { appTitle } from '../app/page-shell'
import { paths } from '../app/paths'
import { QueryErrorNotice } from '../app/query-error-notice'
import { isDistrictId } from '../app/url-state'
import { currentLocale, t } from '../i18n/i18n'
import type { DistrictId } from '../pipeline/schema'
import { useDistrict } from '../queries/district-query'
import { DistrictEditionCharts } from './district-editions'
import { otherFigures, reportedEditions } from './district-model'
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
        title={t('district.notFound.title')}
        message={t('district.notFound.message', { id: districtId })}
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
  // Beside the name, the name in the other language: readers meet both in the sources.
  const otherName = info
    ? currentLocale() === 'zh'
      ? { text: info.en, lang: 'en' }
      : { text: info.zh, lang: 'zh-Hans' }
    : null

  return (
    <>
      <title>{`${name} · ${appTitle()}`}</title>
      <div className="page-header">
        <div>
          <h1>
            {name}
            {otherName ? (
              <>
                {' '}
                <span className="district-title__zh" lang={otherName.lang}>
                  {otherName.text}
                </span>
              </>
            ) : null}
          </h1>
          <p className="page-header__lede">
            <Lede model={model} district={district} detail={detail} />
          </p>
        </div>
        <nav className="district-actions" aria-label={t('district.actions.label')}>
          <Link className="button button--secondary" to={paths.compare({ districts: [district] })}>
            {t('district.actions.compare', { name })}
          </Link>
        </nav>
      </div>

      <section className="page-section" aria-labelledby="district-editions-title">
        <h2 id="district-editions-title">{t('district.editions.heading')}</h2>
        {cells.length === 0 ? (
          <EmptyState title={t('district.editions.empty.title', { name })}>
            <p>
              {t('district.editions.empty.body', { name })}{' '}
              <Link to={paths.overview()}>{t('district.editions.empty.link')}</Link>
            </p>
          </EmptyState>
        ) : (
          <>
            <p className="section-lede">{t('district.editions.lede', { name })}</p>
            <DistrictEditionCharts
              model={model}
              district={district}
              onSelect={(cell) => evidence.open(cell)}
            />
            <nav
              className="section-links district-edition-links"
              aria-label={t('district.editionLinks.label')}
            >
              <span>{t('district.editionLinks.lead')}</span>
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
  const background = detail.data ? otherFigures(detail.data).length : 0
  if (cells.length === 0 || first === undefined || last === undefined)
    return (
      <>
        {t('district.lede.none', { name })}
        {articleCount ? t('district.lede.noneArticles', { name, count: articleCount }) : ''}
      </>
    )
  // One sentence in parts, each optional part a message of its own; every language keeps the
  // parts in this order.
  return (
    <>
      {first === last
        ? t('district.lede.oneEdition', {
            count: cells.length,
            edition: model.editionName(first),
          })
        : t('district.lede.editions', {
            count: cells.length,
            editions: editions.length,
            first: model.editionLabel(first),
            last: model.editionLabel(last),
          })}
      {background > 0 ? t('district.lede.background', { count: background }) : ''}
      {articleCount !== undefined ? t('district.lede.articles', { count: articleCount }) : ''}
      {t('district.lede.end')}
    </>
  )
}

/** The sections under the charts, worded in the language shown now. */
const detailSections = (name: string) =>
  [
    {
      id: 'district-milestones-title',
      title: t('district.milestones.heading'),
      lede: t('district.milestones.lede', { name }),
      loading: t('district.milestones.loading'),
      Content: DistrictMilestones,
    },
    {
      id: 'district-other-title',
      title: t('district.other.heading'),
      lede: t('district.other.lede', { name }),
      loading: t('district.other.loading'),
      Content: DistrictOtherFigures,
    },
    {
      id: 'district-sources-title',
      title: t('district.sources.heading'),
      lede: t('district.sources.lede', { name }),
      loading: t('district.sources.loading'),
      Content: DistrictSources,
    },
  ] as const

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
      <DetailSection id="district-detail-title" title={t('district.detail.heading')}>
        <QueryErrorNotice
          variant="inline"
          title={t('district.detail.error', { name })}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      </DetailSection>
    )
  return (
    <>
      {detailSections(name).map(({ id, title, lede, loading, Content }) => (
        <DetailSection key={id} id={id} title={title} lede={lede}>
          {detail.data ? (
            <Content model={model} detail={detail.data} />
          ) : (
            <div className="district-skeleton" role="status">
              <span className="visually-hidden">{loading}</span>
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
