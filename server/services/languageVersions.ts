import { ErrorCode, type CreateLanguageVersionInput, type LanguageVersion } from '../../shared/api'
import type { UserRecord } from '../db/usersRepo'
import type { DocumentRecord } from '../db/documentsRepo'
import type { Exports } from './exports'
import { documentNotFound, HttpError } from '../errors'
import type { Services } from './index'
import { createDocumentWithState } from './documents'

type Deps = Pick<Services, 'db' | 'documents' | 'access' | 'store' | 'documentAccess' | 'log'> & { exports: Pick<Exports, 'encodedCopy'> }

/**
 * The language versions of `doc`'s law that `user` can open, the draft itself included, in the
 * order they were made: the work's drafts (see migration 11) filtered by the viewer's access.
 */
export function languageVersionsOf(deps: Deps, user: UserRecord, doc: DocumentRecord): LanguageVersion[] {
  const work = deps.documents.workOf(doc.id)
  const drafts = work ? deps.documents.inWork(work) : [doc]
  const out: LanguageVersion[] = []
  for (const draft of drafts) {
    const role = deps.documentAccess.roleOf(user, draft.id)
    if (role) out.push({ id: draft.id, title: draft.title, language: draft.language, updatedAt: draft.updatedAt, role, original: draft.id === work })
  }
  return out
}

/**
 * A new draft in `input.language`: the source's current text with the same stable ids (so the
 * two line up article by article, shared/languageVersions.ts), made by `user` as its owner and
 * shared as the source is, so that the same organizations draft both. One per language and law:
 * another in a language the law has (its own included) is refused with 409.
 */
export async function createLanguageVersion(deps: Deps, user: UserRecord, source: DocumentRecord, input: CreateLanguageVersionInput): Promise<DocumentRecord> {
  const work = deps.documents.workOf(source.id) ?? source.id
  refuseTakenLanguage(deps, source, work, input.language)
  // Whole-document work, in a worker; whatever changed meanwhile is looked at again below.
  const state = await deps.exports.encodedCopy(source.id)
  const created = deps.db.transaction(() => {
    if (!deps.documents.get(source.id)) throw documentNotFound()
    refuseTakenLanguage(deps, source, work, input.language)
    const record = createDocumentWithState(deps, { title: input.title ?? source.title, language: input.language }, state, user.id)
    deps.documents.setWork(source.id, work)
    deps.documents.setWork(record.id, work)
    for (const grant of deps.access.grants(source.id)) {
      const principal = { type: grant.principal_type, id: grant.principal_id }
      // The maker owns it; everyone else keeps the role they have on the source.
      if (principal.type === 'user' && principal.id === user.id) continue
      deps.access.put(record.id, principal, grant.role, user.id)
    }
    return record
  }).immediate()
  deps.log.info('language version created', { docId: created.id, sourceId: source.id, language: input.language, by: user.id })
  return created
}

/** 409 when the law (`work`, which `source` is or will be in) has a draft in `language` already, `source` included. */
function refuseTakenLanguage(deps: Deps, source: DocumentRecord, work: string, language: CreateLanguageVersionInput['language']): void {
  const drafts = deps.documents.inWork(work)
  const existing = [source, ...drafts].find((d) => d.language === language)
  if (existing) {
    throw new HttpError(409, ErrorCode.languageVersionExists, `document ${source.id} already has a version in ${language}: ${existing.id}`, { id: existing.id })
  }
}
