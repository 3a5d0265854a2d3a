import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { writeScaleArticles } from '../fixtures/scale/generate'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the built app, e.g. http://127.0.0.1:41234 */
    baseUrl: string
    /**
     * The API files built from the scale fixture (tests/fixtures/scale), 16 districts × 8
     * editions: `useScaleApi(page)` in browser.ts serves them in place of the bundled ones.
     */
    scaleApiDir: string
  }
}

const ROOT = join(import.meta.dirname, '../..')
const HOST = '127.0.0.1'
const SERVER_START_TIMEOUT_MS = 30_000

/** A port nobody is listening on right now; vite's --strictPort fails loudly if it is taken. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('could not read the probe port'))
      })
    })
  })
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))
    })
  })
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`vite preview did not answer at ${url} within ${SERVER_START_TIMEOUT_MS} ms`)
}

/**
 * Writes the scale fixture's articles and runs the real pipeline CLI on them, into a temporary
 * folder: `<root>/articles` and `<root>/api`. About 2 s, so it runs even with E2E_SKIP_BUILD=1.
 */
async function buildScaleApi(root: string): Promise<string> {
  const articles = join(root, 'articles')
  const api = join(root, 'api')
  await writeScaleArticles(articles)
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
  const cli = join(ROOT, 'src/pipeline/cli.ts')
  await run(process.execPath, [tsx, cli, '--articles', articles, '--out', api], process.env)
  return api
}

/**
 * Builds the app exactly as it ships (`npm run build`: pipeline, then vite build into dist) and
 * serves dist with `vite preview`; builds the scale fixture's API beside it, in a temporary
 * folder removed at teardown. E2E_SKIP_BUILD=1 reuses an existing dist for quick reruns.
 */
export default async function setup(project: TestProject) {
  const scaleRoot = await mkdtemp(join(tmpdir(), 'ciie-scale-'))
  const removeScale = () => rm(scaleRoot, { recursive: true, force: true })
  // Both at once: the scale pipeline run is short and mostly waits on Node's start-up. Both are
  // awaited before a failure is reported, so the folder is not removed while still in use.
  const [scale, build] = await Promise.allSettled([
    buildScaleApi(scaleRoot),
    process.env.E2E_SKIP_BUILD === '1'
      ? Promise.resolve()
      : // vitest sets NODE_ENV=test, and vite would then bundle React's development build: the
        // e2e tests must see the production bundle that ships.
        run('npm', ['run', 'build'], { ...process.env, NODE_ENV: 'production' }),
  ])
  if (build.status === 'rejected' || scale.status === 'rejected') {
    await removeScale()
    throw build.status === 'rejected' ? build.reason : (scale as PromiseRejectedResult).reason
  }
  const scaleApiDir = scale.value

  const port = await findFreePort()
  const baseUrl = `http://${HOST}:${port}`
  // vite's own entry run by this Node, not through npx: the pid is then the server's, so
  // stopping it does not leave an orphaned grandchild holding the port.
  const viteBin = join(ROOT, 'node_modules/vite/bin/vite.js')
  const server = spawn(
    process.execPath,
    [viteBin, 'preview', '--host', HOST, '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  )

  const stopServer = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve()
      server.once('exit', () => resolve())
      server.kill('SIGTERM')
    })
  const stop = async () => {
    await stopServer()
    await removeScale()
  }

  try {
    await waitForServer(baseUrl, server)
  } catch (error) {
    await stop()
    throw error
  }

  project.provide('baseUrl', baseUrl)
  project.provide('scaleApiDir', scaleApiDir)
  return stop
}
