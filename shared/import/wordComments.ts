import { collapseSpaces } from './spaces'
import { attribute, runText, scan } from './wordXml'

/**
 * A ministry's remarks in a Word file: comments in the margin, replies to them, some marked done.
 * mammoth leaves them out; here they are read from the package's XML parts themselves, each with
 * the words it was made on, so that the import keeps them as review threads on those words
 * (shared/import/placeWordComments.ts).
 */

/** One comment as written in Word. */
export interface WordComment {
  author: string
  /** As Word stores it (ISO 8601), or null. */
  date: string | null
  text: string
}

/** A comment with its replies: one review thread. */
export interface WordCommentThread {
  /** The words it was made on, one line per paragraph ('' when it marks a place, not words). */
  quote: string
  /** The whole paragraph its words start in: tells which of several occurrences of a short quote is meant. */
  paragraph: string
  /** Marked done in Word. */
  resolved: boolean
  /** The comment, then its replies. */
  comments: WordComment[]
  /** Set for a footnote or endnote (docx.ts), which becomes a thread as a comment does: which one. */
  note?: { kind: 'footnote' | 'endnote'; number: number }
  /** Set for a tracked change kept as a proposal (trackedChanges.ts): the words proposed for the quote. */
  proposal?: string
  /** Made on words a tracked change inserted, when the changes are proposed (trackedChanges.ts): those words; `quote` is what the change is proposed for. */
  onInserted?: string
  /** Set for a change the file's text makes without tracked changes (fileEdits.ts). */
  untracked?: boolean
}

export const COMMENTS_EXTENDED_PART = 'word/commentsExtended.xml'

/** More threads than any draft's review carries (comments, notes and changes of one file): what is past it is left out (docx.ts). */
export const MAX_WORD_COMMENT_THREADS = 2000

interface Written extends WordComment {
  id: string
  /** w14:paraId of its last paragraph: how commentsExtended.xml names it. */
  paraId: string | null
}

function commentsOf(xml: string): Written[] {
  const out: Written[] = []
  let current: Written | null = null
  let lines: string[] = []
  scan(
    xml,
    (tag) => {
      if (tag.name === 'comment' && !tag.closing) {
        current = { id: attribute(tag, 'id') ?? '', author: attribute(tag, 'author') ?? '', date: attribute(tag, 'date'), text: '', paraId: null }
        lines = ['']
      } else if (current === null) return
      else if (tag.name === 'comment') {
        current.text = lines.map(collapseSpaces).filter(Boolean).join('\n')
        out.push(current)
        current = null
      } else if (tag.name === 'p' && !tag.closing) {
        current.paraId = attribute(tag, 'paraId') ?? current.paraId
        lines.push('')
      } else lines[lines.length - 1] += runText(tag)
    },
    (text, element) => {
      if (current !== null && element === 't') lines[lines.length - 1] += text
    },
  )
  return out
}

/** Per paragraph id: the paragraph id of the comment it replies to, and whether it is done. */
function extendedOf(xml: string | null): Map<string, { parent: string | null; done: boolean }> {
  const out = new Map<string, { parent: string | null; done: boolean }>()
  if (!xml) return out
  scan(
    xml,
    (tag) => {
      if (tag.name !== 'commentEx' || tag.closing) return
      const paraId = attribute(tag, 'paraId')
      if (paraId) out.set(paraId, { parent: attribute(tag, 'paraIdParent'), done: attribute(tag, 'done') === '1' })
    },
    () => {},
  )
  return out
}

/** Where each comment is in the text: its words, and the paragraph they start in, in the order they come. */
function rangesOf(xml: string): Map<string, { quote: string; paragraph: string }> {
  const found = new Map<string, { quote: string; paragraph: string }>()
  const open = new Map<string, string[]>()
  /** Comments whose words start in the paragraph being read (or in the next one, for a start between paragraphs). */
  let startingHere: string[] = []
  let paragraph = ''
  let inParagraph = false
  const add = (text: string) => {
    paragraph += text
    for (const lines of open.values()) lines[lines.length - 1] += text
  }
  const start = (id: string) => {
    if (found.has(id)) return
    found.set(id, { quote: '', paragraph: '' })
    startingHere.push(id)
  }
  scan(
    xml,
    (tag) => {
      const id = attribute(tag, 'id') ?? ''
      if (tag.name === 'commentRangeStart') {
        start(id)
        open.set(id, [''])
      } else if (tag.name === 'commentRangeEnd') {
        const lines = open.get(id)
        if (lines) found.get(id)!.quote = lines.map(collapseSpaces).filter(Boolean).join('\n')
        open.delete(id)
      } else if (tag.name === 'commentReference') start(id) // a comment on a place, with no words of its own
      else if (tag.name === 'p' && !tag.closing && !tag.selfClosing) {
        inParagraph = true
        paragraph = ''
      } else if (tag.name === 'p' && tag.closing && inParagraph) {
        inParagraph = false
        for (const started of startingHere) found.get(started)!.paragraph = collapseSpaces(paragraph)
        startingHere = []
        for (const lines of open.values()) lines.push('')
      } else add(runText(tag))
    },
    // Deleted words (tracked, not accepted) are no part of a quote: the import reads them as gone.
    (text, element) => element === 't' && add(text),
  )
  return found
}

/**
 * The comment threads of a Word package, from its parts' text: document.xml, comments.xml and
 * (Word 2013 on, for replies and "done") commentsExtended.xml. Ordered as their words come in
 * the text; a reply joins the thread of the comment it answers.
 */
export function wordCommentThreads(document: string | null, comments: string | null, extended: string | null): WordCommentThread[] {
  if (!comments) return []
  const written = commentsOf(comments)
  if (written.length === 0) return []
  const ranges = document ? rangesOf(document) : new Map<string, { quote: string; paragraph: string }>()
  const states = extendedOf(extended)
  const byParaId = new Map(written.filter((c) => c.paraId !== null).map((c) => [c.paraId!, c]))
  // The comment each one answers, up to the first (a cycle, in a damaged file, stops where it closes).
  const rootOf = new Map<Written, Written>()
  for (const comment of written) {
    const seen = new Set<Written>()
    let current = comment
    for (;;) {
      seen.add(current)
      const parentId = current.paraId === null ? null : (states.get(current.paraId)?.parent ?? null)
      const parent = parentId === null ? undefined : byParaId.get(parentId)
      if (parent === undefined || seen.has(parent)) break
      current = parent
    }
    rootOf.set(comment, current)
  }
  const threads = new Map<Written, WordCommentThread>()
  const order = new Map([...ranges.keys()].map((id, index) => [id, index]))
  const position = (c: Written) => order.get(c.id) ?? Infinity
  const roots = written.filter((c) => rootOf.get(c) === c).sort((a, b) => position(a) - position(b))
  for (const root of roots) {
    const range = ranges.get(root.id)
    const done = root.paraId !== null && (states.get(root.paraId)?.done ?? false)
    threads.set(root, { quote: range?.quote ?? '', paragraph: range?.paragraph ?? '', resolved: done, comments: [] })
  }
  for (const comment of written) {
    const root = rootOf.get(comment)!
    if (comment.text || comment === root) threads.get(root)!.comments.push({ author: comment.author, date: comment.date, text: comment.text })
  }
  return [...threads.values()]
}
