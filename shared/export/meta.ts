import type { Language } from '../language'
import { documentDate } from '../dates'

/** What an export says about the text beyond the text itself: the cover page and the AKN metadata. */
export interface ExportMeta {
  title: string
  language: Language
  /** The named version being exported; absent for the current (live) text. */
  version?: { name: string; createdAt: string }
  status: 'draft' | 'proposed' | 'agreed'
  /** ISO date (or date-time) the export speaks for: the agreement date, or the day of export. */
  date: string
  organizations: { name: string; shortName: string }[]
  /** The draft's id: Akoma Ntoso's work URI falls back on it when the title gives no ASCII name. */
  documentId?: string
  /**
   * The work the draft is an expression of: the draft itself, or for a language version the
   * original draft (the first of the law's language versions). Akoma Ntoso's work URI is named
   * after its title and dated by its creation, so that every language version, and every export
   * whatever its day, is of the same work. Without it (a tool, a test): the title and `date`.
   */
  work?: { id: string; title: string; createdAt: string }
}

export type ExportStatus = ExportMeta['status']

const STATUS_WORDS: Record<Language, Record<ExportStatus, string>> = {
  en: { draft: 'Draft', proposed: 'Proposed for agreement', agreed: 'Agreed' },
  ru: { draft: 'Проект', proposed: 'Внесен на согласование', agreed: 'Согласовано' },
}

const COVER_WORDS: Record<Language, { version: string; current: string; automatic: string; status: string; date: string; organizations: string }> = {
  en: { version: 'Version', current: 'Current text', automatic: 'Automatic version', status: 'Status', date: 'Date', organizations: 'Participating organizations' },
  ru: { version: 'Версия', current: 'Текущий текст', automatic: 'Автоматическая версия', status: 'Статус', date: 'Дата', organizations: 'Участвующие организации' },
}

/** The exported version's name; an automatic version has none of its own. Undefined for the current text. */
export function versionName(meta: ExportMeta): string | undefined {
  return meta.version ? meta.version.name || COVER_WORDS[meta.language].automatic : undefined
}

/** "2025-03-01T10:00:00Z" → "2025-03-01"; anything unparsable is shown as given (never dropped). */
export function isoDay(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())
  return m ? m[1] : value
}

/** The cover page's lines in the document's language, shared by HTML and DOCX so both say the same. */
export interface CoverLines {
  title: string
  version: { label: string; value: string }
  status: { label: string; value: string }
  date: { label: string; value: string }
  organizations: { label: string; values: string[] }
}

export function coverLines(meta: ExportMeta): CoverLines {
  const w = COVER_WORDS[meta.language]
  return {
    title: meta.title,
    // Days as the document's readers write them («1 декабря 2026 г.»); Akoma Ntoso keeps ISO days.
    version: { label: w.version, value: meta.version ? `${versionName(meta)} (${documentDate(meta.version.createdAt, meta.language)})` : w.current },
    status: { label: w.status, value: STATUS_WORDS[meta.language][meta.status] },
    date: { label: w.date, value: documentDate(meta.date, meta.language) },
    organizations: {
      label: w.organizations,
      values: meta.organizations.map((o) => (o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name)),
    },
  }
}
