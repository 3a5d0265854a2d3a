import './app/app.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to render the dashboard into.')

async function start(root: HTMLElement): Promise<void> {
  // React's code first, in a task of its own; then the app's. Neither blocks input for long.
  await import('react-dom/client')
  await new Promise((resolve) => setTimeout(resolve, 0))
  const { startApp } = await import('./app/start')
  startApp(root)
}

// A prerendered page is complete without the app: it paints first, with the network to itself,
// and the app's code loads after that paint. Otherwise the app is the page and starts at once.
if (container.hasAttribute('data-prerendered'))
  requestAnimationFrame(() => {
    setTimeout(() => void start(container), 0)
  })
else void start(container)
