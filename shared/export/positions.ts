import type { PositionKind } from '../agreement'
import type { Language } from '../language'
import { reviewReportModel, type ReviewReportInput, type ReviewReportModel } from '../review/reviewReport'
import type { DocJSON } from '../schema'
import { documentDate } from '../dates'
import { placesOfLaw, type LawStructure } from './structure'

/**
 * The positions table an export may carry after the text (`&positions=1`): one row per required
 * organization for the whole version, followed by its per-article positions, in the document's
 * language. Pure: the exporters render the rows (HTML, DOCX, Markdown), each escaping every cell
 * in its own way; nothing here is markup. Article labels come from the exported text's own
 * numbering (the version's), by article id.
 */

export interface ExportPosition {
  position: PositionKind
  text: string
  recordedBy: string
  recordedAt: string
  articles: { articleId: string; position: PositionKind; text: string }[]
}

export interface ExportPositions {
  /** The required organizations in the order they were named; `position` null = none recorded yet. */
  organizations: { name: string; shortName: string; position: ExportPosition | null }[]
}

/**
 * The open review threads an export may carry after the text (`&comments=1`): the review
 * report's input (shared/review) less the text, which is the exported tree itself, so articles
 * are labelled by the exported text's numbering. Only open threads are reported.
 */
export type ExportComments = Pick<ReviewReportInput, 'generatedAt' | 'threads'>

/**
 * What an export may carry after the text, in this order: the positions table, then the open
 * comments (the review report's model, rendered with shared/review's pieces). Each exporter
 * (HTML, DOCX, Markdown) renders what is present, escaping in its own way; Akoma Ntoso carries none.
 */
export interface ExportAppendix {
  positions?: ExportPositions
  comments?: ExportComments
}

/** The review report's model of the open threads over the exported text. */
export function commentsReport(comments: ExportComments, doc: DocJSON, language: Language, title: string): ReviewReportModel {
  return reviewReportModel({ doc, language, title, generatedAt: comments.generatedAt, status: 'open', threads: comments.threads })
}

export interface PositionsTable {
  title: string
  header: string[]
  /** Cells as plain text; every row has header.length cells. */
  rows: string[][]
}

const WORDS: Record<Language, { title: string; header: string[]; whole: string; none: string; positions: Record<PositionKind, string> }> = {
  en: {
    title: 'Positions of the organizations',
    header: ['Organization', 'Provision', 'Position', 'Reservation or objection', 'Recorded'],
    whole: 'Whole text',
    none: 'No position yet',
    positions: { agree: 'Agrees', reservations: 'Agrees with reservations', object: 'Objects' },
  },
  ru: {
    title: 'Позиции организаций',
    header: ['Организация', 'Положение', 'Позиция', 'Оговорка или возражение', 'Кем и когда'],
    whole: 'Текст в целом',
    none: 'Позиция не представлена',
    positions: { agree: 'Согласна', reservations: 'Согласна с оговорками', object: 'Возражает' },
  },
}

/** The appendix's heading in every language (the importer stops at it). */
export const POSITIONS_TITLES: readonly string[] = Object.values(WORDS).map((w) => w.title)

const EMPTY = '—'

export function positionsTable(positions: ExportPositions, law: LawStructure): PositionsTable {
  const w = WORDS[law.language]
  const provisions = new Map(placesOfLaw(law).map((place) => [place.id, place]))
  const rows: string[][] = []
  for (const org of positions.organizations) {
    const name = org.shortName && org.shortName !== org.name ? `${org.name} (${org.shortName})` : org.name
    const p = org.position
    if (!p) {
      rows.push([name, w.whole, w.none, EMPTY, EMPTY])
      continue
    }
    rows.push([name, w.whole, w.positions[p.position], p.text || EMPTY, `${p.recordedBy}, ${documentDate(p.recordedAt, law.language)}`])
    for (const a of p.articles) {
      const place = provisions.get(a.articleId)
      const provision = place ? `${place.label}${place.heading ? ` ${place.heading}` : ''}` : a.articleId
      rows.push([name, provision, w.positions[a.position], a.text || EMPTY, ''])
    }
  }
  return { title: w.title, header: w.header, rows }
}
