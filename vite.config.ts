import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  define: { __BUILD_DATE__: JSON.stringify(buildDate()) },
})
