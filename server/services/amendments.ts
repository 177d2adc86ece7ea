import { documentDateTime } from '../../shared/dates'
import { shortTitle } from '../../shared/fileName'
import { AMENDMENTS_WORDS, amendmentRows, type OpenAmendment } from '../../shared/review/amendmentsTable'
import type { DocumentRecord } from '../db/documentsRepo'
import { comparativeTableDownload } from '../export/comparativeTableDownload'
import type { DownloadFile } from '../export/filename'

const DRAFT: Record<DocumentRecord['language'], (title: string, at: string) => string> = {
  en: (title, at) => `Draft: ${title}. Proposed wordings awaiting a decision as of ${at}`,
  ru: (title, at) => `Проект: ${title}. Предложенные редакции, ожидающие решения, на ${at}`,
}

/**
 * GET …/amendments-table: the open proposed wordings as the comparative table lays out a change
 * (shared/review/amendmentsTable.ts), with their reasons in the Justification column, as a
 * standalone HTML page or a Word document named after the draft.
 */
export function amendmentsTableFile(doc: DocumentRecord, amendments: readonly OpenAmendment[], format: 'html' | 'docx'): Promise<DownloadFile> {
  const words = AMENDMENTS_WORDS[doc.language]
  const rows = amendmentRows(amendments)
  const subtitle = [DRAFT[doc.language](doc.title, documentDateTime(new Date().toISOString(), doc.language))]
  const options = { language: doc.language, title: words.title, subtitle, justification: true, noRows: words.noRows, columns: words.columns, number: words.number }
  return comparativeTableDownload(rows, options, format, `${shortTitle(doc.title)} — ${words.file}`)
}
