import type { ReportThread } from '../review/reviewReport'

/**
 * Where the open review threads exported with a text (`&comments=1`) stand in it, for the
 * formats that mark them beside the words (DOCX: Word comments in the margin, docxMargin.ts;
 * HTML: highlighted words with a link to the thread in the report after the text). A thread is
 * looked for in its block (a numbered block's id; an article heading, a division's heading, the
 * title, the preamble or the conclusions by their place), the block holding its words now if
 * they moved, by the words as they read now; a passage over several paragraphs on its first
 * paragraph's words. One on a whole article, heading or the title covers its heading's words
 * (the preamble's and the conclusions', their first paragraph's). Resolved threads, and those on
 * deleted words, are in the report only.
 */

/** Where a block's words are looked for: a numbered block's id, else its place. */
export type BlockKey = string

/** A thread placed on a block's text: characters [start, end). */
export interface ThreadMark {
  thread: ReportThread
  start: number
  end: number
}

export class ThreadMarks {
  /** Per block: the threads looked for in it, with their words (null: the whole of its words). */
  private readonly wanted = new Map<BlockKey, { thread: ReportThread; words: string | null }[]>()

  constructor(threads: readonly ReportThread[]) {
    for (const entry of threads) {
      if (entry.thread.status !== 'open' || entry.state === 'orphaned') continue
      const words = entry.state === 'article' ? null : (entry.current ?? '').split('\n')[0]
      if (words !== null && !words.trim()) continue
      const key = entry.state === 'article' ? entry.thread.articleId : (entry.block ?? entry.thread.blockId ?? entry.thread.articleId)
      const list = this.wanted.get(key) ?? []
      list.push({ thread: entry, words })
      this.wanted.set(key, list)
    }
  }

  /** Whether a thread not placed yet is looked for in this block. */
  wants(key: BlockKey | null): boolean {
    return key !== null && (this.wanted.get(key)?.length ?? 0) > 0
  }

  /** The threads on this block's text; each thread is placed once, in the first block that has its words. */
  take(key: BlockKey, text: string): ThreadMark[] {
    const wanted = this.wanted.get(key)
    if (!wanted?.length) return []
    const marks: ThreadMark[] = []
    for (const entry of [...wanted]) {
      const start = entry.words === null ? 0 : text.indexOf(entry.words)
      const end = entry.words === null ? text.length : start + entry.words.length
      if (start < 0 || end === start) continue
      wanted.splice(wanted.indexOf(entry), 1)
      marks.push({ thread: entry.thread, start, end })
    }
    return marks
  }
}

/**
 * A text cut where marks start and end, in order: each piece with the marks covering it, and
 * the marks that end right after it. Pieces never overlap, so a format that cannot nest
 * overlapping ranges (HTML) wraps each piece on its own.
 */
export function pieces<M extends { start: number; end: number }>(text: string, marks: readonly M[]): { text: string; within: M[]; ending: M[]; starting: M[] }[] {
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b)
  const out: { text: string; within: M[]; ending: M[]; starting: M[] }[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]]
    out.push({
      text: text.slice(from, to),
      within: marks.filter((m) => m.start <= from && m.end >= to),
      starting: marks.filter((m) => m.start === from),
      ending: marks.filter((m) => m.end === to),
    })
  }
  return out
}
