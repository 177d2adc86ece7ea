/**
 * Section 6d: remarks from a Word file sent back on the 300-article law. In the browser, the
 * file's text compared with the draft's (shared/import/fileEdits.ts: here an edited copy, 5% of
 * its articles changed, one inserted, one moved). On the server's thread, a file of 2,000 remarks
 * (the most one may send; half on words the law has, half on words it has not) matched against
 * 2,000 threads of the draft (shared/import/matchWordRemarks.ts) and placed on its live text
 * (shared/import/placeWordComments.ts). Medians of 5 and 3 after a warm-up.
 */
import * as Y from 'yjs'
import { editLaw } from '../shared/diff/testing/editLaw'
import { fileEdits } from '../shared/import/fileEdits'
import { matchWordRemarks } from '../shared/import/matchWordRemarks'
import { placeEach } from '../shared/import/placeWordComments'
import { textBlocks, wordsOf } from '../shared/import/trackedChanges'
import { MAX_WORD_COMMENT_THREADS, type WordCommentThread } from '../shared/import/wordComments'
import { encodeDocJSON } from '../shared/ydoc'
import { FULL_LAW_ARTICLES, law } from './lib/law'
import { medianTime } from './lib/stats'

export interface WordRemarksBenchResult {
  compareMedianMs: number
  changes: number
  remarks: number
  matchMedianMs: number
  placeMedianMs: number
}

export async function runWordRemarksBenchmark(log: (line: string) => void): Promise<WordRemarksBenchResult> {
  const json = law(FULL_LAW_ARTICLES)
  const edited = editLaw(json)
  const changes = fileEdits(json, edited, 'en', 'edited.docx').threads.length
  const compareMedianMs = await medianTime(() => fileEdits(json, edited, 'en', 'edited.docx'), 5)

  const texts = textBlocks(json).map(wordsOf)
  const remarks: WordCommentThread[] = Array.from({ length: MAX_WORD_COMMENT_THREADS }, (_, i) => {
    const text = texts[i % texts.length]
    const found = i % 2 === 0
    return { quote: found ? text.slice(10, 40) : `words the law has not ${i}`, paragraph: found ? text : '', resolved: false, comments: [{ author: 'MoI', date: null, text: `Remark ${i}` }] }
  })
  const known = remarks.map((r, i) => ({ id: String(i), quote: r.quote, proposal: null, bodies: [`From Word — MoJ:\nAnother remark ${i}`] }))
  const matchMedianMs = await medianTime(() => matchWordRemarks(remarks, known, 'en'), 3)
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, encodeDocJSON(json))
  const placeMedianMs = await medianTime(() => placeEach(ydoc, remarks, 'en', 'draft'), 3)
  ydoc.destroy()
  const result = { compareMedianMs, changes, remarks: remarks.length, matchMedianMs, placeMedianMs }
  log(`  remarks from a Word file: compared ${compareMedianMs.toFixed(1)} ms (${changes} changes); ${remarks.length} remarks matched ${matchMedianMs.toFixed(1)} ms, placed ${placeMedianMs.toFixed(0)} ms`)
  return result
}
