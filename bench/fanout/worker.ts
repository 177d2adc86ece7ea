/**
 * A load-generator process of the fan-out benchmark: holds a share of the N clients, makes
 * some of them write (one character per edit plus a marker `~bench~writer:seq:sent-at~` in
 * the 'bench' array, in one transaction), and records, for every other client, when each edit
 * arrived. Writers and a few receivers are full clients (stock provider + Y.Doc); the others
 * are protocol-level receivers (lib/lightClient.ts). Clocks: CLOCK_MONOTONIC, the same in
 * every process of the machine.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import { connect, type BenchClient, type ClientSpec } from '../lib/clients'
import { connectLight, marker, parseMarker, type LightClient } from '../lib/lightClient'
import { clauseTexts, contentDigest, law, loadLaw, textLength } from '../lib/law'
import { monotonicMs, resolvesWithin, until } from '../lib/stats'
import { recordGcPauses } from '../lib/gcPauses'
import { editKey } from './tail'
import { insertedEntries } from './insertedEntries'
import type { CollectResult, WorkerReply, WorkerRequest, WriterSpec } from './protocol'

interface Tracked {
  /** A full client (null for a protocol-level receiver). */
  client: BenchClient | null
  light: LightClient | null
  /** writerId → number of times each seq arrived (index = seq). */
  counts: Map<number, Uint16Array>
  /** The writer this client is, if any (its own edits are not "received"). */
  writerId: number | null
}

// Every y-websocket provider adds a process 'exit' listener; a worker holds many of them.
process.setMaxListeners(0)

const clients: Tracked[] = []
let samples: number[] = []
/** The edit of each sample (editKey), for the tail's anatomy. */
let sampleEdits: number[] = []
/** When the edit of each sample was sent. */
let sampleSent: number[] = []
const gcPauses = recordGcPauses()
let received = 0
let measureWindow = { start: Infinity, end: -Infinity }
const eld = monitorEventLoopDelay({ resolution: 5 })
eld.enable()
const timers = new Set<NodeJS.Timeout>()
let writing = false
const sent: Record<number, number> = {}

function record(tracked: Tracked, writerId: number, seq: number, sentAt: number, now: number): void {
  let counts = tracked.counts.get(writerId)
  if (!counts || counts.length <= seq) {
    const grown = new Uint16Array(Math.max(64, seq * 2))
    if (counts) grown.set(counts)
    tracked.counts.set(writerId, (counts = grown))
  }
  counts[seq]++
  received++
  if (sentAt >= measureWindow.start && sentAt < measureWindow.end) {
    samples.push(now - sentAt)
    sampleEdits.push(editKey(writerId, seq))
    sampleSent.push(sentAt)
  }
}

function track(client: BenchClient): Tracked {
  const tracked: Tracked = { client, light: null, counts: new Map(), writerId: null }
  const events = client.ydoc.getArray<string>('bench')
  events.observe((_event, transaction) => {
    if (transaction.local) return
    const now = monotonicMs()
    for (const text of insertedEntries(events, transaction)) {
      const parsed = parseMarker(text)
      if (parsed) record(tracked, parsed[0], parsed[1], parsed[2], now)
    }
  })
  return tracked
}

function trackLight(spec: ClientSpec): Tracked {
  const tracked: Tracked = { client: null, light: null, counts: new Map(), writerId: null }
  tracked.light = connectLight(spec, (writerId, seq, sentAt) => record(tracked, writerId, seq, sentAt, monotonicMs()))
  return tracked
}

const syncedOf = (t: Tracked) => (t.client ? t.client.synced : t.light!.synced)

/** Opens `count` clients, the first `full` of them full ones, each waited for until it has the document. */
async function open(spec: ClientSpec, count: number, full: number, expectTopLevel: number, parallel: number, timeoutMs: number, ignoreOthers: boolean): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, (_, j) => (i + j < full ? track(connect(spec, { ignoreOthers })) : trackLight(spec)))
    clients.push(...batch)
    for (const t of batch) {
      const synced = await resolvesWithin(syncedOf(t), Math.max(0, deadline - Date.now()))
      const complete = synced && (!t.client || (await until(() => textLength(t.client!.ydoc) === expectTopLevel, Math.max(0, deadline - Date.now()))))
      if (!complete) throw new Error(`client ${clients.indexOf(t)} did not receive the document in time`)
    }
  }
  return clients.length
}

const TYPED = 'the quick brown fox jumps over the lazy dog '

