import type { ServerResponse } from 'node:http'
import type { z } from 'zod'
import { ErrorCode, ExportQuery, ImportDocumentInput, ImportFileQuery, type ImportCreated } from '../../shared/api'
import { HttpError } from '../errors'
import { mediaTypeKind } from '../../shared/import/fileKind'
import type { Exports, Imported } from '../services/exports'
import type { DocumentAccess } from '../services/access'
import type { Guards } from './guard'
import { validBody, validQuery } from './guard'
import { readRawBody } from './body'
import { importRefusal, refusedImport } from './importRefusal'
import { sendDownload, sendJson } from './respond'
import type { Router } from './router'

/** Largest import accepted: a JSON tree from the browser, or an uploaded file. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024

export interface ExportRoutesDeps {
  guards: Guards
  documentAccess: DocumentAccess
  exports: Exports
}

/** Errors from the worker that are the request's fault, not the server's. */
function asRequestError(err: unknown): unknown {
  if (err instanceof Error && err.name === 'InvalidDocument') return new HttpError(400, ErrorCode.validation, err.message)
  return importRefusal(err) ?? err
}

/**
 * GET /api/documents/:id/export?format=docx|pdf|html|md|akn[&version=current|<version id>][&positions=1][&comments=1] — read access.
 * POST /api/documents/import — any signed-in person, who becomes the new draft's owner: a JSON
 * tree (ImportDocumentInput) from the browser's import preview, or a .docx / text / Markdown /
 * Akoma Ntoso XML file as the raw body (Content-Type says which, as a file's type says it in the
 * browser: shared/import/fileKind.ts; ?title=&language= optional).
 */
export function registerExportRoutes(router: Router, deps: ExportRoutesDeps): void {
  const { guards, documentAccess: access, exports } = deps

  const created = (res: ServerResponse, imported: Imported, role: 'owner') => {
    const body: ImportCreated = { document: access.summary(imported.record, role), stats: imported.stats, warnings: imported.warnings }
    sendJson(res, 201, body, { Location: `/api/documents/${imported.record.id}` })
  }

  router
    .on(
      'GET',
      '/api/documents/:id/export',
      guards.signedIn(async ({ auth, params, url, res }) => {
        const { doc, role } = access.authorize(auth.user, params.id, 'read')
        const query = validQuery(url, ExportQuery)
        const comments = query.comments ? { user: auth.user, role } : undefined
        sendDownload(res, await exports.exportDocument(doc, query.format, query.version, { positions: query.positions, comments }))
      }),
    )
    .on(
      'POST',
      '/api/documents/import',
      guards.signedIn(async (ctx) => {
        const type = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
        try {
          if (type === 'application/json') {
            const input = await validBody(ctx, ImportDocumentInput, MAX_IMPORT_BYTES)
            created(ctx.res, await exports.importTree(ctx.auth.user.id, input), 'owner')
            return
          }
          const fileType = mediaTypeKind(type)
          if (!fileType) {
            ctx.req.resume()
            throw new HttpError(415, ErrorCode.unsupportedMediaType, `expected JSON, a .docx, text, Markdown or Akoma Ntoso XML body, not "${type}"`)
          }
          const query = validQuery(ctx.url, ImportFileQuery)
          // An empty file is answered as a blank one is: no text to import.
          const bytes = await readRawBody(ctx.req, MAX_IMPORT_BYTES, () => refusedImport('empty'))
          created(ctx.res, await exports.importFile(ctx.auth.user.id, fileType, bytes, query), 'owner')
        } catch (err) {
          throw asRequestError(err)
        }
      }),
    )
}
