import type { DocumentSummary } from '../../shared/api'
import type { Language } from '../../shared/language'
import type { Db } from './connection'

interface DocumentRow {
  id: string
  title: string
  language: Language
  created_at: string
  updated_at: string
}

function toSummary(row: DocumentRow): DocumentSummary {
  return { id: row.id, title: row.title, language: row.language, createdAt: row.created_at, updatedAt: row.updated_at }
}

/** The `documents` table: metadata only; the content lives in the DocumentStore. */
export class DocumentsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      list: db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id'),
      get: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents'),
      insert: db.prepare('INSERT INTO documents (id, title, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
      rename: db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?'),
      touch: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM documents WHERE id = ?'),
    }
  }

  list(): DocumentSummary[] {
    return this.stmts.list.all().map(toSummary)
  }

  get(id: string): DocumentSummary | undefined {
    const row = this.stmts.get.get(id)
    return row ? toSummary(row) : undefined
  }

  count(): number {
    return this.stmts.count.get()?.n ?? 0
  }

  create(input: { id: string; title: string; language: Language }, now = new Date().toISOString()): DocumentSummary {
    this.stmts.insert.run(input.id, input.title, input.language, now, now)
    return { id: input.id, title: input.title, language: input.language, createdAt: now, updatedAt: now }
  }

  rename(id: string, title: string, now = new Date().toISOString()): DocumentSummary | undefined {
    const changed = this.stmts.rename.run(title, now, id).changes
    return changed ? this.get(id) : undefined
  }

  touch(id: string, now = new Date().toISOString()): void {
    this.stmts.touch.run(now, id)
  }

  /** Deletes the document; its log and state go with it (ON DELETE CASCADE). */
  delete(id: string): boolean {
    return this.stmts.delete.run(id).changes > 0
  }
}
