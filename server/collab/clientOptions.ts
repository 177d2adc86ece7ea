import { ACCORD_PARAM, GZIP_PARAM } from '../../shared/protocol'

/** What a client said, in its sync URL, that it takes beyond plain y-websocket. */
export interface ClientOptions {
  /** Large messages gzipped (`?gzip=1`, see gzipped.ts). */
  gzip: boolean
  /** Accord's own messages: stored, role, threads (`?accord=1`). */
  accord: boolean
}

/** The options of a sync URL (`/sync/<docId>?accord=1&gzip=1`); none for a stock client. */
export function clientOptionsOf(url: string | undefined): ClientOptions {
  const query = new URLSearchParams((url ?? '').split('?')[1] ?? '')
  return { gzip: query.get(GZIP_PARAM) === '1', accord: query.get(ACCORD_PARAM) === '1' }
}
