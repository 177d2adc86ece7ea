import { deflateSync, inflateSync } from 'node:zlib'
import { ErrorCode, type AutoVersionReason, type RestoreResult, type VersionDetail, type VersionSummary } from '../../shared/api'
import { newId } from '../../shared/ids'
import { TEXT_FIELD } from '../../shared/protocol'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { docJSONOf } from '../../shared/ydoc'
import { rewriteText } from '../../shared/collab/rewriteText'
import type { DocumentRecord, DocumentsRepo } from '../db/documentsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UsersRepo } from '../db/usersRepo'
import type { VersionRow, VersionsRepo } from '../db/versionsRepo'
import { restoreOrigin, type Author } from '../collab/origins'
import type { Room } from '../collab/room'
import { encodeIntegratedState } from '../collab/integrated'
import { ShuttingDown, type RoomListener, type Rooms } from '../collab/rooms'
import { HttpError } from '../errors'
import type { Logger } from '../logger'
import { StorageError } from '../storage/documentStore'
import { onceEach } from './lookups'

export interface VersionsDeps {
  repo: VersionsRepo
  documents: DocumentsRepo
  users: UsersRepo
  organizations: OrganizationsRepo
  rooms: Rooms
  log: Logger
  /** An automatic checkpoint is taken after this long of editing since the last version (default: an hour). */
  autoVersionIntervalMs: number
}

/** A version as it is about to be stored: what the caller says, the rest is captured here. */
interface VersionInput {
  name: string
  note: string
  kind: VersionRow['kind']
  reason: AutoVersionReason | null
  restoredFrom?: string | null
  author: Author | null
}

/** How many parsed version texts are kept in memory (comparisons and downloads reread them). */
const CONTENT_CACHE_SIZE = 16

/** zlib level 1: about a quarter of the raw size, at a fifth of the default level's time (bench/versions.ts). */
export const DEFLATE = { level: 1 } as const

export const versionNotFound = () => new HttpError(404, ErrorCode.versionNotFound, 'no such version')

/**
 * Named versions and automatic checkpoints of documents.
 *
 * Saving is one state encode, one JSON serialisation of the same state, a fast deflate of each and
 * one insert. A version keeps the full Yjs state at that moment (a self-contained update,
 * unaffected by later garbage collection of the live document) and the canonical document JSON
 * that comparisons, the read-only view and restores use. Its `seq` is the update-log position it covers: the
 * document has changed since the latest version iff its log went past that seq.
 *
 * Automatic checkpoints: when the last connection leaves a room, and after an hour of editing
 * since the last version (checked as updates are stored), each only if something changed, and
 * always deferred off the update path. A restore first takes a "before restore" checkpoint.
 */
export class Versions implements RoomListener {
  private readonly contentCache = new Map<string, DocJSON>()
  /** Per document: when the first update not covered by a version was stored. */
  private readonly dirtySince = new Map<string, number>()
  /** Per document: the version whose text it holds since a restore, and the seq that restore reached. */
  private readonly restoredTo = new Map<string, { seq: number; versionId: string }>()

  constructor(private readonly deps: VersionsDeps) {}

  list(docId: string): VersionSummary[] {
    const present = this.presenter()
    return this.deps.repo.list(docId).map(present)
  }

  summary(docId: string, versionId: string): VersionSummary {
    const row = this.deps.repo.get(docId, versionId)
    if (!row) throw versionNotFound()
    return this.presenter()(row)
  }

  detail(docId: string, versionId: string): VersionDetail {
    return { ...this.summary(docId, versionId), content: this.content(docId, versionId) }
  }

  /**
   * Whether the draft's text is no longer that of version `versionId`: nothing stored since the
   * version was saved says no at once; otherwise the two texts are compared. `currentText`: the
   * draft's text as currentText() gives it, for a caller comparing it with several versions.
   */
  textChangedSince(docId: string, versionId: string, currentText = () => this.currentText(docId)): boolean {
    const row = this.deps.repo.get(docId, versionId)
    if (!row || this.currentSeq(docId) <= row.seq) return false
    return currentText() !== JSON.stringify(this.content(docId, versionId))
  }

