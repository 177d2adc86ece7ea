/**
 * Section 6c: language versions of the generated 300-article law, English and Russian with the
 * same ids, the Russian 5% reworded, one article inserted and one moved: putting the two side by
 * side (median of 20 after a warm-up), and the two-column Word document of them (median of 5).
 */
import { alignLanguageVersions } from '../shared/languageVersions'
import { parallelTextDocx } from '../shared/export/parallelTextDocx'
import { editLaw } from '../shared/diff/testing/editLaw'
import { generateLaw } from '../shared/diff/testing/generateLaw'
import { FULL_LAW_ARTICLES, law } from './lib/law'
import { medianTime } from './lib/stats'

export interface LanguageVersionsResult {
  rows: number
  rowsWithIssues: number
  alignMedianMs: number
  docxMedianMs: number
  docxBytes: number
}

export async function runLanguageVersionsBenchmark(log: (line: string) => void): Promise<LanguageVersionsResult> {
  const english = law(FULL_LAW_ARTICLES)
  const russian = editLaw(generateLaw({ articles: FULL_LAW_ARTICLES, language: 'ru' }), { language: 'ru' })
  const align = () => alignLanguageVersions(english, 'en', russian, 'ru')
  const text = align()
  const alignMedianMs = await medianTime(align, 20)
  const docx = () => parallelTextDocx(text, { language: 'en', header: 'English' }, { language: 'ru', header: 'Русский' }, 'en')
  const docxBytes = (await docx()).byteLength
  const result = {
    rows: text.rows.length,
    rowsWithIssues: text.rows.filter((r) => r.issues.length > 0).length,
    alignMedianMs,
    docxMedianMs: await medianTime(docx, 5),
    docxBytes,
  }
  log(`  language versions side by side (${result.rows} rows, ${result.rowsWithIssues} marked): aligned in ${alignMedianMs.toFixed(1)} ms (median of 20); ` +
    `as a two-column Word document ${result.docxMedianMs.toFixed(0)} ms (${(docxBytes / 1024).toFixed(0)} KB)`)
  return result
}
