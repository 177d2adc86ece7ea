import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType, TEXT_FIELD } from '../../shared/protocol'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { writeDocJSON } from '../../shared/ydoc'
import type { Rng } from './random'

/**
 * Random and mutated frames of every kind the sync endpoint reads, for the protocol fuzz test.
 * Valid material comes from scratch documents that write only to root types named `fuzz…`, so a
 * mutation that happens to decode into a real edit lands there and never in the legal text; the
 * "foreign" updates are edits of another Accord document, whose structs the target lacks.
 */

export const FUZZ_KINDS = [
  'sync step 1',
  'sync step 2',
  'sync update',
  'awareness',
  'auth',
  'query awareness',
  'stored (100)',
  'role (101)',
  'unknown type',
  'framing',
] as const
export type FuzzKind = (typeof FUZZ_KINDS)[number]

export interface FuzzFrame {
  kind: FuzzKind
  /** A string is sent as a text frame. */
  data: Uint8Array | string
}

interface Material {
  updates: Uint8Array[]
  foreign: Uint8Array[]
  stateVectors: Uint8Array[]
  awareness: Uint8Array[]
  /** Some whole, well-formed frames of each kind, to mutate. */
  frames: Uint8Array[]
}

function frame(type: number, write: (e: encoding.Encoder) => void = () => {}): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

const syncFrame = (syncType: number, body: Uint8Array) =>
  frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, syncType)
    encoding.writeVarUint8Array(e, body)
  })

const JSON_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  '',
  '"quoted\\" \u0000 \u2028',
  '<img src=x onerror=window.__pwned=1>',
  { cursor: { anchor: 'x' } },
  { user: { name: 'Mallory', organization: 'Forged', color: 'red', userId: 'someone-else' } },
  [1, [2, [3]]],
  { deep: { deeper: { deepest: Array.from({ length: 50 }, (_, i) => i) } } },
  'ünïcødé 😀 текст',
]

/** Valid updates, state vectors, awareness updates and frames, derived from `rng`. */
function makeMaterial(rng: Rng): Material {
  const updates: Uint8Array[] = []
  const scratch = new Y.Doc()
  scratch.clientID = 1 + rng.int(2 ** 31)
  scratch.on('update', (u: Uint8Array) => updates.push(u))
  const text = scratch.getText('fuzzText')
  const map = scratch.getMap('fuzzMap')
  const xml = scratch.getXmlFragment('fuzzXml')
  for (let i = 0; i < 40; i++) {
    const op = rng.int(5)
    if (op === 0) text.insert(rng.int(text.length + 1), `t${i} `)
    else if (op === 1 && text.length > 2) text.delete(rng.int(text.length - 1), 1)
    else if (op === 2) map.set(`k${rng.int(5)}`, rng.pick(JSON_VALUES))
    else if (op === 3) {
      const el = new Y.XmlElement(rng.pick(['clause', 'article', 'script', 'img']))
      el.setAttribute('id', `x${i}`)
      el.insert(0, [new Y.XmlText(`x${i}`)])
      xml.insert(rng.int(xml.length + 1), [el])
    } else if (xml.length > 0) xml.delete(rng.int(xml.length), 1)
  }

  // Another Accord document: its edits reference structs this document does not have.
  const foreign: Uint8Array[] = []
  const other = new Y.Doc()
  writeDocJSON(other, sampleLaw('en'))
  other.on('update', (u: Uint8Array) => foreign.push(u))
  const fragment = other.getXmlFragment(TEXT_FIELD)
  for (let i = 0; i < 10; i++) {
    const article = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'article')
    const target = rng.pick(article)
    const heading = target.get(0) as Y.XmlElement
    const t = heading.get(0)
    if (t instanceof Y.XmlText) t.insert(rng.int(t.length + 1), ` foreign${i}`)
    else target.delete(1, Math.min(1, target.length - 1))
  }

  const stateVectors = [Y.encodeStateVector(scratch), Y.encodeStateVector(other), Y.encodeStateVector(new Y.Doc())]
  const awareness: Uint8Array[] = []
  const aw = new awarenessProtocol.Awareness(scratch)
  for (let i = 0; i < 6; i++) {
    aw.setLocalState({ user: rng.pick(JSON_VALUES), cursor: rng.pick(JSON_VALUES), n: i })
    awareness.push(awarenessProtocol.encodeAwarenessUpdate(aw, [scratch.clientID]))
  }
  aw.setLocalState(null)
  awareness.push(awarenessProtocol.encodeAwarenessUpdate(aw, [scratch.clientID]))
  aw.destroy()

  const frames = [
    ...stateVectors.map((sv) => syncFrame(syncProtocol.messageYjsSyncStep1, sv)),
    syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(scratch)),
    ...updates.slice(0, 10).map((u) => syncFrame(syncProtocol.messageYjsUpdate, u)),
    ...foreign.map((u) => syncFrame(syncProtocol.messageYjsUpdate, u)),
    ...awareness.map((a) => frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, a))),
    frame(MessageType.queryAwareness),
  ]
  scratch.destroy()
  other.destroy()
  return { updates, foreign, stateVectors, awareness, frames }
}

