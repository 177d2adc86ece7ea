import type { PositionKind } from '../agreement'
import type { Language } from '../language'
import { isoDay } from './meta'
import { articlesOf, type LawStructure } from './structure'

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
 * What an export may carry after the text. Each exporter (HTML, DOCX, Markdown) renders what is
 * present; Akoma Ntoso carries none. The open comments (review report) belong here once the
 * comments work is merged: add `comments?: …` and render it beside the positions.
 */
export interface ExportAppendix {
  positions?: ExportPositions
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

const EMPTY = '—'

export function positionsTable(positions: ExportPositions, law: LawStructure): PositionsTable {
  const w = WORDS[law.language]
  const articles = new Map(articlesOf(law).flatMap(({ article }) => (article.id ? [[article.id, article] as const] : [])))
  const rows: string[][] = []
  for (const org of positions.organizations) {
    const name = org.shortName && org.shortName !== org.name ? `${org.name} (${org.shortName})` : org.name
    const p = org.position
    if (!p) {
      rows.push([name, w.whole, w.none, EMPTY, EMPTY])
      continue
    }
    rows.push([name, w.whole, w.positions[p.position], p.text || EMPTY, `${p.recordedBy}, ${isoDay(p.recordedAt)}`])
    for (const a of p.articles) {
      const article = articles.get(a.articleId)
      const provision = article ? `${article.label}${article.heading ? ` ${article.heading}` : ''}` : a.articleId
      rows.push([name, provision, w.positions[a.position], a.text || EMPTY, ''])
    }
  }
  return { title: w.title, header: w.header, rows }
}
