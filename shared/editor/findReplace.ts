import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'

/** How words are looked for: by default case and ё/е do not matter, as everywhere in Accord; quotation marks never do. */
export interface FindOptions {
  matchCase: boolean
  /** Only where the words are not part of a longer word ("law" not in "lawyer"). */
  wholeWord: boolean
}

/** A run of text in the document that reads as the words looked for. */
export interface Match {
  from: number
  to: number
}

/** More than this many are not looked for: the count would say nothing more to anyone. */
export const MAX_MATCHES = 10_000

const WORD_CHAR = /[\p{L}\p{N}_]/u

/** One UTF-16 unit folded for comparison (keeping the length, so positions stay valid). */
function foldChar(c: string): string {
  const lower = c.toLowerCase()
  if (lower.length !== 1) return c
  return lower === 'ё' ? 'е' : lower
}

/** A straight quotation mark, as typed in the find box, finds the typographic ones the text has (shared/editor/typography.ts), as Word's does. */
function foldQuotes(text: string): string {
  return text.replace(/[«»„“”]/g, '"').replace(/[‘’]/g, "'")
}

function foldCase(text: string): string {
  // The usual case at once; one character that lowers into two (rare) is kept as it is instead.
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower.replace(/ё/g, 'е')
  let out = ''
  for (let i = 0; i < text.length; i++) out += foldChar(text[i])
  return out
}

function fold(text: string, matchCase: boolean): string {
  return foldQuotes(matchCase ? text : foldCase(text))
}

/**
 * Every place the document reads `query`, in the order of the text: within one block's run of
 * plain text (never across two blocks, nor across a cross-reference, whose number is not text).
 */
export function findMatches(doc: PMNode, query: string, options: FindOptions): Match[] {
  const matches: Match[] = []
  if (query === '') return matches
  const needle = fold(query, options.matchCase)
  const lookIn = (text: string, start: number) => {
    const hay = fold(text, options.matchCase)
    for (let i = hay.indexOf(needle); i >= 0 && matches.length < MAX_MATCHES; i = hay.indexOf(needle, i + needle.length)) {
      const end = i + needle.length
      if (options.wholeWord && ((i > 0 && WORD_CHAR.test(text[i - 1])) || (end < text.length && WORD_CHAR.test(text[end])))) continue
      matches.push({ from: start + i, to: start + end })
    }
  }
  doc.descendants((node, pos) => {
    if (matches.length >= MAX_MATCHES) return false
    if (!node.isTextblock) return true
    let run = ''
    let runStart = pos + 1
    node.forEach((child, offset) => {
      if (child.isText) {
        if (run === '') runStart = pos + 1 + offset
        run += child.text
        return
      }
      lookIn(run, runStart)
      run = ''
    })
    lookIn(run, runStart)
    return false
  })
  return matches
}

/**
 * Replaces each match with `replacement` in `tr` (one step of undo), last first so that earlier
 * positions hold. Only the characters that differ are replaced: words kept at either end keep
 * their identity, and review threads anchored on them stay where they were.
 */
export function replaceMatches(tr: Transaction, matches: readonly Match[], replacement: string): Transaction {
  for (const { from, to } of [...matches].sort((a, b) => b.from - a.from)) {
    const found = tr.doc.textBetween(from, to)
    let head = 0
    while (head < found.length && head < replacement.length && found[head] === replacement[head]) head++
    let tail = 0
    while (tail < found.length - head && tail < replacement.length - head && found[found.length - 1 - tail] === replacement[replacement.length - 1 - tail]) tail++
    const start = from + head
    const end = to - tail
    const words = replacement.slice(head, replacement.length - tail)
    if (words === '') {
      if (end > start) tr.delete(start, end)
    } else tr.insertText(words, start, end)
  }
  return tr
}
