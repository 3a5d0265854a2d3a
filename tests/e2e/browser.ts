/**
 * What every e2e spec needs: Debian's Chromium through playwright-core, pages that record what
 * went wrong on them, screenshots, an axe check, and the scale fixture's API in place of the
 * bundled one. The app is the built one that global-setup.ts serves at `inject('baseUrl')`.
 *
 * A spec opens one browser for its file and a fresh context per page:
 *
 *   let browser: Browser
 *   beforeAll(async () => { browser = await launchBrowser() })
 *   afterAll(async () => { await browser?.close() })
 *
 *   const page = await openPage(browser, '/districts/jingan', MOBILE)
 *   await expectNoConsoleErrors(page)
 *
 * On the full 16 × 8 grid: `newPage`, then `useScaleApi(page)`, then `goto(page, path)`.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import { inject } from 'vitest'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'

export { CHROMIUM_ARGS, CHROMIUM_PATH }

export interface Viewport {
  width: number
  height: number
}
export const DESKTOP: Viewport = { width: 1280, height: 800 }
export const MOBILE: Viewport = { width: 375, height: 800 }

const ROOT = join(import.meta.dirname, '../..')
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots')

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

// ---------------------------------------------------------------------------------------------
// Pages that record their problems
// ---------------------------------------------------------------------------------------------

/** What went wrong on a page since it opened, each as one readable line. */
export interface PageProblems {
  /** `console.error` calls, including Chromium's own "Failed to load resource" lines. */
  consoleErrors: Array<string>
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: Array<string>
  /** Requests that failed on the network or were answered with a status of 400 or more. */
  failedRequests: Array<string>
}

const problemsByPage = new WeakMap<Page, PageProblems>()

/** The problems recorded on a page opened with `newPage` or `openPage`. */
export function problemsOf(page: Page): PageProblems {
  const problems = problemsByPage.get(page)
  if (!problems) throw new Error('this page was not opened with newPage() or openPage()')
  return problems
}

/**
 * A blank page in a context of its own (fresh storage, the given viewport) that records console
 * errors, page errors and failed requests. Route handlers (`useScaleApi`) go on before `goto`.
 */
export async function newPage(browser: Browser, viewport: Viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: inject('baseUrl') })
  const page = await context.newPage()
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] }
  problemsByPage.set(page, problems)
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url, lineNumber } = message.location()
    problems.consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text())
  })
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message))
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed'
    // Requests cut short by a navigation or by closing the page are not the app's failures.
    if (reason === 'net::ERR_ABORTED') return
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) {
      const request = response.request()
      problems.failedRequests.push(`${request.method()} ${request.url()}: ${response.status()}`)
    }
  })
  return page
}

/**
 * Opens `path` (relative to the served app) and waits until the network is quiet and the app's
 * banner is visible, so screenshots and axe see a settled page whatever the view loads.
 */
export async function goto(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'networkidle' })
  await page.getByRole('banner').waitFor({ state: 'visible' })
}

/**
 * Scrolls through the page as a reader would, so every chart is drawn (charts draw when they come
 * near the screen, `DeferredChart`), waits until each has its drawing, and scrolls back to the top.
 */
export async function drawAllCharts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight / 2))
    for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y)
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)))
    }
    window.scrollTo(0, 0)
  })
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.chart-deferred')].every((box) => box.querySelector('svg')),
  )
}

/** `newPage` then `goto`: a page showing `path` on the bundled data. */
export async function openPage(
  browser: Browser,
  path: string,
  viewport: Viewport = DESKTOP,
): Promise<Page> {
  const page = await newPage(browser, viewport)
  await goto(page, path)
  return page
}

/**
 * Fails with every console error, page error and failed request recorded on the page, one per
 * line. `allow` lists patterns for problems a spec provokes on purpose (a 404 it asks for).
 */
