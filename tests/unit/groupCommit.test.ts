import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { readSyncMessage } from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { Room, type RoomConnection, type RoomHooks } from '../../server/collab/room'
import type { Broadcaster, Peer } from '../../server/collab/broadcaster'
import type { AppendEntry, DocumentStore, StoredDocument } from '../../server/storage/documentStore'
import { createLogger } from '../../server/logger'

/** What happened, in order: commits, disk syncs, broadcasts, direct sends and acknowledgements. */
type Event =
  | { kind: 'commit'; updates: number }
  | { kind: 'durable' }
  | { kind: 'broadcast'; to: string[] }
  | { kind: 'send'; to: string }
  | { kind: 'ack'; of: string }

/** A store whose disk syncs complete only when the test says so (`disk.sync()` / `disk.fail()`). */
function fixture(options: { failCommit?: boolean } = {}) {
  const events: Event[] = []
  const commits: AppendEntry[][] = []
  let seq = 0
  let waiting: { resolve: () => void; reject: (err: unknown) => void }[] = []
  // As WalSync: a sync makes every commit so far durable; a wait resolves once what was committed before it is.
  let committed = 0
  let durable = 0
  const disk = {
    sync: () => {
      events.push({ kind: 'durable' })
      durable = committed
      for (const w of waiting.splice(0)) w.resolve()
    },
    fail: () => {
      for (const w of waiting.splice(0)) w.reject(new Error('fsync failed'))
    },
  }
  const store: DocumentStore = {
    load: (): StoredDocument => ({ state: null, updates: [], lastSeq: 0 }),
    append: () => {
      throw new Error('the room commits through commit()')
    },
    commit: (_docId, entries) => {
      if (options.failCommit) throw new Error('disk on fire')
      commits.push([...entries])
      committed++
      events.push({ kind: 'commit', updates: entries.length })
      return (seq += entries.length)
    },
    whenDurable: () => (durable >= committed ? Promise.resolve() : new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }))),
    syncNow: () => {
      if (waiting.length > 0 || events.at(-1)?.kind === 'commit') disk.sync()
    },
    compact: () => {},
    countSince: () => 0,
  }
  const peers = new Set<Peer>()
  const received = new Map<string, Uint8Array[]>()
  const connection = (id: string): RoomConnection => {
    const conn: RoomConnection = {
      id,
      author: { userId: `user-${id}`, orgId: 'org' },
      close: () => {},
      send: (message) => {
        received.set(id, [...(received.get(id) ?? []), message])
        if (!broadcasting) events.push({ kind: 'send', to: id })
      },
    }
    return conn
  }
  let broadcasting = false
  const broadcaster: Broadcaster = {
    join: (_docId, peer) => peers.add(peer),
    leave: (_docId, peer) => peers.delete(peer),
    broadcast: (_docId, message, except) => {
      const to: string[] = []
      broadcasting = true
      for (const peer of peers) {
        const skip = except instanceof Set ? except.has(peer) : peer === except
        if (!skip) {
          peer.send(message)
          to.push((peer as RoomConnection).id)
        }
      }
      broadcasting = false
      events.push({ kind: 'broadcast', to })
    },
  }
  const failures: unknown[] = []
  const hooks: RoomHooks = { onAppended: () => {}, onStorageFailure: (_room, err) => failures.push(err), onEmpty: () => {} }
  const room = new Room('doc-1', { doc: new Y.Doc(), lastSeq: 0, logLength: 0 }, store, broadcaster, hooks, createLogger('silent'))
  return { room, events, commits, received, failures, connection, disk }
}

/** A text edit made by a separate client, as the bytes it would send. */
function editBy(clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  let update: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (update = u))
  doc.getText('t').insert(0, text)
  return update!
}

