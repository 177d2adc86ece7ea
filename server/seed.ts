import type { Db } from './db/connection'
import type { DocumentsRepo } from './db/documentsRepo'
import type { Logger } from './logger'
import type { DocumentStore } from './storage/documentStore'
import { createDocument } from './services/documents'

export const SAMPLE_TITLE = 'Model Law On Combating Human Trafficking'

/** A fresh installation opens on something to look at: the sample law, in English. */
export function seedIfEmpty(db: Db, repo: DocumentsRepo, store: DocumentStore, log: Logger): void {
  if (repo.count() > 0) return
  const doc = createDocument(db, repo, store, { title: SAMPLE_TITLE, language: 'en', template: 'sample' })
  log.info('seeded sample document', { docId: doc.id })
}
