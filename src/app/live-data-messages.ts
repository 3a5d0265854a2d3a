import * as v from 'valibot'

/**
 * What the dev server's live-data plugin (live-data-plugin.ts) tells the open pages over Vite's
 * websocket, and what the page (live-data.tsx) reads. Dev server only: nothing here ships.
 */

/** Server -> page: the whole status, after each change, so a message can never be half-read. */
export const LIVE_DATA_EVENT = 'ciie:live-data'
/** Page -> server: "send me the status now" (a page opened after a failed run shows the banner). */
export const LIVE_DATA_STATUS_REQUEST = 'ciie:live-data-status'

const LiveDataResultSchema = v.union([
  v.object({
    /** Counts the runs since the dev server started, so a page handles each result once. */
    run: v.number(),
    ok: v.literal(true),
    /** When the run finished, ISO 8601. */
    at: v.string(),
    /** "3 articles, 12 figures", as the pipeline CLI reported it. */
    summary: v.nullable(v.string()),
  }),
  v.object({
    run: v.number(),
    ok: v.literal(false),
    at: v.string(),
    /** The CLI's `file:line: cause` lines (or, for other failures, what it printed). */
    problems: v.array(v.string()),
  }),
])

export const LiveDataStatusSchema = v.object({
  /** A pipeline run is under way. */
  running: v.boolean(),
  /** The last run that finished, or null before the first has. */
  result: v.nullable(LiveDataResultSchema),
})

export type LiveDataResult = v.InferOutput<typeof LiveDataResultSchema>
export type LiveDataStatus = v.InferOutput<typeof LiveDataStatusSchema>