  /** The draft's text now, as JSON text. */
  currentText(docId: string): string {
    return this.deps.rooms.read(docId, (ydoc) => JSON.stringify(docJSONOf(ydoc)))
  }

  /** The version's document JSON (read-only: shared with the cache). */
  content(docId: string, versionId: string): DocJSON {
    const key = `${docId}/${versionId}`
    const cached = this.contentCache.get(key)
    if (cached) {
      this.contentCache.delete(key)
      this.contentCache.set(key, cached)
      return cached
    }
    const bytes = this.deps.repo.json(docId, versionId)
    if (!bytes) throw versionNotFound()
    let json: DocJSON
    try {
      json = JSON.parse(inflateSync(bytes).toString('utf8')) as DocJSON
    } catch (err) {
      throw new StorageError(`cannot read version ${versionId} of document ${docId}`, { cause: err })
    }
    this.contentCache.set(key, json)
    if (this.contentCache.size > CONTENT_CACHE_SIZE) this.contentCache.delete(this.contentCache.keys().next().value!)
    return json
  }

  /** A named version of the current text. */
  save(doc: DocumentRecord, input: { name: string; note: string }, author: Author): VersionSummary {
    const row = this.store(doc.id, { name: input.name, note: input.note, kind: 'named', reason: null, author })
    this.deps.log.info('version saved', { docId: doc.id, version: row.id, by: author.userId, bytes: row.state_bytes + row.json_bytes })
    return this.presenter()(row)
  }

  /** An automatic checkpoint, unless nothing changed since the latest version. */
  checkpoint(docId: string, reason: AutoVersionReason, author: Author | null = null, restoredFrom: string | null = null): VersionSummary | null {
    if (this.holding(docId) !== undefined) return null
    const row = this.store(docId, { name: '', note: '', kind: 'auto', reason, restoredFrom, author })
    this.deps.log.info('automatic version', { docId, version: row.id, reason })
    return this.presenter()(row)
  }

  /**
   * Makes `versionId`'s text the current text through an ordinary change to the live document:
   * stored, broadcast to everyone editing, attributed to `author` in the activity. Nothing is
   * erased: the text it replaces is kept as a "before restore" checkpoint (or already was the
   * latest version), so a restore can be compared and undone by restoring that one. Restoring
   * the text the draft already has changes nothing.
   */
  restore(doc: DocumentRecord, versionId: string, author: Author): RestoreResult {
    const restored = this.summary(doc.id, versionId)
    const content = this.content(doc.id, versionId)
    const target = docFromJSON(content)
    const room = this.acquire(doc.id)
    let changed: boolean
    let before: VersionSummary | null = null
    try {
      // Already that text: nothing to replace, nothing to keep.
      if (JSON.stringify(docJSONOf(room.doc)) === JSON.stringify(content)) return { restored, before, changed: false }
      before = this.checkpoint(doc.id, 'before-restore', author, versionId) ?? this.present(this.holding(doc.id))
      const seq = room.lastSeq
      room.doc.transact(() => {
        rewriteText(room.doc, room.doc.getXmlFragment(TEXT_FIELD), target)
      }, restoreOrigin(author, versionId))
      // A restore is rare and answered with what it stored: commit and sync it now, not next turn.
      if (!room.flush({ durable: true }) || room.failed) throw new StorageError(`cannot store the restore of document ${doc.id}`)
      changed = room.lastSeq !== seq
      if (changed) this.restoredTo.set(doc.id, { seq: room.lastSeq, versionId })
    } finally {
      this.deps.rooms.releaseUnused(room)
    }
    this.deps.log.info('version restored', { docId: doc.id, version: versionId, by: author.userId, changed })
    return { restored, before, changed }
  }

  private acquire(docId: string): Room {
    try {
      return this.deps.rooms.acquire(docId)
    } catch (err) {
      if (err instanceof ShuttingDown) throw new HttpError(503, ErrorCode.storageUnavailable, 'the server is shutting down')
      throw err
    }
  }

  // ── RoomListener: automatic checkpoints ───────────────────────────────────────────────

