import type { PreferenceView, ThreadView } from '../api'
import { reportAlternatives, type ReportAlternatives } from './alternativesReport'
import type { Language } from '../language'
import { documentDateTime } from '../dates'
import { placesOf } from '../places'
import { lastReopening } from '../comments/timeline'
import { docFromJSON, type DocJSON } from '../schema'

/**
 * The review report's content, shared by its HTML and DOCX forms: every thread under the
 * place it belongs to (the title, the preamble, a heading, an article), in the order of the
 * text, with the passage quoted and the
 * comments with their authors and organizations. Pure: the server gathers the threads and
 * where their words are now; the builders only lay this out.
 */

export interface ReportThread {
  thread: ThreadView
  /** live: its words are in the text; article: a thread on a whole place (an article, a heading, the title, the preamble); orphaned: its words (or place) were deleted. */
  state: 'live' | 'article' | 'orphaned'
  /** The passage as it reads now (live threads). */
  current: string | null
  /** Order within the article (whole-article threads first, then passages in text order). */
  order: number
  /** Live threads: the id of the block holding their words now, else their place's (an article's heading, the title…). */
  block?: string | null
}

export interface ReviewReportInput {
  doc: DocJSON
  language: Language
  title: string
  /** ISO date-time the report speaks for. */
  generatedAt: string
  status: 'open' | 'all'
  threads: ReportThread[]
  /** The organizations' stated preferences among alternative wordings, listed after the threads. */
  preferences?: PreferenceView[]
}

export interface ReportSection {
  /** Its place (shared/places.ts). */
  articleId: string
  /** "Article 3.", "Preamble" — empty for places since deleted. */
  label: string
  heading: string
  deleted: boolean
  threads: ReportThread[]
}

export interface ReviewReportModel {
  language: Language
  title: string
  generatedAt: string
  status: 'open' | 'all'
  words: ReportWords
  sections: ReportSection[]
  threadCount: number
  /** Stated preferences among alternative wordings; null when none was stated. */
  alternatives: ReportAlternatives | null
}

export interface ReportWords {
  report: string
  generated: string
  scope: string
  openOnly: string
  all: string
  threads: string
  none: string
  wholeArticle: string
  onDeletedText: string
  nowReads: string
  open: string
  resolved: string
  resolvedBy: string
  reopenedBy: string
  deletedArticles: string
  edited: string
  alternatives: string
  noLongerInText: string
  proposedWording: string
  wordingOpen: string
  wordingAccepted: string
  wordingDeclined: string
  /** A moment in the language's style: "30 ноября 2026 г., 23:14 (UTC)". */
  time: (iso: string) => string
}

export const REPORT_WORDS: Record<Language, ReportWords> = {
  en: {
    report: 'Review report',
    generated: 'Generated',
    scope: 'Threads',
    openOnly: 'open only',
    all: 'open and resolved',
    threads: 'Number of threads',
    none: 'There are no review threads to report.',
    wholeArticle: 'As a whole',
    onDeletedText: 'On deleted text',
    nowReads: 'Now reads',
    open: 'Open',
    resolved: 'Resolved',
    resolvedBy: 'resolved by',
    reopenedBy: 'reopened by',
    deletedArticles: 'Articles and headings since deleted',
    edited: 'edited',
    alternatives: 'Stated preferences among alternative wordings',
    noLongerInText: 'For a wording no longer in the text',
    proposedWording: 'Proposed wording',
    wordingOpen: 'awaiting a decision',
    wordingAccepted: 'accepted by',
    wordingDeclined: 'declined by',
    time: (iso) => documentDateTime(iso, 'en'),
  },
  ru: {
    report: 'Отчёт о замечаниях',
    generated: 'Сформирован',
    scope: 'Обсуждения',
    openOnly: 'только открытые',
    all: 'открытые и закрытые',
    threads: 'Число обсуждений',
    none: 'Замечаний для отчёта нет.',
    wholeArticle: 'В целом',
    onDeletedText: 'К удалённому тексту',
    nowReads: 'Текущая редакция',
    open: 'Открыто',
    resolved: 'Закрыто',
    resolvedBy: 'закрыл(а)',
    reopenedBy: 'открыл(а) снова',
    deletedArticles: 'Удалённые статьи и заголовки',
    edited: 'изменено',
    alternatives: 'Предпочтения организаций по вариантам формулировок',
    noLongerInText: 'Для формулировки, которой больше нет в тексте',
    proposedWording: 'Предложенная редакция',
    wordingOpen: 'ожидает решения',
    wordingAccepted: 'принята:',
    wordingDeclined: 'отклонена:',
    time: (iso) => documentDateTime(iso, 'ru'),
  },
}

