import type { Language } from '../language'
import { matchHeading, matchMarker } from './markers'
import { recognise, unescapeMarkdown, type SourceBlock } from './recognise'
import type { ImportResult } from './types'
import type { ImportNote } from './notes'
import { isAppendixTitle } from './appendix'
import { ImportError } from './errors'
import { MAX_IMPORT_BLOCKS } from './limits'

/**
 * Plain text and Markdown import. Lines become blocks; the recogniser does the rest.
 *
 * How lines group into blocks:
 * - Markdown: a paragraph's lines are joined (soft wraps), a heading is always its own block;
 * - plain text with blank lines between paragraphs: lines are joined when the line before does
 *   not end a sentence (hard-wrapped text), and split where a heading or a number starts;
 * - plain text without any blank line: every line is a block (one paragraph per line, as text
 *   copied out of most editors arrives).
 * A Markdown thematic break ("---") marks the block after it as opening the conclusions, as
 * shared/export/markdown.ts writes them; the recogniser heeds it only after the last heading.
 */

export interface ParseTextOptions {
  /** 'auto' (default) reads the text as Markdown when it has ATX headings ("# Title", "## …"). */
  format?: 'auto' | 'text' | 'markdown'
  /** Refuse (ImportError 'tooLong') as soon as the text makes more blocks than this. */
  maxBlocks?: number
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
/** CommonMark's thematic break; under a paragraph's line "---" would underline a heading, so only after a blank line. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/

function indentOf(line: string): number {
  let n = 0
  for (const ch of line) {
    if (ch === ' ') n += 1
    else if (ch === '\t') n += 4
    else break
  }
  return n
}

function upperCase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase()
}

export function parseText(text: string, language?: Language, options: ParseTextOptions = {}): ImportResult {
  const { blocks, markdown } = textBlocks(text, { maxBlocks: MAX_IMPORT_BLOCKS, ...options })
  const notes: ImportNote[] = []
  // An exported draft's appendix (positions, review report) is not part of the law.
  const appendix = blocks.findIndex((b) => b.heading === 2 && isAppendixTitle(markdown ? unescapeMarkdown(b.text) : b.text))
  if (appendix >= 0) notes.push({ code: 'appendixLeftOut', title: blocks.splice(appendix)[0].text })
  return recognise(blocks, { language, markdown, notes })
}

/** The blocks of a plain-text or Markdown passage, before recognition (also for pasted text). */
export function textBlocks(text: string, options: ParseTextOptions = {}): { blocks: SourceBlock[]; markdown: boolean } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const format = options.format ?? 'auto'
  const markdown = format === 'markdown' || (format === 'auto' && lines.some((l) => ATX.test(l)))
  const hasBlankLines = lines.some((l, i) => !l.trim() && i > 0 && i < lines.length - 1)
  // As in the recogniser: once Markdown has ## / ### headings, only headings start chapters, sections and articles.
  const headingsOnly = markdown && lines.some((l) => /^ {0,3}#{2,3}(?:[ \t]|$)/.test(l))
  const startsHeading = (line: string) => !headingsOnly && matchHeading(line) !== null

  const blocks: SourceBlock[] = []
  const maxBlocks = options.maxBlocks ?? Infinity
  let open: SourceBlock | null = null // the block the next line may continue
  let closing = false // the next block follows a thematic break

  for (const line of lines) {
    if (blocks.length > maxBlocks) throw new ImportError('tooLong', `more than ${maxBlocks} paragraphs`)
    const trimmed = line.trim()
    if (!trimmed) {
      open = null
      continue
    }
    if (markdown && open === null && THEMATIC_BREAK.test(line)) {
      closing = true
      continue
    }
    const atx = markdown ? ATX.exec(line) : null
    if (atx) {
      blocks.push({ text: atx[2] ?? '', heading: atx[1].length })
      open = null
      closing = false
      continue
    }
    const structural = startsHeading(trimmed) || matchMarker(trimmed, markdown) !== null
    const continues =
      open !== null && !structural && (markdown || (hasBlankLines && !/[.!?;:…»"”]$/.test(open.text)))
    if (continues && open) {
      // An upper-case first line ("МОДЕЛЬНЫЙ ЗАКОН") over one in ordinary case is a title set on
      // two lines: kept apart, as one paragraph, so that the title's case can be told.
      if (blocks.length === 1 && open === blocks[0] && !matchMarker(open.text, markdown) && upperCase(open.text) && !upperCase(trimmed)) {
        open = { text: trimmed, indent: indentOf(line), sameParagraph: true }
        blocks.push(open)
        continue
      }
      open.lines ??= [open.text]
      open.lines.push(trimmed)
      open.text += ' ' + trimmed
      continue
    }
    const block: SourceBlock = { text: trimmed, indent: indentOf(line), ...(closing ? { closing } : {}) }
    closing = false
    blocks.push(block)
    // A heading line never absorbs the next line: that is its title or the first paragraph.
    open = startsHeading(trimmed) ? null : block
  }
  if (blocks.length > maxBlocks) throw new ImportError('tooLong', `more than ${maxBlocks} paragraphs`)
  return { blocks, markdown }
}
