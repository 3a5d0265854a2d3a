import { z } from 'zod/mini'

/**
 * What the dev server's live-data plugin (live-data-plugin.ts) tells the open pages over Vite's
 * websocket, and what the page (live-data.tsx) reads. Dev server only: nothing here ships.
 */

/** Server -> page: the whole status, after each change, so a message can never be half-read. */
export const LIVE_DATA_EVENT = 'ciie:live-data'
/** Page -> server: "send me the status now" (a page opened after a failed run shows the banner). */
export const LIVE_DATA_STATUS_REQUEST = 'ciie:live-data-status'

const LiveDataResultSchema = z.union([
  z.object({
    /** Counts the runs since the dev server started, so a page handles each result once. */
    run: z.number(),
    ok: z.literal(true),
    /** When the run finished, ISO 8601. */
    at: z.string(),
    /** "3 articles, 12 figures", as the pipeline CLI reported it. */
    summary: z.nullable(z.string()),
  }),
  z.object({
    run: z.number(),
    ok: z.literal(false),
    at: z.string(),
    /** The CLI's `file:line: cause` lines (or, for other failures, what it printed). */
    problems: z.array(z.string()),
  }),
])

export const LiveDataStatusSchema = z.object({
  /** A pipeline run is under way. */
  running: z.boolean(),
  /** The last run that finished, or null before the first has. */
  result: z.nullable(LiveDataResultSchema),
})

export type LiveDataResult = z.infer<typeof LiveDataResultSchema>
export type LiveDataStatus = z.infer<typeof LiveDataStatusSchema>
