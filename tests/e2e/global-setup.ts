import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the built app, e.g. http://127.0.0.1:41234 */
    baseUrl: string
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
 * Builds the app exactly as it ships (`npm run build`: pipeline, then vite build into dist) and
 * serves dist with `vite preview`. E2E_SKIP_BUILD=1 reuses an existing dist for quick reruns.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // vitest sets NODE_ENV=test, and vite would then bundle React's development build: the
    // e2e tests must see the production bundle that ships.
    await run('npm', ['run', 'build'], { ...process.env, NODE_ENV: 'production' })
  }

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

  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve()
      server.once('exit', () => resolve())
      server.kill('SIGTERM')
    })

  try {
    await waitForServer(baseUrl, server)
  } catch (error) {
    await stop()
    throw error
  }

  project.provide('baseUrl', baseUrl)
  return stop
}
