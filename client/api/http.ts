import type { VisitView } from '../../shared/visit'
import { CSRF_HEADER } from '../../shared/apiConstants'
import type {
  ArticleEdits,
  CreateLanguageVersionInput,
  LanguageVersion,
  AcceptInvitationInput,
  AccountSummary,
  ChangeOwnNameInput,
  ChangePasswordInput,
  UserSummary,
  ChangedAccount,
  ChangeAccountInput,
  ActivitySession,
  ApiError,
  CommentInput,
  CreateDocumentInput,
  CreateThreadInput,
  CreateInvitationInput,
  ComparativeTableFormat,
  DocumentComparison,
  DocumentComparisonWire,
  RestoreResult,
  SaveVersionInput,
  VersionDetail,
  VersionSummary,
  DocumentSummary,
  ErrorCode,
  ExportFormat,
  Grant,
  ImportCreated,
  ImportDocumentInput,
  InvitationCreated,
  InvitationInfo,
  OrganizationInput,
  OrganizationSummary,
  PasswordResetCreated,
  PasswordResetInfo,
  PendingInvitation,
  PersonSummary,
  PutGrantInput,
  RenameDocumentInput,
  ResetPasswordInput,
  SessionInfo,
  SetupInput,
  SignInInput,
  ThreadStatus,
  ThreadView,
  WordRemarksInput,
  WordRemarksResult,
  WordingDecision,
  AgreementOverview,
  ProposalView,
  ProposeInput,
  RecordPositionInput,
  PreferencesOverview,
  StatePreferenceInput,
  WithdrawPreferenceInput,
} from '../../shared/api'
import type { DocJSON } from '../../shared/schema'
import { unpackDiff } from '../../shared/diff/wire'
import type { MessageKey } from '../i18n/en'
import type { Translate } from '../i18n/i18n'
import { issuesIn } from '../../shared/validation'
import { fieldErrorTexts, validationText } from './validationText'

