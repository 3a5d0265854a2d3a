/** Placeholder while the view is built. */
export function ComparePage() {
  return <h1>compare</h1>
}
