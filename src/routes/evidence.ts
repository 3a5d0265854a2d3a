import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { formatEvidenceParam, parseEvidenceParam, type EvidenceSelection } from '../app/url-state'
import type { Edition } from '../pipeline/schema'

export const EVIDENCE_PARAM = 'evidence'

export interface EvidenceState {
  /** What the panel shows, or null when it is closed. */
  selection: EvidenceSelection | null
  /** The URL names evidence that does not exist: the route shows its not-found page. */
  invalid: boolean
  open: (selection: EvidenceSelection) => void
  close: () => void
}

/**
 * The open evidence panel lives in the URL (`?evidence=jingan.6.partners`), so a link can open a
 * view with its evidence showing, and the browser's Back button closes the panel.
 */
export function useEvidence(editions: ReadonlyArray<Edition>): EvidenceState {
  const [params, setParams] = useSearchParams()
  const raw = params.get(EVIDENCE_PARAM)
  const selection = raw === null ? null : parseEvidenceParam(raw, editions)
  const open = useCallback(
    (next: EvidenceSelection) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current)
          updated.set(EVIDENCE_PARAM, formatEvidenceParam(next))
          return updated
        },
        { preventScrollReset: true },
      ),
    [setParams],
  )
  const close = useCallback(
    () =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current)
          updated.delete(EVIDENCE_PARAM)
          return updated
        },
        { preventScrollReset: true },
      ),
    [setParams],
  )
  return { selection, invalid: raw !== null && selection === null, open, close }
}