/** One random mutation: bit flips, overwritten, inserted or deleted bytes, truncation, a huge varint. */
export function mutate(input: Uint8Array, rng: Rng): Uint8Array {
  const bytes = Array.from(input)
  const times = 1 + rng.int(3)
  for (let t = 0; t < times; t++) {
    const at = rng.int(bytes.length + 1)
    switch (rng.int(7)) {
      case 0:
        if (bytes.length) bytes[Math.min(at, bytes.length - 1)] ^= 1 << rng.int(8)
        break
      case 1:
        if (bytes.length) bytes[Math.min(at, bytes.length - 1)] = rng.pick([0, 0x7f, 0x80, 0xff, rng.int(256)])
        break
      case 2:
        bytes.splice(at, 0, ...rng.bytes(1 + rng.int(8)))
        break
      case 3:
        bytes.splice(at, 1 + rng.int(8))
        break
      case 4:
        bytes.length = Math.min(bytes.length, at)
        break
      case 5:
        // A length or count that claims far more than there is.
        bytes.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f)
        break
      default:
        bytes.splice(at, 0, ...bytes.slice(rng.int(bytes.length + 1), rng.int(bytes.length + 1)))
    }
  }
  return new Uint8Array(bytes)
}

/** varUint bytes that never end (every byte has its continuation bit), or run past 53 bits. */
function badVarint(rng: Rng): number[] {
  return rng.chance(0.5) ? Array(1 + rng.int(6)).fill(0x80) : Array(8 + rng.int(4)).fill(0xff).concat([0x7f])
}

function hugeLength(rng: Rng, head: number[]): Uint8Array {
  const e = encoding.createEncoder()
  for (const b of head) encoding.writeUint8(e, b)
  encoding.writeVarUint(e, rng.pick([2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER, 1 << 20]))
  encoding.writeUint8Array(e, rng.bytes(rng.int(16)))
  return encoding.toUint8Array(e)
}

/** A generator of fuzz frames for one seed; `oversize` is a frame length just over the server's limit. */
export function createFuzzer(rng: Rng, oversize: number) {
  const m = makeMaterial(rng)
  const garbage = () => rng.bytes(rng.int(rng.chance(0.9) ? 64 : 4096))

  const updateBody = (): Uint8Array => {
    const r = rng.int(8)
    if (r === 0) return garbage()
    if (r === 1) return mutate(rng.pick(m.updates), rng)
    if (r === 2) return rng.pick(m.foreign)
    if (r === 3) return mutate(rng.pick(m.foreign), rng)
    if (r === 4) return rng.pick(m.updates) // in order or not: applies, or waits for its dependencies
    if (r === 5) return Y.mergeUpdates(m.updates.slice(rng.int(m.updates.length)))
    if (r === 6) return rng.pick(m.updates).slice(0, 1 + rng.int(8))
    return mutate(Y.encodeStateAsUpdate(new Y.Doc()), rng)
  }

  const generators: Record<FuzzKind, () => Uint8Array | string> = {
    'sync step 1': () => {
      const r = rng.int(4)
      if (r === 0) return syncFrame(syncProtocol.messageYjsSyncStep1, rng.pick(m.stateVectors))
      if (r === 1) return syncFrame(syncProtocol.messageYjsSyncStep1, mutate(rng.pick(m.stateVectors), rng))
      if (r === 2) return syncFrame(syncProtocol.messageYjsSyncStep1, garbage())
      return hugeLength(rng, [MessageType.sync, syncProtocol.messageYjsSyncStep1])
    },
    'sync step 2': () =>
      rng.chance(0.85) ? syncFrame(syncProtocol.messageYjsSyncStep2, updateBody()) : hugeLength(rng, [MessageType.sync, syncProtocol.messageYjsSyncStep2]),
    'sync update': () =>
      rng.chance(0.85) ? syncFrame(syncProtocol.messageYjsUpdate, updateBody()) : hugeLength(rng, [MessageType.sync, syncProtocol.messageYjsUpdate]),
    awareness: () => {
      const r = rng.int(5)
      const body = r === 0 ? rng.pick(m.awareness) : r === 1 ? garbage() : mutate(rng.pick(m.awareness), rng)
      return r === 4 ? hugeLength(rng, [MessageType.awareness]) : frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, body))
    },
    auth: () => frame(MessageType.auth, (e) => encoding.writeUint8Array(e, rng.chance(0.5) ? garbage() : new Uint8Array([0, 3, 0x61, 0x62, 0x63]))),
    'query awareness': () => frame(MessageType.queryAwareness, (e) => encoding.writeUint8Array(e, rng.chance(0.5) ? new Uint8Array() : garbage())),
    'stored (100)': () => frame(MessageType.stored, (e) => encoding.writeUint8Array(e, garbage())),
    'role (101)': () => frame(MessageType.role, (e) => encoding.writeVarString(e, rng.pick(['owner', 'admin', '', '\u0000'.repeat(8)]))),
    'unknown type': () => frame(rng.pick([4, 5, 99, 102, 103, 127, 128, 255, 2 ** 20, 2 ** 40]), (e) => encoding.writeUint8Array(e, garbage())),
    framing: () => {
      const r = rng.int(7)
      if (r === 0) return new Uint8Array(0)
      if (r === 1) return rng.pick(['', 'hello', '{"type":0}', '\u0000\u0001', 'x'.repeat(1000)])
      if (r === 2) return new Uint8Array(badVarint(rng))
      if (r === 3) return new Uint8Array([MessageType.sync, ...badVarint(rng)])
      if (r === 4) return rng.bytes(oversize + rng.int(1024))
      if (r === 5) return mutate(rng.pick(m.frames), rng)
      return rng.bytes(1 + rng.int(32))
    },
  }

  return {
    /** A frame of `kind`, or of a random kind. */
    next(kind: FuzzKind = rng.pick(FUZZ_KINDS)): FuzzFrame {
      return { kind, data: generators[kind]() }
    },
  }
}
