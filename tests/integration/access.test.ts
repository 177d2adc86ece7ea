import zlib from 'node:zlib'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InvitationCreated, PasswordResetCreated, ProposalView, ThreadView, VersionSummary } from '../../shared/api'
import { CloseCode, MessageType } from '../../shared/protocol'
import { emptyLaw } from '../../shared/seed/emptyLaw'
import { DB_FILE } from '../../server/db/connection'
import { hashToken } from '../../server/auth/tokens'
import { startTestServer, type TestServer } from '../helpers/server'
import {
  createDocument,
  createMember,
  createOrganization,
  grant,
  invite,
  organization,
  person,
  setupAdmin,
  signIn,
  signOut,
  TEST_PASSWORD,
  uniqueEmail,
  type Account,
} from '../helpers/accounts'
import { articleBlockText, connectClient, insertText, nthElement, waitClosedWith, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { createAnchor } from '../../shared/comments/anchor'
import { frame, RawSyncClient, syncFrame } from '../helpers/rawSync'
import { tryUpgrade } from '../helpers/upgrade'
import { waitFor } from '../helpers/waitFor'

/**
 * Who may do what, as a table: every HTTP route the server registers, and every sync message
 * type, tried as each kind of person. The test fails when the server has a route this table does
 * not list: a new endpoint gets a row (see ROUTES) before it ships.
 *
 * The people: `admin` (the first administrator, with no grant on the draft), the draft's `owner`
 * (a member who created it), a `drafter` (through their organization's grant), a `reviewer` and
 * an `observer` (personal grants), a `stranger` (signed in, nothing shared) and `signedOut`.
 */

const WHO = ['admin', 'owner', 'drafter', 'reviewer', 'observer', 'stranger', 'signedOut'] as const
type Who = (typeof WHO)[number]
type Expect = Record<Who, number>

/** `ok` for the listed people; 401 signed out, 403 for everyone else. */
function only(ok: number, ...allowed: Who[]): Expect {
  return Object.fromEntries(WHO.map((w) => [w, allowed.includes(w) ? ok : w === 'signedOut' ? 401 : 403])) as Expect
}
const signedIn = (ok: number) => only(ok, 'admin', 'owner', 'drafter', 'reviewer', 'observer', 'stranger')
const everyone = (status: number) => Object.fromEntries(WHO.map((w) => [w, status])) as Expect
const readers = (ok: number) => only(ok, 'owner', 'drafter', 'reviewer', 'observer')

/** What a row's request may use: fresh per request (the request may consume it). */
interface Fixture {
  docId: string
  orgId: string
  invitation: InvitationCreated & { token: string }
  /** The draft's article (`needs: ['article']`). */
  articleId: string
  /** A named version of the draft (`needs: ['version']`). */
  versionId: string
  /**
   * A thread on the draft with its one comment: started by the owner (`needs: ['thread']`) or by
   * the reviewer (`needs: ['reviewersThread']`, for the rows where authorship matters). Two
   * authors, so no one person's fixtures reach the comment rate limit (COMMENT_RATE). With
   * `needs: ['wordingThread']`, the drafter's thread proposing a wording for the first words of a
   * sample draft's first paragraph.
   */
  thread: { id: string; commentId: string }
  /** The owner's proposal of a version for agreement, requiring the owner's organization (`needs: ['proposal']`). */
  proposalId: string
  /** The token of a password reset link for a throwaway member (`needs: ['resetLink']`). */
  resetToken: string
  /** The person asking (a throwaway session of theirs for rows with `ownSession`), or null. */
  as: Account | null
}

/** Fixtures only some rows use (built only for those: threads count against the comment rate). */
type Need = 'article' | 'version' | 'thread' | 'reviewersThread' | 'proposal' | 'wordingThread' | 'resetLink'

interface Row {
  method: string
  /** As registered with the router. */
  path: string
  expect: Expect
  /** The concrete path and JSON body. */
  request(f: Fixture): { path: string; body?: unknown }
  /** The request ends or replaces the caller's session: make it with a throwaway one. */
  ownSession?: boolean
  needs?: Need[]
}

// ---- The table. Add a row for every new route (and to `Need` any fixture it requires). ----
const ROUTES: Row[] = [
  { method: 'GET', path: '/api/health', expect: everyone(200), request: () => ({ path: '/api/health' }) },
  { method: 'GET', path: '/api/auth/session', expect: everyone(200), request: () => ({ path: '/api/auth/session' }) },
  {
    method: 'POST',
    path: '/api/auth/setup',
    expect: everyone(409), // once there is an administrator, nobody sets up again
    request: () => ({
      path: '/api/auth/setup',
      body: { email: uniqueEmail('setup'), password: TEST_PASSWORD, displayName: 'Eve', organization: { name: 'Eve Inc', shortName: 'EVE', color: '#000000' } },
    }),
  },
  {
    method: 'POST',
    path: '/api/auth/sign-in',
    expect: everyone(200),
    ownSession: true,
    request: (f) => ({ path: '/api/auth/sign-in', body: { email: f.as?.email ?? cast.observer.email, password: TEST_PASSWORD } }),
  },
  { method: 'POST', path: '/api/auth/sign-out', expect: everyone(204), ownSession: true, request: () => ({ path: '/api/auth/sign-out' }) },
  // The name one has (a change that changes nothing), and the password one has as the new one
  // (refused as the same, after the current one was checked): only who may ask is tested here.
  { method: 'PATCH', path: '/api/auth/me', expect: signedIn(200), request: (f) => ({ path: '/api/auth/me', body: { displayName: f.as?.user.displayName ?? 'Nobody' } }) },
  {
    method: 'POST',
    path: '/api/auth/password',
    expect: signedIn(400),
    request: () => ({ path: '/api/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }),
  },
  { method: 'GET', path: '/api/organizations', expect: signedIn(200), request: () => ({ path: '/api/organizations' }) },
  {
    method: 'POST',
    path: '/api/organizations',
    expect: only(201, 'admin'),
    request: () => ({ path: '/api/organizations', body: { name: `Org ${uniqueEmail()}`, shortName: 'ORG', color: '#123456' } }),
  },
  { method: 'PATCH', path: '/api/organizations/:id', expect: only(200, 'admin'), request: (f) => ({ path: `/api/organizations/${f.orgId}`, body: { color: '#654321' } }) },
  { method: 'GET', path: '/api/users', expect: signedIn(200), request: () => ({ path: '/api/users' }) },
  { method: 'GET', path: '/api/people', expect: only(200, 'admin'), request: () => ({ path: '/api/people' }) },
  // A change that changes nothing (the stranger stays no administrator): only who may ask is tested here.
  { method: 'PATCH', path: '/api/people/:id', expect: only(200, 'admin'), request: () => ({ path: `/api/people/${cast.stranger.user.id}`, body: { isAdmin: false } }) },
  {
    method: 'POST',
    path: '/api/invitations',
    expect: only(201, 'admin'),
    request: (f) => ({ path: '/api/invitations', body: { email: uniqueEmail('invited'), organizationId: f.orgId } }),
  },
  { method: 'GET', path: '/api/invitations', expect: only(200, 'admin'), request: () => ({ path: '/api/invitations' }) },
  { method: 'DELETE', path: '/api/invitations/:ref', expect: only(204, 'admin'), request: (f) => ({ path: `/api/invitations/${f.invitation.id}` }) },
  // The link is the credential: whoever holds it may read and accept it.
  { method: 'GET', path: '/api/invitations/:ref', expect: everyone(200), request: (f) => ({ path: `/api/invitations/${f.invitation.token}` }) },
  {
    method: 'POST',
    path: '/api/invitations/:ref/accept',
    expect: everyone(201),
    ownSession: true,
    request: (f) => ({ path: `/api/invitations/${f.invitation.token}/accept`, body: { displayName: 'Newcomer', password: TEST_PASSWORD } }),
  },
  { method: 'POST', path: '/api/people/:id/password-reset', expect: only(201, 'admin'), request: () => ({ path: `/api/people/${cast.stranger.user.id}/password-reset` }) },
  // Like an invitation, the link is the credential.
  { method: 'GET', path: '/api/password-resets/:token', expect: everyone(200), needs: ['resetLink'], request: (f) => ({ path: `/api/password-resets/${f.resetToken}` }) },
  {
    method: 'POST',
    path: '/api/password-resets/:token',
    expect: everyone(200),
    ownSession: true,
    needs: ['resetLink'],
    request: (f) => ({ path: `/api/password-resets/${f.resetToken}`, body: { password: 'a new password for the test' } }),
  },
  { method: 'GET', path: '/api/documents', expect: signedIn(200), request: () => ({ path: '/api/documents' }) },
  { method: 'POST', path: '/api/documents', expect: signedIn(201), request: () => ({ path: '/api/documents', body: { title: 'Mine' } }) },
  { method: 'GET', path: '/api/documents/:id', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}` }) },
  { method: 'PATCH', path: '/api/documents/:id', expect: only(200, 'owner'), request: (f) => ({ path: `/api/documents/${f.docId}`, body: { title: 'Renamed' } }) },
  { method: 'DELETE', path: '/api/documents/:id', expect: only(204, 'owner'), request: (f) => ({ path: `/api/documents/${f.docId}` }) },
  { method: 'GET', path: '/api/documents/:id/content', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/content` }) },
  { method: 'GET', path: '/api/documents/:id/access', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/access` }) },
  { method: 'GET', path: '/api/documents/:id/language-versions', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/language-versions` }) },
  { method: 'GET', path: '/api/documents/:id/article-edits', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/article-edits` }) },
  // A language version links the draft to a new one: a change to the draft, so `edit`.
  {
    method: 'POST',
    path: '/api/documents/:id/language-versions',
    expect: only(201, 'owner', 'drafter'),
    request: (f) => ({ path: `/api/documents/${f.docId}/language-versions`, body: { language: 'ru' } }),
  },
  {
    method: 'PUT',
    path: '/api/documents/:id/access',
    expect: only(200, 'owner'),
    request: (f) => ({ path: `/api/documents/${f.docId}/access`, body: { principalType: 'user', principalId: cast.stranger.user.id, role: 'observer' } }),
  },
  {
    method: 'DELETE',
    path: '/api/documents/:id/access/:principalType/:principalId',
    expect: only(204, 'owner'),
    request: (f) => ({ path: `/api/documents/${f.docId}/access/user/${cast.observer.user.id}` }),
  },
  { method: 'GET', path: '/api/documents/:id/activity', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/activity` }) },
  { method: 'POST', path: '/api/documents/:id/visit', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/visit` }) },
  // Exports and imports. Markdown stands for every format: the rule is the same, and it needs no LibreOffice.
  { method: 'GET', path: '/api/documents/:id/export', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/export?format=md` }) },
  // Whoever imports becomes the new draft's owner.
  {
    method: 'POST',
    path: '/api/documents/import',
    expect: signedIn(201),
    request: () => ({ path: '/api/documents/import', body: { title: 'Imported', language: 'en', doc: emptyLaw('Imported', 'en') } }),
  },
  // Versions: reading and comparing needs `read`; saving and restoring change the draft, `edit`.
  { method: 'GET', path: '/api/documents/:id/versions', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/versions` }) },
  {
    method: 'POST',
    path: '/api/documents/:id/versions',
    expect: only(201, 'owner', 'drafter'),
    request: (f) => ({ path: `/api/documents/${f.docId}/versions`, body: { name: 'Second reading' } }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/versions/:vid',
    expect: readers(200),
    needs: ['version'],
    request: (f) => ({ path: `/api/documents/${f.docId}/versions/${f.versionId}` }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions/:vid/restore',
    expect: only(200, 'owner', 'drafter'),
    needs: ['version'],
    request: (f) => ({ path: `/api/documents/${f.docId}/versions/${f.versionId}/restore` }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/compare',
    expect: readers(200),
    needs: ['version'],
    request: (f) => ({ path: `/api/documents/${f.docId}/compare?from=${f.versionId}&to=current` }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/comparative-table',
    expect: readers(200),
    needs: ['version'],
    request: (f) => ({ path: `/api/documents/${f.docId}/comparative-table?from=${f.versionId}&to=current&format=html` }),
  },
  // Review threads: reading needs `read`; writing, resolving and replying need `comment`.
  { method: 'GET', path: '/api/documents/:id/threads', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/threads` }) },
  { method: 'GET', path: '/api/documents/:id/people', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/people` }) },
  {
    method: 'POST',
    path: '/api/documents/:id/threads',
    expect: only(201, 'owner', 'drafter', 'reviewer'),
    needs: ['article'],
    request: (f) => ({ path: `/api/documents/${f.docId}/threads`, body: { articleId: f.articleId, anchor: null, body: 'Why this wording?' } }),
  },
  {
    method: 'PATCH',
    path: '/api/documents/:id/threads/:threadId',
    expect: only(200, 'owner', 'drafter', 'reviewer'),
    needs: ['thread'],
    request: (f) => ({ path: `/api/documents/${f.docId}/threads/${f.thread.id}`, body: { status: 'resolved' } }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/threads/:threadId/comments',
    expect: only(201, 'owner', 'drafter', 'reviewer'),
    needs: ['thread'],
    request: (f) => ({ path: `/api/documents/${f.docId}/threads/${f.thread.id}/comments`, body: { body: 'Agreed.' } }),
  },
  // Remarks from a ministry's Word file: added to the review by those who may comment.
  {
    method: 'POST',
    path: '/api/documents/:id/word-remarks',
    expect: only(201, 'owner', 'drafter', 'reviewer'),
    request: (f) => ({
      path: `/api/documents/${f.docId}/word-remarks`,
      body: { wordComments: [{ quote: '', paragraph: '', resolved: false, comments: [{ author: 'МВД', date: null, text: 'Agreed.' }] }] },
    }),
  },
  // The reviewer's comment: only its author edits it…
  {
    method: 'PATCH',
    path: '/api/documents/:id/threads/:threadId/comments/:commentId',
    expect: only(200, 'reviewer'),
    needs: ['reviewersThread'],
    request: (f) => ({ path: `/api/documents/${f.docId}/threads/${f.thread.id}/comments/${f.thread.commentId}`, body: { body: 'Reworded.' } }),
  },
  // …and its author or an owner deletes it (the thread's last comment: the thread goes too, 204).
  {
    method: 'DELETE',
    path: '/api/documents/:id/threads/:threadId/comments/:commentId',
    expect: only(204, 'owner', 'reviewer'),
    needs: ['reviewersThread'],
    request: (f) => ({ path: `/api/documents/${f.docId}/threads/${f.thread.id}/comments/${f.thread.commentId}` }),
  },
  // A proposed wording: accepted (or declined) by those with edit rights only.
  {
    method: 'POST',
    path: '/api/documents/:id/threads/:threadId/proposal',
    expect: only(200, 'owner', 'drafter'),
    needs: ['wordingThread'],
    request: (f) => ({ path: `/api/documents/${f.docId}/threads/${f.thread.id}/proposal`, body: { decision: 'accept' } }),
  },
  // HTML stands for DOCX too: the same rule.
  { method: 'GET', path: '/api/documents/:id/review-report', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/review-report?format=html` }) },
  { method: 'GET', path: '/api/documents/:id/amendments-table', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/amendments-table?format=html` }) },
  // Preferences among alternative wordings: reading needs `read`; stating and withdrawing need `comment`.
  { method: 'GET', path: '/api/documents/:id/alternatives/preferences', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/alternatives/preferences` }) },
  {
    method: 'POST',
    path: '/api/documents/:id/alternatives/preferences',
    expect: only(200, 'owner', 'drafter', 'reviewer'),
    needs: ['article'],
    request: (f) => ({ path: `/api/documents/${f.docId}/alternatives/preferences`, body: { blockId: f.articleId, groupKey: '["three","six"]', option: 'six' } }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/alternatives/preferences/withdraw',
    expect: only(200, 'owner', 'drafter', 'reviewer'),
    needs: ['article'],
    request: (f) => ({ path: `/api/documents/${f.docId}/alternatives/preferences/withdraw`, body: { blockId: f.articleId, groupKey: '["three","six"]' } }),
  },
  // Agreement: everyone who reads sees it; owners propose and withdraw.
  { method: 'GET', path: '/api/documents/:id/agreement', expect: readers(200), request: (f) => ({ path: `/api/documents/${f.docId}/agreement` }) },
  {
    method: 'POST',
    path: '/api/documents/:id/agreement/proposals',
    expect: only(201, 'owner'),
    request: (f) => ({ path: `/api/documents/${f.docId}/agreement/proposals`, body: { saveVersion: { name: 'For agreement' }, organizationIds: [cast.interiorId] } }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/agreement/proposals/:pid',
    expect: readers(200),
    needs: ['proposal'],
    request: (f) => ({ path: `/api/documents/${f.docId}/agreement/proposals/${f.proposalId}` }),
  },
  // The organization decides, not the role: the owner, reviewer and observer are of the required
  // Ministry of Interior; the drafter's Ministry of Justice is not required (403 not_a_required_organization).
  {
    method: 'POST',
    path: '/api/documents/:id/agreement/proposals/:pid/positions',
    expect: only(201, 'owner', 'reviewer', 'observer'),
    needs: ['proposal'],
    request: (f) => ({ path: `/api/documents/${f.docId}/agreement/proposals/${f.proposalId}/positions`, body: { position: 'agree' } }),
  },
  {
    method: 'POST',
    path: '/api/documents/:id/agreement/proposals/:pid/withdraw',
    expect: only(200, 'owner'),
    needs: ['proposal'],
    request: (f) => ({ path: `/api/documents/${f.docId}/agreement/proposals/${f.proposalId}/withdraw` }),
  },
]

interface Cast {
  admin: Account
  owner: Account
  drafter: Account
  reviewer: Account
  observer: Account
  stranger: Account
  justiceId: string
  /** The owner's, reviewer's and observer's organization. */
  interiorId: string
}
let cast: Cast
let server: TestServer

/** A draft of the owner's, shared with the cast as described above. */
async function sharedDraft(title = 'Shared', template: 'empty' | 'sample' = 'empty'): Promise<string> {
  const { id } = await createDocument(cast.owner, { title, template })
  await grant(cast.owner, id, organization({ id: cast.justiceId }), 'drafter')
  await grant(cast.owner, id, person(cast.reviewer), 'reviewer')
  await grant(cast.owner, id, person(cast.observer), 'observer')
  return id
}

const UNBUILT = '(not built: add it to the row\'s needs)'

/** The id of the first article of a draft's stored text. */
async function firstArticleId(docId: string): Promise<string> {
  const find = (node: { type?: string; attrs?: { id?: string }; content?: unknown[] }): string | undefined =>
    node.type === 'article' ? node.attrs?.id : (node.content ?? []).map((c) => find(c as typeof node)).find(Boolean)
  const id = find(await cast.owner.json(`/api/documents/${docId}/content`))
  if (!id) throw new Error(`no article in ${docId}`)
  return id
}

/** The drafter's thread proposing "That" for the first word ("This") of the draft's first paragraph; anchors need the Yjs text. */
async function wordingThread(docId: string): Promise<{ id: string; commentId: string }> {
  const client = connectClient(server.wsUrl, docId, { cookie: cast.drafter.cookie })
  try {
    await waitSynced(client)
    const text = articleBlockText(client.ydoc, 0, 1)
    const body = { articleId: nthElement(client.ydoc, 'article', 0).getAttribute('id'), anchor: createAnchor({ text, index: 0 }, { text, index: 4 }), body: 'Clearer?', proposal: 'That' }
    const created = await cast.drafter.json<ThreadView>(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify(body) })
    return { id: created.id, commentId: created.comments[0].id }
  } finally {
    client.destroy()
  }
}

