import type { CommentView, ThreadView } from '../../shared/api'

/** Review threads and comments as the server presents them, for the report's and the exports' unit tests. */

export const MOI = { id: 'o1', name: 'Ministry of Interior', shortName: 'MoI', color: '#2a7d4f' }
export const MOJ = { id: 'o2', name: 'Ministry of Justice <Legal>', shortName: 'MoJ', color: '#8a2be2' }

let counter = 0
export function comment(body: string, organization = MOI, extra: Partial<CommentView> = {}): CommentView {
  counter++
  return {
    id: `c${counter}`,
    author: { id: 'u1', displayName: organization === MOI ? 'Rita <b>Reviewer</b>' : 'Boris Drafter' },
    organization,
    body,
    mentions: [],
    mentionedOrganizations: [],
    createdAt: `2026-03-01T10:0${counter % 10}:00.000Z`,
    editedAt: null,
    deleted: false,
    canEdit: false,
    canDelete: false,
    ...extra,
  }
}

export function thread(id: string, articleId: string, quote: string, comments: CommentView[], extra: Partial<ThreadView> = {}): ThreadView {
  return {
    id,
    articleId,
    blockId: null,
    anchor: { start: 'AAAA', end: 'AAAA' },
    quote,
    status: 'open',
    createdBy: comments[0].author,
    organization: comments[0].organization,
    createdAt: comments[0].createdAt,
    resolvedBy: null,
    resolvedAt: null,
    comments,
    history: [],
    proposal: null,
    ...extra,
  }
}