/** An API failure with the server's stable code, or 'network' when the server was not reached. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** The error's details: for validation_failed, what was wrong in which field (shared/validation). */
    readonly details?: unknown,
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
    throw new RequestError(error?.code ?? 'http_error', error?.message ?? response.statusText, response.status, error?.details)
  }
  return payload as T
}

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`

export const api = {
  session: () => request<SessionInfo>('GET', '/api/auth/session'),
  setup: (input: SetupInput) => request<SessionInfo>('POST', '/api/auth/setup', input),
  signIn: (input: SignInInput) => request<SessionInfo>('POST', '/api/auth/sign-in', input),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),
  /** One's own name, as co-authors see it. */
  changeOwnName: (input: ChangeOwnNameInput) => request<UserSummary>('PATCH', '/api/auth/me', input),
  /** One's own password; the person's other sessions end, this one stays. */
  changePassword: (input: ChangePasswordInput) => request<void>('POST', '/api/auth/password', input),

  listOrganizations: () => request<OrganizationSummary[]>('GET', '/api/organizations'),
  createOrganization: (input: OrganizationInput) => request<OrganizationSummary>('POST', '/api/organizations', input),
  updateOrganization: (id: string, input: OrganizationInput) => request<OrganizationSummary>('PATCH', `/api/organizations/${encodeURIComponent(id)}`, input),
  listPeople: () => request<PersonSummary[]>('GET', '/api/users'),
  listAccounts: () => request<AccountSummary[]>('GET', '/api/people'),
  changeAccount: (id: string, input: ChangeAccountInput) => request<ChangedAccount>('PATCH', `/api/people/${encodeURIComponent(id)}`, input),

  createInvitation: (input: CreateInvitationInput) => request<InvitationCreated>('POST', '/api/invitations', input),
  listInvitations: () => request<PendingInvitation[]>('GET', '/api/invitations'),
  revokeInvitation: (id: string) => request<void>('DELETE', `/api/invitations/${encodeURIComponent(id)}`),
  invitationInfo: (token: string) => request<InvitationInfo>('GET', `/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, input: AcceptInvitationInput) => request<SessionInfo>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, input),
  /** A one-time link to set a new password (administrators); the person's older link stops working. */
  createPasswordReset: (personId: string) => request<PasswordResetCreated>('POST', `/api/people/${encodeURIComponent(personId)}/password-reset`),
  passwordResetInfo: (token: string) => request<PasswordResetInfo>('GET', `/api/password-resets/${encodeURIComponent(token)}`),
  /** Sets the new password and signs the person in; their other sessions end. */
  resetPassword: (token: string, input: ResetPasswordInput) => request<SessionInfo>('POST', `/api/password-resets/${encodeURIComponent(token)}`, input),

  listDocuments: () => request<DocumentSummary[]>('GET', '/api/documents'),
  getDocument: (id: string) => request<DocumentSummary>('GET', doc(id)),
  createDocument: (input: CreateDocumentInput) => request<DocumentSummary>('POST', '/api/documents', input),
  renameDocument: (id: string, input: RenameDocumentInput) => request<DocumentSummary>('PATCH', doc(id), input),
  deleteDocument: (id: string) => request<void>('DELETE', doc(id)),
  /** The draft's text as stored now (the tree of the legal schema). */
  content: (id: string) => request<DocJSON>('GET', `${doc(id)}/content`),
  languageVersions: (id: string) => request<LanguageVersion[]>('GET', `${doc(id)}/language-versions`),
  articleEdits: (id: string) => request<ArticleEdits>('GET', `${doc(id)}/article-edits`),
  createLanguageVersion: (id: string, input: CreateLanguageVersionInput) => request<DocumentSummary>('POST', `${doc(id)}/language-versions`, input),
  listGrants: (id: string) => request<Grant[]>('GET', `${doc(id)}/access`),
  putGrant: (id: string, input: PutGrantInput) => request<unknown>('PUT', `${doc(id)}/access`, input),
  revokeGrant: (id: string, principalType: string, principalId: string) =>
    request<void>('DELETE', `${doc(id)}/access/${encodeURIComponent(principalType)}/${encodeURIComponent(principalId)}`),
  activity: (id: string) => request<ActivitySession[]>('GET', `${doc(id)}/activity`),
  visit: (id: string) => request<VisitView>('POST', `${doc(id)}/visit`),
  listPreferences: (id: string) => request<PreferencesOverview>('GET', `${doc(id)}/alternatives/preferences`),
  statePreference: (id: string, input: StatePreferenceInput) => request<PreferencesOverview>('POST', `${doc(id)}/alternatives/preferences`, input),
  withdrawPreference: (id: string, input: WithdrawPreferenceInput) => request<PreferencesOverview>('POST', `${doc(id)}/alternatives/preferences/withdraw`, input),
  importDocument: (input: ImportDocumentInput) => request<ImportCreated>('POST', '/api/documents/import', input),
  exportPath: (id: string, format: ExportFormat, version?: string, options: { positions?: boolean; comments?: boolean } = {}) =>
    `${doc(id)}/export?format=${format}${version ? `&version=${encodeURIComponent(version)}` : ''}${options.positions ? '&positions=1' : ''}${options.comments ? '&comments=1' : ''}`,

  listVersions: (id: string) => request<VersionSummary[]>('GET', `${doc(id)}/versions`),
  saveVersion: (id: string, input: SaveVersionInput) => request<VersionSummary>('POST', `${doc(id)}/versions`, input),
  getVersion: (id: string, versionId: string) => request<VersionDetail>('GET', `${doc(id)}/versions/${encodeURIComponent(versionId)}`),
  restoreVersion: (id: string, versionId: string) => request<RestoreResult>('POST', `${doc(id)}/versions/${encodeURIComponent(versionId)}/restore`),
  compare: (id: string, from: string, to: string) =>
    request<DocumentComparisonWire>('GET', `${doc(id)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`).then(
      (wire): DocumentComparison => ({ ...wire, diff: unpackDiff(wire.diff) }),
    ),
  /** A link (GET, same-origin cookie) that downloads the comparative table, with an empty "Justification" column if asked. */
  comparativeTableUrl: (id: string, from: string, to: string, format: ComparativeTableFormat, options: { justification?: boolean } = {}) =>
    `${doc(id)}/comparative-table?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=${format}${options.justification ? '&justification=1' : ''}`,

  listThreads: (id: string) => request<ThreadView[]>('GET', `${doc(id)}/threads`),
  /** The people a comment may mention: those who may open the draft. */
  listDocumentPeople: (id: string) => request<PersonSummary[]>('GET', `${doc(id)}/people`),
  addWordRemarks: (id: string, input: WordRemarksInput, dryRun: boolean) =>
    request<WordRemarksResult>('POST', `${doc(id)}/word-remarks${dryRun ? '?dryRun=1' : ''}`, input),
  createThread: (id: string, input: CreateThreadInput) => request<ThreadView>('POST', `${doc(id)}/threads`, input),
  setThreadStatus: (id: string, threadId: string, status: ThreadStatus) =>
    request<ThreadView>('PATCH', `${doc(id)}/threads/${encodeURIComponent(threadId)}`, { status }),
  decideWording: (id: string, threadId: string, decision: WordingDecision) =>
    request<ThreadView>('POST', `${doc(id)}/threads/${encodeURIComponent(threadId)}/proposal`, { decision }),
  reply: (id: string, threadId: string, input: CommentInput) =>
    request<ThreadView>('POST', `${doc(id)}/threads/${encodeURIComponent(threadId)}/comments`, input),
  editComment: (id: string, threadId: string, commentId: string, input: CommentInput) =>
    request<ThreadView>('PATCH', `${doc(id)}/threads/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`, input),
  /** The thread as it is now, or undefined when deleting its last comment deleted it. */
  deleteComment: (id: string, threadId: string, commentId: string) =>
    request<ThreadView | undefined>('DELETE', `${doc(id)}/threads/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`),
  /** Where the browser downloads the review report from (a plain link: GET with the session cookie). */
  reviewReportUrl: (id: string, format: 'html' | 'docx', status: 'open' | 'all') => `${doc(id)}/review-report?format=${format}&status=${status}`,
  amendmentsTableUrl: (id: string, format: 'html' | 'docx') => `${doc(id)}/amendments-table?format=${format}`,
  agreement: (id: string) => request<AgreementOverview>('GET', `${doc(id)}/agreement`),
  propose: (id: string, input: ProposeInput) => request<ProposalView>('POST', `${doc(id)}/agreement/proposals`, input),
  recordPosition: (id: string, proposalId: string, input: RecordPositionInput) =>
    request<ProposalView>('POST', `${doc(id)}/agreement/proposals/${encodeURIComponent(proposalId)}/positions`, input),
  withdrawProposal: (id: string, proposalId: string) => request<ProposalView>('POST', `${doc(id)}/agreement/proposals/${encodeURIComponent(proposalId)}/withdraw`),
}

