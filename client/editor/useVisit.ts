import { createContext, useContext, useEffect, useState } from 'react'
import type { VisitView } from '../../shared/visit'
import { api } from '../api/http'

/** The comments others wrote since one's last visit (ids), marked "new" in the comments panel. */
export const NewCommentsContext = createContext<ReadonlySet<string>>(new Set())
export const useNewComments = () => useContext(NewCommentsContext)

/**
 * Opens a visit to the draft once it has loaded (server/services/visits.ts) and says what others
 * did since the last one; null until then, or if the server could not say (it is a nicety: the
 * page works without it).
 */
export function useVisit(docId: string, ready: boolean): VisitView | null {
  const [visit, setVisit] = useState<VisitView | null>(null)
  useEffect(() => {
    if (!ready) return
    let gone = false
    api.visit(docId).then(
      (view) => !gone && setVisit(view),
      (err) => console.warn('since your last visit: not available', err),
    )
    return () => {
      gone = true
    }
  }, [docId, ready])
  return visit
}
