import type { ExportFormat } from '../../shared/api'
import type { Language } from '../../shared/language'
import type { ExportMeta } from '../../shared/export/meta'
import type { ImportStats } from '../../shared/import/types'
import type { ImportFileKind } from '../../shared/import/fileKind'
import type { Rooms } from '../collab/rooms'
import type { Db } from '../db/connection'
import type { AccessRepo } from '../db/accessRepo'
import type { DocumentRecord, DocumentsRepo } from '../db/documentsRepo'
import type { Logger } from '../logger'
import type { DocumentStore } from '../storage/documentStore'
import type { AgreementRepo } from '../db/agreementRepo'
import type { CommentsRepo } from '../db/commentsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UsersRepo } from '../db/usersRepo'
import type { VersionsRepo } from '../db/versionsRepo'
import type { ExportAppendix } from '../../shared/export/positions'
import { FORMAT_FILES } from '../export/formats'
import { contentDisposition, type DownloadFile } from '../export/filename'
import type { PdfConverter } from '../export/pdf'
import { pdfUnavailable } from '../export/pdf'
import { ErrorCode } from '../../shared/api'
import { CURRENT } from '../../shared/apiConstants'
import { HttpError } from '../errors'
import type { ExportWorkers } from '../export/workers'
import type { TaskResult } from '../export/task'
import { agreementStatusOf, positionsForExport } from './agreement'
import { ReviewThreads, type Viewer } from './comments'
import { createDocumentWithState } from './documents'
import { ImportedThreads } from './importedThreads'
import type { WordCommentThread } from '../../shared/import/wordComments'
import type { TrackedChanges } from '../../shared/import/types'
import { resolveExportText, type ExportVersionRef } from './exportSource'

export interface ExportsDeps {
  db: Db
  documents: DocumentsRepo
  access: AccessRepo
  store: DocumentStore
  rooms: Rooms
  workers: ExportWorkers
  pdf: PdfConverter
  log: Logger
  versionsRepo: VersionsRepo
  agreements: AgreementRepo
  organizations: OrganizationsRepo
  users: UsersRepo
  comments: CommentsRepo
}

export interface ExportOptions {
  /** Append the organizations' positions (a proposed or agreed version; ignored otherwise and by Akoma Ntoso). */
  positions?: boolean
  /**
   * Append the review threads open now, per article, for this viewer (ignored by Akoma Ntoso).
   * A version's export carries the threads open now too (thread history is not kept per
   * version); their articles are labelled by the version's numbering, and threads on articles
   * the version does not have are grouped at the end.
   */
  comments?: Viewer
}

export interface Imported {
  record: DocumentRecord
  stats: ImportStats
  warnings: string[]
}

const importTooLarge = () => new HttpError(413, ErrorCode.payloadTooLarge, 'the file is too large or complex to import')

/** A task that took its worker past its memory (TaskTooHeavy, server/export/workers.ts) as the error `answer` makes. */
function tooHeavy(answer: () => HttpError): (err: unknown) => never {
  return (err) => {
    throw err instanceof Error && err.name === 'TaskTooHeavy' ? answer() : err
  }
}

/**
 * Exports of a draft and imports of new drafts. The text is resolved here (which version, which
 * status for the cover, which organizations take part), the CPU work runs in the worker pool,
 * and PDF goes through LibreOffice from the DOCX.
 */
export class Exports {
  private readonly threads: ReviewThreads

  constructor(private readonly deps: ExportsDeps) {
    this.threads = new ReviewThreads(deps)
  }

  /**
   * What the cover says: title, language, version, status (from agreementStatusOf), date (the
   * agreement's for an agreed version, else the day of export) and the participating
   * organizations (the required ones for a proposed or agreed version, else those with access).
   */
  meta(doc: DocumentRecord, version: ExportVersionRef, now = new Date()): ExportMeta {
    const agreement = agreementStatusOf(this.deps, doc.id, version)
    const organizations = agreement.organizations ?? this.deps.access.organizationsByDocument(doc.id).get(doc.id) ?? []
    return {
      title: doc.title,
      language: doc.language,
      version: version.kind === 'version' ? { name: version.name, createdAt: version.createdAt } : undefined,
      status: agreement.status,
      date: agreement.agreedAt ?? now.toISOString(),
      organizations: organizations.map((o) => ({ name: o.name, shortName: o.shortName })),
      documentId: doc.id,
      work: this.workOf(doc),
    }
  }

