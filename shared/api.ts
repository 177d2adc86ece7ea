import { z } from 'zod'
import { LANGUAGES } from './language'
import { ROLES, type Role } from './roles'
import { TRACKED_CHANGES, type ImportStats } from './import/types'
import type { DocJSON } from './schema'
import type { DocumentDiff } from './diff/types'
import type { WireDiff } from './diff/wire'
import { needsText, POSITIONS, SEVERITY, type PositionKind, type ProposalStatus } from './agreement'
import { problemParams } from './validation'
import { optionsOfKey } from './alternatives/recognise'
import { collapseSpaces } from './import/spaces'
import { COMMENT_MAX_LENGTH, CURRENT, EXPORT_FORMATS, POSITION_TEXT_MAX } from './apiConstants'
import { MAX_WORD_COMMENT_THREADS, type WordCommentThread } from './import/wordComments'

export * from './apiConstants'

/** HTTP API shapes, validated on the server and used as types by the client. */

/** A draft's title: one line (a line break sent by a client becomes a space, as runs of spaces become one; no-break spaces stay). */
export const DocumentTitle = z.string().trim().min(1).max(300).transform(collapseSpaces)

export const CreateDocumentInput = z.object({
  title: DocumentTitle,
  language: z.enum(LANGUAGES).default('en'),
  template: z.enum(['empty', 'sample']).default('empty'),
})
export type CreateDocumentInput = z.input<typeof CreateDocumentInput>

export const RenameDocumentInput = z.object({ title: DocumentTitle })
export type RenameDocumentInput = z.infer<typeof RenameDocumentInput>

/** A language version of a draft (shared/languageVersions.ts): a copy in another language, same ids. */
export const CreateLanguageVersionInput = z.object({
  language: z.enum(LANGUAGES),
  /** The new draft's title (the law's title in its text is copied, to be translated); the source's by default. */
  title: DocumentTitle.optional(),
})
export type CreateLanguageVersionInput = z.infer<typeof CreateLanguageVersionInput>

/** One language version of a law that the viewer can open (the draft itself included). */
export interface LanguageVersion {
  id: string
  title: string
  language: (typeof LANGUAGES)[number]
  updatedAt: string
  role: Role
  /** The law's first draft, which the others were made from (none once it is deleted). */
  original: boolean
}

/** GET /api/documents/:id/article-edits: when the draft was made, and when each place (shared/places.ts: article, heading, title, preamble) was last edited since (by editing session). */
export interface ArticleEdits {
  createdAt: string
  articles: Record<string, string>
}

export interface DocumentSummary {
  id: string
  title: string
  language: (typeof LANGUAGES)[number]
  createdAt: string
  updatedAt: string
  /** The viewer's effective role (the stronger of a direct grant and their organization's). */
  role: Role
  /** Organizations with access (directly, or through a member's personal grant). */
  organizations: OrganizationSummary[]
  /** In the drafts list: what others did since the viewer last left the draft (absent: nothing, or never opened). */
  news?: DocumentNews
  /** In the drafts list: the version proposed for agreement now, else the last one agreed (absent: none). */
  agreement?: DocumentAgreement
}

/**
 * Where a draft stands in agreement, as the drafts list says it: the version proposed now (or
 * the last agreed), how many of the organizations required agree, and the viewer's
 * organization's own position ('awaiting' when it is required and has stated none; null when
 * it is not required).
 */
export interface DocumentAgreement {
  status: 'proposed' | 'agreed'
  version: VersionSummary
  /** When it was proposed, and agreed. */
  proposedAt: string
  agreedAt: string | null
  required: number
  agreeing: number
  yours: PositionKind | 'awaiting' | null
}

/** Others' edits, comments and decisions on the viewer's threads in a draft since the viewer last left it (shared/visit.ts has the details, on opening it). */
export interface DocumentNews {
  edited: boolean
  comments: number
  decided: number
  /** Comments others wrote since that mention the viewer. */
  mentioned: number
}

// ── Accounts and organizations ────────────────────────────────────────────────────────────

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f5fa8')
export const Email = z.string().trim().toLowerCase().email().max(254)
export const Password = z.string().min(10, 'at least 10 characters').max(200)
export const DisplayName = z.string().trim().min(1).max(80)

export interface OrganizationSummary {
  id: string
  name: string
  shortName: string
  color: string
}