  onAppended(room: Room): void {
    const now = Date.now()
    const since = this.dirtySince.get(room.docId)
    if (since === undefined) {
      this.dirtySince.set(room.docId, now)
    } else if (now - since >= this.deps.autoVersionIntervalMs) {
      this.dirtySince.set(room.docId, now) // one checkpoint per interval, even while it is pending
      this.defer(room, 'hourly')
    }
  }

  onLastLeft(room: Room): void {
    this.defer(room, 'left')
  }

  /**
   * Off the update path: the checkpoint runs after the current message is handled, from the live
   * room or, if it was unloaded meanwhile, from the store (which then holds the same text).
   */
  private defer(room: Room, reason: AutoVersionReason): void {
    const { docId } = room
    setImmediate(() => {
      try {
        if (this.deps.documents.get(docId)) this.checkpoint(docId, reason)
      } catch (err) {
        this.deps.log.error('automatic version failed', { docId, reason, err })
      }
    })
  }

  // ── storage ───────────────────────────────────────────────────────────────────────────

  /**
   * The version whose text the document holds right now, if one is known: the latest version when
   * no update was stored since, or the version just restored when nothing changed after the restore.
   * A document with no version and no update since its creation holds its initial text: no
   * checkpoint is needed for it either (returned as null, unlike a changed document's undefined).
   */
  private holding(docId: string): VersionRow | null | undefined {
    const seq = this.currentSeq(docId)
    const latest = this.deps.repo.latest(docId)
    if (seq <= (latest?.seq ?? 0)) return latest ?? null
    const restored = this.restoredTo.get(docId)
    if (restored?.seq === seq) return this.deps.repo.get(docId, restored.versionId)
    return undefined
  }

  private currentSeq(docId: string): number {
    return this.deps.rooms.get(docId)?.lastSeq ?? this.deps.repo.currentSeq(docId)
  }

  private store(docId: string, input: VersionInput): VersionRow {
    // Read and insert in one synchronous step: no update can land between them.
    const seq = this.currentSeq(docId)
    const { state, json } = this.deps.rooms.read(docId, (ydoc) => ({ state: encodeIntegratedState(ydoc), json: docJSONOf(ydoc) }))
    const deflatedState = deflateSync(state, DEFLATE)
    const deflated = deflateSync(JSON.stringify(json), DEFLATE)
    const author = input.author ? this.deps.users.get(input.author.userId) : undefined
    const row: VersionRow = {
      id: newId(),
      doc_id: docId,
      name: input.name,
      note: input.note,
      kind: input.kind,
      reason: input.reason,
      restored_from: input.restoredFrom ?? null,
      created_by: input.author?.userId ?? null,
      org_id: input.author?.orgId ?? author?.organization.id ?? null,
      created_at: new Date().toISOString(),
      seq,
      state_bytes: deflatedState.byteLength,
      json_bytes: deflated.byteLength,
    }
    try {
      this.deps.repo.insert({ ...row, state: deflatedState, json: deflated })
    } catch (err) {
      throw new StorageError(`cannot store a version of document ${docId}`, { cause: err })
    }
    this.contentCache.set(`${docId}/${row.id}`, json)
    if (this.contentCache.size > CONTENT_CACHE_SIZE) this.contentCache.delete(this.contentCache.keys().next().value!)
    this.dirtySince.delete(docId)
    return row
  }

  private present(row: VersionRow | null | undefined): VersionSummary | null {
    return row ? this.presenter()(row) : null
  }

  /** Row → VersionSummary, looking each person and organization up once per call. */
  private presenter(): (row: VersionRow) => VersionSummary {
    const lookups = onceEach(this.deps.users, this.deps.organizations)
    const person = (id: string | null) => (id ? lookups.person(id) : null)
    const org = (id: string | null) => (id ? lookups.org(id) : null)
    return (row) => ({
      id: row.id,
      name: row.name,
      note: row.note,
      kind: row.kind,
      reason: row.reason,
      restoredFrom: row.restored_from,
      createdAt: row.created_at,
      author: person(row.created_by),
      organization: org(row.org_id),
      stateBytes: row.state_bytes,
      jsonBytes: row.json_bytes,
    })
  }
}
