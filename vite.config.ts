import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

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

export default defineConfig({
  plugins: [react()],
  define: { __BUILD_DATE__: JSON.stringify(buildDate()) },
})
