import './app/app.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to render the dashboard into.')

const start = () =>
  void import('./app/start').then(({ startApp }) => {
    startApp(container)
  })

// A prerendered page is complete without the app: it paints first, with the network to itself,
// and the app's code loads after that paint. Otherwise the app is the page and starts at once.
if (container.hasAttribute('data-prerendered'))
  requestAnimationFrame(() => {
    setTimeout(start, 0)
  })
else start()
