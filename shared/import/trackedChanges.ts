import type { DocJSON } from '../schema'
import { diffText } from '../diff/wordDiff'
import { withoutTypedNumber } from './markers'
import { collapseSpaces } from './spaces'
import type { WordCommentThread } from './wordComments'
import type { WordChange, WordRevision } from './wordRevisions'

/**
 * Word's tracked changes kept as proposed wordings: the imported text is each changed paragraph
 * as it was before the changes, and each change in it (words inserted, deleted or replaced, apart
 * from the next change by unchanged words) becomes a thread proposing its words, from its author
 * in Word, for the drafters to accept or decline in Accord one by one.
 * What cannot be a wording of one block stays accepted, as Word shows it: whole paragraphs added
 * or removed, paragraphs joined or split, and a change to a typed number the import turns into
 * structure ("Статья 5." → "Статья 6.").
 */
export interface ProposedRevisions {
  doc: DocJSON
  threads: WordCommentThread[]
  /** Paragraphs whose changes stayed accepted. */
  accepted: number
  /** The paragraphs imported as they were before their changes: their words before and after, and each change's span. */
  paragraphs: ChangedParagraph[]
}

export interface ChangedParagraph {
  before: string
  after: string
  spans: Span[]
}

/** The number or heading word typed before a line, which the import turned into structure ('' when none). */
function typedNumber(line: string): string {
  return line.slice(0, line.length - withoutTypedNumber(line).length)
}

/** Every block holding words, in text order. */
export function textBlocks(node: DocJSON, out: DocJSON[] = []): DocJSON[] {
  if (node.content?.some((c) => c.type === 'text')) out.push(node)
  else node.content?.forEach((c) => textBlocks(c, out))
  return out
}

export const wordsOf = (block: DocJSON): string => (block.content ?? []).map((c) => c.text ?? '').join('')

/** Words of a block before a change (from `start`) and the words proposed for them. */
interface Span {
  start: number
  before: string
  after: string
}

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch)

/**
 * The changed words of a block, before and after: the span between what the two texts share at
 * their start and end, widened to whole words, and further while the words before occur earlier
 * in the block (a thread is placed on the first occurrence of its words in their block).
 */
export function changedSpan(before: string, after: string): Span {
  let prefix = 0
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  let start = prefix
  let end = suffix
  // Whole words: out to the spaces on either side (the shared start and end are the same in both).
  while (start > 0 && !isSpace(before[start - 1])) start--
  while (end > 0 && !isSpace(before[before.length - end])) end--
  const span = () => ({ start, before: before.slice(start, before.length - end), after: after.slice(start, after.length - end) })
  // A bare insertion between two words: the word after it (else the one before) is what it is proposed for.
  if (span().before.trim() === '') {
    while (end > 0 && isSpace(before[before.length - end])) end--
    while (end > 0 && !isSpace(before[before.length - end])) end--
    if (span().before.trim() === '') {
      while (start > 0 && isSpace(before[start - 1])) start--
      while (start > 0 && !isSpace(before[start - 1])) start--
    }
  }
  // Its words once in the block, from where they are: earlier words joined until then.
  while (start > 0 && before.indexOf(span().before) !== start) {
    while (start > 0 && isSpace(before[start - 1])) start--
    while (start > 0 && !isSpace(before[start - 1])) start--
  }
  return span()
}

interface Hunk {
  /** Characters [from, to) of the text before, replaced by `insert`. */
  from: number
  to: number
  insert: string
}

/** A paragraph's changes, each its own: runs of deleted and inserted words, apart where unchanged words part them. */
function hunksOf(before: string, after: string): Hunk[] {
  const hunks: Hunk[] = []
  const segments = diffText(before, after)
  let at = 0
  let open: Hunk | null = null
  segments.forEach((segment, i) => {
    if (segment.kind === 'insert') {
      open ??= { from: at, to: at, insert: '' }
      open.insert += segment.text
    } else if (segment.kind === 'delete') {
      open ??= { from: at, to: at, insert: '' }
      at += segment.text.length
      open.to = at
    } else if (open && !segment.text.trim() && i + 1 < segments.length) {
      // Only spaces between two changes: one change.
      open.insert += segment.text
      at += segment.text.length
      open.to = at
    } else {
      if (open) hunks.push(open)
      open = null
      at += segment.text.length
    }
  })
  if (open) hunks.push(open)
  return hunks
}

