import { setupServer } from 'msw/node'
import { handlers } from './handlers'

/** One msw server for every unit test; tests add failures with `server.use(...)`. */
export const server = setupServer(...handlers)
