import { CONCLUSIONS_PLACE, PREAMBLE_PLACE, TITLE_PLACE } from '../../shared/places'
import { CURRENT, type ComparativeTableFormat, type ComparedSide, type DocumentComparison, type OrganizationSummary, type ProposalReason } from '../../shared/api'
import { compareDocuments, comparativeTable, definitionChangesLine, type DocumentDiff } from '../../shared/diff'
import type { Language } from '../../shared/language'
import { documentDateTime } from '../../shared/dates'
import type { DocJSON } from '../../shared/schema'
import type { DocumentRecord } from '../db/documentsRepo'
import type { DownloadFile } from '../export/filename'
import { comparativeTableDownload } from '../export/comparativeTableDownload'
import { shortTitle } from '../../shared/fileName'
import { parseArticles, type EditSessionRow, type EditSessionsRepo } from '../db/editSessionsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { CommentsRepo } from '../db/commentsRepo'
import type { Rooms } from '../collab/rooms'
import type { Versions } from './versions'

export interface CompareDeps {
  versions: Versions
  rooms: Rooms
  editSessions: EditSessionsRepo
  organizations: OrganizationsRepo
  comments: CommentsRepo
}

/** One side of a comparison with its text and the moment it stands for. */
interface Side {
  side: ComparedSide
  content: DocJSON
  at: string
}

/** `from`/`to` of a request: a version id, or "current" for the live text (as of now). */
function resolveSide(deps: CompareDeps, doc: DocumentRecord, param: string): Side {
  if (param === CURRENT) {
    const at = new Date().toISOString()
    return { side: { kind: 'current', at }, content: deps.rooms.snapshot(doc.id), at }
  }
  const version = deps.versions.summary(doc.id, param)
  return { side: { kind: 'version', version }, content: deps.versions.content(doc.id, param), at: version.createdAt }
}

/** GET …/compare: the article-aware diff, and who edited each changed place in between, and why (editsBetween). */
export function compareVersions(deps: CompareDeps, doc: DocumentRecord, from: string, to: string): DocumentComparison {
  const a = resolveSide(deps, doc, from)
  const b = resolveSide(deps, doc, to)
  const between = sessionsBetween(deps, doc.id, a.at, b.at)
  const touched = new Set(between.sessions.flatMap((session) => parseArticles(session.articles)))
  const diff = compareDocuments(a.content, b.content, doc.language, touched)
  return { language: doc.language, from: a.side, to: b.side, diff, ...editsBetween(deps, doc.id, diff, between) }
}

/** Two moments in order, and the editing sessions between them (see editsBetween). */
interface Between {
  from: string
  to: string
  sessions: EditSessionRow[]
}

function sessionsBetween(deps: Pick<CompareDeps, 'editSessions'>, docId: string, atA: string, atB: string): Between {
  const [from, to] = atA <= atB ? [atA, atB] : [atB, atA]
  deps.editSessions.fold(docId)
  return { from, to, sessions: deps.editSessions.overlapping(docId, from, to) }
}

/** The places a comparison lists as changed: articles and headings added, deleted, reworded or moved; the title; the preamble; the conclusions. */
function changedPlaces(diff: DocumentDiff): Set<string> {
  const changed = new Set(diff.structure.filter((a) => a.id && (a.status !== 'unchanged' || a.moved)).map((a) => a.id!))
  if (diff.title.status !== 'unchanged') changed.add(TITLE_PLACE)
  if (diff.summary.preambleChanged) changed.add(PREAMBLE_PLACE)
  if (diff.summary.conclusionsChanged) changed.add(CONCLUSIONS_PLACE)
  return changed
}

/**
 * Per changed place, who edited it between the two sides' times (`organizations`) and why, as far
 * as Accord was told (`reasons`).
 *
 * The organizations are those whose stored edits of the place fall in between, read from the
 * editing sessions (which, unlike the update log, survive compaction). An approximation, on the
 * generous side:
 * - a session is one person's edits with pauses under ten minutes, and records which places it
 *   touched, not when; a session that straddles a version's moment counts whole, so a place it
 *   touched just before (or after) the window is attributed too. An edit inside the window is
 *   never missed;
 * - "between" is by time, so comparing two versions in either order gives the same organizations,
 *   and edits undone later in the window still count;
 * - a restore counts as an edit by the organization of whoever restored;
 * - a proposed wording accepted in between counts for the organization that proposed it, as well
 *   as for the acceptor's (whose session wrote it): the comparative table's "Proposed by".
 *
 * The reasons are those given with the proposed wordings accepted in between (the thread's first
 * comment, labelled «обоснование» in the form), in the order they were accepted: the comparative
 * table's "Justification". Edits typed by hand carry none.
 */
