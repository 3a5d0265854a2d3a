import { NOT_REPORTED } from '../app/format'

/** "⚠" with the words "sources disagree" for assistive technology, inside an HTML cell. */
export function ConflictText() {
  return (
    <>
      <span aria-hidden="true"> ⚠</span>
      <span className="chart-visually-hidden"> sources disagree</span>
    </>
  )
}

/** A table cell without a value: "—" on screen, "not reported" for assistive technology. */
export function NotReportedCell({ className }: { className: string }) {
  return (
    <span className={className}>
      <span aria-hidden="true">—</span>
      <span className="chart-visually-hidden">{NOT_REPORTED}</span>
    </span>
  )
}