async function fixtureFor(row: Row, as: Account | null): Promise<Fixture> {
  const needs = new Set(row.needs ?? [])
  const docId = await sharedDraft('Shared', needs.has('wordingThread') ? 'sample' : 'empty')
  const post = <T>(account: Account, url: string, body: unknown) => account.json<T>(url, { method: 'POST', body: JSON.stringify(body) })
  const articleId = needs.has('article') || needs.has('thread') || needs.has('reviewersThread') ? await firstArticleId(docId) : UNBUILT
  let thread = { id: UNBUILT, commentId: UNBUILT }
  const author = needs.has('reviewersThread') ? cast.reviewer : needs.has('thread') ? cast.owner : null
  if (author) {
    const created = await post<ThreadView>(author, `/api/documents/${docId}/threads`, { articleId, anchor: null, body: 'Is this clear?' })
    thread = { id: created.id, commentId: created.comments[0].id }
  }
  if (needs.has('wordingThread')) thread = await wordingThread(docId)
  return {
    docId,
    orgId: (await createOrganization(cast.admin)).id,
    invitation: await invite(cast.admin, { organizationId: cast.justiceId }),
    articleId,
    versionId: needs.has('version') ? (await post<VersionSummary>(cast.owner, `/api/documents/${docId}/versions`, { name: 'First reading' })).id : UNBUILT,
    thread,
    proposalId: needs.has('proposal')
      ? (await post<ProposalView>(cast.owner, `/api/documents/${docId}/agreement/proposals`, { saveVersion: { name: 'Proposed' }, organizationIds: [cast.interiorId] })).id
      : UNBUILT,
    resetToken: needs.has('resetLink') ? await resetToken() : UNBUILT,
    as,
  }
}

