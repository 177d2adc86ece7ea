import { StatePreferenceInput, WithdrawPreferenceInput } from '../../shared/api'
import { AlternativePreferences } from '../services/alternatives'
import type { ApiDeps } from './api'
import { documentViewer } from './documentViewer'
import { validBody, type AuthedContext } from './guard'
import { sendJson } from './respond'
import type { Router } from './router'

/**
 * Organizations' preferences among bracketed alternative wordings. Reading needs `read`; the
 * service requires `comment` to state or withdraw, always for the person's own organization.
 *   GET  /api/documents/:id/alternatives/preferences
 *   POST /api/documents/:id/alternatives/preferences            {blockId, groupKey, option}
 *   POST /api/documents/:id/alternatives/preferences/withdraw   {blockId, groupKey}
 */
export function registerAlternativesRoutes(router: Router, deps: ApiDeps): void {
  const { guards, documentAccess: access } = deps
  const preferences = new AlternativePreferences(deps)
  const viewerOf = (ctx: AuthedContext) => documentViewer(access, ctx)

  router
    .on(
      'GET',
      '/api/documents/:id/alternatives/preferences',
      guards.signedIn((ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        sendJson(ctx.res, 200, preferences.overview(viewer, doc))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/alternatives/preferences',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const input = await validBody(ctx, StatePreferenceInput)
        sendJson(ctx.res, 200, preferences.state(viewer, doc, input))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/alternatives/preferences/withdraw',
      guards.signedIn(async (ctx) => {
        const { doc, viewer } = viewerOf(ctx)
        const input = await validBody(ctx, WithdrawPreferenceInput)
        sendJson(ctx.res, 200, preferences.withdraw(viewer, doc, input))
      }),
    )
}
