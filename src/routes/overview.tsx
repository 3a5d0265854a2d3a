/** Placeholder while the view is built. */
export function OverviewPage() {
  return <h1>overview</h1>
}