export interface UserSummary {
  id: string
  email: string
  displayName: string
  isAdmin: boolean
  organization: OrganizationSummary
}

/** Why the server ended a session the browser still holds (none: signed out, expired, or never signed in). */
export const SESSION_END_REASONS = ['deactivated', 'password_changed'] as const
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]

/** GET /api/auth/session: who is signed in, whether the installation still needs its first administrator. */
export interface SessionInfo {
  user: UserSummary | null
  needsSetup: boolean
  /** Send back as the X-CSRF-Token header on every state-changing request. */
  csrfToken: string | null
  /** Without a user: the server ended this browser's session, for this reason. */
  sessionEnded?: SessionEndReason
}

export const OrganizationInput = z.object({
  name: z.string().trim().min(1).max(200),
  shortName: z.string().trim().min(1).max(30),
  color: HexColor,
})
export type OrganizationInput = z.infer<typeof OrganizationInput>

/** POST /api/auth/setup: the first administrator and their organization (only while no user exists). */
export const SetupInput = z.object({
  email: Email,
  password: Password,
  displayName: DisplayName,
  organization: OrganizationInput,
})
export type SetupInput = z.input<typeof SetupInput>

export const SignInInput = z.object({ email: Email, password: z.string().min(1).max(200) })
export type SignInInput = z.input<typeof SignInInput>

/** POST /api/invitations (administrators). */
export const CreateInvitationInput = z.object({
  email: Email,
  organizationId: z.string().min(1).max(64),
  isAdmin: z.boolean().default(false),
})
export type CreateInvitationInput = z.input<typeof CreateInvitationInput>

export interface InvitationCreated {
  id: string
  /** The one-time link to hand to the invited person (token included; shown once). */
  url: string
  email: string
  organization: OrganizationSummary
  expiresAt: string
  /** How many links still pending for the address it replaced (they no longer work). */
  replaced: number
}

export interface PendingInvitation {
  id: string
  email: string
  organization: OrganizationSummary
  isAdmin: boolean
  expiresAt: string
  createdAt: string
}

/** GET /api/invitations/:token (public): what the link is for. */
export interface InvitationInfo {
  email: string
  organization: OrganizationSummary
  expiresAt: string
}

/** POST /api/invitations/:token/accept */
export const AcceptInvitationInput = z.object({ displayName: DisplayName, password: Password })
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>

/** PATCH /api/auth/me: the signed-in person changes the name others see (presence, comments, activity). */
export const ChangeOwnNameInput = z.object({ displayName: DisplayName })
export type ChangeOwnNameInput = z.input<typeof ChangeOwnNameInput>

/**
 * POST /api/auth/password: the signed-in person changes their own password (the current one
 * first, throttled as sign-ins are); their other sessions end.
 */
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>

/** POST /api/people/:id/password-reset (administrators): a one-time link to set a new password. */
export interface PasswordResetCreated {
  /** The link to hand to the person (token included; shown once). */
  url: string
  expiresAt: string
}

/** GET /api/password-resets/:token (public): whose password the link sets. */
export interface PasswordResetInfo {
  email: string
  displayName: string
  expiresAt: string
}

/** POST /api/password-resets/:token: the new password; every session of the person ends, a new one starts. */
export const ResetPasswordInput = z.object({ password: Password })
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>

/** People a draft can be shared with (GET /api/users, any signed-in user). */
export interface PersonSummary {
  id: string
  displayName: string
  organization: OrganizationSummary
}

/** An account as administrators see it (GET /api/people): active, or deactivated since when. */
export interface AccountSummary extends UserSummary {
  deactivatedAt: string | null
}

/**
 * PATCH /api/people/:id's answer: the account as changed, and the drafts a deactivation handed
 * to the person's organization (they were its only owner; nobody could have shared, renamed or
 * deleted them any more).
 */
export interface ChangedAccount extends AccountSummary {
  handedOver: { id: string; title: string }[]
}

/**
 * PATCH /api/people/:id (administrators): move a person to another organization, grant or remove
 * the administrator's right, deactivate (`active: false`) or reactivate, correct the email they
 * sign in with. At least one of them.
 */
