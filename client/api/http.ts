import {
  CSRF_HEADER,
  type AcceptInvitationInput,
  type ActivitySession,
  type ApiError,
  type CommentInput,
  type CreateDocumentInput,
  type CreateThreadInput,
  type CreateInvitationInput,
  type DocumentSummary,
  type Grant,
  type InvitationCreated,
  type InvitationInfo,
  type OrganizationInput,
  type OrganizationSummary,
  type PendingInvitation,
  type PersonSummary,
  type PutGrantInput,
  type RenameDocumentInput,
  type SessionInfo,
  type SetupInput,
  type SignInInput,
  type ThreadStatus,
  type ThreadView,
} from '../../shared/api'
import type { MessageKey } from '../i18n/en'
import type { Translate } from '../i18n/i18n'

/** An API failure with the server's stable code, or 'network' when the server was not reached. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/** The session's CSRF token, sent with every state-changing request. */
let csrfToken: string | null = null
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when the server says the session is gone (401), so the app can ask to sign in. */
let onUnauthorized: () => void = () => {}
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken
  let response: Response
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
  } catch (err) {
    throw new RequestError('network', err instanceof Error ? err.message : String(err), 0)
  }
  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (payload as ApiError | null)?.error
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized()
    throw new RequestError(error?.code ?? 'http_error', error?.message ?? response.statusText, response.status)
  }
  return payload as T
}

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`

export const api = {
  session: () => request<SessionInfo>('GET', '/api/auth/session'),
  setup: (input: SetupInput) => request<SessionInfo>('POST', '/api/auth/setup', input),
  signIn: (input: SignInInput) => request<SessionInfo>('POST', '/api/auth/sign-in', input),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),

  listOrganizations: () => request<OrganizationSummary[]>('GET', '/api/organizations'),
  createOrganization: (input: OrganizationInput) => request<OrganizationSummary>('POST', '/api/organizations', input),
  updateOrganization: (id: string, input: OrganizationInput) => request<OrganizationSummary>('PATCH', `/api/organizations/${encodeURIComponent(id)}`, input),
  listPeople: () => request<PersonSummary[]>('GET', '/api/users'),

  createInvitation: (input: CreateInvitationInput) => request<InvitationCreated>('POST', '/api/invitations', input),
  listInvitations: () => request<PendingInvitation[]>('GET', '/api/invitations'),
  revokeInvitation: (id: string) => request<void>('DELETE', `/api/invitations/${encodeURIComponent(id)}`),
  invitationInfo: (token: string) => request<InvitationInfo>('GET', `/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, input: AcceptInvitationInput) => request<SessionInfo>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, input),

  listDocuments: () => request<DocumentSummary[]>('GET', '/api/documents'),
  getDocument: (id: string) => request<DocumentSummary>('GET', doc(id)),
  createDocument: (input: CreateDocumentInput) => request<DocumentSummary>('POST', '/api/documents', input),
  renameDocument: (id: string, input: RenameDocumentInput) => request<DocumentSummary>('PATCH', doc(id), input),
  deleteDocument: (id: string) => request<void>('DELETE', doc(id)),
  listGrants: (id: string) => request<Grant[]>('GET', `${doc(id)}/access`),
  putGrant: (id: string, input: PutGrantInput) => request<unknown>('PUT', `${doc(id)}/access`, input),
  revokeGrant: (id: string, principalType: string, principalId: string) =>
    request<void>('DELETE', `${doc(id)}/access/${encodeURIComponent(principalType)}/${encodeURIComponent(principalId)}`),
  activity: (id: string) => request<ActivitySession[]>('GET', `${doc(id)}/activity`),

  listThreads: (id: string) => request<ThreadView[]>('GET', `${doc(id)}/threads`),
  createThread: (id: string, input: CreateThreadInput) => request<ThreadView>('POST', `${doc(id)}/threads`, input),
  setThreadStatus: (id: string, threadId: string, status: ThreadStatus) =>
    request<ThreadView>('PATCH', `${doc(id)}/threads/${encodeURIComponent(threadId)}`, { status }),
  reply: (id: string, threadId: string, input: CommentInput) =>
    request<ThreadView>('POST', `${doc(id)}/threads/${encodeURIComponent(threadId)}/comments`, input),
  editComment: (id: string, threadId: string, commentId: string, input: CommentInput) =>
    request<ThreadView>('PATCH', `${doc(id)}/threads/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`, input),
  /** The thread as it is now, or undefined when deleting its last comment deleted it. */
  deleteComment: (id: string, threadId: string, commentId: string) =>
    request<ThreadView | undefined>('DELETE', `${doc(id)}/threads/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`),
  /** Where the browser downloads the review report from (a plain link: GET with the session cookie). */
  reviewReportUrl: (id: string, format: 'html' | 'docx', status: 'open' | 'all') => `${doc(id)}/review-report?format=${format}&status=${status}`,
}

const KNOWN_CODES: Partial<Record<string, MessageKey>> = {
  network: 'error.network',
  invalid_credentials: 'error.invalid_credentials',
  too_many_attempts: 'error.too_many_attempts',
  email_taken: 'error.email_taken',
  invitation_invalid: 'error.invitation_invalid',
  invitation_expired: 'error.invitation_expired',
  invitation_used: 'error.invitation_used',
  last_owner: 'error.last_owner',
  forbidden: 'error.forbidden',
  unauthorized: 'error.unauthorized',
  csrf_token_invalid: 'error.unauthorized',
  setup_already_done: 'error.setup_already_done',
  rate_limited: 'error.rate_limited',
  anchor_invalid: 'error.anchor_invalid',
  anchor_not_synced: 'error.anchor_not_synced',
  thread_not_found: 'error.thread_not_found',
  comment_not_found: 'error.comment_not_found',
}

/** A sentence for the user, in their language, from any failure. */
export function errorText(err: unknown, t: Translate): string {
  const key = err instanceof RequestError ? KNOWN_CODES[err.code] : undefined
  if (key) return t(key)
  return t('error.generic', { message: err instanceof Error ? err.message : String(err) })
}
