/** Placeholder while the view is built. */
export function DistrictPage() {
  return <h1>district</h1>
}