/** Words for every code the server answers with (a new code without them does not compile). */
const KNOWN_CODES: Record<ErrorCode | 'network', MessageKey> = {
  network: 'error.network',
  bad_request: 'error.request_refused',
  not_found: 'error.request_refused',
  method_not_allowed: 'error.request_refused',
  unsupported_media_type: 'error.request_refused',
  document_not_found: 'error.document_not_found',
  storage_unavailable: 'error.storage_unavailable',
  internal_error: 'error.internal_error',
  invalid_credentials: 'error.invalid_credentials',
  too_many_attempts: 'error.too_many_attempts',
  email_taken: 'error.email_taken',
  invitation_invalid: 'error.invitation_invalid',
  invitation_expired: 'error.invitation_expired',
  invitation_used: 'error.invitation_used',
  wrong_password: 'error.wrong_password',
  reset_link_invalid: 'error.reset_link_invalid',
  reset_link_expired: 'error.reset_link_expired',
  reset_link_used: 'error.reset_link_used',
  last_owner: 'error.last_owner',
  last_administrator: 'error.last_administrator',
  self_deactivation: 'error.self_deactivation',
  account_deactivated: 'error.account_deactivated',
  person_not_found: 'error.person_not_found',
  forbidden: 'error.forbidden',
  unauthorized: 'error.unauthorized',
  csrf_token_invalid: 'error.unauthorized',
  setup_already_done: 'error.setup_already_done',
  export_unavailable: 'error.export_unavailable',
  export_too_large: 'error.export_too_large',
  server_busy: 'error.server_busy',
  payload_too_large: 'error.payload_too_large',
  validation_failed: 'error.validation_failed',
  version_not_found: 'error.version_not_found',
  rate_limited: 'error.rate_limited',
  anchor_invalid: 'error.anchor_invalid',
  anchor_not_synced: 'error.anchor_not_synced',
  thread_not_found: 'error.thread_not_found',
  comment_not_found: 'error.comment_not_found',
  wording_not_in_block: 'error.wording_not_in_block',
  wording_not_found: 'error.wording_not_found',
  wording_changed: 'error.wording_changed',
  wording_not_plain: 'error.wording_not_plain',
  wording_already_decided: 'error.wording_already_decided',
  mention_not_member: 'error.mention_not_member',
  proposal_not_found: 'error.proposal_not_found',
  agreement_already_open: 'error.agreement_already_open',
  version_already_proposed: 'error.version_already_proposed',
  agreement_closed: 'error.agreement_closed',
  language_version_exists: 'error.language_version_exists',
  not_a_required_organization: 'error.not_a_required_organization',
}

