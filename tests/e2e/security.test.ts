/**
 * No article text and no URL parameter is ever read as HTML or script, and the built app runs
 * under its Content-Security-Policy (vite.config.ts) without a single violation.
 *
 * - A labelled synthetic hostile article (tests/fixtures/hostile) is run through the real
 *   pipeline CLI, with the bundled articles, into a temporary API that `useScaleApi` serves.
 *   Every view that shows it is opened: nothing runs (`window.__xss` stays undefined, no dialog,
 *   no script or event handler from the text, no `javascript:` link), the markup shows as
 *   literal text, and its 5,000-character token does not widen the page.
 * - Hostile URL parameters give a readable page and run nothing.
 * - An SVG exported from a chart that cites the hostile title holds it as escaped text only.
 * - On the bundled data, every view, a PNG export (blob: image, module worker) and the report's
 *   ZIP raise no CSP violation and no console error; an inline script injected on purpose is
 *   blocked, which shows the policy is in force.
 */
import * as v from 'valibot'
import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArticleDetailSchema, type ArticleDetail } from '../../src/pipeline/schema'
import {
  DESKTOP,
  MOBILE,
  expectNoConsoleErrors,
  goto,
  launchBrowser,
  newPage,
  useScaleApi,
  type Viewport,
} from './browser'
import { chooseExport, exportDownload, readSvg, saveDownload } from './export-checks'
import { findLayoutProblems } from './layout-checks'

const ROOT = join(import.meta.dirname, '../..')
const HOSTILE_FILE = join(ROOT, 'tests/fixtures/hostile/synthetic-hostile-article.txt')
const HOSTILE_ID = 'synthetic-hostile-article'
const DISTRICT = 'jingan'
const EDITION = 7

/** The hostile pieces of the fixture, each of which must show as the literal text it is. */
const SCRIPT_TAG = '<script>window.__xss=1</script>'
const IMG_TAG = '<img src=x onerror="window.__xss=2">'
const MARKDOWN_LINK = '[the district site](javascript:window.__xss=3)'
const ANCHOR_TAG = '<a href="javascript:alert(1)">'
const LONG_TOKEN = 'JingAnCIIE'.repeat(500)
const AMPERSANDS = `"R&D first" & 'open door' policy &amp; &lt;fast-track&gt;`

let browser: Browser
let tempRoot = ''
let apiDir = ''
let hostile: ArticleDetail

/** Runs the pipeline CLI as global-setup.ts does; rejects with its output when it fails. */
function runPipeline(articles: string, out: string): Promise<void> {
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
  const cli = join(ROOT, 'src/pipeline/cli.ts')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, cli, '--articles', articles, '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pipeline failed (${code}):\n${output}`)),
    )
  })
}

beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'ciie-hostile-'))
  const articles = join(tempRoot, 'articles')
  await mkdir(articles)
  // The bundled articles beside the hostile one: views then mix it with real data, as they would.
  const bundled = join(ROOT, 'data/articles')
  for (const name of await readdir(bundled)) {
    if (name.endsWith('.txt')) await copyFile(join(bundled, name), join(articles, name))
  }
  await copyFile(HOSTILE_FILE, join(articles, `${HOSTILE_ID}.txt`))
  apiDir = join(tempRoot, 'api')
  await runPipeline(articles, apiDir)
  hostile = v.parse(
    ArticleDetailSchema,
    JSON.parse(await readFile(join(apiDir, `articles/${HOSTILE_ID}.json`), 'utf8')),
  )
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true })
})

// ---------------------------------------------------------------------------------------------
// What a page records, and the checks every page must pass
// ---------------------------------------------------------------------------------------------

declare global {
  interface Window {
    __xss?: unknown
    __cspProbe?: unknown
    /** CSP violations since the page opened: "directive blocked-uri (source:line)". */
    __cspViolations?: Array<string>
    /** Elements that could run code, seen at any moment (even if removed again). */
    __risky?: Array<string>
    /** `riskOf`, installed in the page by the recorder. */
    __riskOf?: (element: Element) => string | null
  }
}

/** Why an element could run code, or null: inline or foreign scripts, frames, on* handlers. */
function riskOf(element: Element): string | null {
  const name = element.localName
  if (name === 'script') {
    const src = element.getAttribute('src')
    if (src === null || new URL(src, location.href).origin !== location.origin)
      return `<script src=${String(src)}>${element.textContent ?? ''}`.slice(0, 200)
  }
  if (['iframe', 'frame', 'object', 'embed'].includes(name)) return `<${name}>`
  for (const attribute of Array.from(element.attributes)) {
    if (/^on/i.test(attribute.name)) return `<${name} ${attribute.name}="${attribute.value}">`
    if (/^\s*javascript:/i.test(attribute.value)) {
      return `<${name} ${attribute.name}="${attribute.value}">`
    }
  }
  return null
}

