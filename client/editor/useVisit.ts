import { createContext, useContext, useEffect, useState } from 'react'
import type { VisitView } from '../../shared/visit'
import { api } from '../api/http'

/**
 * What is new in the comments panel since one's last visit: the comments others wrote (ids),
 * marked "new", and the threads one started that others decided since (shared/visit.ts).
 */
export interface VisitNews {
  comments: ReadonlySet<string>
  decided: ReadonlySet<string>
}
export const VisitNewsContext = createContext<VisitNews>({ comments: new Set(), decided: new Set() })
export const useVisitNews = () => useContext(VisitNewsContext)

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
