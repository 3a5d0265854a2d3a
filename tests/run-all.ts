/**
 * `npm test`: every check in order, each one's output streamed as it runs, then one closing line
 * `N passed, N failed` (each vitest test counts once, each static check counts once). Every step
 * runs even after a failure, so one run shows everything that is wrong.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describeAudit, readAuditResult, type AuditOutcome } from './audit'

const ROOT = join(import.meta.dirname, '..')
const BIN = join(ROOT, 'node_modules/.bin')
const VITEST_JSON = join(ROOT, 'test-results/vitest.json')

/** Runs a local binary with inherited output; resolves with its exit code, never rejects. */
function run(bin: string, args: string[]): Promise<number> {
  console.log(`\n▶ ${bin} ${args.join(' ')}`)
  return new Promise((resolve) => {
    const child = spawn(join(BIN, bin), args, { cwd: ROOT, stdio: 'inherit' })
    child.on('error', (error) => {
      console.error(`Could not start ${bin}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** The part of vitest's JSON report this script reads. */
interface VitestReport {
  numPassedTests: number
  numFailedTests: number
  testResults: Array<{ status: string; assertionResults: Array<{ status: string }> }>
}

function isVitestReport(value: unknown): value is VitestReport {
  if (typeof value !== 'object' || value === null) return false
  const report = value as Record<string, unknown>
  return (
    typeof report.numPassedTests === 'number' &&
    typeof report.numFailedTests === 'number' &&
    Array.isArray(report.testResults)
  )
}

function readVitestReport(): VitestReport | null {
  if (!existsSync(VITEST_JSON)) return null
  try {
    const parsed: unknown = JSON.parse(readFileSync(VITEST_JSON, 'utf8'))
    return isVitestReport(parsed) ? parsed : null
  } catch {
    return null
  }
}

const AUDIT_TIMEOUT_MS = 60_000

/**
 * `npm audit` of the shipped dependencies (devDependencies never reach a browser). Its JSON is
 * read by tests/audit.ts: a high or critical advisory fails the run; an unreachable registry, or
 * no answer within a minute, skips the check so an offline machine can still run the tests.
 */
function auditDependencies(): Promise<AuditOutcome> {
  const args = ['audit', '--omit=dev', '--audit-level=high', '--json']
  console.log(`\n▶ npm ${args.join(' ')}`)
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      resolve({ kind: 'unreachable', reason: `no answer within ${AUDIT_TIMEOUT_MS / 1000} s` })
    }, AUDIT_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ kind: 'error', reason: `could not start npm: ${error.message}` })
    })
    // Its exit code is not read: npm exits 1 both for advisories and for errors, the JSON says which.
    child.on('close', () => {
      clearTimeout(timer)
      resolve(readAuditResult(stdout, stderr))
    })
  })
}

const staticChecks: Array<[string, string[]]> = [
  ['tsc', ['--noEmit']],
  ['eslint', ['.']],
  ['prettier', ['--check', '.']],
]

let passed = 0
let failed = 0

for (const [bin, args] of staticChecks) {
  if ((await run(bin, args)) === 0) passed += 1
  else failed += 1
}

const audit = describeAudit(await auditDependencies())
for (const line of audit.lines) (audit.status === 'failed' ? console.error : console.log)(line)
if (audit.status === 'passed') passed += 1
else if (audit.status === 'failed') failed += 1

// A stale report from an earlier run must not be counted as this run's result.
mkdirSync(join(ROOT, 'test-results'), { recursive: true })
rmSync(VITEST_JSON, { force: true })
const vitestCode = await run('vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${VITEST_JSON}`,
])

const report = readVitestReport()
if (report === null) {
  console.error('vitest wrote no readable report: counting the run as one failure.')
  failed += 1
} else {
  passed += report.numPassedTests
  // A file that fails to load (syntax error, failing import) has no tests to count: count it.
  const brokenFiles = report.testResults.filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length
  failed += report.numFailedTests + brokenFiles
  // Errors outside any test (a failing globalSetup, an unhandled rejection) only show in the
  // exit code.
  if (vitestCode !== 0 && report.numFailedTests + brokenFiles === 0) {
    console.error(`vitest exited with code ${vitestCode} outside any test: counting one failure.`)
    failed += 1
  }
}

console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0
