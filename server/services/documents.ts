import type { Language } from '../../shared/language'
import { newDocumentId } from '../../shared/ids'
import { encodeDocJSON } from '../../shared/ydoc'
import { emptyLaw } from '../../shared/seed/emptyLaw'
import { sampleLaw } from '../../shared/seed/modelLaw'
import type { Db } from '../db/connection'
import type { AccessRepo } from '../db/accessRepo'
import type { DocumentRecord, DocumentsRepo } from '../db/documentsRepo'
import type { DocumentStore } from '../storage/documentStore'

export type Template = 'empty' | 'sample'

export interface NewDocument {
  title: string
  language: Language
  template: Template
}

export interface CreateDocumentDeps {
  db: Db
  documents: DocumentsRepo
  access: AccessRepo
  store: DocumentStore
}

/**
 * Creates the document row, its initial content (as the state row) and its creator's owner
 * grant in one transaction: a document never exists without content, nor (once someone made it)
 * without an owner. `creatorId` null: the seeded sample, owned by the first administrator later.
 */
export function createDocument(deps: CreateDocumentDeps, input: NewDocument, creatorId: string | null): DocumentRecord {
  const tree = input.template === 'sample' ? sampleLaw(input.language) : emptyLaw(input.title, input.language)
  return createDocumentWithState(deps, input, encodeDocJSON(tree), creatorId)
}

/** The same for content prepared elsewhere (an import encoded off the main thread): `state` is a full Yjs state. */
export function createDocumentWithState(
  deps: CreateDocumentDeps,
  input: Pick<NewDocument, 'title' | 'language'>,
  state: Uint8Array,
  creatorId: string | null,
): DocumentRecord {
  return deps.db.transaction(() => {
    const record = deps.documents.create({ id: newDocumentId(), title: input.title, language: input.language, createdBy: creatorId })
    deps.store.compact(record.id, state, 0)
    if (creatorId) deps.access.put(record.id, { type: 'user', id: creatorId }, 'owner', creatorId, record.createdAt)
    return record
  })()
}
