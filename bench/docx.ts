/** Section 6b: DOCX export of the generated 300-article law (median of 5 after a warm-up). */
import { toDocx } from '../shared/export/docx'
import { FULL_LAW_ARTICLES, law } from './lib/law'
import { medianTime } from './lib/stats'

export interface DocxResult {
  medianMs: number
  bytes: number
}

export async function runDocxBenchmark(log: (line: string) => void): Promise<DocxResult> {
  const json = law(FULL_LAW_ARTICLES)
  const meta = { title: 'Generated law', language: 'en' as const, status: 'draft' as const, date: '2026-01-01', organizations: [] }
  const bytes = (await toDocx(json, meta)).byteLength
  const result = { medianMs: await medianTime(() => toDocx(json, meta), 5), bytes }
  log(`  DOCX export of the 300-article law: median ${result.medianMs.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KB)`)
  return result
}