export const ChangeAccountInput = z
  .object({
    organizationId: z.string().min(1).max(64).optional(),
    isAdmin: z.boolean().optional(),
    active: z.boolean().optional(),
    /** The address the person signs in with (a slip in the invitation mended). */
    email: Email.optional(),
  })
  .refine((input) => input.organizationId !== undefined || input.isAdmin !== undefined || input.active !== undefined || input.email !== undefined, {
    message: 'nothing to change: give organizationId, isAdmin, active or email',
    params: problemParams('empty'),
  })
export type ChangeAccountInput = z.infer<typeof ChangeAccountInput>

// ── Sharing ───────────────────────────────────────────────────────────────────────────────

export const PRINCIPAL_TYPES = ['organization', 'user'] as const
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number]

export type Grant =
  | { principalType: 'organization'; organization: OrganizationSummary; role: Role }
  | { principalType: 'user'; user: PersonSummary; role: Role }

/** PUT /api/documents/:id/access (owners): grant or change a role. */
export const PutGrantInput = z.object({
  principalType: z.enum(PRINCIPAL_TYPES),
  principalId: z.string().min(1).max(64),
  role: z.enum(ROLES),
})
export type PutGrantInput = z.infer<typeof PutGrantInput>
// DELETE /api/documents/:id/access/:principalType/:principalId (owners) revokes.

// ── Activity ──────────────────────────────────────────────────────────────────────────────

/** One editing session: consecutive edits by one person with no pause longer than a few minutes. */
export interface ActivitySession {
  user: { id: string; displayName: string }
  organization: OrganizationSummary
  startedAt: string
  endedAt: string
  updates: number
  /** Places touched (shared/places.ts: articles, headings, the title, the preamble), labelled as they are numbered now ("Article 5.", "Preamble" — or deleted). */
  articles: { id: string; label: string; heading: string; deleted: boolean; /** When it was last edited in the session. */ editedAt: string }[]
}

// ── Review threads and comments ───────────────────────────────────────────────────────────

/** A comment's text: plain text (never rendered as HTML), trimmed, 1–5,000 characters. */
export const CommentBody = z.string().trim().min(1, 'a comment cannot be empty').max(COMMENT_MAX_LENGTH)

/** One end of a passage: base64 of `Y.encodeRelativePosition` (shared/comments/anchor.ts). */
const EncodedPosition = z.string().min(4).max(200).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')

export const THREAD_STATUSES = ['open', 'resolved'] as const
export type ThreadStatus = (typeof THREAD_STATUSES)[number]

/**
 * A proposed wording: the words that would replace a passage. Plain text like a comment (never
 * rendered as HTML), trimmed, 1–5,000 characters, and one line: it replaces words inside one
 * paragraph, point or heading, where a line break has no place.
 */
export const ProposalText = z
  .string()
  .trim()
  .min(1, 'a proposed wording cannot be empty')
  .max(COMMENT_MAX_LENGTH)
  .refine((text) => !/[\r\n\u2028\u2029]/.test(text), { params: problemParams('invalid'), message: 'a proposed wording is one line: no line breaks' })

/** The most people one comment may mention. */
export const MENTIONS_MAX = 20

/**
 * Whom a comment mentions, by id: in `mentions` people ("@Name" in its words) who may open the
 * draft (GET …/people); in `mentionedOrganizations` organizations ("@MoJ": their short name, else
 * their name) of such people, each addressing all of its people. One whose "@…" is no longer in the
 * words is not kept.
 */
const MentionedIds = z.array(z.string().min(1).max(64)).max(MENTIONS_MAX).default([])

/**
 * POST /api/documents/:id/threads: a thread on a passage (anchor) or on a whole article (anchor
 * null), optionally proposing new words for the passage (`proposal`; a passage in one block only).
 */
export const CreateThreadInput = z.object({
  articleId: z.string().min(1).max(64),
  anchor: z.object({ start: EncodedPosition, end: EncodedPosition }).nullable().default(null),
  body: CommentBody,
  mentions: MentionedIds,
  mentionedOrganizations: MentionedIds,
  proposal: ProposalText.optional(),
})
export type CreateThreadInput = z.input<typeof CreateThreadInput>
/** A new thread as the server has it after validation (anchor defaulted to null). */
export type NewThread = z.output<typeof CreateThreadInput>

/** POST …/threads/:threadId/comments (reply) and PATCH …/comments/:commentId (edit). */
export const CommentInput = z.object({ body: CommentBody, mentions: MentionedIds, mentionedOrganizations: MentionedIds })
export type CommentInput = z.input<typeof CommentInput>
/** A comment as the server has it after validation (`mentions` defaulted). */
export type CommentWrite = z.output<typeof CommentInput>

