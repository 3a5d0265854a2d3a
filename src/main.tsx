import './app/app.css'
import { applyTheme, readStoredTheme } from './app/theme'
import { DEFAULT_LOCALE, browserLocale } from './i18n/locale'

// The reader's light or dark choice, before anything else: the style sheet already follows the
// system's setting, and the CSP allows no inline script in the page's head to do this sooner.
applyTheme(readStoredTheme())

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to render the dashboard into.')

async function start(root: HTMLElement): Promise<void> {
  // React's code first, in a task of its own; then the app's. Neither blocks input for long.
  await import('react-dom/client')
  await new Promise((resolve) => setTimeout(resolve, 0))
  const { startApp } = await import('./app/start')
  startApp(root)
}

/**
 * Runs `run` once the page has painted its content. A prerendered page is complete without the
 * app, so its HTML and CSS get the network and the main thread first. Where the browser does not
 * report paints, or reports none within a second, `run` goes ahead anyway.
 */
function afterFirstPaint(run: () => void): void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    run()
  }
  if (typeof PerformanceObserver !== 'undefined') {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return
      observer.disconnect()
      setTimeout(once, 0)
    })
    try {
      observer.observe({ type: 'paint', buffered: true })
    } catch {
      // No paint timing here: the timeout below starts the app.
    }
  }
  setTimeout(once, 1000)
}

// A page is prerendered in the default language: a reader in another gets the app's own render
// as soon as it can be drawn, rather than after the paint of text they did not ask for.
if (container.hasAttribute('data-prerendered') && browserLocale() === DEFAULT_LOCALE)
  afterFirstPaint(() => void start(container))
else void start(container)