/** The document a client ends up with after applying every sync message it received. */
function textReceived(messages: Uint8Array[] = []): string {
  const doc = new Y.Doc()
  for (const m of messages) {
    const decoder = decoding.createDecoder(m)
    decoding.readVarUint(decoder) // message type: sync
    readSyncMessage(decoder, encoding.createEncoder(), doc, null)
  }
  return doc.getText('t').toString()
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('group commit in a room', () => {
  it('commits the updates of one turn together and broadcasts them; acknowledges them only once on disk', async () => {
    const { room, events, commits, received, connection, disk } = fixture()
    const [a, b, c] = ['a', 'b', 'c'].map(connection)
    for (const conn of [a, b, c]) room.addConnection(conn)

    Y.applyUpdate(room.doc, editBy(1, 'one '), a)
    room.whenStored(() => events.push({ kind: 'ack', of: 'a' }))
    Y.applyUpdate(room.doc, editBy(2, 'two '), b)
    room.whenStored(() => events.push({ kind: 'ack', of: 'b' }))
    // Nothing has left the room yet.
    expect(events).toEqual([])
    expect(received.size).toBe(0)

    await nextTurn()
    expect(commits).toHaveLength(1)
    expect(commits[0].map((e) => e.attribution?.userId)).toEqual(['user-a', 'user-b'])
    // One commit, then one merged message for the others; each author gets the other's edit. Not on disk yet: no acks.
    expect(events).toEqual([
      { kind: 'commit', updates: 2 },
      { kind: 'broadcast', to: ['c'] },
      { kind: 'send', to: 'a' },
      { kind: 'send', to: 'b' },
    ])
    expect(received.get('c')).toHaveLength(1)
    expect(textReceived(received.get('c')).split(' ').sort()).toEqual(['', 'one', 'two'])
    expect(textReceived(received.get('a'))).toBe('two ')
    expect(textReceived(received.get('b'))).toBe('one ')
    disk.sync()
    await nextTurn()
    expect(events.slice(4)).toEqual([{ kind: 'durable' }, { kind: 'ack', of: 'a' }, { kind: 'ack', of: 'b' }])
  })

  it('hands the acknowledgements the state vector stored with their commit, not what came later', async () => {
    const { room, connection, disk } = fixture()
    const a = connection('a')
    room.addConnection(a)
    const stored: Uint8Array[] = []
    Y.applyUpdate(room.doc, editBy(1, 'first'), a)
    room.whenStored((sv) => stored.push(sv))
    await nextTurn()
    Y.applyUpdate(room.doc, editBy(2, 'later'), a) // applied, not committed, before the disk answers
    disk.sync()
    await Promise.resolve()
    expect(stored).toHaveLength(1)
    expect([...Y.decodeStateVector(stored[0])]).toEqual([[1, 5]])
  })

  it('commits and broadcasts at once before the doc is read to be sent (flush), and syncs too when asked', async () => {
    const { room, events, connection } = fixture()
    const [a, b] = ['a', 'b'].map(connection)
    room.addConnection(a)
    room.addConnection(b)
    Y.applyUpdate(room.doc, editBy(1, 'x'), a)
    room.whenStored(() => events.push({ kind: 'ack', of: 'x' }))
    expect(room.flush()).toBe(true)
    expect(events).toEqual([{ kind: 'commit', updates: 1 }, { kind: 'broadcast', to: ['b'] }])
    Y.applyUpdate(room.doc, editBy(2, 'y'), a)
    room.whenStored(() => events.push({ kind: 'ack', of: 'y' }))
    expect(room.flush({ durable: true })).toBe(true)
    expect(events.slice(2)).toEqual([
      { kind: 'commit', updates: 1 },
      { kind: 'broadcast', to: ['b'] },
      { kind: 'durable' },
      { kind: 'ack', of: 'x' },
      { kind: 'ack', of: 'y' },
    ])
    // The syncs started for the commits complete later: nothing is acknowledged twice.
    await nextTurn()
    expect(events.filter((e) => e.kind === 'ack')).toHaveLength(2)
  })

  it('acknowledges batches in commit order as the disk catches up', async () => {
    const { room, events, connection, disk } = fixture()
    const [a, b] = ['a', 'b'].map(connection)
    room.addConnection(a)
    room.addConnection(b)
    Y.applyUpdate(room.doc, editBy(1, 'one'), a)
    room.whenStored(() => events.push({ kind: 'ack', of: 'one' }))
    await nextTurn()
    Y.applyUpdate(room.doc, editBy(2, 'two'), a)
    room.whenStored(() => events.push({ kind: 'ack', of: 'two' }))
    await nextTurn()
    expect(events).toEqual([
      { kind: 'commit', updates: 1 },
      { kind: 'broadcast', to: ['b'] },
      { kind: 'commit', updates: 1 },
      { kind: 'broadcast', to: ['b'] },
    ])
    disk.sync()
    await nextTurn()
    expect(events.slice(4)).toEqual([{ kind: 'durable' }, { kind: 'ack', of: 'one' }, { kind: 'ack', of: 'two' }])
  })

  it('acknowledges nothing when the disk sync fails, and the room goes down', async () => {
    const { room, events, failures, connection, disk } = fixture()
    const [a, b] = ['a', 'b'].map(connection)
    room.addConnection(a)
    room.addConnection(b)
    Y.applyUpdate(room.doc, editBy(1, 'unsynced'), a)
    room.whenStored(() => events.push({ kind: 'ack', of: 'a' }))
    await nextTurn()
    disk.fail()
    await nextTurn()
    expect(failures).toHaveLength(1)
    expect(room.failed).toBe(true)
    expect(events).toEqual([{ kind: 'commit', updates: 1 }, { kind: 'broadcast', to: ['b'] }])
  })

  it('broadcasts and acknowledges nothing when the commit fails', async () => {
    const { room, events, received, failures, connection } = fixture({ failCommit: true })
    const [a, b] = ['a', 'b'].map(connection)
    room.addConnection(a)
    room.addConnection(b)
    Y.applyUpdate(room.doc, editBy(1, 'lost'), a)
    room.whenStored(() => events.push({ kind: 'ack', of: 'a' }))
    await nextTurn()
    expect(failures).toHaveLength(1)
    expect(room.failed).toBe(true)
    expect(events).toEqual([])
    expect(received.size).toBe(0)
  })
})
