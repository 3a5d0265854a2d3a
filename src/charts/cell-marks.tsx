import { t } from '../i18n/i18n'

/** "⚠" with the words "sources disagree" for assistive technology, inside an HTML cell. */
export function ConflictText() {
  return (
    <>
      <span aria-hidden="true"> ⚠</span>
      <span className="chart-visually-hidden"> {t('charts.conflict.spoken')}</span>
    </>
  )
}

/** A table cell without a value: "—" on screen, "not reported" for assistive technology. */
export function NotReportedCell({ className }: { className: string }) {
  return (
    <span className={className}>
      <span aria-hidden="true">—</span>
      <span className="chart-visually-hidden">{t('charts.notReported')}</span>
    </span>
  )
}
