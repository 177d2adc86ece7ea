import * as Y from 'yjs'
import { TEXT_FIELD } from '../protocol'
import { COMMENT_MAX_LENGTH } from '../apiConstants'
import { blockIdOf, blocksOfPlace, createAnchor, placeIdOfElement, textBetween, textOfBlock, xmlTextOf, type EncodedAnchor } from '../comments/anchor'
import { TITLE_PLACE } from '../places'
import type { Language } from '../language'
import { documentDate } from '../dates'
import { clip } from '../clip'
import { withoutTypedNumber } from './markers'
import { collapseSpaces } from './spaces'
import type { WordComment, WordCommentThread } from './wordComments'

/** A Word comment thread placed on the imported text: what a review thread is stored with. */
export interface PlacedWordThread {
  /** The place (shared/places.ts) holding its words. */
  placeId: string
  blockId: string | null
  /** On the words it was made on; null: on the title as a whole, its words not found. */
  anchor: EncodedAnchor | null
  quote: string
  resolved: boolean
  /** The comment and its replies, each headed by its Word author and date. */
  bodies: string[]
  /** A tracked change's words, proposed for the quote (null: the thread proposes none). */
  proposal: string | null
}

interface Block {
  placeId: string
  text: Y.XmlText
  words: string
}

interface Found {
  block: number
  index: number
  length: number
}

/** Every block of the text with words, in order, with its place: the title, headings, paragraphs, points. */
function blocksOf(doc: Y.Doc): Block[] {
  const blocks: Block[] = []
  for (const top of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (!(top instanceof Y.XmlElement)) continue
    const placeId = placeIdOfElement(top)
    if (placeId === null) continue
    for (const element of blocksOfPlace(top)) {
      const text = xmlTextOf(element)
      if (text !== null) blocks.push({ placeId, text, words: textOfBlock(text) })
    }
  }
  return blocks
}

/** The blocks' words end to end, a line apart, to search all at once: a file's 2,000 remarks on a 300-article law. */
interface Searchable {
  blocks: Block[]
  all: string
  /** Where each block's words start in `all`. */
  starts: number[]
  longest: number
}

function searchable(blocks: Block[]): Searchable {
  const starts: number[] = []
  let at = 0
  for (const block of blocks) {
    starts.push(at)
    at += block.words.length + 1
  }
  return { blocks, all: blocks.map((b) => b.words).join('\n'), starts, longest: blocks.reduce((n, b) => Math.max(n, b.words.length), 0) }
}

/** The block whose words hold `offset` of `all`. */
function blockAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid] <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/** Where `line` (or its words without their typed number) first occurs in a block, preferring the block that is `paragraph`. */
function findLine(text: Searchable, line: string, paragraph: string): Found | null {
  const whole = withoutTypedNumber(paragraph)
  for (const variant of new Set([line, withoutTypedNumber(line)])) {
    // Longer than every block: in none (and not searched for, a hostile tree's 100,000 characters at a time).
    if (!variant || variant.length > text.longest) continue
    let first: Found | null = null
    // A line holds no line break: a match never runs from one block into the next.
    for (let at = text.all.indexOf(variant); at >= 0; ) {
      const i = blockAt(text.starts, at)
      const words = text.blocks[i].words
      const found = { block: i, index: at - text.starts[i], length: variant.length }
      if (paragraph === '' || paragraph.includes(words) || words.includes(whole)) return found
      first ??= found
      at = i + 1 < text.starts.length ? text.all.indexOf(variant, text.starts[i + 1]) : -1
    }
    if (first) return first
  }
  return null
}

/** The end of a quote's last line, in a block after its first line's within the same place. */
function findLastLine(blocks: Block[], start: Found, line: string): { block: number; index: number } | null {
  for (let i = start.block + 1; i < blocks.length && blocks[i].placeId === blocks[start.block].placeId; i++) {
    for (const variant of new Set([line, withoutTypedNumber(line)])) {
      const index = variant ? blocks[i].words.indexOf(variant) : -1
      if (index >= 0) return { block: i, index: index + variant.length }
    }
  }
  return null
}

const WORDS = {
  en: {
    unnamed: 'author not named',
    from: (who: string) => `From Word — ${who}:`,
    note: (kind: 'footnote' | 'endnote', n: number) => `${kind === 'footnote' ? 'Footnote' : 'Endnote'} ${n} in Word:`,
    revision: (who: string) => `Tracked change in Word — ${who}: proposed as the wording below.`,
    untracked: (who: string) => `Changed in the file “${who}”, without tracked changes: proposed as the wording below.`,
    proposed: (words: string) => `Proposed: “${words}”.`,
    noText: '(no text)',
    notFound: (quote: string) => `On the words “${quote}”, not found in the imported text.`,
    notInDraft: (quote: string) => `On the words “${quote}”, not found in the draft.`,
    onInserted: (words: string) => `On the words “${words}”, which a tracked change inserts:`,
  },
  ru: {
    unnamed: 'автор не указан',
    from: (who: string) => `Из Word — ${who}:`,
    note: (kind: 'footnote' | 'endnote', n: number) => `${kind === 'footnote' ? 'Сноска' : 'Концевая сноска'} ${n} в Word:`,
    revision: (who: string) => `Исправление в Word — ${who}: предложено как редакция ниже.`,
    untracked: (who: string) => `Изменено в файле «${who}» без режима исправлений: предложено как редакция ниже.`,
    proposed: (words: string) => `Предложено: «${words}».`,
    noText: '(без текста)',
    notFound: (quote: string) => `К словам «${quote}», не найденным в импортированном тексте.`,
    notInDraft: (quote: string) => `К словам «${quote}», не найденным в проекте.`,
    onInserted: (words: string) => `К словам «${words}», которые вставляет исправление:`,
  },
} satisfies Record<Language, unknown>

