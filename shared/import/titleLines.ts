import type { Language } from '../language'

/**
 * A law's title set on two lines or more — "МОДЕЛЬНЫЙ ЗАКОН" ↵ "О противодействии торговле
 * людьми", "LAW OF UKRAINE" ↵ "On Copyright" — as paragraphs of the Title style, a soft line
 * break, or lines of text. The import kept the first line only and made the rest a chapter or the
 * preamble. Here the lines become one title, their words kept and joined with a space.
 */

/**
 * The line that starts the subject of a title in either language: "О …", "Об …", "On …",
 * "Concerning …". A plain line after the title continues it only when it starts so (and reads
 * like a title: short, capitalised, no closing full stop), so that a preamble is never swallowed.
 */
const SUBJECT = /^[«"“„]?(?:о|об|обо|on|about|concerning|regarding)\s/iu

export function startsTitleSubject(line: string): boolean {
  return SUBJECT.test(line)
}

function allCaps(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase()
}

/**
 * The lines joined. Case: an upper-case head of at most two words above a line in ordinary case
 * is typography for the law's kind ("МОДЕЛЬНЫЙ ЗАКОН", "MODEL LAW"), so it takes the case of the
 * rest — sentence case in Russian ("Модельный закон о противодействии…"), title case in English
 * ("Model Law on Combating…") — and a subject word after it ("О", "On") goes lower-case. A longer
 * upper-case head may hold names ("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН") and is kept as typed, as is a
 * title that is all upper-case or all ordinary.
 */
export function joinTitleLines(lines: string[], language: Language): string {
  const joined = lines.join(' ')
  let head = 0
  while (head < lines.length && allCaps(lines[head])) head++
  if (head === 0 || head === lines.length) return joined
  const caps = lines.slice(0, head).join(' ')
  if (caps.split(' ').length > 2) return joined
  const lower = caps.toLocaleLowerCase(language)
  const cased =
    language === 'en'
      ? lower.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase(language))
      : caps[0] + lower.slice(1)
  let rest = lines.slice(head).join(' ')
  if (startsTitleSubject(rest) && /^\p{Lu}/u.test(rest)) rest = rest[0].toLocaleLowerCase(language) + rest.slice(1)
  return `${cased} ${rest}`
}
