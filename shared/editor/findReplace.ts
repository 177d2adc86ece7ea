import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { eachWord, stemOf, stemsOf } from '../checks/stems'

/** How words are looked for: by default case and ё/е do not matter, as everywhere in Accord; quotation marks never do. */
export interface FindOptions {
  matchCase: boolean
  /** Only where the words are not part of a longer word ("law" not in "lawyer"). */
  wholeWord: boolean
  /**
   * The words in any of their forms: «жертва» finds «жертвы», «жертвам»; "child" finds
   * "children". Whole words, case aside, by their stems (shared/checks/stems.ts).
   */
  wordForms?: boolean
}

/** A run of text in the document that reads as the words looked for. */
export interface Match {
  from: number
  to: number
}

/** What may stand between the words of one match in their forms: spaces, a hyphen or dash («государства-участника»). */
const BETWEEN_WORDS = /^[\s\u00a0\-\u2010-\u2015]+$/

/** A run of text's words: where each starts and ends (word i from bounds[2i] to bounds[2i + 1]; compact, as a law's runs are kept), and its stem. */
interface RunWords {
  bounds: Uint32Array
  stems: string[]
}

/** Words of runs of text already read: a block unchanged since the last search (anyone's edit looks again) is not read again. */
const runWords = new Map<string, RunWords>()
const RUNS_AT_MOST = 20_000

function wordsOfRun(text: string): RunWords {
  let run = runWords.get(text)
  if (!run) {
    if (runWords.size >= RUNS_AT_MOST) runWords.clear()
    const bounds: number[] = []
    const stems: string[] = []
    eachWord(text, (from, to) => {
      bounds.push(from, to)
      stems.push(stemOf(text.slice(from, to)))
    })
    run = { bounds: Uint32Array.from(bounds), stems }
    runWords.set(text, run)
  }
  return run
}

/** Where a run of text reads the words whose stems are `wanted`, one after another, in any of their forms. */
function formsIn(text: string, wanted: readonly string[], found: (from: number, to: number) => void): void {
  const { bounds, stems } = wordsOfRun(text)
  for (let i = 0; i + wanted.length <= stems.length; i++) {
    let n = 0
    while (n < wanted.length && stems[i + n] === wanted[n] && (n === 0 || BETWEEN_WORDS.test(text.slice(bounds[2 * (i + n) - 1], bounds[2 * (i + n)])))) n++
    if (n === wanted.length) {
      found(bounds[2 * i], bounds[2 * (i + n - 1) + 1])
      i += n - 1
    }
  }
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
  const wanted = options.wordForms ? stemsOf(query) : []
  if (options.wordForms && wanted.length === 0) return matches
  const lookIn = (text: string, start: number) => {
    if (options.wordForms) return formsIn(text, wanted, (from, to) => matches.length < MAX_MATCHES && matches.push({ from: start + from, to: start + to }))
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
