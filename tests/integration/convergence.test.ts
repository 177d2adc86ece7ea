import * as Y from 'yjs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeDocJSON } from '../../shared/ydoc'
import type { DocJSON } from '../../shared/schema'
import { applyUpdateAndRepair } from '../../server/collab/duplicateIds'
import { encodeIntegratedState } from '../../server/collab/integrated'
import { fixtureLaw } from '../helpers/editorState'
import { EDIT_KINDS, HeadlessEditor, randomEdit, type EditKind } from '../helpers/headlessEditor'
import { moveStructural } from '../../shared/editor/commands'
import { legalTextProblems } from '../helpers/legalChecks'
import { createRng, seedFrom } from '../helpers/random'
import { startTestServer, type TestServer } from '../helpers/server'
import { bindAccount, createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, isSaved, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

/**
 * Convergence: random sequences of typing, deleting characters and structure commands (insert,
 * move and delete articles, chapters, blocks, Enter, Tab) by 4 editors, with their messages
 * delivered in random interleavings and their connections dropped and restored, always end with
 * every replica holding the same document: schema-valid, numbered without gaps, every stable id
 * present and unique. Each editor is the real ProseMirror state and commands bound to Yjs as
 * @tiptap/y-tiptap binds them (tests/helpers/headlessEditor.ts).
 *
 * Many runs simulate the network in memory around a hub doing exactly what the server does with
 * an update (applyUpdateAndRepair); a few run against the real server with stock providers.
 * Replay with PROPERTY_SEED=<seed>.
 */

const CLIENTS = 4
const MEMORY_RUNS = Number(process.env.PROPERTY_RUNS ?? 300)
const SERVER_RUNS = Number(process.env.PROPERTY_SERVER_RUNS ?? 8)

type Action =
  | { kind: 'edit'; client: number; edit: EditKind; seed: number }
  | { kind: 'deliver'; client: number; toServer: boolean; count: number }
  | { kind: 'disconnect'; client: number }
  | { kind: 'reconnect'; client: number }

const clientIndex = fc.integer({ min: 0, max: CLIENTS - 1 })
const editAction = fc.record({ kind: fc.constant('edit' as const), client: clientIndex, edit: fc.constantFrom(...EDIT_KINDS), seed: fc.nat() })
const actions = (maxLength: number) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: editAction },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), client: clientIndex, toServer: fc.boolean(), count: fc.integer({ min: 1, max: 4 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), client: clientIndex }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), client: clientIndex }) },
    ),
    { minLength: 20, maxLength, size: 'max' },
  )

/** Counts of what the runs did, for the report. */
const stats = { runs: 0, edits: 0, structural: 0, disconnects: 0 }