/** A sentence for the user, in their language, from any failure. */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof RequestError && err.code === 'validation_failed') return validationText(issuesIn(err.details), t)
  const key = err instanceof RequestError ? (KNOWN_CODES as Partial<Record<string, MessageKey>>)[err.code] : undefined
  if (key) return t(key, { message: err instanceof Error ? err.message : '' })
  return t('error.generic', { message: err instanceof Error ? err.message : String(err) })
}

/** What a refused form has wrong at each of its fields (by the field's name in the request: "shortName"), in the interface's words. */
export function fieldErrors(err: unknown, t: Translate): Partial<Record<string, string>> {
  return err instanceof RequestError && err.code === 'validation_failed' ? fieldErrorTexts(issuesIn(err.details), t) : {}
}

/** A file download's progress: `total` is null when the server did not say how large it is. */
export interface FileProgress {
  received: number
  total: number | null
}

/**
 * GETs a file (an export) as a Blob, reporting progress as the body arrives; the server's file
 * name comes from Content-Disposition. Failures are RequestErrors, as for JSON requests.
 */
export async function requestFile(
  path: string,
  options: { signal?: AbortSignal; onProgress?: (progress: FileProgress) => void } = {},
): Promise<{ blob: Blob; filename: string | null; type: string }> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin', signal: options.signal })
  } catch (err) {
    if (options.signal?.aborted) throw err
    throw new RequestError('network', err instanceof Error ? err.message : String(err), 0)
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => null)) as ApiError | null)?.error
    if (response.status === 401) onUnauthorized()
    throw new RequestError(error?.code ?? 'http_error', error?.message ?? response.statusText, response.status)
  }
  const length = Number(response.headers.get('content-length'))
  const total = Number.isFinite(length) && length > 0 ? length : null
  const type = response.headers.get('content-type') ?? 'application/octet-stream'
  const chunks: Uint8Array[] = []
  let received = 0
  const reader = response.body?.getReader()
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      options.onProgress?.({ received, total })
    }
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), filename: filenameFromDisposition(response.headers.get('content-disposition')), type }
}

/** The file name of a Content-Disposition header: RFC 5987 `filename*` first, then `filename`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // malformed escapes: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header)
  return plain ? (plain[1] ?? plain[2]).trim() : null
}
