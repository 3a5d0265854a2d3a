/**
 * Debian's Chromium and the flags that let it run headless, offline and quietly
 * (/work/shared/TOOLCHAIN.md). No vitest import: the benchmarks use it outside the test runner.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