function initialState(): Uint8Array {
  const doc = new Y.Doc()
  writeDocJSON(doc, fixtureLaw(true))
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

function applyEdit(editor: HeadlessEditor, action: Extract<Action, { kind: 'edit' }>, n: number): void {
  if (randomEdit(editor, action.edit, createRng(action.seed), `w${n} `)) {
    stats.edits++
    if (action.edit !== 'type' && action.edit !== 'erase') stats.structural++
  }
}

/** Every replica equal and sound; the problems, if any, as one message. */
function expectConverged(docs: Y.Doc[], where: string): DocJSON {
  const results = docs.map((d) => legalTextProblems(d))
  const first = JSON.stringify(results[0].json)
  results.forEach((r, i) => expect(JSON.stringify(r.json), `${where}: replica ${i} differs from replica 0`).toBe(first))
  expect(results[0].problems, where).toEqual([])
  return results[0].json
}

// ---- In memory: a hub that treats updates exactly as the server does ----

interface SimClient {
  doc: Y.Doc
  editor: HeadlessEditor
  connected: boolean
  outbox: Uint8Array[]
  inbox: Uint8Array[]
}

const REMOTE = Symbol('remote')

function simulate(list: Action[]): void {
  stats.runs++
  const hub = new Y.Doc()
  Y.applyUpdate(hub, initialState())
  const clients: SimClient[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(hub), REMOTE)
    const client: SimClient = { doc, editor: new HeadlessEditor(doc), connected: true, outbox: [], inbox: [] }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && client.connected) client.outbox.push(update)
    })
    clients.push(client)
  }
  // The hub's changes (clients' updates and its own id repairs) go to every other connected client.
  hub.on('update', (update: Uint8Array, origin: unknown) => {
    clients.forEach((c, i) => {
      if (c.connected && origin !== i) c.inbox.push(update)
    })
  })
  const toHub = (i: number, n: number) => {
    for (const update of clients[i].outbox.splice(0, n)) {
      applyUpdateAndRepair(hub, update, i, () => true)
    }
  }
  const toClient = (i: number, n: number) => {
    for (const update of clients[i].inbox.splice(0, n)) Y.applyUpdate(clients[i].doc, update, REMOTE)
  }
  const reconnect = (i: number) => {
    const c = clients[i]
    if (c.connected) return
    c.connected = true
    // The sync handshake: each side sends what the other lacks.
    c.inbox.push(encodeIntegratedState(hub, Y.encodeStateVector(c.doc)))
    c.outbox.push(Y.encodeStateAsUpdate(c.doc, Y.encodeStateVector(hub)))
  }

  try {
    list.forEach((action, n) => {
      const c = clients[action.client]
      switch (action.kind) {
        case 'edit':
          applyEdit(c.editor, action, n)
          break
        case 'deliver':
          if (action.toServer) toHub(action.client, action.count)
          else toClient(action.client, action.count)
          break
        case 'disconnect':
          if (!c.connected) break
          stats.disconnects++
          c.connected = false
          c.outbox = [] // in flight: lost with the connection
          c.inbox = []
          break
        case 'reconnect':
          reconnect(action.client)
          break
      }
    })
    // Everyone back, every message delivered, until nothing moves.
    clients.forEach((_c, i) => reconnect(i))
    for (let round = 0; clients.some((c) => c.outbox.length || c.inbox.length); round++) {
      if (round > 100) throw new Error('messages still moving after 100 rounds')
      clients.forEach((c, i) => {
        toHub(i, c.outbox.length)
        toClient(i, c.inbox.length)
      })
    }
    expectConverged([hub, ...clients.map((c) => c.doc)], 'in memory')
  } finally {
    hub.destroy()
    clients.forEach((c) => c.doc.destroy())
  }
}