function startWriter(spec: WriterSpec, ratePerSecond: number, awareness: boolean): void {
  const tracked = clients[spec.client]
  if (!tracked.client) throw new Error(`writer ${spec.writerId}: client ${spec.client} is not a full client`)
  tracked.writerId = spec.writerId
  const { ydoc, awareness: clientAwareness } = tracked.client
  const text = clauseTexts(ydoc)[spec.clause]
  if (!text) throw new Error(`no clause #${spec.clause}`)
  const events = ydoc.getArray<string>('bench')
  let cursor = Math.min(20, text.length)
  let seq = 0
  sent[spec.writerId] = 0
  const interval = 1000 / ratePerSecond
  const start = performance.now() + Math.random() * interval
  const tick = () => {
    if (!writing) return
    seq++
    ydoc.transact(() => {
      text.insert(cursor, TYPED[seq % TYPED.length])
      events.push([marker(spec.writerId, seq, monotonicMs())])
    })
    cursor++
    sent[spec.writerId] = seq
    if (awareness) {
      // Anchored to the character before it, as y-tiptap anchors an editor's caret: it changes with every key.
      const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, cursor, -1))
      clientAwareness.setLocalStateField('cursor', { anchor: pos, head: pos })
    }
    schedule(start + seq * interval)
  }
  const schedule = (at: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      tick()
    }, Math.max(0, at - performance.now()))
    timers.add(timer)
  }
  schedule(start)
}

function complete(expected: Record<number, number>): { missing: number; duplicates: number } {
  let missing = 0
  let duplicates = 0
  for (const t of clients) {
    for (const [id, count] of Object.entries(expected)) {
      const writerId = Number(id)
      if (t.writerId === writerId) continue
      const counts = t.counts.get(writerId)
      for (let seq = 1; seq <= count; seq++) {
        const n = counts && seq < counts.length ? counts[seq] : 0
        if (n === 0) missing++
        else if (n > 1) duplicates += n - 1
      }
    }
  }
  return { missing, duplicates }
}

async function collect(expected: Record<number, number>, drainMs: number): Promise<CollectResult> {
  await until(() => complete(expected).missing === 0, drainMs, 50)
  const { missing, duplicates } = complete(expected)
  const digests: Record<string, number> = {}
  for (const t of clients) {
    if (!t.client) continue
    const digest = contentDigest(t.client.ydoc)
    digests[digest] = (digests[digest] ?? 0) + 1
  }
  return {
    samples: Float64Array.from(samples),
    edits: Float64Array.from(sampleEdits),
    sentAt: Float64Array.from(sampleSent),
    gcPauses: gcPauses.since(measureWindow.start),
    received,
    missing,
    duplicates,
    digests,
  }
}

async function handle(request: WorkerRequest): Promise<Omit<Extract<WorkerReply, { ok: true }>, 'id' | 'ok'>> {
  switch (request.cmd) {
    case 'load': {
      const started = performance.now()
      const client = connect(request.spec)
      clients.push(track(client))
      await client.synced
      loadLaw(client.ydoc, law(request.articles))
      return { opened: clients.length, ms: performance.now() - started }
    }
    case 'open': {
      const started = performance.now()
      const opened = await open(request.spec, request.count, request.full ?? request.count, request.expectTopLevel, request.parallel, request.timeoutMs, request.ignoreOthers ?? false)
      return { opened, ms: performance.now() - started }
    }
    case 'openEach': {
      const started = performance.now()
      const deadline = Date.now() + request.timeoutMs
      for (let i = 0; i < request.specs.length; i += request.parallel) {
        const batch = request.specs.slice(i, i + request.parallel).map((spec) => track(connect(spec)))
        clients.push(...batch)
        const synced = await resolvesWithin(Promise.all(batch.map(syncedOf)), Math.max(0, deadline - Date.now()))
        if (!synced) throw new Error('openEach: documents did not sync in time')
      }
      return { opened: clients.length, ms: performance.now() - started }
    }
    case 'write':
      // Setup's garbage (every client's copy of the document) collected now, not in the window.
      ;(globalThis as { gc?: () => void }).gc?.()
      writing = true
      for (const w of request.writers) startWriter(w, request.ratePerSecond, request.awareness)
      return {}
    case 'window':
      measureWindow = { start: request.start, end: request.end }
      samples = []
      sampleEdits = []
      sampleSent = []
      eld.reset()
      return {}
    case 'stopWriting':
      writing = false
      for (const t of timers) clearTimeout(t)
      timers.clear()
      return { sent: { ...sent } }
    case 'collect':
      return { collect: await collect(request.expected, request.drainMs) }
    case 'usage': {
      const cpu = process.cpuUsage()
      return { usage: { cpuMicros: cpu.user + cpu.system, eldP99: eld.percentile(99) / 1e6, eldMax: eld.max / 1e6 } }
    }
    case 'close':
      writing = false
      for (const t of timers) clearTimeout(t)
      timers.clear()
      // Nothing of this run may leak into the next one.
      for (const id of Object.keys(sent)) delete sent[Number(id)]
      samples = []
      sampleEdits = []
      sampleSent = []
      received = 0
      measureWindow = { start: Infinity, end: -Infinity }
      for (const t of clients.splice(0)) {
        t.client?.destroy()
        t.light?.destroy()
      }
      return {}
  }
}

process.on('message', (message: WorkerRequest & { id: number }) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, ok: true, ...result } satisfies WorkerReply),
    (err: unknown) => process.send?.({ id: message.id, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies WorkerReply),
  )
})
process.on('disconnect', () => process.exit(0))