/** A reset link's token, for a member made for it (using it changes that member's password). */
async function resetToken(): Promise<string> {
  const member = await createMember(cast.admin, cast.justiceId, 'Reset Rory')
  const link = await cast.admin.json<PasswordResetCreated>(`/api/people/${member.user.id}/password-reset`, { method: 'POST' })
  return new URL(link.url).pathname.split('/').pop()!
}

beforeAll(async () => {
  server = await startTestServer()
  const admin = await setupAdmin(server.url)
  const justice = await createOrganization(admin, { name: 'Ministry of Justice', shortName: 'MoJ' })
  const interior = await createOrganization(admin, { name: 'Ministry of Interior', shortName: 'MoI' })
  const health = await createOrganization(admin, { name: 'Ministry of Health', shortName: 'MoH' })
  const [owner, drafter, reviewer, observer, stranger] = await Promise.all([
    createMember(admin, interior.id, 'Olga Owner'),
    createMember(admin, justice.id, 'Boris Drafter'),
    createMember(admin, interior.id, 'Rita Reviewer'),
    createMember(admin, interior.id, 'Oleg Observer'),
    createMember(admin, health.id, 'Sam Stranger'),
  ])
  cast = { admin, owner, drafter, reviewer, observer, stranger, justiceId: justice.id, interiorId: interior.id }
})