/** PATCH …/threads/:threadId: resolve or reopen. */
export const ThreadStatusInput = z.object({ status: z.enum(THREAD_STATUSES) })
export type ThreadStatusInput = z.infer<typeof ThreadStatusInput>

export const WORDING_DECISIONS = ['accept', 'decline'] as const
export type WordingDecision = (typeof WORDING_DECISIONS)[number]

/** POST …/threads/:threadId/proposal: an editor (owner or drafter) accepts or declines the proposed wording. */
export const WordingDecisionInput = z.object({ decision: z.enum(WORDING_DECISIONS) })
export type WordingDecisionInput = z.infer<typeof WordingDecisionInput>

export interface PersonRef {
  id: string
  displayName: string
}

export interface CommentView {
  id: string
  author: PersonRef
  organization: OrganizationSummary
  /** Plain text; empty once deleted. */
  body: string
  /** The people it mentions, each as "@" and their name in `body` (none once deleted). */
  mentions: PersonRef[]
  /** The organizations it mentions, each as "@" and its short name (else its name) in `body`. */
  mentionedOrganizations: OrganizationSummary[]
  createdAt: string
  editedAt: string | null
  deleted: boolean
  /** What the viewer may do with it, as the server decides. */
  canEdit: boolean
  canDelete: boolean
}

export interface ThreadView {
  id: string
  /** The article the thread was started in (kept when its words are deleted). */
  articleId: string
  /** The block the passage started in (null for an article heading or a whole-article thread). */
  blockId: string | null
  /** The passage's Yjs relative positions, base64; null for a whole-article thread. */
  anchor: { start: string; end: string } | null
  /** The passage as it read when the thread was started (the article heading for a whole-article thread). */
  quote: string
  status: ThreadStatus
  createdBy: PersonRef
  organization: OrganizationSummary
  createdAt: string
  resolvedBy: PersonRef | null
  resolvedAt: string | null
  comments: CommentView[]
  /** Each time it was resolved or opened again, oldest first (between its comments by time). */
  history: ThreadEvent[]
  /** The wording proposed for the passage, if the thread was started with one. */
  proposal: WordingProposalView | null
}

export type ThreadEventKind = 'resolved' | 'reopened'

/** A thread resolved or opened again: by whom, when. */
export interface ThreadEvent {
  kind: ThreadEventKind
  by: PersonRef
  at: string
}

export const WORDING_STATUSES = ['open', 'accepted', 'declined'] as const
export type WordingStatus = (typeof WORDING_STATUSES)[number]

export interface WordingProposalView {
  /** The proposed words (plain text), to replace the thread's quote. */
  text: string
  status: WordingStatus
  decidedBy: PersonRef | null
  decidedAt: string | null
  /** Whether the viewer may accept or decline it (edit rights, and still open), as the server decides. */
  canDecide: boolean
}

// ── Alternative wordings ──────────────────────────────────────────────────────────────────

/** The longest option text a preference may name, and the longest group key (its options as JSON). */
export const OPTION_TEXT_MAX = 1000
export const GROUP_KEY_MAX = 8000

const GroupRef = {
  /** The stable id of the block the group is in (shared/alternatives/inDocument.ts). */
  blockId: z.string().min(1).max(64),
  /** The group's key: its options' texts (shared/alternatives/recognise.ts, groupKeyOf). */
  groupKey: z.string().min(1).max(GROUP_KEY_MAX),
}

/**
 * POST /api/documents/:id/alternatives/preferences: state (or change) the viewer's organization's
 * preference in one group. The option must be one of the key's options.
 */
export const StatePreferenceInput = z
  // Empty only where the group offers leaving its bracket's words out (WITHOUT): checked below.
  .object({ ...GroupRef, option: z.string().trim().max(OPTION_TEXT_MAX) })
  .superRefine((value, ctx) => {
    const options = optionsOfKey(value.groupKey)
    if (!options) ctx.addIssue({ code: 'custom', path: ['groupKey'], message: 'not a group key' })
    else if (value.option === '' && !options.includes('')) ctx.addIssue({ code: 'custom', path: ['option'], params: problemParams('empty'), message: 'an option is required' })
    else if (!options.includes(value.option)) ctx.addIssue({ code: 'custom', path: ['option'], message: 'not one of the group\'s options' })
  })
