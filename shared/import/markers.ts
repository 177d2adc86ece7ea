import type { DivisionType } from '../schema'
/**
 * The typed numbers and headings that the importer turns into structure. Kept apart from the
 * recogniser so the Markdown exporter can escape text that would otherwise read as a marker.
 */

export type MarkerStyle = 'N.' | 'N)' | '(N)' | 'L)' | '(L)' | 'R)' | '(R)' | 'bullet'

export interface Marker {
  style: MarkerStyle
  /** The number as typed, lower-cased ("3", "b", "ii"), empty for bullets. */
  value: string
  rest: string
}

export interface HeadingMatch {
  kind: DivisionType | 'article'
  /** The number as typed ("II", "2", "5", "One"). */
  number: string
  /** The heading text after the number and its separator (may be empty). */
  rest: string
}

/** Parts are numbered in words too, in older codes: "PART ONE", «Раздел первый». */
const PART_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|первый|второй|третий|четв[её]ртый|пятый|шестой|седьмой|восьмой|девятый|десятый'
/**
 * "Part I", «Раздел 2»: the division above chapters, in CIS drafting «Раздел». Roman numerals up
 * to L only: "Part C" and "Part D" are letters in a series (Part A, Part B…), not parts 100 and 500.
 */
const PART = new RegExp(`^(?:part|раздел)\\s+([IVXL]+|[ivxl]+|\\d{1,3}|${PART_WORDS})(?![\\p{L}\\p{N}])(.*)$`, 'iu')
const CHAPTER = /^(?:chapter|глава)\s+([IVXLCDM]+|[ivxlcdm]+|\d{1,3})(?![\p{L}\p{N}])(.*)$/iu
/**
 * "Section 2", "§ 2", "Параграф 2": a division of a chapter, numbered in arabic. «Раздел» is not
 * one: in CIS drafting it stands above chapters (a part, above).
 */
const SECTION = /^(?:(?:section|параграф)\s+|§\s*)(\d{1,3})(?![\p{L}\p{N}])(.*)$/iu
const ARTICLE = /^(?:article|art\.|статья|ст\.)\s*(\d{1,4}(?:[.-]\d{1,3})*)(?![\p{L}\p{N}])(.*)$/iu
const SEPARATOR = /^\s*[.:–—-]\s*/u

/** "Article 5. Title", "Статья 5 – Название", "Chapter II" (bare), "Chapter II General provisions", "§ 2. Title", "Раздел I. Title". */
export function matchHeading(line: string): HeadingMatch | null {
  const text = line.trim()
  for (const [kind, pattern] of [['part', PART], ['chapter', CHAPTER], ['section', SECTION], ['article', ARTICLE]] as const) {
    const m = pattern.exec(text)
    if (!m) continue
    const after = m[2]
    const sep = SEPARATOR.exec(after)
    if (sep) return { kind, number: m[1], rest: after.slice(sep[0].length).trim() }
    const rest = after.trim()
    if (!rest) return { kind, number: m[1], rest: '' }
    // Without a separator only a capitalised title counts: "Article 4 of this Law applies…" is a
    // sentence that merely starts with a reference, not a heading.
    if (/^\s/.test(after) && /^\p{Lu}/u.test(rest) && !/[.;,]$/.test(rest)) return { kind, number: m[1], rest }
  }
  return null
}

const MARKERS: [MarkerStyle, RegExp][] = [
  ['N.', /^(\d{1,3})\.(?=\s|$)\s*/],
  ['N)', /^(\d{1,3})\)(?=\s|$)\s*/],
  ['(N)', /^\((\d{1,3})\)(?=\s|$)\s*/],
  ['L)', /^([a-zа-яё]{1,2}|[ivx]{2,5})\)(?=\s|$)\s*/iu],
  ['(L)', /^\(([a-zа-яё]{1,2}|[ivx]{2,5})\)(?=\s|$)\s*/iu],
]
const BULLET_MARKDOWN = /^[-*+](?=\s)\s*/
const BULLET_TEXT = /^[-*+•·–—](?=\s)\s*/u

/** A typed paragraph / point number or a bullet at the start of the line. */
export function matchMarker(line: string, markdown = false): Marker | null {
  const text = line.trim()
  for (const [style, pattern] of MARKERS) {
    const m = pattern.exec(text)
    if (m) return { style, value: m[1].toLowerCase(), rest: text.slice(m[0].length) }
  }
  const bullet = (markdown ? BULLET_MARKDOWN : BULLET_TEXT).exec(text)
  if (bullet) return { style: 'bullet', value: '', rest: text.slice(bullet[0].length) }
  return null
}

/** A line without the heading word and number or the point's number typed before it, which the import turns into structure. */
export function withoutTypedNumber(line: string): string {
  const heading = matchHeading(line)
  if (heading) return heading.rest
  return matchMarker(line)?.rest ?? line
}

/** Whether text would be read back as structure (a heading or a numbered / bulleted block). */
export function startsLikeStructure(text: string): boolean {
  return matchHeading(text) !== null || matchMarker(text, true) !== null
}