/**
 * A page that records CSP violations, dialogs and every risky element ever added to the
 * document, from before the app's first script runs. `api` serves the hostile API.
 */
async function securePage({
  api = true,
  viewport = DESKTOP,
}: { api?: boolean; viewport?: Viewport } = {}): Promise<{ page: Page; dialogs: Array<string> }> {
  const page = await newPage(browser, viewport)
  const dialogs: Array<string> = []
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  await page.addInitScript(`(${installRecorders.toString()})(${riskOf.toString()})`)
  // eslint-disable-next-line react-hooks/rules-of-hooks -- a Playwright route, not a React hook
  if (api) await useScaleApi(page, apiDir)
  return { page, dialogs }
}

/** Runs in the page before anything else: the recorders `expectNothingRan` reads. */
function installRecorders(risk: (element: Element) => string | null): void {
  window.__cspViolations = []
  window.__risky = []
  window.__riskOf = risk
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations?.push(
      `${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
    )
  })
  const inspect = (node: Node) => {
    if (!(node instanceof Element)) return
    for (const element of [node, ...Array.from(node.querySelectorAll('*'))]) {
      const found = risk(element)
      if (found) window.__risky?.push(found)
    }
  }
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach(inspect)
      if (record.type === 'attributes' && record.target instanceof Element) inspect(record.target)
    }
  }).observe(document, { childList: true, subtree: true, attributes: true })
}

/**
 * Nothing from the article or the URL ran or could run: no `window.__xss`, no dialog, no CSP
 * violation, no risky element now or at any moment since the page opened, no `javascript:` link,
 * and no sideways scrolling.
 */
async function expectNothingRan(page: Page, dialogs: Array<string>): Promise<void> {
  const state = await page.evaluate(() => {
    const risk = window.__riskOf ?? (() => 'the recorder was not installed')
    return {
      xss: window.__xss === undefined ? 'undefined' : String(window.__xss),
      violations: window.__cspViolations ?? ['the recorder was not installed'],
      riskySeen: window.__risky ?? ['the recorder was not installed'],
      riskyNow: Array.from(document.querySelectorAll('*'))
        .map(risk)
        .filter((found): found is string => found !== null),
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }
  })
  expect(state.xss, 'window.__xss').toBe('undefined')
  expect(dialogs, 'dialogs opened').toEqual([])
  expect(unexpectedViolations(state.violations), 'CSP violations').toEqual([])
  expect(state.riskySeen, 'risky elements added at some point').toEqual([])
  expect(state.riskyNow, 'risky elements in the document').toEqual([])
  expect(state.javascriptLinks, 'javascript: links').toBe(0)
  if (state.scrollWidth > state.innerWidth + 1) {
    const overflow = (await findLayoutProblems(page)).filter((p) => p.check === 'page-overflow')
    throw new Error(
      `the page scrolls sideways (${state.scrollWidth} > ${state.innerWidth}) on ${page.url()}:\n` +
        overflow.map((p) => `${p.where}: ${p.detail}`).join('\n'),
    )
  }
}

/**
 * Violations that are known and harmless, each with its reason. None today: the schema library
 * (valibot) never compiles code with `new Function`, so the policy's ban on eval costs nothing.
 */
const KNOWN_VIOLATIONS: ReadonlyArray<RegExp> = []

const unexpectedViolations = (violations: ReadonlyArray<string>) =>
  violations.filter((line) => !KNOWN_VIOLATIONS.some((known) => known.test(line)))

/** The visible text of the page's main region, as a reader sees it. */
const mainText = (page: Page) => page.getByRole('main').innerText()

/** The first observation of the hostile article for `metric`. */
function observation(metric: string) {
  const found = hostile.observations.find((o) => o.metric === metric && o.edition === EDITION)
  if (!found) throw new Error(`the hostile article gave no ${metric} at edition ${EDITION}`)
  return found
}

// ---------------------------------------------------------------------------------------------
// The hostile article in every view
// ---------------------------------------------------------------------------------------------

describe('the hostile article (labelled synthetic fixture)', () => {
  it('is read by the pipeline with its markup kept as text', () => {
    expect(hostile.article.title).toContain(SCRIPT_TAG)
    for (const piece of [SCRIPT_TAG, IMG_TAG, MARKDOWN_LINK, ANCHOR_TAG, LONG_TOKEN, AMPERSANDS])
      expect(hostile.text).toContain(piece)
    for (const metric of ['agreements_signed', 'experts_appointed', 'events_held', 'partners'])
      expect(observation(metric).sentence).toBeTruthy()
  })

  // [name, path, texts the view must show literally]
  const views: Array<[string, () => string, Array<string>]> = [
    ['the overview', () => `/?edition=${EDITION}`, []],
    ['the district page', () => `/districts/${DISTRICT}`, [SCRIPT_TAG]],
    ['the edition page', () => `/editions/${EDITION}`, []],
    ['the metric page', () => '/metrics/agreements_signed', []],
    ['the compare view', () => `/compare?districts=${DISTRICT},qingpu&edition=${EDITION}`, []],
    [
      'the article page',
      () => `/articles/${HOSTILE_ID}?highlight=${observation('experts_appointed').id}`,
      [SCRIPT_TAG, IMG_TAG, MARKDOWN_LINK, ANCHOR_TAG, LONG_TOKEN, AMPERSANDS],
    ],
    ['the sources page', () => '/sources', [SCRIPT_TAG]],
  ]

  for (const viewport of [DESKTOP, MOBILE]) {
    it.each(views)(
      `shows %s at ${viewport.width} px as text, with nothing run`,
      async (_name, path, texts) => {
        const { page, dialogs } = await securePage({ viewport })
        await goto(page, path())
        await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor()
        const text = await mainText(page)
        for (const piece of texts) expect(text).toContain(piece)
        await expectNothingRan(page, dialogs)
        expectNoConsoleErrors(page)
        await page.context().close()
      },
    )
  }

  it('shows every hostile sentence as text in the evidence panel', async () => {
    for (const viewport of [DESKTOP, MOBILE]) {
      const { page, dialogs } = await securePage({ viewport })
      await goto(page, `/districts/${DISTRICT}?evidence=${DISTRICT}.${EDITION}.*`)
      const dialog = page.getByRole('dialog')
      await dialog.locator('blockquote mark').first().waitFor({ state: 'visible' })
      const text = await dialog.innerText()
      for (const piece of [SCRIPT_TAG, IMG_TAG, MARKDOWN_LINK, ANCHOR_TAG, LONG_TOKEN])
        expect(text).toContain(piece)
      await expectNothingRan(page, dialogs)
      // The dialog's own box must not scroll sideways either.
      const dialogOverflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)
      expect(dialogOverflow).toBeLessThanOrEqual(1)
      expectNoConsoleErrors(page)
      await page.context().close()
    }
  })

  it('exports an SVG that holds the hostile title as escaped text only', async () => {
    const { page, dialogs } = await securePage()
    await goto(page, `/districts/${DISTRICT}`)
    const chart = page
      .getByRole('figure')
      .filter({ has: page.getByRole('button', { name: 'Export', exact: true }) })
      .first()
    const { bytes } = await exportDownload(page, chart, 'Download SVG', {
      preset: 'Slide 16:9',
      saveAs: 'security-hostile-district.svg',
    })
    const source = bytes.toString('utf8')
    const svg = await readSvg(page, source)
    expect(svg.parseError).toBeNull()
    expect(svg.hasScript).toBe(false)
    expect(svg.hasExternalReference).toBe(false)
    expect(source).not.toMatch(/<script|<img|<a[\s>]|<foreignObject|\son\w+\s*=|href|javascript:/i)
    // The footer cites the hostile title: its markup is there, escaped, and reads back as text.
    expect(source).toContain('&lt;script&gt;')
    expect(svg.texts.join(' ')).toContain(SCRIPT_TAG)
    await expectNothingRan(page, dialogs)
    await page.context().close()
  })

  it('adds the hostile figure to the report and shows it there as text', async () => {
    const { page, dialogs } = await securePage()
    await goto(page, `/districts/${DISTRICT}`)
    const figure = page
      .getByRole('figure')
      .filter({ has: page.getByRole('button', { name: 'Export', exact: true }) })
      .first()
    await chooseExport(page, figure, 'Add to report')
    await expect.poll(() => figure.getByRole('status').textContent()).toMatch(/Added/)
    await page.goto('/report', { waitUntil: 'networkidle' })
    await page.getByRole('main').getByRole('figure').first().waitFor()
    expect(await mainText(page)).toContain(SCRIPT_TAG)
    await expectNothingRan(page, dialogs)
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})

// ---------------------------------------------------------------------------------------------
// Hostile URLs
// ---------------------------------------------------------------------------------------------

describe('hostile URL parameters', () => {
  const urls = [
    '/districts/%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E',
    '/districts/<img src=x onerror=alert(1)>',
    '/editions/<svg onload=alert(1)>',
    '/metrics/javascript:alert(1)',
    '/compare?districts=<img src=x onerror=alert(1)>,jingan',
    '/articles/javascript:alert(1)',
    `/articles/${HOSTILE_ID}?highlight=<img src=x onerror=alert(1)>`,
    '/?evidence=<svg onload=alert(1)>',
    '/?edition=<script>alert(1)</script>&metric="><img src=x onerror=alert(1)>',
    '/sources?district=<script>alert(1)</script>&order=javascript:alert(1)',
    '/conflicts?district=<script>alert(1)</script>&metric=javascript:alert(1)',
    '/javascript:alert(1)',
  ]

  it.each(urls)('%s gives a readable page and runs nothing', async (url) => {
    const { page, dialogs } = await securePage()
    await goto(page, url)
    await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor()
    expect((await mainText(page)).trim().length).toBeGreaterThan(0)
    await expectNothingRan(page, dialogs)
    // An unknown article or district is asked for, and answered 404: that is the point.
    expectNoConsoleErrors(page, { allow: [/404/, /Failed to load resource/] })
    await page.context().close()
  })
})

// ---------------------------------------------------------------------------------------------
// The Content-Security-Policy on the bundled data
// ---------------------------------------------------------------------------------------------

describe('the Content-Security-Policy', () => {
  it('is the first thing in the built index.html, which has no inline script', async () => {
    const html = await readFile(join(ROOT, 'dist/index.html'), 'utf8')
    const head = html.slice(html.indexOf('<head>'), html.indexOf('<meta charset'))
    expect(head).toMatch(/<meta http-equiv="Content-Security-Policy"/)
    const policy = /content="([^"]*script-src[^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'")
    expect(policy).toContain("script-src 'self';")
    expect(policy).toContain("object-src 'none'")
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [])
      expect(script, 'every script is loaded from a file').toMatch(
        /^<script[^>]*\ssrc="\/assets\/[^"]+"[^>]*><\/script>$/,
      )
  })

  it('blocks an inline script injected into the page', async () => {
    const { page } = await securePage({ api: false })
    await goto(page, '/')
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__cspProbe = 1'
      document.head.append(script)
    })
    expect(await page.evaluate(() => window.__cspProbe)).toBeUndefined()
    await expect
      .poll(async () =>
        unexpectedViolations(await page.evaluate(() => window.__cspViolations ?? [])),
      )
      .toEqual([expect.stringMatching(/^script-src(-elem)? inline/)])
    await page.context().close()
  })

  const bundledViews = [
    '/',
    '/districts/jingan',
    '/districts/qingpu?evidence=qingpu.6.*',
    '/editions/6',
    '/metrics/agreements_signed',
    '/compare?districts=jingan,qingpu',
    '/articles/2023-11-27-jingan',
    '/sources',
    '/report',
    '/conflicts',
    '/no-such-page',
  ]

  it.each(bundledViews)('lets %s run with no violation or console error', async (path) => {
    const { page, dialogs } = await securePage({ api: false })
    await goto(page, path)
    await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor()
    await expectNothingRan(page, dialogs)
    expectNoConsoleErrors(page)
    await page.context().close()
  })

  it('lets a PNG be exported and the report be zipped with no violation', async () => {
    const { page, dialogs } = await securePage({ api: false })
    await goto(page, '/districts/jingan')
    const figure = page
      .getByRole('figure')
      .filter({ has: page.getByRole('button', { name: 'Export', exact: true }) })
      .first()
    const png = await exportDownload(page, figure, 'Download PNG', { preset: 'Square' })
    expect([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
    await chooseExport(page, figure, 'Add to report')
    await expect.poll(() => figure.getByRole('status').textContent()).toMatch(/Added/)
    await page.goto('/report', { waitUntil: 'networkidle' })
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download all' }).click()
    const zip = await saveDownload(await downloaded)
    expect(zip.name).toMatch(/\.zip$/)
    await expectNothingRan(page, dialogs)
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})
