import { lingui } from '@lingui/vite-plugin'
import react from '@vitejs/plugin-react'
import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Two projects: `unit` (pipeline, api, routes; jsdom, msw) and `e2e` (the built app in Chromium).
 * `npm run test:unit` skips the build that `e2e` needs.
 */
export default defineConfig({
  plugins: [react(), lingui()],
  // Tests see a fixed build date, so texts that cite it do not change from day to day.
  define: { __BUILD_DATE__: JSON.stringify('2026-01-15') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
          setupFiles: ['tests/setup.ts'],
          // Testing Library's automatic cleanup after each test needs the globals.
          globals: true,
          // Rendering a whole view with its charts in jsdom takes a second or two on 2 cores;
          // the default 5 s is too close when the machine is busy.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Starting Chromium and reading a cold page take seconds on a 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores cannot run several Chromiums and vite preview.
          fileParallelism: false,
        },
      },
    ],
  },
})
