/** The benchmark's summary as Markdown tables (printed, saved, and copied into the README). */
import type { BrowserBenchResult } from './browser'
import type { ColdOpenResult } from './coldOpen'
import type { DiffBenchResult } from './diff'
import type { DraftChecksBenchResult } from './draftChecks'
import type { DocxResult } from './docx'
import type { WordRemarksBenchResult } from './wordRemarks'
import type { LanguageVersionsResult } from './languageVersions'
import type { VersionsBenchResult } from './versions'
import type { ExportBenchResult } from './export'
import { FULL_LAW_ARTICLES } from './lib/law'
import { configLabel, roundsOf, type FanoutConfig, type FanoutSummary } from './fanout/run'
import { fmt } from './lib/stats'
import type { MachineInfo } from './lib/machine'
import type { ManyDocsResult } from './manyDocs'
import { SERVER_LABEL } from './servers/protocol'
import type { StorageResult } from './storage'
import { describeCores } from './lib/threadCpu'

export interface BenchResults {
  startedAt: string
  machine: MachineInfo & { chromium?: string; loadAverageBefore: number; loadAverageAfter?: number }
  durationsS: Record<string, number>
  /** Sections left out to finish within the 5 minutes. */
  skipped: string[]
  fanout?: { matrix: FanoutConfig[]; rounds: number; windowMs: number; workers: number; summaries: FanoutSummary[]; runs: unknown[]; failed: unknown[] }
  coldOpen?: ColdOpenResult[]
  browser?: BrowserBenchResult
  manyDocs?: ManyDocsResult
  storage?: StorageResult
  diff?: DiffBenchResult[]
  docx?: DocxResult
  languageVersions?: LanguageVersionsResult
  wordRemarks?: WordRemarksBenchResult
  draftChecks?: DraftChecksBenchResult
  /** Sections of other features (bench/versions.ts, bench/export.ts), loaded by name. */
  extra?: { versions: VersionsBenchResult[]; export: ExportBenchResult[] }
}

const ratio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–')

