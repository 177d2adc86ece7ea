import type { DocumentRecord } from '../db/documentsRepo'
import type { DocumentAccess } from '../services/access'
import type { Viewer } from '../services/comments'
import type { AuthedContext } from './guard'

/** The route's document (`:id`) and who reads it, as the services take them; refused unless they may read it. */
export function documentViewer(access: DocumentAccess, ctx: AuthedContext): { doc: DocumentRecord; viewer: Viewer } {
  const { doc, role } = access.authorize(ctx.auth.user, ctx.params.id, 'read')
  return { doc, viewer: { user: ctx.auth.user, role } }
}