export function expectNoConsoleErrors(
  page: Page,
  { allow = [] }: { allow?: ReadonlyArray<RegExp> } = {},
): void {
  const { consoleErrors, pageErrors, failedRequests } = problemsOf(page)
  const unexpected = (lines: Array<string>) =>
    lines.filter((line) => !allow.some((pattern) => pattern.test(line)))
  const report = [
    ...unexpected(consoleErrors).map((line) => `console error: ${line}`),
    ...unexpected(pageErrors).map((line) => `page error: ${line}`),
    ...unexpected(failedRequests).map((line) => `failed request: ${line}`),
  ]
  if (report.length > 0) {
    throw new Error(`${report.length} problem(s) on ${page.url()}:\n${report.join('\n')}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Screenshots and accessibility
// ---------------------------------------------------------------------------------------------

/**
 * Saves test-results/screenshots/<name>.png (the whole page unless `fullPage: false`) and
 * returns its path. Look at them: a test that passes can still show an unreadable view.
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
    throw new Error(`screenshot name "${name}" must be a plain file name (letters, digits, . _ -)`)
  }
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage, animations: 'disabled' })
  return path
}

export const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const
export type Impact = (typeof IMPACTS)[number]

/** The WCAG 2.1 AA rule set. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa']

export interface AxeOptions {
  /**
   * The least severe impact that fails the check: 'minor' (the default) fails on any violation
   * at all; 'serious' only on serious and critical ones.
   */
  minImpact?: Impact
  /** CSS selectors to leave out of the check, for a part another issue owns. */
  exclude?: ReadonlyArray<string>
}

/** One violating element, as the failure message lists it. */
export interface AxeFinding {
  rule: string
  impact: Impact | 'unknown'
  target: string
  help: string
}

/**
 * Runs axe-core with the WCAG 2.1 AA tags on the page as it is now and fails with a list of
 * violations (rule id, impact, element) at or above `minImpact`. Returns every finding, below the
 * threshold too, for a spec that wants to look closer.
 */
export async function checkAxe(
  page: Page,
  { minImpact = 'minor', exclude = [] }: AxeOptions = {},
): Promise<Array<AxeFinding>> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS)
  for (const selector of exclude) builder = builder.exclude(selector)
  const results = await builder.analyze()
  const findings = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: (node.impact ?? violation.impact ?? 'unknown') as Impact | 'unknown',
      target: node.target.map(String).join(' >>> '),
      help: violation.help,
    })),
  )
  const threshold = IMPACTS.indexOf(minImpact)
  // An impact axe did not give is counted as the most severe: better a false alarm than a miss.
  const failing = findings.filter(
    (finding) => finding.impact === 'unknown' || IMPACTS.indexOf(finding.impact) >= threshold,
  )
  if (failing.length > 0) {
    const lines = failing.map((f) => `- ${f.rule} (${f.impact}) at ${f.target}: ${f.help}`)
    throw new Error(
      `axe found ${failing.length} violation(s) of impact ${minImpact} or worse on ${page.url()}:\n${lines.join('\n')}`,
    )
  }
  return findings
}

// ---------------------------------------------------------------------------------------------
// The scale fixture's API
// ---------------------------------------------------------------------------------------------

/** One API request the page made while `useScaleApi` was on, and how it was answered. */
export interface ServedRequest {
  /** The path under /api/, e.g. "summary.json" or "districts/jingan.json". */
  path: string
  status: 200 | 404
}

/**
 * Answers every request the page makes under the app's /api/ from the scale fixture's API
 * (16 districts × 8 editions, built by global-setup.ts) instead of the bundled files: the file's
 * bytes as application/json, or 404 when there is no such file. Call it before `goto`. Returns
 * the list of requests answered so far, which grows as the page makes more.
 */
export async function useScaleApi(
  page: Page,
  apiDir: string = inject('scaleApiDir'),
): Promise<Array<ServedRequest>> {
  const served: Array<ServedRequest> = []
  const root = resolve(apiDir)
  const origin = new URL(inject('baseUrl')).origin
  await page.route(
    (url) => url.origin === origin && url.pathname.startsWith('/api/'),
    async (route) => {
      const path = apiPath(route.request().url())
      const body = path === null ? null : await readApiFile(root, path)
      served.push({ path: path ?? route.request().url(), status: body === null ? 404 : 200 })
      if (body === null) {
        await route.fulfill({
          status: 404,
          contentType: 'application/json',
          body: JSON.stringify({ error: `no such API file: ${path}` }),
        })
      } else {
        await route.fulfill({ status: 200, contentType: 'application/json', body })
      }
    },
  )
  return served
}

/** The path under /api/ of a request's URL, decoded; null when it cannot be decoded. */
function apiPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).pathname.slice('/api/'.length))
  } catch {
    return null
  }
}

/** The file's bytes; null when it does not exist or lies outside the API folder ("../"). */
async function readApiFile(root: string, path: string): Promise<Buffer | null> {
  const file = resolve(root, path)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  try {
    return await readFile(file)
  } catch {
    return null
  }
}
