/** Placeholder while the view is built. */
export function MetricPage() {
  return <h1>metric</h1>
}
