import type { DocumentSummary } from '../../shared/api'
import type { Language } from '../../shared/language'
import type { Db } from './connection'

interface DocumentRow {
  id: string
  title: string
  language: Language
  created_at: string
  updated_at: string
  created_by: string | null
}

/** A document's metadata; the viewer's role and the organizations are added by the presenter. */
export type DocumentRecord = Omit<DocumentSummary, 'role' | 'organizations'> & { createdBy: string | null }

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
  }
}

/**
 * A document's columns, with updated_at as of its newest logged update: group commits only
 * insert log rows, and EditSessionsRepo.fold() moves documents.updated_at on later.
 */
const COLUMNS = `d.id, d.title, d.language, d.created_at, d.created_by,
  MAX(d.updated_at, COALESCE((SELECT u.created_at FROM doc_updates u WHERE u.doc_id = d.id ORDER BY u.seq DESC LIMIT 1), '')) AS updated_at`

/** The `documents` table: metadata only; the content lives in the DocumentStore. */
export class DocumentsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      list: db.prepare<[], DocumentRow>(`SELECT ${COLUMNS} FROM documents d ORDER BY updated_at DESC, id`),
      get: db.prepare<[string], DocumentRow>(`SELECT ${COLUMNS} FROM documents d WHERE id = ?`),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents'),
      insert: db.prepare('INSERT INTO documents (id, title, language, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?)'),
      rename: db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM documents WHERE id = ?'),
      workOf: db.prepare<[string], { work_id: string | null }>('SELECT work_id FROM documents WHERE id = ?'),
      inWork: db.prepare<[string], DocumentRow>(`SELECT ${COLUMNS} FROM documents d WHERE work_id = ? ORDER BY created_at, id`),
      setWork: db.prepare('UPDATE documents SET work_id = ? WHERE id = ?'),
    }
  }

  /** The work a draft is a language version of (see migration 11), or null when it has no other language version. */
  workOf(id: string): string | null {
    return this.stmts.workOf.get(id)?.work_id ?? null
  }

  /** The language versions of a work, oldest first. */
  inWork(workId: string): DocumentRecord[] {
    return this.stmts.inWork.all(workId).map(toRecord)
  }

  setWork(id: string, workId: string): void {
    this.stmts.setWork.run(workId, id)
  }

  /** All documents, most recently changed first (callers filter by access). */
  list(): DocumentRecord[] {
    return this.stmts.list.all().map(toRecord)
  }

  get(id: string): DocumentRecord | undefined {
    const row = this.stmts.get.get(id)
    return row ? toRecord(row) : undefined
  }

  count(): number {
    return this.stmts.count.get()?.n ?? 0
  }

  create(
    input: { id: string; title: string; language: Language; createdBy: string | null },
    now = new Date().toISOString(),
  ): DocumentRecord {
    this.stmts.insert.run(input.id, input.title, input.language, now, now, input.createdBy)
    return { id: input.id, title: input.title, language: input.language, createdAt: now, updatedAt: now, createdBy: input.createdBy }
  }

  rename(id: string, title: string, now = new Date().toISOString()): DocumentRecord | undefined {
    const changed = this.stmts.rename.run(title, now, id).changes
    return changed ? this.get(id) : undefined
  }

  /** Deletes the document; its log, state, grants and activity go with it (ON DELETE CASCADE). */
  delete(id: string): boolean {
    return this.stmts.delete.run(id).changes > 0
  }
}