  /** The original draft when `doc` has language versions, else `doc` itself (see ExportMeta.work). */
  private workOf(doc: DocumentRecord): ExportMeta['work'] {
    const workId = this.deps.documents.workOf(doc.id)
    const original = (workId && this.deps.documents.inWork(workId)[0]) || doc
    return { id: workId ?? doc.id, title: original.title, createdAt: original.createdAt }
  }

  async exportDocument(doc: DocumentRecord, format: ExportFormat, version: string, options: ExportOptions = {}): Promise<DownloadFile & { body: Uint8Array }> {
    if (format === 'pdf' && !this.deps.pdf.available) throw pdfUnavailable()
    const started = performance.now()
    const text = resolveExportText(this.deps, doc.id, version)
    const meta = this.meta(doc, text.version)
    const appendix: ExportAppendix = {}
    if (options.positions && format !== 'akn') appendix.positions = positionsForExport(this.deps, doc.id, text.version)
    if (options.comments && format !== 'akn') {
      appendix.comments = { generatedAt: new Date().toISOString(), threads: this.threads.reportThreads(options.comments, doc, 'open') }
    }
    const result = await this.deps.workers
      .run({ kind: 'export', format: format === 'pdf' ? 'docx' : format, source: text.source, meta, appendix })
      .catch(tooHeavy(() => new HttpError(422, ErrorCode.exportTooLarge, 'the draft is too large or complex to prepare in this format')))
    if (result.kind !== 'export') throw new Error('the export worker answered with an import')
    const bytes = format === 'pdf' ? await this.deps.pdf.convert(result.bytes) : result.bytes
    this.deps.log.info('document exported', { docId: doc.id, format, version, positions: !!appendix.positions, comments: appendix.comments?.threads.length, bytes: bytes.byteLength, ms: Math.round(performance.now() - started) })
    const file = FORMAT_FILES[format]
    return { body: bytes, contentType: file.contentType, disposition: contentDisposition(doc.title, file.extension) }
  }

  /**
   * The current text of `docId` encoded afresh as a new draft's, ids and all, in a worker: a
   * whole-document job kept off the event loop (~30–140 ms for a 300-article law).
   */
  async encodedCopy(docId: string): Promise<Uint8Array> {
    const { source } = resolveExportText(this.deps, docId, CURRENT)
    const result = await this.deps.workers
      .run({ kind: 'copyDoc', source })
      .catch(tooHeavy(() => new HttpError(422, ErrorCode.exportTooLarge, `document ${docId} is too large or complex to copy`)))
    if (result.kind !== 'import') throw new Error('the worker answered a copy with an export')
    return result.state
  }

  /** A tree parsed and previewed in the browser: validated and encoded in a worker, then stored. */
  async importTree(creatorId: string, input: { title: string; language: Language; doc: unknown; wordComments?: WordCommentThread[] }): Promise<Imported> {
    const task = { kind: 'importDoc', doc: input.doc, title: input.title, language: input.language, wordComments: input.wordComments } as const
    const result = await this.deps.workers.run(task).catch(tooHeavy(importTooLarge))
    return this.store(creatorId, result, input.title, input.language)
  }

  /** A file sent as it is (API clients): parsed, validated and encoded in a worker, then stored. */
  async importFile(
    creatorId: string,
    type: ImportFileKind,
    bytes: Uint8Array,
    options: { title?: string; language?: Language; trackedChanges?: TrackedChanges },
  ): Promise<Imported> {
    const task = { kind: 'importFile', type, bytes, language: options.language, title: options.title, trackedChanges: options.trackedChanges } as const
    const result = await this.deps.workers.run(task).catch(tooHeavy(importTooLarge))
    if (result.kind !== 'import') throw new Error('the import worker answered with an export')
    const title = options.title ?? (result.title.slice(0, 300) || 'Imported draft')
    return this.store(creatorId, result, title, options.language ?? result.language ?? 'en')
  }

  private store(creatorId: string, result: TaskResult, title: string, language: Language): Imported {
    if (result.kind !== 'import') throw new Error('the import worker answered with an export')
    const importer = this.deps.users.get(creatorId)
    if (!importer) throw new Error(`importer ${creatorId} not found`)
    const record = this.deps.db.transaction(() => {
      const created = createDocumentWithState(this.deps, { title, language }, result.state, creatorId)
      new ImportedThreads(this.deps.comments, created.id, importer).threads(result.threads)
      return created
    })()
    this.deps.log.info('document imported', { docId: record.id, by: creatorId, articles: result.stats.articles, bytes: result.state.byteLength, wordComments: result.threads.length })
    return { record, stats: result.stats, warnings: result.warnings }
  }
}