afterAll(async () => {
  await server?.close()
})

describe('every HTTP route, as every kind of person', () => {
  it('the table lists exactly the routes the server has', () => {
    const registered = server.server.routes().map((r) => `${r.method} ${r.path}`).sort()
    const listed = ROUTES.map((r) => `${r.method} ${r.path}`).sort()
    expect(listed).toEqual(registered)
  })

  it.each(ROUTES.map((row) => [`${row.method} ${row.path}`, row] as const))('%s', async (_name, row) => {
    const outcomes: Partial<Record<Who, number>> = {}
    for (const who of WHO) {
      let as: Account | null = who === 'signedOut' ? null : cast[who]
      if (as && row.ownSession) as = await signIn(server.url, as.email)
      const fixture = await fixtureFor(row, as)
      const { path: url, body } = row.request(fixture)
      const init: RequestInit = { method: row.method, body: body === undefined ? undefined : JSON.stringify(body) }
      const res = as
        ? await as.api(url, init)
        : await fetch(`${server.url}${url}`, { ...init, headers: body === undefined ? {} : { 'Content-Type': 'application/json' } })
      await res.arrayBuffer()
      outcomes[who] = res.status
    }
    expect(outcomes).toEqual(row.expect)
  })
})

// ---- Sync messages ----

type SyncOutcome = 'answered' | 'stored' | 'denied' | 'relayed' | 'malformed (4400)'