/** The words a change proposes, as changedSpan widens them in the whole text before. */
function spanOf(before: string, hunk: Hunk): Span {
  return changedSpan(before, before.slice(0, hunk.from) + hunk.insert + before.slice(hunk.to))
}

/** Each change's span; changes whose widened words would overlap are one. */
export function changesOf(before: string, after: string): Span[] {
  const merged: { hunk: Hunk; span: Span }[] = []
  for (const hunk of hunksOf(before, after)) {
    let current = { hunk, span: spanOf(before, hunk) }
    for (let last = merged.at(-1); last && current.span.start < last.span.start + last.span.before.length; last = merged.at(-1)) {
      merged.pop()
      const joined = { from: last.hunk.from, to: current.hunk.to, insert: last.hunk.insert + before.slice(last.hunk.to, current.hunk.from) + current.hunk.insert }
      current = { hunk: joined, span: spanOf(before, joined) }
    }
    merged.push(current)
  }
  return merged.map((m) => m.span)
}

export function proposeRevisions(doc: DocJSON, revisions: readonly WordRevision[]): ProposedRevisions {
  const copy = structuredClone(doc)
  const blocks = textBlocks(copy)
  const threads: WordCommentThread[] = []
  const paragraphs: ChangedParagraph[] = []
  let accepted = 0
  let next = 0
  for (const revision of revisions) {
    const found = findBlock(blocks, next, revision)
    if (found === null) {
      accepted++
      continue
    }
    next = found.index + 1
    blocks[found.index].content = [{ type: 'text', text: found.before }]
    const spans = changesOf(found.before, found.after)
    paragraphs.push({ before: found.before, after: found.after, spans })
    for (const span of spans) {
      const by = authorOf(revision.changes, span)
      threads.push({
        quote: span.before,
        paragraph: found.before,
        resolved: false,
        proposal: span.after,
        comments: [{ author: by.author, date: by.date, text: '' }],
      })
    }
  }
  return { doc: copy, threads, accepted, paragraphs }
}

/**
 * Comments (and footnotes) read on the text as Word shows it, moved onto the text as it was
 * before the changes, which is what is imported: the paragraph a comment's words are in becomes
 * the paragraph before its changes, and a comment on words a change inserted goes on the words
 * that change is proposed for, saying which words it was made on (`onInserted`); otherwise their
 * words would not be found and they would go on the title.
 */
export function onTextBeforeChanges(threads: readonly WordCommentThread[], paragraphs: readonly ChangedParagraph[]): WordCommentThread[] {
  if (paragraphs.length === 0) return [...threads]
  return threads.map((thread) => {
    const whole = withoutTypedNumber(collapseSpaces(thread.paragraph))
    const paragraph = paragraphs.find((p) => collapseSpaces(p.after) === whole)
    if (!paragraph) return thread
    const moved = { ...thread, paragraph: paragraph.before }
    const quote = collapseSpaces(thread.quote.split('\n')[0])
    if (!quote || paragraph.before.includes(quote)) return moved
    const span = paragraph.spans.find((s) => s.after.includes(quote) || quote.includes(s.after.trim()))
    return span ? { ...moved, quote: span.before, onInserted: quote } : moved
  })
}

/** Whose change a proposal is: the first of the paragraph's changes whose words it inserts or deletes (else the paragraph's first). */
function authorOf(changes: readonly WordChange[], span: { before: string; after: string }): WordChange {
  const within = (change: WordChange) => change.text !== '' && (change.kind === 'inserted' ? span.after : span.before).includes(change.text)
  return changes.find(within) ?? changes[0]
}

/** The block a paragraph with changes became (from `from` on), and its words before and after them. */
function findBlock(blocks: DocJSON[], from: number, revision: WordRevision): { index: number; before: string; after: string } | null {
  if (revision.accepted.includes('\n') || !revision.rejected.trim()) return null
  const number = typedNumber(revision.accepted)
  // A change to the typed number itself is a change of structure.
  if (number !== typedNumber(revision.rejected)) return null
  const after = revision.accepted.slice(number.length)
  const before = revision.rejected.slice(number.length)
  if (!after.trim() || !before.trim()) return null
  for (let i = from; i < blocks.length; i++) if (wordsOf(blocks[i]) === after) return { index: i, before, after }
  return null
}
