import { ACCORD_PARAM, GZIP_PARAM, SCHEMA_PARAM } from '../../shared/protocol'
import { SCHEMA_VERSION } from '../../shared/schema/version'

/** What a client said, in its sync URL, that it takes beyond plain y-websocket. */
export interface ClientOptions {
  /** Large messages gzipped (`?gzip=1`, see gzipped.ts). */
  gzip: boolean
  /** Accord's own messages: stored, role, threads (`?accord=1`). */
  accord: boolean
  /** The schema version an Accord editor binds (`?schema=3`), null when it said none. */
  schema: number | null
}

/**
 * Whether the client is an Accord editor of another schema version than ours (see SCHEMA_PARAM).
 * A stock y-websocket client (no `accord=1`: tests, tools) binds no schema and is let in; an
 * Accord page from before the version was sent says none, and is as outdated as any.
 */
export function bindsOtherSchema(options: ClientOptions): boolean {
  return options.accord && options.schema !== SCHEMA_VERSION
}

/** The options of a sync URL (`/sync/<docId>?accord=1&gzip=1`); none for a stock client. */
export function clientOptionsOf(url: string | undefined): ClientOptions {
  const query = new URLSearchParams((url ?? '').split('?')[1] ?? '')
  const schema = query.get(SCHEMA_PARAM)
  return {
    gzip: query.get(GZIP_PARAM) === '1',
    accord: query.get(ACCORD_PARAM) === '1',
    schema: schema !== null && /^\d{1,6}$/.test(schema) ? Number(schema) : null,
  }
}