interface SyncRow {
  message: string
  /** What an owner or drafter gets, and what a reviewer or observer gets. */
  editor: SyncOutcome
  readOnly: SyncOutcome
  /** Sends the message on `client`, whose mirror is in sync with the server. */
  send(client: RawSyncClient): void
}

/** An edit of the mirror, as the update Yjs produced for it. */
function editOf(client: RawSyncClient, text: string): Uint8Array {
  let update: Uint8Array | undefined
  const capture = (u: Uint8Array) => (update = u)
  client.mirror.on('update', capture)
  // Words at the start of the law's title: an edit the schema holds (the server takes out what it cannot).
  const title = client.mirror.getXmlFragment('default').get(0) as Y.XmlElement
  const words = title.get(0)
  if (words instanceof Y.XmlText) words.insert(0, text)
  else title.insert(0, [new Y.XmlText(text)])
  client.mirror.off('update', capture)
  return update!
}

const SYNC_ROWS: SyncRow[] = [
  {
    message: 'sync step 1',
    editor: 'answered',
    readOnly: 'answered',
    send: (c) => c.send(syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc()))),
  },
  {
    message: 'sync step 2 (with a change)',
    editor: 'stored',
    readOnly: 'denied',
    send: (c) => {
      const before = Y.encodeStateVector(c.mirror)
      editOf(c, 'step 2 ')
      c.send(syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(c.mirror, before)))
    },
  },
  { message: 'sync update', editor: 'stored', readOnly: 'denied', send: (c) => c.send(syncFrame(syncProtocol.messageYjsUpdate, editOf(c, 'update '))) },
  {
    message: 'awareness',
    editor: 'relayed',
    readOnly: 'relayed',
    send: (c) => {
      const awareness = new awarenessProtocol.Awareness(new Y.Doc())
      awareness.setLocalState({ cursor: null, user: { name: 'Claimed Name' } })
      const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
      awareness.destroy()
      c.send(frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, update)))
    },
  },
  // Auth messages go from the server to the client only: a client sending one is broken or hostile.
  { message: 'auth', editor: 'malformed (4400)', readOnly: 'malformed (4400)', send: (c) => c.send(frame(MessageType.auth, (e) => encoding.writeVarUint(e, 0))) },
  { message: 'query awareness', editor: 'answered', readOnly: 'answered', send: (c) => c.send(frame(MessageType.queryAwareness, () => {})) },
  // Accord's own messages go from the server to the client only, too.
  {
    message: 'stored (100)',
    editor: 'malformed (4400)',
    readOnly: 'malformed (4400)',
    send: (c) => c.send(frame(MessageType.stored, (e) => encoding.writeVarUint8Array(e, Y.encodeStateVector(c.mirror)))),
  },
  { message: 'role (101)', editor: 'malformed (4400)', readOnly: 'malformed (4400)', send: (c) => c.send(frame(MessageType.role, (e) => encoding.writeVarString(e, 'owner'))) },
  {
    message: 'threads (102)',
    editor: 'malformed (4400)',
    readOnly: 'malformed (4400)',
    send: (c) => c.send(frame(MessageType.threads, (e) => encoding.writeVarString(e, JSON.stringify({ threadId: 'x', change: 'deleted' })))),
  },
  {
    // Holding an edit: the server unpacks nothing a client sends.
    message: 'gzipped (103)',
    editor: 'malformed (4400)',
    readOnly: 'malformed (4400)',
    send: (c) => {
      const doc = new Y.Doc()
      doc.getText('gzipped').insert(0, 'unpacked')
      const update = frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)))
      c.send(frame(MessageType.gzipped, (e) => encoding.writeUint8Array(e, zlib.gzipSync(update))))
    },
  },
]