/** "МВД, 1 декабря 2026 г.": who wrote it in Word, and when (a date Word did not store, or stored unreadably, is left out). */
function whoAndWhen(comment: WordComment, language: Language): string {
  const who = comment.author || WORDS[language].unnamed
  return comment.date && !Number.isNaN(Date.parse(comment.date)) ? `${who}, ${documentDate(comment.date, language)}` : who
}

/** A Word comment as a review comment's body: headed by its Word author and date (`before`: what goes above). */
export function wordCommentBody(comment: WordComment, thread: WordCommentThread, language: Language, before = ''): string {
  const words = WORDS[language]
  const who = whoAndWhen(comment, language)
  // Made on words a change inserts, it is placed on those the change is proposed for: its first comment says so.
  const inserted = thread.onInserted && comment === thread.comments[0] ? words.onInserted(thread.onInserted) : ''
  const lines =
    thread.proposal !== undefined
      ? [before, thread.untracked ? words.untracked(who) : words.revision(who), before ? words.proposed(thread.proposal) : '']
      : [before, inserted, thread.note ? words.note(thread.note.kind, thread.note.number) : words.from(who), comment.text || words.noText]
  const body = lines.filter(Boolean).join('\n')
  return clip(body, COMMENT_MAX_LENGTH)
}

/** Where the text is that a file's comments are placed on: the file's own, imported with them, or a draft they were sent back on. */
export type PlacedOn = 'imported' | 'draft'

/**
 * Places each Word comment thread on the imported text (`doc`, as the import encoded it): on the
 * words it was made on, found by their text — the occurrence in the paragraph the comment was
 * made in when a short quote occurs more than once, its typed numbers ("Статья 5.", "1)") left
 * aside as the import left them. A comment on a place without words covers the words of its
 * paragraph. One whose words are not found (changed by the import) goes on the title as a
 * whole, its quote in its first comment.
 */
export function placeWordComments(doc: Y.Doc, threads: readonly WordCommentThread[], language: Language): PlacedWordThread[] {
  return placeEach(doc, threads, language, 'imported').filter((p) => p !== null)
}

/**
 * As placeWordComments, on any text (`on`: a draft a ministry's file was sent back on), one entry
 * for each thread: null only when the text has no words at all.
 */
export function placeEach(doc: Y.Doc, threads: readonly WordCommentThread[], language: Language, on: PlacedOn): (PlacedWordThread | null)[] {
  const blocks = blocksOf(doc)
  const text = searchable(blocks)
  const title = blocks.find((b) => b.placeId === TITLE_PLACE) ?? blocks[0]
  const notFound = on === 'imported' ? WORDS[language].notFound : WORDS[language].notInDraft
  return threads.map((thread): PlacedWordThread | null => {
    const lines = thread.quote.split('\n').map(collapseSpaces).filter(Boolean)
    const paragraph = collapseSpaces(thread.paragraph)
    const start = lines.length > 0 ? findLine(text, lines[0], paragraph) : paragraph ? findLine(text, withoutTypedNumber(paragraph), paragraph) : null
    const bodies = (before: string) => thread.comments.map((c, i) => wordCommentBody(c, thread, language, i === 0 ? before : ''))
    if (start === null) {
      if (title === undefined) return null
      const quote = lines.join(' ') || paragraph
      // A whole place takes no wording: a change whose words are not found says what it proposed.
      return { placeId: title.placeId, blockId: null, anchor: null, quote: title.words, resolved: thread.resolved, bodies: bodies(quote ? notFound(quote) : ''), proposal: null }
    }
    const first = blocks[start.block]
    const last = lines.length > 1 ? findLastLine(blocks, start, lines[lines.length - 1]) : null
    const from = { text: first.text, index: start.index }
    const to = last ? { text: blocks[last.block].text, index: last.index } : { text: first.text, index: start.index + start.length }
    return {
      placeId: first.placeId,
      blockId: blockIdOf(first.text),
      anchor: createAnchor(from, to),
      quote: textBetween(from, to),
      resolved: thread.resolved,
      bodies: bodies(''),
      // A wording replaces words of one block (one Y.XmlText: no cross-reference inside).
      proposal: thread.proposal !== undefined && from.text === to.text ? thread.proposal : null,
    }
  })
}
