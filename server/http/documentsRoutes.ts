import type { z } from 'zod'
import { CreateDocumentInput, ErrorCode, RenameDocumentInput, type DocumentSummary } from '../../shared/api'
import { DOCUMENT_ID_PATTERN } from '../../shared/ids'
import type { Db } from '../db/connection'
import type { DocumentsRepo } from '../db/documentsRepo'
import type { DocumentStore } from '../storage/documentStore'
import type { Rooms } from '../collab/rooms'
import type { Logger } from '../logger'
import { createDocument } from '../services/documents'
import { readJsonBody } from './body'
import { HttpError, sendJson, sendNoContent } from './respond'
import type { RequestContext, Router } from './router'

export interface DocumentsRoutesDeps {
  db: Db
  repo: DocumentsRepo
  store: DocumentStore
  rooms: Rooms
  log: Logger
}

async function validBody<S extends z.ZodType>(ctx: RequestContext, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJsonBody(ctx.req))
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new HttpError(400, ErrorCode.validation, 'invalid request body', details)
  }
  return parsed.data
}

const documentNotFound = () => new HttpError(404, ErrorCode.documentNotFound, 'no such document')

/** Thin handlers: validate → act → present. Content lives in the store, metadata in the repo. */
export function registerDocumentsRoutes(router: Router, deps: DocumentsRoutesDeps): void {
  const { db, repo, store, rooms } = deps

  const existing = (ctx: RequestContext): DocumentSummary => {
    const id = ctx.params.id
    const doc = DOCUMENT_ID_PATTERN.test(id) ? repo.get(id) : undefined
    if (!doc) throw documentNotFound()
    return doc
  }

  router
    .on('GET', '/api/documents', ({ res }) => sendJson(res, 200, repo.list()))
    .on('POST', '/api/documents', async (ctx) => {
      const input = await validBody(ctx, CreateDocumentInput)
      const doc = createDocument(db, repo, store, input)
      deps.log.info('document created', { docId: doc.id, template: input.template })
      sendJson(ctx.res, 201, doc, { Location: `/api/documents/${doc.id}` })
    })
    .on('GET', '/api/documents/:id', (ctx) => sendJson(ctx.res, 200, existing(ctx)))
    .on('PATCH', '/api/documents/:id', async (ctx) => {
      const { id } = existing(ctx)
      const input = await validBody(ctx, RenameDocumentInput)
      const doc = repo.rename(id, input.title)
      if (!doc) throw documentNotFound()
      sendJson(ctx.res, 200, doc)
    })
    .on('DELETE', '/api/documents/:id', (ctx) => {
      const { id } = existing(ctx)
      // Close its editors first (4404, final) so nothing is appended to a deleted document.
      rooms.drop(id)
      repo.delete(id)
      deps.log.info('document deleted', { docId: id })
      sendNoContent(ctx.res)
    })
    .on('GET', '/api/documents/:id/content', (ctx) => {
      const { id } = existing(ctx)
      sendJson(ctx.res, 200, rooms.snapshot(id))
    })
}