/** "Name (Organization, SHORT)" — or just the name when the organization is unknown. */
export function authorLine(name: string, org: { name: string; shortName: string }): string {
  const orgText = org.shortName && org.shortName !== org.name ? `${org.name}, ${org.shortName}` : org.name
  return orgText ? `${name} (${orgText})` : name
}

/** "Open", "Open (reopened by Name, date)" or "Resolved (resolved by Name, date)". */
export function statusLine(words: ReportWords, thread: ThreadView): string {
  if (thread.status === 'open') {
    const reopened = lastReopening(thread)
    return reopened ? `${words.open} (${words.reopenedBy} ${reopened.by.displayName}, ${words.time(reopened.at)})` : words.open
  }
  return thread.resolvedBy ? `${words.resolved} (${words.resolvedBy} ${thread.resolvedBy.displayName}, ${words.time(thread.resolvedAt ?? '')})` : words.resolved
}

/**
 * A thread's proposed wording, if it has one: the label, the words as proposed, and its state
 * ("awaiting a decision", "accepted by Name, date", "declined by Name, date").
 */
export function wordingLines(words: ReportWords, thread: ThreadView): { label: string; text: string; state: string } | null {
  const p = thread.proposal
  if (!p) return null
  const decided = (verb: string) => (p.decidedBy ? `${verb} ${p.decidedBy.displayName}, ${words.time(p.decidedAt ?? '')}` : verb)
  const state = p.status === 'open' ? words.wordingOpen : decided(p.status === 'accepted' ? words.wordingAccepted : words.wordingDeclined)
  return { label: words.proposedWording, text: p.text, state }
}

/** "Generated: … · Threads: open only · Number of threads: N", as plain text. */
export function reportMetaLine(model: ReviewReportModel): string {
  const w = model.words
  return `${w.generated}: ${w.time(model.generatedAt)} · ${w.scope}: ${model.status === 'open' ? w.openOnly : w.all} · ${w.threads}: ${model.threadCount}`
}

/**
 * The sections in order, each with the heading written before it: the article's label and
 * heading; for the first deleted place "Articles and headings since deleted"; for the other deleted ones none.
 */
export function reportHeadings(model: ReviewReportModel): { section: ReportSection; heading: string | null }[] {
  let deletedShown = false
  return model.sections.map((section) => {
    if (!section.deleted) return { section, heading: `${section.label} ${section.heading}`.trim() }
    if (deletedShown) return { section, heading: null }
    deletedShown = true
    return { section, heading: model.words.deletedArticles }
  })
}

export function reviewReportModel(input: ReviewReportInput): ReviewReportModel {
  const doc = docFromJSON(input.doc)
  const sections = new Map<string, ReportSection>()
  for (const place of placesOf(doc, input.language)) sections.set(place.id, { articleId: place.id, label: place.label, heading: place.heading, deleted: false, threads: [] })
  const gone = new Map<string, ReportSection>()
  const threads = input.threads.filter((t) => input.status === 'all' || t.thread.status === 'open')
  for (const t of threads) {
    let section = sections.get(t.thread.articleId)
    if (!section) {
      section = gone.get(t.thread.articleId) ?? { articleId: t.thread.articleId, label: '', heading: '', deleted: true, threads: [] }
      gone.set(t.thread.articleId, section)
    }
    section.threads.push(t)
  }
  const byOrder = (a: ReportThread, b: ReportThread) => a.order - b.order || a.thread.createdAt.localeCompare(b.thread.createdAt)
  const ordered = [...sections.values(), ...gone.values()].filter((s) => s.threads.length > 0)
  ordered.forEach((s) => s.threads.sort(byOrder))
  return {
    language: input.language,
    title: input.title,
    generatedAt: input.generatedAt,
    status: input.status,
    words: REPORT_WORDS[input.language],
    sections: ordered,
    threadCount: threads.length,
    alternatives: reportAlternatives(doc, input.language, input.preferences ?? []),
  }
}
