/** Placeholder while the view is built. */
export function ArticlePage() {
  return <h1>article</h1>
}
