/**
 * A short id that depends only on the words it is given (cyrb53, a well-mixed 53-bit string
 * hash): the same input gives the same id on every run and in every runtime.
 */
export function stableId(input: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < input.length; i++) {
    const char = input.charCodeAt(i)
    h1 = Math.imul(h1 ^ char, 2654435761)
    h2 = Math.imul(h2 ^ char, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return base36(hash).padStart(11, '0')
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'

/** `n.toString(36)` for a whole number below 2^53, without V8's slower general radix conversion. */
function base36(n: number): string {
  let digits = ''
  let rest = n
  do {
    const digit = rest % 36
    digits = DIGITS.charAt(digit) + digits
    rest = (rest - digit) / 36
  } while (rest > 0)
  return digits
}
