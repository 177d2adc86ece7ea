import type { Logger } from './logger'
import type { UsersRepo } from './db/usersRepo'
import { createDocument, type CreateDocumentDeps } from './services/documents'

export const SAMPLE_TITLE = 'Model Law On Combating Human Trafficking'

/**
 * A fresh installation (no documents, no people) opens on something to look at: the sample
 * law, in English. It has no owner until the first administrator is created, who then owns it.
 */
export function seedIfEmpty(deps: CreateDocumentDeps & { users: UsersRepo }, log: Logger): void {
  if (deps.documents.count() > 0 || deps.users.count() > 0) return
  const doc = createDocument(deps, { title: SAMPLE_TITLE, language: 'en', template: 'sample' }, null)
  log.info('seeded sample document', { docId: doc.id })
}
