import { AmendmentsTableQuery, CommentInput, CreateThreadInput, ErrorCode, ReviewReportQuery, ThreadStatusInput, WordingDecisionInput, WordRemarksInput, WordRemarksQuery } from '../../shared/api'
import { reviewReportDocx } from '../../shared/review/reviewReportDocx'
import { reviewReportHtml } from '../../shared/review/reviewReportHtml'
import { REPORT_WORDS } from '../../shared/review/reviewReport'
import { contentDisposition } from '../export/filename'
import { shortTitle } from '../../shared/fileName'
import { ReviewThreads } from '../services/comments'
import { AlternativePreferences } from '../services/alternatives'
import { HttpError } from '../errors'
import { toPerson } from '../db/usersRepo'
import { validationIssues } from '../../shared/validation'
import type { ApiDeps } from './api'
import { documentViewer } from './documentViewer'
import { validBody, validQuery, type AuthedContext } from './guard'
import { MAX_IMPORT_BYTES } from './exportRoutes'
import { WordRemarks } from '../services/wordRemarks'
import { amendmentsTableFile } from '../services/amendments'
import { sendDownload, sendJson, sendNoContent } from './respond'
import type { Router } from './router'
import { DOCX_CONTENT_TYPE } from '../../shared/apiConstants'

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  docx: DOCX_CONTENT_TYPE,
} as const


/**
 * Review threads of a document. Reading them (and the report) needs `read`; the service
 * decides the rest per comment: `comment` to write, authors edit, authors or owners delete;
 * `edit` to accept or decline a proposed wording.
 */
export function registerCommentsRoutes(router: Router, deps: ApiDeps): void {
  const { guards, documentAccess: access } = deps
  const threads = new ReviewThreads(deps)
  const preferences = new AlternativePreferences(deps)
  const wordRemarks = new WordRemarks(deps)
  const viewerOf = (ctx: AuthedContext) => documentViewer(access, ctx)

  router
    .on(
      'GET',
      '/api/documents/:id/threads',
      guards.signedIn((ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        sendJson(ctx.res, 200, threads.list(viewer, doc))
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/people',
      // The people a comment may mention: whoever may open the draft now, by name.
      guards.signedIn((ctx) => {
        const { doc } = viewerOf(ctx)
        sendJson(ctx.res, 200, deps.users.withAccessTo(doc.id).map(toPerson))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/threads',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const input = await validBody(ctx, CreateThreadInput)
        sendJson(ctx.res, 201, threads.create(viewer, doc, input))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/word-remarks',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const { dryRun } = validQuery(ctx.url, WordRemarksQuery)
        const input = await validBody(ctx, WordRemarksInput, MAX_IMPORT_BYTES)
        const result = wordRemarks.add(viewer, doc, input.wordComments, { dryRun, resolveDone: input.resolveDone ?? false })
        sendJson(ctx.res, dryRun ? 200 : 201, result)
      }),
    )
    .on(
      'PATCH',
      '/api/documents/:id/threads/:threadId',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const input = await validBody(ctx, ThreadStatusInput)
        sendJson(ctx.res, 200, threads.setStatus(viewer, doc, ctx.params.threadId, input.status))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/threads/:threadId/proposal',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const input = await validBody(ctx, WordingDecisionInput)
        sendJson(ctx.res, 200, threads.decideWording(viewer, doc, ctx.params.threadId, input.decision))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/threads/:threadId/comments',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const input = await validBody(ctx, CommentInput)
        sendJson(ctx.res, 201, threads.reply(viewer, doc, ctx.params.threadId, input))
      }),
    )
    .on(
      'PATCH',
      '/api/documents/:id/threads/:threadId/comments/:commentId',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const input = await validBody(ctx, CommentInput)
        sendJson(ctx.res, 200, threads.edit(viewer, doc, ctx.params.threadId, ctx.params.commentId, input))
      }),
    )
    .on(
      'DELETE',
      '/api/documents/:id/threads/:threadId/comments/:commentId',
      guards.signedIn((ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const thread = threads.remove(viewer, doc, ctx.params.threadId, ctx.params.commentId)
        if (thread) sendJson(ctx.res, 200, thread)
        else sendNoContent(ctx.res)
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/review-report',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const parsed = ReviewReportQuery.safeParse(Object.fromEntries(ctx.url.searchParams))
        if (!parsed.success) {
          throw new HttpError(400, ErrorCode.validation, 'format must be html or docx, status open or all', validationIssues(parsed.error.issues))
        }
        const { format, status } = parsed.data
        const input = {
          doc: deps.rooms.snapshot(doc.id),
          language: doc.language,
          title: doc.title,
          generatedAt: new Date().toISOString(),
          status,
          threads: threads.reportThreads(viewer, doc, status),
          preferences: preferences.overview(viewer, doc).preferences,
        }
        // Named as the other downloads are: after the draft (its id said nothing to whoever received the file).
        const disposition = contentDisposition(`${shortTitle(doc.title)} — ${REPORT_WORDS[doc.language].report}`, format)
        const body = format === 'html' ? reviewReportHtml(input) : await reviewReportDocx(input)
        sendDownload(ctx.res, { body, contentType: CONTENT_TYPES[format], disposition })
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/amendments-table',
      guards.signedIn(async (ctx) => {
        const { doc } = viewerOf(ctx)
        const parsed = AmendmentsTableQuery.safeParse(Object.fromEntries(ctx.url.searchParams))
        if (!parsed.success) throw new HttpError(400, ErrorCode.validation, 'format must be html or docx', validationIssues(parsed.error.issues))
        sendDownload(ctx.res, await amendmentsTableFile(doc, threads.openAmendments(doc), parsed.data.format))
      }),
    )
}
