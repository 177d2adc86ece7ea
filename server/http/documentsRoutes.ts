import { CreateDocumentInput, CreateLanguageVersionInput, RenameDocumentInput, type ArticleEdits } from '../../shared/api'
import { createDocument } from '../services/documents'
import { createLanguageVersion, languageVersionsOf } from '../services/languageVersions'
import { documentNotFound } from '../errors'
import { renamedMessage } from '../collab/messages'
import type { ApiDeps } from './api'
import { validBody } from './guard'
import { sendJson, sendNoContent } from './respond'
import type { Router } from './router'

/**
 * Thin handlers: authenticate → validate → authorize (DocumentAccess, shared/roles.ts) → act →
 * present. Content lives in the store, metadata in the repo.
 */
export function registerDocumentsRoutes(router: Router, deps: ApiDeps): void {
  const { guards, documentAccess: access, documents, rooms } = deps

  router
    .on(
      'GET',
      '/api/documents',
      guards.signedIn(({ auth, res }) => {
        const docs = access.list(auth.user)
        const agreement = deps.agreement.standings(auth.user, docs.map((d) => d.id))
        sendJson(res, 200, docs.map((doc) => (agreement.has(doc.id) ? { ...doc, agreement: agreement.get(doc.id) } : doc)))
      }),
    )
    .on(
      'POST',
      '/api/documents',
      guards.signedIn(async (ctx) => {
        const input = await validBody(ctx, CreateDocumentInput)
        const doc = createDocument(deps, input, ctx.auth.user.id)
        deps.log.info('document created', { docId: doc.id, template: input.template, by: ctx.auth.user.id })
        sendJson(ctx.res, 201, access.summary(doc, 'owner'), { Location: `/api/documents/${doc.id}` })
      }),
    )
    .on(
      'GET',
      '/api/documents/:id',
      guards.signedIn(({ auth, params, res }) => {
        const { doc, role } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, access.summary(doc, role))
      }),
    )
    .on(
      'PATCH',
      '/api/documents/:id',
      guards.signedIn(async (ctx) => {
        const { doc, role } = access.authorize(ctx.auth.user, ctx.params.id, 'rename')
        const input = await validBody(ctx, RenameDocumentInput)
        const renamed = documents.rename(doc.id, input.title)
        if (!renamed) throw documentNotFound()
        // Those who have it open see the new title at once.
        rooms.sendToRoom(doc.id, renamedMessage(renamed.title))
        sendJson(ctx.res, 200, access.summary(renamed, role))
      }),
    )
    .on(
      'DELETE',
      '/api/documents/:id',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'delete')
        // Close its editors first (4404, final) so nothing is appended to a deleted document.
        rooms.drop(doc.id)
        documents.delete(doc.id)
        deps.log.info('document deleted', { docId: doc.id, by: auth.user.id })
        sendNoContent(res)
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/language-versions',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, languageVersionsOf(deps, auth.user, doc))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/language-versions',
      guards.signedIn(async (ctx) => {
        // Linking a draft to a new language version is a change to it: owners and drafters.
        const { doc: source } = access.authorize(ctx.auth.user, ctx.params.id, 'edit')
        const input = await validBody(ctx, CreateLanguageVersionInput)
        const doc = await createLanguageVersion(deps, ctx.auth.user, source, input)
        sendJson(ctx.res, 201, access.summary(doc, 'owner'), { Location: `/api/documents/${doc.id}` })
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/article-edits',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        deps.editSessions.fold(doc.id)
        sendJson(res, 200, { createdAt: doc.createdAt, articles: deps.editSessions.lastEdits(doc.id) } satisfies ArticleEdits)
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/content',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, rooms.snapshot(doc.id))
      }),
    )
}
