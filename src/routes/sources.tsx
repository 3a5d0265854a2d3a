/** Placeholder while the view is built. */
export function SourcesPage() {
  return <h1>sources</h1>
}
