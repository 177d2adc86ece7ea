/** What another part of the page asks the find bar to look for (the glossary's "Find uses"): its words, in all their forms or not. */
export interface FindRequest {
  query: string
  wordForms: boolean
  /** Only in this article or division (its id, and where that is in words, «в главе 4»): a term introduced for it alone. */
  within?: { id: string; where: string }
}

const FIND_REQUEST = 'accord:find'

/** Opens the draft's find bar (the toolbar's, or a reader's) looking for `request`. */
export function requestFind(request: FindRequest): void {
  document.dispatchEvent(new CustomEvent<FindRequest>(FIND_REQUEST, { detail: request }))
}

/** Calls `handle` with each request until the returned function is called. */
export function onFindRequest(handle: (request: FindRequest) => void): () => void {
  const listener = (event: Event) => handle((event as CustomEvent<FindRequest>).detail)
  document.addEventListener(FIND_REQUEST, listener)
  return () => document.removeEventListener(FIND_REQUEST, listener)
}