export type StatePreferenceInput = z.input<typeof StatePreferenceInput>

/** POST /api/documents/:id/alternatives/preferences/withdraw: the viewer's organization withdraws its preference. */
export const WithdrawPreferenceInput = z.object(GroupRef)
export type WithdrawPreferenceInput = z.input<typeof WithdrawPreferenceInput>

/** One organization's stated preference in one group. */
export interface PreferenceView {
  blockId: string
  groupKey: string
  option: string
  organization: OrganizationSummary
  statedBy: PersonRef
  statedAt: string
}

/** GET /api/documents/:id/alternatives/preferences (read access). */
export interface PreferencesOverview {
  preferences: PreferenceView[]
  /** Whether the viewer may state their organization's preferences (anyone who may comment). */
  canState: boolean
  /** The viewer's organization, for whom they state. */
  organization: OrganizationSummary
}

export const REVIEW_REPORT_FORMATS = ['html', 'docx'] as const
/** GET /api/documents/:id/review-report?format=html|docx&status=open|all */
export const ReviewReportQuery = z.object({
  format: z.enum(REVIEW_REPORT_FORMATS).default('html'),
  status: z.enum(['open', 'all']).default('open'),
})
export type ReviewReportQuery = z.infer<typeof ReviewReportQuery>

/** GET /api/documents/:id/amendments-table: the open proposed wordings as a table (read access). */
export const AmendmentsTableQuery = z.object({ format: z.enum(REVIEW_REPORT_FORMATS).default('html') })

export const ErrorCode = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  csrf: 'csrf_token_invalid',
  invalidCredentials: 'invalid_credentials',
  tooManyAttempts: 'too_many_attempts',
  setupDone: 'setup_already_done',
  emailTaken: 'email_taken',
  invitationInvalid: 'invitation_invalid',
  invitationExpired: 'invitation_expired',
  invitationUsed: 'invitation_used',
  /** Changing one's password with a wrong current password (403). */
  wrongPassword: 'wrong_password',
  resetLinkInvalid: 'reset_link_invalid',
  resetLinkExpired: 'reset_link_expired',
  /** A password reset link already used, or replaced by a newer one (410). */
  resetLinkUsed: 'reset_link_used',
  lastOwner: 'last_owner',
  /** An administrator's change to accounts that would leave no active administrator (409). */
  lastAdministrator: 'last_administrator',
  /** An administrator deactivating their own account (409). */
  selfDeactivation: 'self_deactivation',
  /** Sign-in with the right password to a deactivated account (403). */
  accountDeactivated: 'account_deactivated',
  personNotFound: 'person_not_found',
  unsupportedMediaType: 'unsupported_media_type',
  storageUnavailable: 'storage_unavailable',
  validation: 'validation_failed',
  notFound: 'not_found',
  documentNotFound: 'document_not_found',
  versionNotFound: 'version_not_found',
  payloadTooLarge: 'payload_too_large',
  methodNotAllowed: 'method_not_allowed',
  internal: 'internal_error',
  exportUnavailable: 'export_unavailable',
  /** The draft needs more memory than an export worker has, in this format (422). */
  exportTooLarge: 'export_too_large',
  busy: 'server_busy',
  rateLimited: 'rate_limited',
  anchorInvalid: 'anchor_invalid',
  anchorNotSynced: 'anchor_not_synced',
  threadNotFound: 'thread_not_found',
  commentNotFound: 'comment_not_found',
  /** A proposed wording on a whole article, or on a passage that is not plain words of one block (400). */
  wordingNotInBlock: 'wording_not_in_block',
  /** Deciding on a thread that proposes no wording (404). */
  wordingNotFound: 'wording_not_found',
  /** Accepting a wording whose passage no longer reads as it did when proposed (409). */
  wordingChanged: 'wording_changed',
  /** Accepting a wording whose passage now holds more than words (a cross-reference) (409). */
  wordingNotPlain: 'wording_not_plain',
  /** Deciding a proposed wording already accepted or declined (409). */
  wordingDecided: 'wording_already_decided',
  mentionNotMember: 'mention_not_member',
  proposalNotFound: 'proposal_not_found',
  agreementOpen: 'agreement_already_open',
  versionAlreadyProposed: 'version_already_proposed',
  agreementClosed: 'agreement_closed',
  notRequiredOrganization: 'not_a_required_organization',
  /** A language version in a language the law already has, or in the draft's own (409). */
  languageVersionExists: 'language_version_exists',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export interface ApiError {
  error: { code: ErrorCode; message: string; details?: unknown }
}

