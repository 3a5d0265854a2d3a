/** Placeholder while the view is built. */
export function EditionPage() {
  return <h1>edition</h1>
}
