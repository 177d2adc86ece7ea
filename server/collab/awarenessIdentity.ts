import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** The `user` field of every awareness state, as the server knows the person. */
export interface AwarenessUser {
  name: string
  /** The organization's short name (or its name when it has none). */
  organization: string
  color: string
  userId: string
}

/**
 * Re-encodes an awareness update (y-protocols layout: count, then clientID · clock · JSON state)
 * with `user` replaced by the server's identity in every state, so a made-up name never reaches
 * anyone. Entries for client ids `mayUpdate` refuses (another connection's) are left out.
 * Returns null when nothing is left. Throws on a malformed update.
 */
export function rewriteAwarenessUpdate(
  update: Uint8Array,
  user: AwarenessUser,
  mayUpdate: (clientId: number) => boolean,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: { clientId: number; clock: number; state: string }[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const raw = decoding.readVarString(decoder)
    if (!mayUpdate(clientId)) continue
    const parsed: unknown = JSON.parse(raw)
    let state: string
    if (parsed === null) state = 'null' // the client leaves
    else if (typeof parsed === 'object' && !Array.isArray(parsed)) state = JSON.stringify({ ...parsed, user })
    else state = JSON.stringify({ user })
    entries.push({ clientId, clock, state })
  }
  if (entries.length === 0) return null
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.state)
  }
  return encoding.toUint8Array(encoder)
}