describe('every sync message type, as every kind of person', () => {
  let docId: string
  let watcher: TestClient

  beforeAll(async () => {
    docId = await sharedDraft('Synced')
    watcher = connectClient(server.wsUrl, docId, { cookie: cast.owner.cookie })
    await waitSynced(watcher)
  })
  afterAll(() => watcher?.destroy())

  const EDITORS = ['owner', 'drafter'] as const
  const READ_ONLY = ['reviewer', 'observer'] as const
  const cases = SYNC_ROWS.flatMap((row) => [
    ...EDITORS.map((who) => ({ who, row, outcome: row.editor })),
    ...READ_ONLY.map((who) => ({ who, row, outcome: row.readOnly })),
  ])

  it.each(cases.map((c) => [`${c.row.message} as ${c.who}: ${c.outcome}`, c] as const))('%s', async (_name, { who, row, outcome }) => {
    const account = cast[who]
    const client = await RawSyncClient.open(server.wsUrl, docId, account.cookie)
    try {
      // Its own handshake: the server's step 1 and role arrive; our step 1 brings the document.
      client.send(syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(client.mirror)))
      await waitFor(() => client.step2s === 1 && client.roles.length === 1)
      expect(client.roles).toEqual([who])
      const before = { acks: client.acks, step2s: client.step2s, awareness: client.awareness, text: watcher.ydoc.getXmlFragment('default').toString() }
      row.send(client)
      switch (outcome) {
        case 'answered':
          await waitFor(() => client.step2s > before.step2s || client.awareness > before.awareness)
          break
        case 'stored':
          await waitFor(() => client.acks > before.acks)
          // …and passed on to the others.
          await waitFor(() => watcher.ydoc.getXmlFragment('default').toString() !== before.text)
          break
        case 'denied':
          await waitFor(() => client.denied.length > 0)
          await client.handled()
          expect(client.acks).toBe(before.acks)
          expect(watcher.ydoc.getXmlFragment('default').toString()).toBe(before.text)
          break
        case 'relayed':
          // The others see this person as the server knows them, not as claimed.
          await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === account.user.displayName))
          expect([...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Claimed Name')).toBe(false)
          break
        case 'malformed (4400)':
          expect(await client.closed).toBe(CloseCode.malformedMessage)
          break
      }
      if (outcome !== 'malformed (4400)') {
        await client.handled()
        expect(client.ws.readyState).toBe(client.ws.OPEN)
      }
    } finally {
      client.close()
    }
  })

  it.each([
    { who: 'stranger', code: CloseCode.forbidden },
    { who: 'admin', code: CloseCode.forbidden }, // administering the installation gives no access to drafts
  ] as const)('$who cannot connect at all ($code)', async ({ who, code }) => {
    await expect(RawSyncClient.open(server.wsUrl, docId, cast[who].cookie).then((c) => c.closed)).resolves.toBe(code)
  })

  it('signed out cannot connect at all (HTTP 401, no WebSocket)', async () => {
    expect((await tryUpgrade(server.url, docId)).status).toBe(401)
  })
})

