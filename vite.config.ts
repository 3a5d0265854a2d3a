import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { lingui } from '@lingui/vite-plugin'
import react from '@vitejs/plugin-react'
import { createServer, defineConfig, type Plugin, type Rollup } from 'vite'
// With an extension: Vite warns of extensionless imports in its config and what it imports.
import { liveData } from './src/app/live-data-plugin.js'
import type * as Prerender from './src/app/prerender'

/**
 * The day the dashboard (and the dataset, built by the same command) was built; exported figures
 * cite it. SOURCE_DATE_EPOCH pins it for reproducible builds. It is not written into the JSON
 * files, which stay byte-identical for the same articles.
 */
function buildDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH)
  const date = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()
  return date.toISOString().slice(0, 10)
}

/**
 * The built app's Content-Security-Policy, as a <meta> in index.html so it holds wherever dist/
 * is served, even by a static host that sets no headers. Scripts only from the app's own origin
 * and never inline, so article text that reached the DOM as HTML still could not run.
 * - style-src needs 'unsafe-inline': React's style attributes and recharts set inline styles.
 * - img-src and worker-src allow blob: (and img-src data:) for the PNG export: the SVG is drawn
 *   from a blob: URL and encoded in a module worker (src/export/png.ts); the favicon is data:.
 * - connect-src adds VITE_API_BASE's origin when the API is served from elsewhere.
 * - frame-ancestors, report-uri and sandbox are ignored in a <meta>: a server that wants them
 *   (against clickjacking) must send the header itself.
 * Only for `vite build`: the dev server injects an inline script (React refresh preamble).
 */
function contentSecurityPolicy(): Plugin {
  let apiOrigin: string | null = null
  return {
    name: 'ciie:content-security-policy',
    apply: 'build',
    configResolved(config) {
      const base: unknown = config.env.VITE_API_BASE
      apiOrigin =
        typeof base === 'string' && /^https?:\/\//i.test(base) ? new URL(base).origin : null
    },
    transformIndexHtml() {
      const policy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; ')
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          // First in <head>: a policy applies only to what comes after it.
          injectTo: 'head-prepend',
        },
      ]
    },
  }
}

/** The app's module, loaded by src/main.tsx; its chunk's style sheets go in every page. */
const APP_MODULE = 'src/app/start.tsx'

/** Where `npm run data` writes the API that `vite build` copies into dist/api. */
const API_DIR = 'public/api'

/**
 * Writes each page of the built app as HTML rendered at build time (src/app/prerender.tsx), so
 * the first paint needs no JavaScript: dist/index.html for `/`, and `<path>.html` for the others
 * (`/districts/jingan` -> dist/districts/jingan.html, which `vite preview` and most static hosts
 * serve for the extensionless URL). Each page links the CSS of the app and its view, so nothing
 * restyles when the app takes over.
 * Skipped, with a warning, when there is no API to render from (then the pages are the plain
 * shell and the app renders everything, as before).
 */
function prerender(): Plugin {
  let root = process.cwd()
  let base = '/'
  return {
    name: 'ciie:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root
      base = config.base
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? join(root, 'dist')
      const apiDir = join(root, API_DIR)
      if (!existsSync(join(apiDir, 'summary.json'))) {
        this.warn(`no ${API_DIR}/summary.json: pages are not prerendered (run npm run data first)`)
        return
      }
      const readApiFile = (file: string) => readFile(join(apiDir, file), 'utf8')
      const template = await readFile(join(outDir, 'index.html'), 'utf8')
      const server = await createServer({
        root,
        configFile: false,
        logLevel: 'error',
        plugins: [react(), lingui()],
        define: { __BUILD_DATE__: JSON.stringify(buildDate()) },
        server: { middlewareMode: true, hmr: false, watch: null },
        appType: 'custom',
      })
      try {
        const entry = (await server.ssrLoadModule('/src/app/prerender.tsx')) as typeof Prerender
        const pages = await entry.prerenderPaths(readApiFile)
        const client = entry.createPrerenderClient()
        let written = 0
        for (const path of pages) {
          let page: Prerender.PrerenderedPage
          try {
            page = await entry.prerenderPage(path, readApiFile, client)
          } catch (error) {
            // A page the routes answer with an error is left to the app, which explains it.
            if (!(error instanceof entry.NotPrerenderable)) throw error
            this.warn(`${path} is not prerendered: ${error.message}`)
            continue
          }
          const view = entry.viewModuleOf(path)
          const styles = stylesOf(bundle, [APP_MODULE, ...(view ? [view] : [])], base)
          const html = fillTemplate(template, path, page, styles)
          const file =
            path === '/' ? join(outDir, 'index.html') : join(outDir, `${path.slice(1)}.html`)
          await mkdir(dirname(file), { recursive: true })
          await writeFile(file, html)
          written += 1
        }
        this.info(`prerendered ${written} pages`)
      } finally {
        await server.close()
      }
    },
  }
}

/**
 * The style sheets of the given modules' chunks and of the chunks they import: what the app
 * would add to the page as it loads them, so the prerendered page has them from the start.
 */
function stylesOf(bundle: Rollup.OutputBundle, modules: ReadonlyArray<string>, base: string) {
  const css = new Set<string>()
  const seen = new Set<string>()
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk')
  const visit = (chunk: Rollup.OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk.fileName)) return
    seen.add(chunk.fileName)
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file)
    for (const name of chunk.imports) visit(chunks.find((c) => c.fileName === name))
  }
  for (const module of modules)
    visit(chunks.find((chunk) => chunk.facadeModuleId === resolve(module)))
  return [...css].map((file) => `${base}${file}`)
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
}

function fillTemplate(
  template: string,
  path: string,
  page: { html: string; title: string | null; anyQuery: boolean; dataStamp: string | null },
  styles: ReadonlyArray<string>,
): string {
  const links = styles
    .filter((href) => !template.includes(`"${href}"`))
    .map((href) => `<link rel="stylesheet" crossorigin href="${href}">`)
  let html = template
    .replace('</head>', `    ${links.join('\n    ')}\n  </head>`)
    .replace(
      '<div id="root"></div>',
      `<div id="root" data-prerendered="${escapeAttribute(path)}"${page.anyQuery ? ' data-any-query=""' : ''} data-stamp="${escapeAttribute(page.dataStamp ?? '')}">${page.html}</div>`,
    )
  if (page.title !== null)
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${page.title}</title>`)
  return html
}

export default defineConfig({
  plugins: [react(), lingui(), contentSecurityPolicy(), prerender(), liveData()],
  define: { __BUILD_DATE__: JSON.stringify(buildDate()) },
  // dist/.vite/manifest.json: which chunks each module needs, for `npm run bench`.
  build: { manifest: true },
})
