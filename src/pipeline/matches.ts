/**
 * Every match of a global regex in `text`, in order: what `[...text.matchAll(pattern)]` gives.
 * matchAll clones its regex on every call, which made it four times slower than an exec loop on
 * the pipeline's short sentences; this runs the shared regex itself, from `lastIndex` 0, and leaves
 * `lastIndex` at 0 again, so callers see no state.
 */
export function matchesOf(pattern: RegExp, text: string): Array<RegExpExecArray> {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global regex: ${String(pattern)}`)
  const found: Array<RegExpExecArray> = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match)
    // An empty match would match again at the same place: step over one character, as matchAll does.
    if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode)
  }
  pattern.lastIndex = 0
  return found
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1
  const code = text.charCodeAt(index)
  const next = text.charCodeAt(index + 1)
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
    ? index + 2
    : index + 1
}