describe('ended sessions and grants', () => {
  it('a signed-out session is closed and cannot reconnect (4401)', async () => {
    const docId = await sharedDraft()
    const session = await signIn(server.url, cast.drafter.email)
    const client = connectClient(server.wsUrl, docId, { cookie: session.cookie })
    try {
      await waitSynced(client)
      await signOut(session)
      await waitClosedWith(client, CloseCode.unauthorized)
      expect(client.provider.shouldConnect).toBe(false) // 4401 is final: the browser shows sign-in
      const again = await RawSyncClient.open(server.wsUrl, docId, session.cookie).then((c) => c.closed)
      expect(again).toBe(CloseCode.unauthorized)
    } finally {
      client.destroy()
    }
  })

  it('an expired session cannot reconnect (4401)', async () => {
    const docId = await sharedDraft()
    const session = await signIn(server.url, cast.drafter.email)
    const db = new Database(path.join(server.dataDir, DB_FILE))
    try {
      db.prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?').run('2000-01-01T00:00:00.000Z', hashToken(session.cookie.split('=')[1]))
    } finally {
      db.close()
    }
    expect(await RawSyncClient.open(server.wsUrl, docId, session.cookie).then((c) => c.closed)).toBe(CloseCode.unauthorized)
    expect((await session.api(`/api/documents/${docId}`)).status).toBe(401)
  })

  it('a revoked grant closes the connection (4403) and it cannot reconnect', async () => {
    const docId = await sharedDraft()
    const client = connectClient(server.wsUrl, docId, { cookie: cast.reviewer.cookie })
    try {
      await waitSynced(client)
      await cast.owner.json(`/api/documents/${docId}/access/user/${cast.reviewer.user.id}`, { method: 'DELETE' })
      await waitClosedWith(client, CloseCode.forbidden)
      expect(await RawSyncClient.open(server.wsUrl, docId, cast.reviewer.cookie).then((c) => c.closed)).toBe(CloseCode.forbidden)
    } finally {
      client.destroy()
    }
  })

  it('an edit by a drafter is stored; the same edit after demotion to observer is not', async () => {
    const docId = await sharedDraft()
    const client = connectClient(server.wsUrl, docId, { cookie: cast.drafter.cookie })
    try {
      await waitSynced(client)
      insertText(client.ydoc, 'as drafter ')
      await waitSaved(client)
      await grant(cast.owner, docId, organization({ id: cast.justiceId }), 'observer')
      await waitFor(() => client.role === 'observer')
      insertText(client.ydoc, 'as observer ')
      await waitFor(() => client.denied.length > 0)
      const content = JSON.stringify(await cast.owner.json(`/api/documents/${docId}/content`))
      expect(content).toContain('as drafter')
      expect(content).not.toContain('as observer')
    } finally {
      client.destroy()
    }
  })
})
