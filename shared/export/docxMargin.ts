import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx'
import type { Language } from '../language'
import { authorLine, REPORT_WORDS, wordingLines, type ReportThread } from '../review/reviewReport'
import { xmlSafe } from './escape'

/**
 * The open review threads exported with a DOCX (`&comments=1`) also as Word comments in the
 * margin, on the words they were made on: what a ministry that reads the draft in Word sees
 * beside the text, answers there, and sends back (the import reads them as threads again:
 * shared/import/wordComments.ts). The review report after the text still lists every thread;
 * here go those whose words are in the exported text: found by their block (its id; an article
 * heading or the title by its place) and the words as they read now. A passage over several
 * paragraphs is marked on its first paragraph's words. A thread on a whole article, heading or
 * the title is on its heading's words (the preamble's and the conclusions', on their first
 * paragraph). A reply is a reply in Word.
 */

interface Mark {
  id: number
  start: number
  end: number
}

/** Where a block's words are looked for: a numbered block's id, else its place (heading, title, preamble, conclusions). */
export type BlockKey = string

export class DocxMargin {
  /** Per block: the threads looked for in it, with their words (null: the whole of its words). */
  private readonly wanted = new Map<BlockKey, { thread: ReportThread; words: string | null }[]>()
  private readonly notes: ICommentOptions[] = []
  private nextId = 0

  constructor(
    threads: readonly ReportThread[],
    private readonly language: Language,
  ) {
    for (const entry of threads) {
      if (entry.thread.status !== 'open' || entry.state === 'orphaned') continue
      const words = entry.state === 'article' ? null : (entry.current ?? '').split('\n')[0]
      if (words !== null && !words.trim()) continue
      // Where the words are now (a paragraph split or moved since), else where they were.
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

  /** The runs of a block's text, with the comments on its words; each thread is placed once, in the first block that has its words. */
  runs(key: BlockKey, text: string): ParagraphChild[] {
    const wanted = this.wanted.get(key)
    if (!wanted?.length) return [new TextRun({ text: xmlSafe(text) })]
    const marks: Mark[] = []
    for (const entry of [...wanted]) {
      const start = entry.words === null ? 0 : text.indexOf(entry.words)
      const end = entry.words === null ? text.length : start + entry.words.length
      if (start < 0 || end === start) continue
      wanted.splice(wanted.indexOf(entry), 1)
      marks.push({ id: this.note(entry.thread), start, end })
    }
    return marked(text, marks)
  }

  /** The comments for the Document's `comments` option. */
  comments(): ICommentOptions[] {
    return this.notes
  }

  /** Adds the thread's comments (the first, then replies to it); returns the first's id. */
  private note(entry: ReportThread): number {
    const thread = entry.thread
    const words = REPORT_WORDS[this.language]
    const comments = thread.comments.filter((c) => !c.deleted)
    const first = this.nextId
    comments.forEach((comment, i) => {
      const lines = comment.body.split('\n')
      const wording = i === 0 ? wordingLines(words, thread) : null
      if (wording) lines.push(`${wording.label}: «${wording.text}» (${wording.state})`)
      this.notes.push({
        id: this.nextId++,
        author: xmlSafe(authorLine(comment.author.displayName, comment.organization)),
        initials: xmlSafe(initials(comment.author.displayName)),
        date: new Date(comment.createdAt),
        children: lines.map((line) => new Paragraph({ children: [new TextRun({ text: xmlSafe(line) })] })),
        parentId: i === 0 ? undefined : first,
      })
    })
    return first
  }
}

/** The first letter of each word of a name, as Word shows beside a comment. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => /\p{L}/u.exec(w)?.[0] ?? '')
    .join('')
    .slice(0, 4)
}

/** A text's runs with comment ranges: at each boundary, ranges that end close (with their mark), then ranges that start open. */
function marked(text: string, marks: Mark[]): ParagraphChild[] {
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b)
  const out: ParagraphChild[] = []
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]
    for (const m of marks) {
      if (m.end === at) out.push(new CommentRangeEnd(m.id), new TextRun({ children: [new CommentReference(m.id)] }))
    }
    for (const m of marks) if (m.start === at) out.push(new CommentRangeStart(m.id))
    const next = cuts[i + 1]
    if (next !== undefined && next > at) out.push(new TextRun({ text: xmlSafe(text.slice(at, next)) }))
  }
  return out
}