export function editsBetween(
  deps: Pick<CompareDeps, 'organizations' | 'comments'>,
  docId: string,
  diff: DocumentDiff,
  { from, to, sessions }: Between,
): Pick<DocumentComparison, 'organizations' | 'reasons'> {
  const changed = changedPlaces(diff)
  const organizations: Record<string, OrganizationSummary[]> = {}
  const reasons: Record<string, ProposalReason[]> = {}
  if (changed.size === 0) return { organizations, reasons }
  const summaries = new Map<string, OrganizationSummary | undefined>()
  const organization = (id: string) => {
    if (!summaries.has(id)) summaries.set(id, deps.organizations.get(id))
    return summaries.get(id)
  }
  const byPlace = new Map<string, Set<string>>()
  const add = (placeId: string, orgId: string) => {
    let orgs = byPlace.get(placeId)
    if (!orgs) byPlace.set(placeId, (orgs = new Set()))
    orgs.add(orgId)
  }
  for (const session of sessions) {
    for (const id of parseArticles(session.articles)) if (changed.has(id)) add(id, session.org_id)
  }
  for (const accepted of deps.comments.acceptedProposalsBetween(docId, from, to)) {
    if (!changed.has(accepted.article_id)) continue
    add(accepted.article_id, accepted.org_id)
    const proposer = organization(accepted.org_id)
    const text = accepted.reason.trim()
    if (proposer && text) (reasons[accepted.article_id] ??= []).push({ organization: proposer, text })
  }
  for (const [placeId, orgIds] of byPlace) {
    organizations[placeId] = [...orgIds]
      .map(organization)
      .filter((o): o is OrganizationSummary => !!o)
      .sort((x, y) => x.shortName.localeCompare(y.shortName))
  }
  return { organizations, reasons }
}

const WORDS: Record<Language, { current: string; auto: string; beforeRestore: string; draft: string }> = {
  en: { current: 'Current text', auto: 'Automatic checkpoint', beforeRestore: 'Before restore', draft: 'Draft' },
  ru: { current: 'Текущий текст', auto: 'Автоматическая версия', beforeRestore: 'Перед восстановлением', draft: 'Проект' },
}

/** "Round 1, 1 March 2025, 10:00 (UTC)" / «Первое чтение, 1 марта 2025 г., 10:00 (UTC)», in the document's language. */
function sideLabel(side: ComparedSide, language: Language): string {
  const w = WORDS[language]
  const time = (iso: string) => documentDateTime(iso, language)
  if (side.kind === 'current') return `${w.current}, ${time(side.at)}`
  const v = side.version
  const name = v.kind === 'named' ? v.name : v.reason === 'before-restore' ? w.beforeRestore : w.auto
  return `${name}, ${time(v.createdAt)}`
}

const TABLE: Record<Language, string> = { en: 'comparative table', ru: 'сравнительная таблица' }

/** A side as a file name says it: the version's name, or what it is and when (no seconds, no colon). */
function sideName(side: ComparedSide, language: Language): string {
  const w = WORDS[language]
  if (side.kind === 'current') return w.current
  const v = side.version
  if (v.kind === 'named') return v.name
  return `${v.reason === 'before-restore' ? w.beforeRestore : w.auto} ${v.createdAt.slice(0, 16).replace('T', ' ').replace(':', '.')}`
}

/**
 * "<title> — comparative table <from> – <to>", named like the draft's other exports (the title
 * is cut first, so the versions survive the file-name length limit).
 */
export function comparativeTableName(title: string, from: ComparedSide, to: ComparedSide, language: Language): string {
  return `${shortTitle(title)} — ${TABLE[language]} ${sideName(from, language)} – ${sideName(to, language)}`
}

/**
 * GET …/comparative-table: the comparison as a standalone HTML page or a Word document, its
 * "Proposed by" column from the same organizations the comparison reports, and (`justification`)
 * a column for the drafters' reasons, holding those given with the wordings accepted in between.
 */
export function comparativeTableFile(
  deps: CompareDeps,
  doc: DocumentRecord,
  from: string,
  to: string,
  format: ComparativeTableFormat,
  justification = false,
): Promise<DownloadFile> {
  const comparison = compareVersions(deps, doc, from, to)
  const rows = comparativeTable(comparison.diff, comparison.organizations, justification ? comparison.reasons : {})
  const language = doc.language
  const definitions = definitionChangesLine(comparison.diff.summary.definitions, language)
  const subtitle = [`${WORDS[language].draft}: ${doc.title}`, `${sideLabel(comparison.from, language)} → ${sideLabel(comparison.to, language)}`, ...(definitions ? [`${definitions.label}: ${definitions.text}`] : [])]
  return comparativeTableDownload(rows, { language, subtitle, justification }, format, comparativeTableName(doc.title, comparison.from, comparison.to, language))
}
