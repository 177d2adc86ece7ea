import { COMPARATIVE_TABLE_FORMATS, CompareQuery, ErrorCode, SaveVersionInput, type DocumentComparisonWire } from '../../shared/api'
import { packDiff } from '../../shared/diff/wire'
import { comparativeTableFile, compareVersions } from '../services/compare'
import { ReviewThreads } from '../services/comments'
import { HttpError } from '../errors'
import { validationIssues } from '../../shared/validation'
import type { ApiDeps } from './api'
import { validBody } from './guard'
import { sendDownload, sendJson } from './respond'
import type { RequestContext, Router } from './router'

/** ?from=…&to=… (version ids or "current"), and for downloads &format=html|docx[&justification=0|1]. */
function compareQuery(ctx: RequestContext): { from: string; to: string } {
  const parsed = CompareQuery.safeParse({ from: ctx.url.searchParams.get('from') ?? undefined, to: ctx.url.searchParams.get('to') ?? undefined })
  if (!parsed.success) {
    throw new HttpError(400, ErrorCode.validation, 'from and to are required: a version id or "current"', validationIssues(parsed.error.issues))
  }
  return parsed.data
}

function formatOf(ctx: RequestContext): (typeof COMPARATIVE_TABLE_FORMATS)[number] {
  const raw = ctx.url.searchParams.get('format') ?? 'docx'
  const format = COMPARATIVE_TABLE_FORMATS.find((f) => f === raw)
  if (!format) throw new HttpError(400, ErrorCode.validation, `format must be one of ${COMPARATIVE_TABLE_FORMATS.join(', ')}`)
  return format
}

/** `justification=1`: the download gets an empty "Justification" column (absent or 0: not). */
function justificationOf(ctx: RequestContext): boolean {
  const raw = ctx.url.searchParams.get('justification') ?? '0'
  if (raw !== '0' && raw !== '1') throw new HttpError(400, ErrorCode.validation, 'justification must be 0 or 1')
  return raw === '1'
}

/**
 * Versions (anyone who can read the draft lists, opens and compares them; saving and restoring
 * change what the draft holds, so they need `edit`: owners and drafters).
 */
export function registerVersionsRoutes(router: Router, deps: ApiDeps): void {
  const { guards, documentAccess: access, versions } = deps
  const author = (user: { id: string; organization: { id: string } }) => ({ userId: user.id, orgId: user.organization.id })
  // A restore can bring back the words of threads on deleted text (ReviewThreads.restoring).
  const threads = new ReviewThreads(deps)

  router
    .on(
      'GET',
      '/api/documents/:id/versions',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, versions.list(doc.id))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/versions',
      guards.signedIn(async (ctx) => {
        const { doc } = access.authorize(ctx.auth.user, ctx.params.id, 'edit')
        const input = await validBody(ctx, SaveVersionInput)
        const saved = versions.save(doc, input, author(ctx.auth.user))
        sendJson(ctx.res, 201, saved, { Location: `/api/documents/${doc.id}/versions/${saved.id}` })
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/versions/:vid',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, versions.detail(doc.id, params.vid))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/versions/:vid/restore',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'edit')
        sendJson(res, 200, threads.restoring(doc, () => versions.restore(doc, params.vid, author(auth.user))))
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/compare',
      guards.signedIn((ctx) => {
        const { doc } = access.authorize(ctx.auth.user, ctx.params.id, 'read')
        const { from, to } = compareQuery(ctx)
        const comparison = compareVersions(deps, doc, from, to)
        sendJson(ctx.res, 200, { ...comparison, diff: packDiff(comparison.diff) } satisfies DocumentComparisonWire)
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/comparative-table',
      guards.signedIn(async (ctx) => {
        const { doc } = access.authorize(ctx.auth.user, ctx.params.id, 'read')
        const { from, to } = compareQuery(ctx)
        sendDownload(ctx.res, await comparativeTableFile(deps, doc, from, to, formatOf(ctx), justificationOf(ctx)))
      }),
    )
}