export function markdownSummary(r: BenchResults): string {
  const out: string[] = []
  const m = r.machine
  out.push(`Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}; ` +
    `a fresh page of memory ${fmt(m.freshPageUs, 1)} µs to touch; ` +
    `load average ${fmt(m.loadAverageBefore, 2)} before${m.loadAverageAfter !== undefined ? `, ${fmt(m.loadAverageAfter, 2)} after` : ''}. Run ${r.startedAt}.`)
  out.push('')
  if (r.fanout) {
    const f = r.fanout
    // The rounds each configuration got (an extra round the time budget left out is not counted).
    const roundsGot = (config: FanoutConfig) =>
      Math.max(0, ...f.summaries.filter((s) => configLabel(s.config) === configLabel(config)).map((s) => s.rounds)) || roundsOf(config, f.rounds)
    const rounds = f.matrix.map((config) => `${roundsGot(config)} at ${configLabel(config)}`).join(', ')
    out.push(`**1. Fan-out** (rounds: ${rounds}; alternating order, ${f.windowMs / 1000} s window each; ${f.workers} load-generator processes; one ~200 KB document). Latency: a writer's edit → each other client has it.`)
    out.push('')
    out.push('| clients · writers · edits/s | server | p50 ms | p95 ms | p99 ms | max ms | lost | converged | server CPU-s / 1,000 delivered | peak RSS MB | p99 vs ref | CPU vs ref | load generator |')
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for (const s of f.summaries) {
      const gen = `${fmt(s.loadgenCores, 2)} cores${s.loadgenBottleneck ? ' ⚠ bound' : ''}`
      if (s.rounds === 0) {
        out.push(`| ${configLabel(s.config)} | ${SERVER_LABEL[s.server]} | **failed**: ${s.failures[0] ?? ''} |||||||||||`)
        continue
      }
      const failedNote = s.failures.length > 0 ? ` (${s.failures.length} run(s) failed)` : ''
      out.push(`| ${configLabel(s.config)} | ${SERVER_LABEL[s.server]}${failedNote} | ${fmt(s.latency.p50)} | ${fmt(s.latency.p95)} | ${fmt(s.latency.p99)} | ${fmt(s.latency.max, 0)} | ${s.lost} | ${s.converged ? 'yes' : '**no**'} | ${fmt(s.cpuPer1000, 3)} | ${fmt(s.peakRssMb, 0)} | ${ratio(s.p99VsReference)} | ${ratio(s.cpuVsReference)} | ${gen} |`)
    }
    const tails = f.summaries.filter((s) => s.rounds > 0)
    if (tails.length > 0) {
      out.push('')
      const pct = (x: number) => `${fmt(x * 100, 0)}%`
      out.push(
        'What made the p99 (medians over the rounds; the deliveries at or over each round\'s p99 laid next to the garbage collector\'s pauses): ' +
          tails
            .map((s) => {
              const t = s.tailCauses
              return `${configLabel(s.config)} ${SERVER_LABEL[s.server]}: an edit's first recipient ${fmt(t.fastestP50)} ms after its writer sent it, its last ${fmt(t.spreadP50)} ms after that; ` +
                `the server's pauses ${fmt(t.serverGcMs, 0)} ms in all; of the p99's deliveries ${pct(t.overServerGc)} overlapped a pause of the server, ${pct(t.overReceiverGc)} one of the receiving load generator, ${pct(t.overWriterGc)} one of the writer's`
            })
            .join('. ') + '.',
      )
    }
    const bound = f.summaries.filter((s) => s.loadgenBottleneck)
    if (bound.length > 0) {
      out.push('')
      out.push(`⚠ In ${[...new Set(bound.map((s) => configLabel(s.config)))].join(', ')} the load generator (or other processes on the machine: up to ${fmt(Math.max(...bound.map((s) => s.foreignCores)), 2)} cores) left no idle core: latencies there include client-side queueing, not only the server's.`)
    }
    out.push('')
  }
  if (r.coldOpen || r.browser) {
    out.push('**2. Cold open** of the generated 300-article law (median of 5).')
    out.push('')
    out.push('| | time |')
    out.push('|---|---|')
    for (const c of r.coldOpen ?? []) {
      out.push(`| Node client full sync, ${SERVER_LABEL[c.server]} | ${fmt(c.medianMs, 0)} ms |`)
      if (c.fromStorageMedianMs !== undefined) out.push(`| Node client full sync, ${SERVER_LABEL[c.server]}, document not loaded (read from SQLite) | ${fmt(c.fromStorageMedianMs, 0)} ms |`)
    }
    if (r.browser) {
      if (r.browser.articles !== FULL_LAW_ARTICLES) out.push(`| **Chromium: a generated ${r.browser.articles}-article law (BENCH_ARTICLES), not the 300-article one** | |`)
      out.push(`| Chromium: navigation → editor mounted | ${fmt(r.browser.coldOpen.editorMountedMedianMs, 0)} ms |`)
      out.push(`| Chromium: navigation → every article rendered, editable, painted | **${fmt(r.browser.coldOpen.medianMs, 0)} ms** |`)
      const slow = r.browser.coldOpen.slowLink
      if (slow) {
        const link = `${slow.link.downloadMbps}/${slow.link.uploadMbps} Mbit/s, ${slow.link.roundTripMs} ms round trips`
        out.push(`| the same over ${link}, first sync gzipped (${fmt(slow.firstSyncKb.gzipped, 0)} KB of ${fmt(slow.firstSyncKb.unpacked, 0)} KB; median of 3) | **${fmt(slow.gzipped.medianMs, 0)} ms** |`)
        out.push(`| the same over ${link}, first sync as is (median of 3) | ${fmt(slow.plain.medianMs, 0)} ms |`)
      }
      const review = r.browser.coldOpen.underReview
      if (review) out.push(`| the same with an open review thread on every article (${r.browser.articles}) | ${fmt(review.medianMs, 0)} ms |`)
    }
    out.push('')
  }
  if (r.browser) {
    const t = r.browser.typing
    const pp = (d: { p50: number; p95: number }) => `p50 **${fmt(d.p50)} ms**, p95 **${fmt(d.p95)} ms**`
    out.push(`**3. Typing** in the ${r.browser.articles}-article law in Chromium, ${t.remoteWriters} remote writers at ${t.remoteRatePerSecond} edits/s each with carets: keypress → painted frame over ${t.keypresses} keypresses at a fast typist's pace (${fmt(t.keysPerSecond)} keys/s): ${pp(t.latency)}, max ${fmt(t.latency.max, 0)} ms. ` +
      `With frames not tied to the 60 Hz clock (${fmt(t.unthrottled.frameRateHz, 0)} frames/s; the latency the editor adds), keys back to back (${fmt(t.unthrottled.keysPerSecond)} keys/s): ${pp(t.unthrottled.latency)}, max ${fmt(t.unthrottled.latency.max, 0)} ms. ` +
      (t.floor ? `The floor in this harness, a bare five-paragraph contenteditable with no script and no other writers: ${pp(t.floor.latency)} at 60 Hz, ${pp(t.floor.unthrottled)} with frames not tied to it. ` : '') +
      (t.structural ? `Structural edits (a new paragraph with Enter, joined again with Backspace, ${t.structural.keypresses} keys; each renumbers the article), frames not tied to 60 Hz: ${pp(t.structural.latency)}, max ${fmt(t.structural.latency.max, 0)} ms. ` : '') +
      `Main-thread work per keystroke (traced): keydown task + its frame ${pp(t.work.inputAndFrame)} (keydown task p50 ${fmt(t.work.input.p50)} ms, frame p50 ${fmt(t.work.frame.p50)} ms); ` +
      (t.work.afterFrame ? `from the frame's end to the mark (tasks queued meanwhile count in the latency) p50 ${fmt(t.work.afterFrame.p50)} ms, p95 ${fmt(t.work.afterFrame.p95)} ms; ` : '') +
      `every task from keydown to paint, remote changes included, p50 ${fmt(t.work.busy.p50)} ms, p95 ${fmt(t.work.busy.p95)} ms` +
      `, of which the page's thread was not running on a CPU (waiting for a core, or blocked) p50 ${fmt(t.work.offCpu.p50)} ms, p95 ${fmt(t.work.offCpu.p95)} ms.` +
      (t.underReview ? ` Under review (${t.underReview.threads} open threads, one per article, half on passages), at 60 Hz: ${pp(t.underReview.latency)}, max ${fmt(t.underReview.latency.max, 0)} ms.` : '') +
      (t.cores ? ` Who used the cores during the 60 Hz run: ${describeCores(t.cores)}.` : ''))
    out.push('')
    const c = r.browser.compare
    if (c) {
      out.push(`**Comparing versions in Chromium** (the 300-article law, 5% of it reworded, one article inserted and one moved; ${c.changedArticles} changed articles shown): ` +
        `Compare → summary and changes painted **${fmt(c.changesMedianMs, 0)} ms** (median of ${c.changesMs.length}), the comparative table ${fmt(c.tableMedianMs, 0)} ms; ` +
        `the comparison ${fmt(c.wireKb, 0)} KB of JSON, ${fmt(c.gzipKb, 0)} KB gzipped on the wire.`)
      out.push('')
    }
    const s = r.browser.sideBySide
    if (s) {
      out.push(`**Language versions side by side in Chromium** (the 300-article law in English and its Russian language version, 5% of the Russian reworded, one article inserted and one moved; ${s.rows} rows, ${s.rowsWithIssues} marked for the translator): ` +
        `Side by side → both texts shown, every row painted **${fmt(s.shownMedianMs, 0)} ms** (median of ${s.shownMs.length}).`)
      out.push('')
    }
    const i = r.browser.importing
    if (i) {
      out.push(`**Importing a draft in Chromium** (the 300-article law as a ${fmt(i.docxKb, 0)} KB Word document, chosen a second after the Import dialog opened): ` +
        `file chosen → the preview of its structure painted **${fmt(i.previewMedianMs, 0)} ms**; Create → the new draft open in the editor, every article painted **${fmt(i.createdMedianMs, 0)} ms** (medians of ${i.previewMs.length}).`)
      out.push('')
    }
  }
  if (r.manyDocs) {
    const d = r.manyDocs
    const p = (x: { rssMb: number; jsMb: number }) => `${fmt(x.rssMb, 0)} MB RSS / ${fmt(x.jsMb, 1)} MB heap+external`
    out.push(`**4. Many documents**: ${d.documents.toLocaleString('en')} documents (${d.template}), after a full GC: created ${p(d.created)}; ` +
      `all open with an idle client each ${p(d.openWithClients)}; clients gone, rooms loaded ${p(d.loadedIdle)}; after idle unloading ${p(d.afterUnload)}. ` +
      `Per loaded document **${fmt(d.perLoadedDocumentKb, 0)} KB** (${fmt(d.perOpenDocumentKb, 0)} KB with its connection).`)
    out.push('')
  }
  if (r.storage) {
    const s = r.storage
    out.push(`**5. Storage**: ${s.edits.toLocaleString('en')} one-character edits take **${fmt(s.bytesBeforeCompaction / 1024, 0)} KB** in the database ` +
      `(${fmt(s.bytesBeforeCompaction / s.edits, 0)} B per edit, of which ${fmt(s.logPayloadBytes / s.edits, 0)} B update payload; append ${fmt(s.appendMsMean, 3)} ms each with synchronous=FULL) ` +
      `and **${fmt(s.bytesAfterCompaction / 1024, 1)} KB** after compaction. Compacting the 300-article law (${fmt(s.lawStateBytes / 1024, 0)} KB state): **${fmt(s.compactLawMedianMs, 1)} ms** (median of 5).`)
    out.push('')
  }
  if (r.diff || r.docx) {
    const parts: string[] = []
    for (const d of r.diff ?? []) if (d.language === 'en') parts.push(`${d.scenario} ${fmt(d.medianMs)} ms`)
    out.push(`**6. Diff and export** (300 articles, English; median): ${parts.join('; ')}` +
      (r.docx ? `. DOCX export ${fmt(r.docx.medianMs, 0)} ms (${fmt(r.docx.bytes / 1024, 0)} KB)` : '') +
      (r.languageVersions ? `. Language versions (English and Russian, ${r.languageVersions.rows} rows, ${r.languageVersions.rowsWithIssues} marked): aligned ${fmt(r.languageVersions.alignMedianMs)} ms, ` +
        `two-column Word document ${fmt(r.languageVersions.docxMedianMs, 0)} ms (${fmt(r.languageVersions.docxBytes / 1024, 0)} KB).` : '.'))
    if (r.wordRemarks) {
      const w = r.wordRemarks
      out.push('')
      out.push(`**Remarks from a Word file** (the 300-article law): its text compared with an edited copy's in ${fmt(w.compareMedianMs)} ms (${w.changes} changes proposed); ` +
        `${w.remarks} remarks matched against as many threads in ${fmt(w.matchMedianMs)} ms and placed on the live text in ${fmt(w.placeMedianMs, 0)} ms (half of them on words it has not), on the server's thread.`)
    }
    if (r.draftChecks) {
      const c = r.draftChecks
      out.push('')
      out.push(`**Check the text** (the 300-article law, ${c.issues} issues): the first time ${fmt(c.firstMedianMs)} ms, again after a keystroke ${fmt(c.againMedianMs)} ms (median; the editor does it once typing pauses, while the panel is open).`)
    }
    out.push('')
  }
  if (r.skipped.length) {
    out.push(`Left out to finish within 5 minutes: ${r.skipped.join('; ')} (run alone with \`--only=\`).`)
    out.push('')
  }
  const versions = r.extra?.versions
  if (versions) {
    out.push(`**Named versions** (300 articles): saving one ${versions.map((v) => `${fmt(v.saveMedianMs)} ms (${v.language})`).join(', ')}, ` +
      `reading one back ${versions.map((v) => `${fmt(v.loadMedianMs)} ms (${v.language})`).join(', ')}; stored ${versions.map((v) => `${fmt((v.stateBytes + v.jsonBytes) / 1024, 0)} KB (${v.language})`).join(', ')} per version.`)
    out.push('')
  }
  const exported = r.extra?.export
  if (exported) {
    const line = (e: ExportBenchResult) => `${e.language}: HTML ${fmt(e.exports.html.medianMs, 0)} ms, Markdown ${fmt(e.exports.markdown.medianMs, 0)} ms, Akoma Ntoso ${fmt(e.exports.akn.medianMs, 0)} ms; ` +
      `read back from DOCX ${fmt(e.imports.docx.medianMs, 0)} ms, Akoma Ntoso ${fmt(e.imports.akn.medianMs, 0)} ms, Markdown ${fmt(e.imports.markdown.medianMs, 0)} ms`
    out.push(`**Export and import** (300 articles, median; every import gives back the 300 articles): ${exported.map(line).join('; ')}.`)
    out.push('')
  }
  return out.join('\n')
}
