import { describe, expect, it } from 'vitest'
import { describeAudit, readAuditResult } from './audit'

/** The shapes npm 11 prints for `npm audit --omit=dev --json` (trimmed to what is read). */
const CLEAN = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {},
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } },
})

const advisory = (name: string, severity: string, title: string) => ({
  source: 1096,
  name,
  dependency: name,
  title,
  url: `https://github.com/advisories/GHSA-${name}`,
  severity,
  range: '<1.2.3',
})

const HIGH = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    'fast-parse': {
      name: 'fast-parse',
      severity: 'high',
      isDirect: false,
      via: [advisory('fast-parse', 'high', 'Prototype pollution in fast-parse')],
      effects: ['chart-kit'],
      range: '<1.2.3',
      fixAvailable: true,
    },
    'chart-kit': {
      name: 'chart-kit',
      severity: 'critical',
      isDirect: true,
      via: ['fast-parse', advisory('chart-kit', 'critical', 'Remote code execution in chart-kit')],
      effects: [],
      range: '2.0.0',
      fixAvailable: true,
    },
    'tiny-util': {
      name: 'tiny-util',
      severity: 'low',
      via: [advisory('tiny-util', 'low', 'Inefficient regex')],
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 1, critical: 1, total: 3 } },
})

const MODERATE_ONLY = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    'date-fmt': {
      name: 'date-fmt',
      severity: 'moderate',
      via: [advisory('date-fmt', 'moderate', 'Regular expression denial of service')],
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 0, critical: 0, total: 1 } },
})

const OFFLINE = JSON.stringify({
  error: {
    code: 'ENOTFOUND',
    summary:
      'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org',
    detail: '',
  },
})

/** What a mirror without the audit endpoint gives (seen on this project's machines). */
const NO_AUDIT_ENDPOINT = JSON.stringify({
  message:
    '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
})

describe('readAuditResult', () => {
  it('passes a clean audit', () => {
    expect(readAuditResult(CLEAN)).toEqual({ kind: 'clean', below: 0 })
    expect(describeAudit(readAuditResult(CLEAN)).status).toBe('passed')
  })

  it('fails on high and critical advisories, naming package, severity and title', () => {
    const outcome = readAuditResult(HIGH)
    expect(outcome).toEqual({
      kind: 'vulnerable',
      findings: [
        {
          name: 'chart-kit',
          severity: 'critical',
          advisories: [
            'through fast-parse',
            'Remote code execution in chart-kit (https://github.com/advisories/GHSA-chart-kit)',
          ],
        },
        {
          name: 'fast-parse',
          severity: 'high',
          advisories: [
            'Prototype pollution in fast-parse (https://github.com/advisories/GHSA-fast-parse)',
          ],
        },
      ],
    })
    const { status, lines } = describeAudit(outcome)
    expect(status).toBe('failed')
    expect(lines.join('\n')).toContain('fast-parse (high): Prototype pollution in fast-parse')
    expect(lines.join('\n')).toContain('chart-kit (critical): through fast-parse')
    expect(lines.join('\n')).not.toContain('tiny-util')
  })

  it('passes when every advisory is below high, and says how many there are', () => {
    const outcome = readAuditResult(MODERATE_ONLY)
    expect(outcome).toEqual({ kind: 'clean', below: 1 })
    expect(describeAudit(outcome)).toEqual({
      status: 'passed',
      lines: ['npm audit: no high or critical advisory (1 below high)'],
    })
  })

  it.each([
    ['a DNS failure', OFFLINE, ''],
    ['a mirror without the audit endpoint', NO_AUDIT_ENDPOINT, ''],
    [
      'no JSON and a timeout on stderr',
      '',
      'npm error code ETIMEDOUT\nnpm error network timed out',
    ],
    ['no JSON and EAI_AGAIN on stderr', 'npm error', 'getaddrinfo EAI_AGAIN registry.npmjs.org'],
  ])('skips the check when the registry cannot be reached: %s', (_name, stdout, stderr) => {
    const outcome = readAuditResult(stdout, stderr)
    expect(outcome.kind).toBe('unreachable')
    const { status, lines } = describeAudit(outcome)
    expect(status).toBe('skipped')
    expect(lines[0]).toMatch(/^npm audit: the registry could not be reached; skipped/)
  })

  it('fails on any other error npm reports, such as a missing lockfile', () => {
    const outcome = readAuditResult(
      JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires a lockfile' } }),
    )
    expect(outcome).toEqual({ kind: 'error', reason: 'ENOLOCK: This command requires a lockfile' })
    expect(describeAudit(outcome).status).toBe('failed')
    expect(readAuditResult('', '').kind).toBe('error')
  })
})
