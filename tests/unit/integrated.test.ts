import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { encodeIntegratedState, hasPending, isIntegrated } from '../../server/collab/integrated'

/** Updates of `doc` made by `change`, as Yjs emits them. */
function updatesOf(doc: Y.Doc, change: () => void): Uint8Array[] {
  const out: Uint8Array[] = []
  const capture = (u: Uint8Array) => out.push(u)
  doc.on('update', capture)
  change()
  doc.off('update', capture)
  return out
}

describe('content waiting for missing dependencies', () => {
  it('tells an applied update, insertions and deletions alike, from one that waits', () => {
    const source = new Y.Doc()
    const text = source.getText('t')
    const [first] = updatesOf(source, () => text.insert(0, 'hello world'))
    const [second] = updatesOf(source, () => text.insert(5, ','))
    const [deletion] = updatesOf(source, () => text.delete(0, 3))
    // Something else, parked for good: an edit whose base never arrives.
    const stranger = new Y.Doc()
    updatesOf(stranger, () => stranger.getText('t').insert(0, 'base'))
    const [parked] = updatesOf(stranger, () => stranger.getText('t').insert(2, 'x'))

    const server = new Y.Doc()
    Y.applyUpdate(server, parked)
    expect(hasPending(server)).toBe(true)
    expect(isIntegrated(server, parked)).toBe(false)

    Y.applyUpdate(server, second) // depends on `first`: waits
    expect(isIntegrated(server, second)).toBe(false)
    Y.applyUpdate(server, deletion) // deletes what has not arrived: waits
    expect(isIntegrated(server, deletion)).toBe(false)
    Y.applyUpdate(server, first) // everything of `source` applies now; `parked` still waits
    for (const u of [first, second, deletion]) expect(isIntegrated(server, u)).toBe(true)
    expect(isIntegrated(server, parked)).toBe(false)
    expect(server.getText('t').toString()).toBe('lo, world')

    // What is stored or sent holds only the applied content.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, encodeIntegratedState(server))
    expect(hasPending(copy)).toBe(false)
    expect(copy.getText('t').toString()).toBe('lo, world')
    expect(hasPending(server)).toBe(true) // and the server still holds what waits
  })
})
