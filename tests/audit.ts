/**
 * Reads what `npm audit --omit=dev --json` printed and decides what `npm test` does with it: a
 * high or critical advisory in a shipped dependency fails the run; a registry that cannot be
 * reached (offline, DNS, timeout, or a mirror without the audit endpoint) skips the check with a
 * note, so an offline machine can still run the tests; anything else npm reports fails.
 */

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical'

/** One vulnerable package at or above the failing level, as the failure message lists it. */
export interface AuditFinding {
  name: string
  severity: Severity
  /** The advisories' titles (and links), or the packages it is vulnerable through. */
  advisories: Array<string>
}

export type AuditOutcome =
  | { kind: 'clean'; /** advisories below the failing level, by severity */ below: number }
  | { kind: 'vulnerable'; findings: Array<AuditFinding> }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'error'; reason: string }

const FAILING: ReadonlyArray<Severity> = ['high', 'critical']

/** Error codes and messages that mean the registry (or its audit endpoint) did not answer. */
const UNREACHABLE =
  /\b(?:ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_TIMEOUT|ESOCKETTIMEDOUT|network|socket hang up|timed out)\b/i

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isSeverity = (value: unknown): value is Severity =>
  value === 'info' ||
  value === 'low' ||
  value === 'moderate' ||
  value === 'high' ||
  value === 'critical'

/**
 * What an `npm audit --json` run means. `stdout` is its JSON (npm 7+: `vulnerabilities` keyed by
 * package; on failure an object with `error`), `stderr` its log lines, which name the network
 * error when stdout has no JSON. Total: never throws.
 */
export function readAuditResult(stdout: string, stderr = ''): AuditOutcome {
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout)
  } catch {
    const text = `${stdout}\n${stderr}`.trim()
    const firstLine = text.split('\n').find((line) => UNREACHABLE.test(line))
    return firstLine
      ? { kind: 'unreachable', reason: firstLine.trim() }
      : { kind: 'error', reason: `npm audit printed no JSON: ${text.slice(0, 300) || '(nothing)'}` }
  }
  if (!isRecord(parsed))
    return { kind: 'error', reason: 'npm audit printed JSON of an unknown shape' }

  if (isRecord(parsed.vulnerabilities)) return readVulnerabilities(parsed.vulnerabilities)

  // npm failed: `{ error: { code, summary, detail } }`, and for an HTTP answer from the registry
  // also `statusCode` and `uri` (a mirror that has no audit endpoint answers 404 or 405).
  const error = isRecord(parsed.error) ? parsed.error : {}
  const words = [error.code, error.summary, error.detail, parsed.message, parsed.code]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(': ')
  const status = typeof parsed.statusCode === 'number' ? parsed.statusCode : null
  const auditEndpoint = typeof parsed.uri === 'string' && parsed.uri.includes('/security/')
  if (UNREACHABLE.test(words) || (status !== null && auditEndpoint)) {
    return { kind: 'unreachable', reason: words || `the audit endpoint answered ${status}` }
  }
  return { kind: 'error', reason: words || 'npm audit failed without saying why' }
}

function readVulnerabilities(vulnerabilities: Record<string, unknown>): AuditOutcome {
  const findings: Array<AuditFinding> = []
  let below = 0
  for (const [key, entry] of Object.entries(vulnerabilities)) {
    if (!isRecord(entry) || !isSeverity(entry.severity)) continue
    if (!FAILING.includes(entry.severity)) {
      below += 1
      continue
    }
    const via = Array.isArray(entry.via) ? entry.via : []
    const advisories = via.flatMap((item): Array<string> => {
      if (typeof item === 'string') return [`through ${item}`]
      if (!isRecord(item) || typeof item.title !== 'string') return []
      return [typeof item.url === 'string' ? `${item.title} (${item.url})` : item.title]
    })
    findings.push({
      name: typeof entry.name === 'string' ? entry.name : key,
      severity: entry.severity,
      advisories: [...new Set(advisories)],
    })
  }
  if (findings.length === 0) return { kind: 'clean', below }
  findings.sort(
    (a, b) =>
      FAILING.indexOf(b.severity) - FAILING.indexOf(a.severity) || a.name.localeCompare(b.name),
  )
  return { kind: 'vulnerable', findings }
}

/** The lines `npm test` prints for an outcome, and whether the check passed, failed or was skipped. */
export function describeAudit(outcome: AuditOutcome): {
  status: 'passed' | 'failed' | 'skipped'
  lines: Array<string>
} {
  switch (outcome.kind) {
    case 'clean':
      return {
        status: 'passed',
        lines: [
          outcome.below === 0
            ? 'npm audit: no advisory in the shipped dependencies'
            : `npm audit: no high or critical advisory (${outcome.below} below high)`,
        ],
      }
    case 'vulnerable':
      return {
        status: 'failed',
        lines: [
          `npm audit: ${outcome.findings.length} shipped package(s) with a high or critical advisory:`,
          ...outcome.findings.map(
            (f) => `  ${f.name} (${f.severity}): ${f.advisories.join('; ') || 'no title given'}`,
          ),
          'Update them (npm audit fix, or a newer version of the package that pulls them in).',
        ],
      }
    case 'unreachable':
      return {
        status: 'skipped',
        lines: [`npm audit: the registry could not be reached; skipped (${outcome.reason})`],
      }
    case 'error':
      return { status: 'failed', lines: [`npm audit failed: ${outcome.reason}`] }
  }
}
