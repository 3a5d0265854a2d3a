import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { AppErrorBoundary } from './app/app-error-boundary'
import { AppProviders, createQueryClient } from './app/providers'
import { createAppRouter } from './app/router'
import './app/app.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to render the dashboard into.')

const queryClient = createQueryClient()
const router = createAppRouter()

createRoot(container).render(
  <StrictMode>
    <AppErrorBoundary>
      <AppProviders client={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </AppErrorBoundary>
  </StrictMode>,
)