describe('convergence of concurrent editing', () => {
  const seed = seedFrom('PROPERTY_SEED')
  let server: TestServer
  let owner: Account

  beforeAll(async () => {
    console.log(`convergence: PROPERTY_SEED=${seed}`)
    server = await startTestServer()
    owner = await setupAdmin(server.url)
  })
  afterAll(async () => {
    console.log(`convergence: ${stats.runs} runs, ${stats.edits} edits applied (${stats.structural} structural), ${stats.disconnects} disconnects (PROPERTY_SEED=${seed})`)
    await server?.close()
  })

  it(`${MEMORY_RUNS} random runs of 4 editors, messages in random order: identical, valid, unique ids`, { timeout: 120_000 }, () => {
    fc.assert(fc.property(actions(80), simulate), { seed, numRuns: MEMORY_RUNS })
  })

  it('two editors moving the same article at once leave one copy with the id; the server renames the other', () => {
    // The case the property found first: y-prosemirror moves an article by deleting it and
    // inserting a copy, so two concurrent moves leave two copies with the same ids.
    simulate([
      { kind: 'edit', client: 0, edit: 'moveDown', seed: 0 },
      { kind: 'deliver', client: 0, toServer: false, count: 1 },
      { kind: 'edit', client: 0, edit: 'type', seed: 0 },
      { kind: 'edit', client: 0, edit: 'type', seed: 0 },
      { kind: 'edit', client: 1, edit: 'moveDown', seed: 0 },
    ])
  })

  it('two editors moving the same chapter with its articles at once, offline, against the real server: the chapter once, where one move put it', async () => {
    const { id } = await createDocument(owner, { title: 'Moved twice', template: 'sample' })
    const clients = [0, 1].map(() => connectClient(server.wsUrl, id, { cookie: owner.cookie }))
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), 10_000)
      const editors = clients.map((c) => new HeadlessEditor(c.ydoc))
      const secondChapter = (editor: HeadlessEditor) => {
        let pos = -1
        let seen = 0
        editor.state.doc.forEach((node, offset) => {
          if (node.type.name === 'chapter' && seen++ === 1) pos = offset + 1
        })
        return pos
      }
      // What one move makes, for comparison.
      const alone = new HeadlessEditor(new Y.Doc())
      Y.applyUpdate(alone.ydoc, Y.encodeStateAsUpdate(clients[0].ydoc))
      alone.select(secondChapter(alone))
      expect(alone.run(moveStructural(-1))).toBe(true)
      const expected = legalTextProblems(alone.ydoc).json

      clients.forEach((c) => c.provider.disconnect())
      for (const editor of editors) {
        editor.select(secondChapter(editor))
        expect(editor.run(moveStructural(-1))).toBe(true)
      }
      clients.forEach((c) => c.provider.connect())
      await waitFor(() => {
        expect(clients.every((c) => c.provider.synced && isSaved(c))).toBe(true)
        for (const c of clients) expect(legalTextProblems(c.ydoc).json).toEqual(expected)
      }, 15_000)
      expectConverged(clients.map((c) => c.ydoc), 'real server')
      expect(await bindAccount(server.url, owner).json<DocJSON>(`/api/documents/${id}/content`)).toEqual(expected)
    } finally {
      clients.forEach((c) => c.destroy())
    }
  })

  it(`${SERVER_RUNS} random runs of 4 editors on stock providers against the real server`, { timeout: 120_000 }, async () => {
    const serverAction = fc.oneof(
      { weight: 8, arbitrary: editAction },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 30 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), client: clientIndex }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), client: clientIndex }) },
    )
    await fc.assert(
      fc.asyncProperty(fc.array(serverAction, { minLength: 20, maxLength: 60, size: 'max' }), async (list) => {
        stats.runs++
        const { id } = await createDocument(owner, { title: 'Converging', template: 'sample' })
        const clients: TestClient[] = []
        try {
          for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(server.wsUrl, id, { cookie: owner.cookie }))
          await waitFor(() => clients.every((c) => c.provider.synced), 10_000)
          const editors = clients.map((c) => new HeadlessEditor(c.ydoc))
          for (const [n, action] of list.entries()) {
            if (action.kind === 'edit') applyEdit(editors[action.client], action, n)
            else if (action.kind === 'pause') await new Promise((r) => setTimeout(r, action.ms))
            else if (action.kind === 'disconnect' && clients[action.client].provider.shouldConnect) {
              stats.disconnects++
              clients[action.client].provider.disconnect()
            } else if (action.kind === 'reconnect') clients[action.client].provider.connect()
          }
          clients.forEach((c) => c.provider.connect())
          await waitFor(() => {
            expect(clients.every((c) => c.provider.synced && isSaved(c))).toBe(true)
            const first = JSON.stringify(legalTextProblems(clients[0].ydoc).json)
            for (const c of clients) expect(JSON.stringify(legalTextProblems(c.ydoc).json)).toBe(first)
          }, 15_000)
          const json = expectConverged(clients.map((c) => c.ydoc), 'real server')
          expect(await bindAccount(server.url, owner).json<DocJSON>(`/api/documents/${id}/content`)).toEqual(json)
        } finally {
          clients.forEach((c) => c.destroy())
        }
      }),
      { seed, numRuns: SERVER_RUNS },
    )
  })
})
