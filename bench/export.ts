/**
 * Exports and imports of the generated 300-article law, English and Russian: the law as HTML
 * (what PDF is printed from), Markdown and Akoma Ntoso, and each format Accord reads (DOCX as
 * Accord writes it, Akoma Ntoso, Markdown) read back into a draft, as the import's worker does.
 * Median of 5 after a warm-up; a reading that does not give back the 300 articles fails the run.
 * Run as the benchmark's "extra" section (bench/run.ts).
 */
import { toAkomaNtoso } from '../shared/export/akomaNtoso'
import { toDocx } from '../shared/export/docx'
import { toHtml } from '../shared/export/html'
import { toMarkdown } from '../shared/export/markdown'
import type { ExportMeta } from '../shared/export/meta'
import { generateLaw } from '../shared/diff/testing/generateLaw'
import { parseSource, type ImportSource } from '../shared/import/source'
import type { Language } from '../shared/language'
import { FULL_LAW_ARTICLES } from './lib/law'
import { medianTime } from './lib/stats'

const RUNS = 5

export interface ExportBenchResult {
  language: Language
  /** Median ms and bytes of each export. */
  exports: Record<'html' | 'markdown' | 'akn', { medianMs: number; bytes: number }>
  /** Median ms of reading each format back. */
  imports: Record<'docx' | 'akn' | 'markdown', { medianMs: number }>
}

export async function runExportBenchmark(log: (line: string) => void): Promise<ExportBenchResult[]> {
  const results: ExportBenchResult[] = []
  for (const language of ['en', 'ru'] as const) {
    const law = generateLaw({ articles: FULL_LAW_ARTICLES, language })
    const meta: ExportMeta = { title: 'Generated law', language, status: 'draft', date: '2026-01-01', organizations: [] }
    const written = { html: toHtml(law, meta), markdown: toMarkdown(law, meta), akn: toAkomaNtoso(law, meta) }
    const exports = {
      html: { medianMs: await medianTime(() => toHtml(law, meta), RUNS), bytes: Buffer.byteLength(written.html) },
      markdown: { medianMs: await medianTime(() => toMarkdown(law, meta), RUNS), bytes: Buffer.byteLength(written.markdown) },
      akn: { medianMs: await medianTime(() => toAkomaNtoso(law, meta), RUNS), bytes: Buffer.byteLength(written.akn) },
    }
    const docx = await toDocx(law, meta)
    const sources: Record<'docx' | 'akn' | 'markdown', ImportSource> = {
      docx: { type: 'docx', bytes: docx.slice().buffer },
      akn: { type: 'akn', text: written.akn },
      markdown: { type: 'text', text: written.markdown, format: 'markdown' },
    }
    const imports = {} as ExportBenchResult['imports']
    for (const [kind, source] of Object.entries(sources) as [keyof typeof sources, ImportSource][]) {
      const read = await parseSource(source, () => {}, language)
      if (read.stats.articles !== FULL_LAW_ARTICLES) throw new Error(`import of ${kind} (${language}): ${read.stats.articles} articles read back, ${FULL_LAW_ARTICLES} written`)
      imports[kind] = { medianMs: await medianTime(() => parseSource(source, () => {}, language), RUNS) }
    }
    results.push({ language, exports, imports })
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
    log(`  ${language}: export HTML ${exports.html.medianMs.toFixed(0)} ms (${kb(exports.html.bytes)}), Markdown ${exports.markdown.medianMs.toFixed(0)} ms (${kb(exports.markdown.bytes)}), ` +
      `Akoma Ntoso ${exports.akn.medianMs.toFixed(0)} ms (${kb(exports.akn.bytes)}); import of the 300 articles from DOCX ${imports.docx.medianMs.toFixed(0)} ms, ` +
      `Akoma Ntoso ${imports.akn.medianMs.toFixed(0)} ms, Markdown ${imports.markdown.medianMs.toFixed(0)} ms`)
  }
  return results
}
