import type { DocumentSummary } from '../../shared/api'
import type { Language } from '../../shared/language'
import { newDocumentId } from '../../shared/ids'
import { encodeDocJSON } from '../../shared/ydoc'
import { emptyLaw } from '../../shared/seed/emptyLaw'
import { sampleLaw } from '../../shared/seed/modelLaw'
import type { Db } from '../db/connection'
import type { DocumentsRepo } from '../db/documentsRepo'
import type { DocumentStore } from '../storage/documentStore'

export type Template = 'empty' | 'sample'

export interface NewDocument {
  title: string
  language: Language
  template: Template
}

/**
 * Creates the document row and its initial content (as the state row) in one transaction:
 * a document never exists without content.
 */
export function createDocument(db: Db, repo: DocumentsRepo, store: DocumentStore, input: NewDocument): DocumentSummary {
  const tree = input.template === 'sample' ? sampleLaw(input.language) : emptyLaw(input.title, input.language)
  const state = encodeDocJSON(tree)
  return db.transaction(() => {
    const summary = repo.create({ id: newDocumentId(), title: input.title, language: input.language })
    store.compact(summary.id, state, 0)
    return summary
  })()
}
