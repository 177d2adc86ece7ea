import { POSITIONS_TITLES } from '../export/positions'
import { REPORT_WORDS } from '../review/reviewReport'

/** Headings of what Accord's exports append after the text: the positions table and the review report. */
const APPENDIX_TITLES = new Set([...POSITIONS_TITLES, ...Object.values(REPORT_WORDS).map((w) => w.report)])

/**
 * Whether a heading opens an export's appendix. Importing an exported draft back stops there:
 * the positions table's cells became paragraphs of the last article (DOCX) and its heading a
 * chapter (Markdown).
 */
export function isAppendixTitle(text: string): boolean {
  return APPENDIX_TITLES.has(text.replace(/\s+/g, ' ').trim())
}
