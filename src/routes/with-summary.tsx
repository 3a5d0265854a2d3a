import type { ReactNode } from 'react'
import { PageLoading } from '../app/page-loading'
import { QueryErrorNotice } from '../app/query-error-notice'
import { t } from '../i18n/i18n'
import { useSummary } from '../queries/summary-query'
import { summaryModel, type SummaryModel } from './summary-model'

/**
 * Loads the summary once for any view that charts it: a skeleton while it loads, a plain-words
 * error with a retry when it fails, and the view with its lookups when it is there.
 */
export function WithSummary({ children }: { children: (model: SummaryModel) => ReactNode }) {
  const summary = useSummary()
  if (summary.isPending) return <PageLoading label={t('app.summary.loading')} />
  if (summary.isError)
    return (
      <QueryErrorNotice
        title={t('app.summary.error')}
        error={summary.error}
        onRetry={() => void summary.refetch()}
      />
    )
  return <>{children(summaryModel(summary.data))}</>
}
