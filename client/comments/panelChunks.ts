/** Articles per chunk of the comments panel: a chunk is laid out and painted only near the screen. */
export const ARTICLES_PER_CHUNK = 32

export interface Chunk<T> {
  key: string
  items: T[]
}

/**
 * `items` (in the text's order) in runs by the article they belong to: the articles numbered
 * 0–31 in the text, 32–63, …, and last whatever has no article (null). Chunks are cut by article
 * position, not by count, so that a new thread or group moves nothing into another chunk (React
 * would mount it anew); an article inserted or deleted moves one group per chunk at most.
 */
export function chunksByArticle<T>(items: readonly T[], articleOrder: (item: T) => number | null, perChunk = ARTICLES_PER_CHUNK): Chunk<T>[] {
  const chunks: Chunk<T>[] = []
  let last: Chunk<T> | undefined
  for (const item of items) {
    const order = articleOrder(item)
    const key = order === null ? 'none' : String(Math.floor(order / perChunk))
    if (last?.key !== key) chunks.push((last = { key, items: [] }))
    last.items.push(item)
  }
  return chunks
}