// ── Export and import ─────────────────────────────────────────────────────────────────────

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS),
  version: z.string().trim().min(1).max(64).default(CURRENT),
  /** `positions=1`: append the organizations' positions (a proposed or agreed version; DOCX, PDF, HTML, Markdown). */
  positions: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  /** `comments=1`: append the threads open now, per article, after the text (and the positions); DOCX, PDF, HTML, Markdown. */
  comments: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
})
export type ExportQuery = z.input<typeof ExportQuery>

/**
 * POST /api/documents/import with a JSON body: a draft parsed (and previewed) in the browser.
 * The server checks `doc` against the schema and gives it fresh ids. The same endpoint also
 * takes a raw .docx / text / Markdown body (parsed on the server; `?title=&language=`).
 */
/** Long texts are cut when stored (COMMENT_MAX_LENGTH), not refused: a long remark must not stop an import. */
const WordText = z.string().max(100_000)

/** A Word file's comment with its replies (shared/import/wordComments.ts), as the import preview read it. */
export const WordCommentThreadInput = z.object({
  quote: WordText,
  paragraph: WordText,
  resolved: z.boolean(),
  comments: z.array(z.object({ author: z.string().max(1000), date: z.string().max(100).nullable(), text: WordText })).min(1).max(1000),
  note: z.object({ kind: z.enum(['footnote', 'endnote']), number: z.number().int().min(1).max(1_000_000) }).optional(),
  proposal: WordText.optional(),
  untracked: z.boolean().optional(),
  onInserted: WordText.optional(),
}) satisfies z.ZodType<WordCommentThread>

export const ImportDocumentInput = z.object({
  title: DocumentTitle,
  language: z.enum(LANGUAGES),
  doc: z.looseObject({ type: z.literal('doc') }),
  /** The Word file's comments, kept as review threads on the imported text. */
  wordComments: z.array(WordCommentThreadInput).max(MAX_WORD_COMMENT_THREADS).default([]),
})
export type ImportDocumentInput = z.input<typeof ImportDocumentInput>

/**
 * POST /api/documents/:id/word-remarks: a Word file's comments, footnotes and tracked changes
 * (read in the browser as the import reads them), sent back on this draft by a ministry, added
 * to its review: new remarks as threads on the words they were made on, replies in Word to the
 * draft's own threads as replies. `?dryRun=1` answers what would be done and stores nothing.
 */
export const WordRemarksInput = z.object({
  wordComments: z.array(WordCommentThreadInput).min(1).max(MAX_WORD_COMMENT_THREADS),
  /** Resolve the draft's open threads that the file marks done (`doneInWord` below): the adder's choice, never the file's alone. */
  resolveDone: z.boolean().optional(),
})
export type WordRemarksInput = z.input<typeof WordRemarksInput>

export const WordRemarksQuery = z.object({
  dryRun: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
})

/**
 * What became of one Word thread: a new thread on its words (`onWords`) or, its words not in
 * the draft, on the title as a whole (`notFound`); new replies to a thread of the draft
 * (`replies`); or nothing, the draft having it all (`already`).
 */
export type WordRemarkFate = 'onWords' | 'notFound' | 'replies' | 'already'

export interface WordRemarkOutcome {
  fate: WordRemarkFate
  /** The place (shared/places.ts) of its thread. */
  placeId: string | null
  /** Its thread (null in a dry run, for a thread not created). */
  threadId: string | null
  /** Replies added (or to be added). */
  replies: number
  /** One of the draft's threads, open, that the file marks done: resolved when `resolveDone` was asked (and not a dry run). */
  doneInWord: boolean
  /** Replies to one of the draft's resolved threads, which the file does not mark done: it is opened again (as by a reply in Accord). */
  reopens: boolean
}

/** The answer: one outcome per Word thread sent, in order; `stored` false for a dry run; the threads this request `resolved` and `reopened`. */
export interface WordRemarksResult {
  outcomes: WordRemarkOutcome[]
  stored: boolean
  resolved: number
  reopened: number
}

