import type { Language } from '../language'

/**
 * Alternative wordings in square brackets, found in one block's text:
 * "Non-liability [non-punishment] [non-prosecution] of victims" holds one group whose options are
 * "Non-liability" (the current wording: the word directly before the brackets, a space between),
 * "non-punishment" and "non-prosecution". Pure and cheap: one pass over the characters.
 *
 * Rules (docs: README "Alternative wordings"):
 * - a group is a run of bracketed segments separated only by whitespace;
 * - brackets nest: a segment is an outermost balanced pair, its text kept as typed ("a [b] c");
 *   an opening bracket never closed, or a closing one never opened, is ordinary text;
 * - empty brackets ("[]", "[ ]") are no option, and do not end a run;
 * - the word before counts only with whitespace (no newline) between it and the first bracket;
 *   a word is letters and digits, hyphens inside ("Non-liability", «уголовно-правовой»); a word
 *   of three letters or fewer only before a single bracket ("by [through]": before two or more,
 *   as in "на [трехлетний] [пятилетний] срок" or "a [three-year] [five-year] period", it is a
 *   preposition or article the brackets do not replace), and no word before a bracket that opens
 *   with punctuation ("совершения [, если потерпевшим является ребенок]": an insertion);
 * - an option repeated within a group counts once.
 */

/**
 * The option of leaving a lone bracket's words out ("совершения [, если потерпевшим является
 * ребенок]": with them or without them). Shown in words, never as this empty text.
 */
export const WITHOUT = ''

/** How the option of leaving the bracket's words out reads, in the draft's language. */
export const WITHOUT_WORDS: Record<Language, string> = {
  en: 'without the bracketed words',
  ru: 'без слов в скобках',
}

/** An option's text, or the words for leaving the bracket out. */
export function optionText(text: string, language: Language): string {
  return text === WITHOUT ? WITHOUT_WORDS[language] : text
}

/** An option as a person reads it: the bracket as typed, the current wording, or the words for leaving it out. */
export function optionWords(option: { text: string; bracketed: boolean }, language: Language): string {
  return option.bracketed ? `[${option.text}]` : optionText(option.text, language)
}

/** One option of a group, with where it stands in the block's text (UTF-16 offsets). */
export interface AlternativeOption {
  text: string
  /** False for the current wording (the word before the brackets). */
  bracketed: boolean
  start: number
  end: number
}

export interface AlternativeGroupInText {
  /** The group's key within its block: its options' texts (see groupKeyOf). */
  key: string
  options: AlternativeOption[]
  /** From the current wording (or first bracket) to the last closing bracket. */
  start: number
  end: number
}

/**
 * A group's key: its options' texts as a JSON array. A preference is stored against (block id,
 * key), so it survives any edit elsewhere in the block, renumbering and moves; when an option's
 * wording changes, the key changes and the preference is shown as "for a wording no longer in
 * the text" until its organization states it again or withdraws it. Two identical groups in one
 * block share one key, and so one preference: they offer the same choice.
 */
export function groupKeyOf(options: readonly string[]): string {
  return JSON.stringify(options)
}

/** The option texts a key stands for, or null for a string that is not a key. */
export function optionsOfKey(key: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(key)
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every((o) => typeof o === 'string') ? parsed : null
  } catch {
    return null
  }
}

interface Segment {
  start: number
  end: number
  text: string
}

/**
 * Outermost balanced [...] pairs, in order. A pair closed inside an opening bracket that is
 * closed later is part of that outer pair's text; inside one never closed it is a segment itself.
 */
function segmentsOf(text: string): Segment[] {
  const out: Segment[] = []
  const open: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5b /* [ */) open.push(i)
    else if (c === 0x5d /* ] */ && open.length > 0) {
      const start = open.pop()!
      while (out.length > 0 && out[out.length - 1].start > start) out.pop()
      out.push({ start, end: i + 1, text: text.slice(start + 1, i).trim() })
    }
  }
  return out
}

/** How far back the word before a group is looked for (no real word is longer). */
const WORD_WINDOW = 200
const WORD_BEFORE = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)[^\S\n]+$/u
const SPACE_ONLY = /^[^\S\n]*$/
/** Fewer letters than this, before two or more brackets: a preposition or article, not a wording they replace. */
const MIN_WORD = 4
/** A bracket opening with punctuation adds words to the sentence; it replaces none. */
const INSERTION = /^[,;:.]/

/** The groups of alternatives in one block's text, in order. */
export function alternativesIn(text: string): AlternativeGroupInText[] {
  if (!text.includes('[')) return []
  const segments = segmentsOf(text)
  const groups: AlternativeGroupInText[] = []
  let run: Segment[] = []
  const flush = () => {
    const filled = run.filter((s) => s.text !== '')
    if (filled.length > 0) groups.push(groupOf(text, run[0].start, filled, run[run.length - 1].end))
    run = []
  }
  for (const segment of segments) {
    const previous = run[run.length - 1]
    if (previous && !SPACE_ONLY.test(text.slice(previous.end, segment.start))) flush()
    run.push(segment)
  }
  flush()
  return groups
}

function groupOf(text: string, runStart: number, segments: Segment[], end: number): AlternativeGroupInText {
  const options: AlternativeOption[] = []
  const seen = new Set<string>()
  const add = (option: AlternativeOption) => {
    if (seen.has(option.text)) return
    seen.add(option.text)
    options.push(option)
  }
  const from = Math.max(0, runStart - WORD_WINDOW)
  const before = WORD_BEFORE.exec(text.slice(from, runStart))
  let start = runStart
  const insertion = segments.some((s) => INSERTION.test(s.text))
  const short = before !== null && before[1].replace(/-/g, '').length < MIN_WORD
  if (before && !insertion && !(short && segments.length > 1)) {
    start = from + before.index
    add({ text: before[1], bracketed: false, start, end: start + before[1].length })
  }
  // One bracket with no wording it replaces adds words: leaving them out is the other choice.
  if (options.length === 0 && segments.length === 1) options.push({ text: WITHOUT, bracketed: false, start: runStart, end: runStart })
  for (const s of segments) add({ text: s.text, bracketed: true, start: s.start, end: s.end })
  return { key: groupKeyOf(options.map((o) => o.text)), options, start, end }
}
