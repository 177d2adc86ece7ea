import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx'
import type { Language } from '../language'
import { authorLine, REPORT_WORDS, wordingLines, type ReportThread } from '../review/reviewReport'
import { xmlSafe } from './escape'
import { pieces, ThreadMarks, type BlockKey } from './threadMarks'

/**
 * The open review threads exported with a DOCX (`&comments=1`) also as Word comments in the
 * margin, on the words they were made on (placed by threadMarks.ts): what a ministry that reads
 * the draft in Word sees beside the text, answers there, and sends back (the import reads them as
 * threads again: shared/import/wordComments.ts). The review report after the text still lists
 * every thread. A reply is a reply in Word; a proposed wording is in the first comment.
 */
export class DocxMargin {
  private readonly marks: ThreadMarks
  private readonly notes: ICommentOptions[] = []
  private nextId = 0

  constructor(
    threads: readonly ReportThread[],
    private readonly language: Language,
  ) {
    this.marks = new ThreadMarks(threads)
  }

  /** Whether a thread not placed yet is looked for in this block. */
  wants(key: BlockKey | null): boolean {
    return this.marks.wants(key)
  }

  /** The runs of a block's text, with Word comments on the words of the threads placed in it. */
  runs(key: BlockKey, text: string): ParagraphChild[] {
    const marks = this.marks.take(key, text).map((m) => ({ ...m, id: this.note(m.thread) }))
    if (marks.length === 0) return [new TextRun({ text: xmlSafe(text) })]
    // At each cut, ranges that end close (with their mark), then ranges that start open.
    return pieces(text, marks).flatMap((piece) => [
      ...piece.starting.map((m) => new CommentRangeStart(m.id)),
      new TextRun({ text: xmlSafe(piece.text) }),
      ...piece.ending.flatMap((m) => [new CommentRangeEnd(m.id), new TextRun({ children: [new CommentReference(m.id)] })]),
    ])
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