export const ImportFileQuery = z.object({
  title: DocumentTitle.optional(),
  language: z.enum(LANGUAGES).optional(),
  /** A .docx's tracked changes: accepted into the text (the default), or proposed as wordings on the text as it was. */
  trackedChanges: z.enum(TRACKED_CHANGES).optional(),
})

/** The answer to an import: the new draft (the importer is its owner), what was recognised, notes. */
export interface ImportCreated {
  document: DocumentSummary
  stats: ImportStats
  warnings: string[]
}

// ── Versions and comparison ───────────────────────────────────────────────────────────────

/** POST /api/documents/:id/versions (owners and drafters: saving a version needs `edit`). */
export const SaveVersionInput = z.object({
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).default(''),
})
export type SaveVersionInput = z.input<typeof SaveVersionInput>

export const VERSION_KINDS = ['named', 'auto'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/**
 * Why an automatic checkpoint was taken: everyone left the draft, an hour of continuous editing,
 * or just before a restore (it holds the text the restore replaced).
 */
export const AUTO_VERSION_REASONS = ['left', 'hourly', 'before-restore'] as const
export type AutoVersionReason = (typeof AUTO_VERSION_REASONS)[number]

/** One saved version of a draft (newest first in lists). Automatic ones have an empty name. */
export interface VersionSummary {
  id: string
  name: string
  note: string
  kind: VersionKind
  reason: AutoVersionReason | null
  /** On a "before restore" checkpoint: the version that was restored over it. */
  restoredFrom: string | null
  createdAt: string
  /** Who saved it (for automatic ones: whose action triggered it, if anyone's). */
  author: { id: string; displayName: string } | null
  organization: OrganizationSummary | null
  /** Stored sizes: the Yjs state and the deflated canonical JSON. */
  stateBytes: number
  jsonBytes: number
}

/** GET /api/documents/:id/versions/:vid: a version with its text (read-only). */
export interface VersionDetail extends VersionSummary {
  content: DocJSON
}

/** `from` / `to` of a comparison: a version id or the live text (CURRENT). */
export const CompareQuery = z.object({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
})

/** One side of a comparison: a version, or the current text as it was when compared. */
export type ComparedSide =
  | { kind: 'version'; version: VersionSummary }
  | { kind: 'current'; at: string }

/** GET /api/documents/:id/compare?from&to */
export interface DocumentComparison {
  language: (typeof LANGUAGES)[number]
  from: ComparedSide
  to: ComparedSide
  diff: DocumentDiff
  /**
   * Per changed article id: the organizations whose stored edits of that article fall between
   * the two sides (from the editing sessions; see server/services/compare.ts for how exact), and
   * those whose proposed wording for it was accepted in between.
   */
  organizations: Record<string, OrganizationSummary[]>
  /**
   * Per changed place, the reasons given with the proposed wordings accepted for it in between,
   * in the order they were accepted: the comparative table's "Justification".
   */
  reasons: Record<string, ProposalReason[]>
}

/** A proposed wording's reason: its thread's first comment (the proposal's «обоснование»), with the proposer's organization. */
export interface ProposalReason {
  organization: OrganizationSummary
  text: string
}

/** A DocumentComparison as the server sends it: the diff packed (shared/diff/wire.ts). */
export type DocumentComparisonWire = Omit<DocumentComparison, 'diff'> & { diff: WireDiff }

export const COMPARATIVE_TABLE_FORMATS = ['html', 'docx'] as const
export type ComparativeTableFormat = (typeof COMPARATIVE_TABLE_FORMATS)[number]

/** POST /api/documents/:id/versions/:vid/restore (owners and drafters). */
export interface RestoreResult {
  restored: VersionSummary
  /** The version holding the text the restore replaced (a new "before restore" checkpoint, or the latest version if nothing had changed since it). */
  before: VersionSummary | null
  /** False when the current text already was that version's text. */
  changed: boolean
}

// ── Agreement ─────────────────────────────────────────────────────────────────────────────

/** A position (on the whole version or on one article): agree, or reservations / objection with their text. */
const PositionFields = {
  position: z.enum(POSITIONS),
  text: z.string().trim().max(POSITION_TEXT_MAX).default(''),
}

function positionTextRule(value: { position: PositionKind; text: string }, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  if (needsText(value.position) && !value.text) ctx.addIssue({ code: 'custom', path: [...path, 'text'], params: problemParams('empty'), message: 'a reservation or objection needs its text' })
  if (!needsText(value.position) && value.text) ctx.addIssue({ code: 'custom', path: [...path, 'text'], message: 'an agreement carries no text' })
}

export const ArticlePositionInput = z.object({ articleId: z.string().min(1).max(64), ...PositionFields })
export type ArticlePositionInput = z.input<typeof ArticlePositionInput>

/**
 * POST /api/documents/:id/agreement/proposals/:pid/positions (a member of a required
 * organization, for that organization). Replaces the organization's earlier position; the
 * earlier ones stay in its history. Per-article positions are optional; the position on the
 * whole version must be at least as reserved as on any article.
 */
export const RecordPositionInput = z
  .object({ ...PositionFields, articles: z.array(ArticlePositionInput).max(2000).default([]) })
  .superRefine((value, ctx) => {
    positionTextRule(value, ctx)
    const seen = new Set<string>()
    value.articles.forEach((article, i) => {
      positionTextRule(article, ctx, ['articles', i])
      if (seen.has(article.articleId)) ctx.addIssue({ code: 'custom', path: ['articles', i, 'articleId'], message: 'one position per provision' })
      seen.add(article.articleId)
      if (SEVERITY[article.position] > SEVERITY[value.position]) {
        ctx.addIssue({ code: 'custom', path: ['position'], message: 'the position on the whole version must be at least as reserved as on any article' })
      }
    })
  })
export type RecordPositionInput = z.input<typeof RecordPositionInput>

/**
 * POST /api/documents/:id/agreement/proposals (owners): a saved version (`versionId`), or one
 * saved on the spot from the current text (`saveVersion`), and the organizations whose
 * agreement is required (any organizations; those without access to the draft cannot record
 * a position until it is shared with them).
 */
export const ProposeInput = z
  .object({
    versionId: z.string().min(1).max(64).optional(),
    saveVersion: SaveVersionInput.optional(),
    organizationIds: z.array(z.string().min(1).max(64)).min(1, 'name at least one organization').max(100),
    note: z.string().trim().max(2000).default(''),
  })
  .refine((v) => (v.versionId === undefined) !== (v.saveVersion === undefined), { message: 'give either versionId or saveVersion', path: ['versionId'] })
  .refine((v) => new Set(v.organizationIds).size === v.organizationIds.length, { message: 'an organization is named twice', path: ['organizationIds'] })
export type ProposeInput = z.input<typeof ProposeInput>

export interface PersonRef {
  id: string
  displayName: string
}

/** An article of the proposed version, labelled by that version's numbering ("Article 5."). */
export interface ArticleRef {
  id: string
  label: string
  heading: string
}

export interface ArticlePositionView extends ArticleRef {
  position: PositionKind
  text: string
}

/** One position an organization recorded: attributed to the person who recorded it, at a time. */
export interface PositionRecord {
  id: number
  position: PositionKind
  text: string
  articles: ArticlePositionView[]
  recordedBy: PersonRef
  recordedAt: string
}

/** A row of the status matrix: a required organization, its current position and the earlier ones. */
export interface OrganizationPosition {
  organization: OrganizationSummary
  /** Whether the organization can open the draft (otherwise nobody in it can record a position). */
  hasAccess: boolean
  current: PositionRecord | null
  /** Replaced positions, newest first. */
  earlier: PositionRecord[]
}

/** GET /api/documents/:id/agreement (read access): the proposals of a draft, newest first. */
export interface ProposalView {
  id: string
  version: VersionSummary
  status: ProposalStatus
  note: string
  proposedBy: PersonRef
  proposedByOrganization: OrganizationSummary
  proposedAt: string
  agreedAt: string | null
  withdrawnBy: PersonRef | null
  withdrawnAt: string | null
  /** In the order they were named. */
  organizations: OrganizationPosition[]
  /** The version's provisions (shared/places.ts: the title, the preamble, headings, articles), for per-provision positions. */
  articles: ArticleRef[]
  /** For the viewer: record their organization's position (a member of a required organization, while proposed). */
  canRecord: boolean
  /** For the viewer: withdraw (an owner, while proposed). */
  canWithdraw: boolean
  /** Whether the draft's text has been edited since the version was saved (false for a withdrawn proposal). */
  textChangedSince: boolean
}

export interface AgreementOverview {
  proposals: ProposalView[]
  /** Whether the viewer may propose a version (owners), and whether a proposal is open already. */
  canPropose: boolean
}
