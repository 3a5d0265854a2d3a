/** Records by key, each group in the order of `records`: one pass, not one filter per key. */
export function groupBy<T>(
  records: ReadonlyArray<T>,
  key: (record: T) => string,
): Map<string, Array<T>> {
  const groups = new Map<string, Array<T>>()
  for (const record of records) {
    const value = key(record)
    const group = groups.get(value)
    if (group) group.push(record)
    else groups.set(value, [record])
  }
  return groups
}
