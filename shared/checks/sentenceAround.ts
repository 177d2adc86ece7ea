/**
 * The sentence of a text that holds offset `at`, trimmed, with «…» where words of the text were
 * left out before or after it: a provision introducing a term («… (далее — Центр) …») may run to
 * several sentences, and only the one doing it defines the term.
 *
 * A sentence ends at «.», «!», «?» or «…» followed by a space and a capital (or a quote or bracket
 * before one). After a word of one or two letters the full stop is taken as an abbreviation's
 * («г. Москва», «ст. 5», "No. 3", "Mr. Smith"): where that guess is wrong, the sentence shown is
 * longer than it need be, never cut short.
 */
export function sentenceAround(text: string, at: number): string {
  let from = 0
  let to = text.length
  for (const m of text.matchAll(ENDS)) {
    const end = m.index + m[1].length
    if (isAbbreviation(text, m.index)) continue
    if (end <= at) from = end
    else {
      to = end
      break
    }
  }
  const sentence = text.slice(from, to).trim()
  return `${text.slice(0, from).trim() ? '… ' : ''}${sentence}${text.slice(to).trim() ? ' …' : ''}`
}

/** A sentence's end: its mark (group 1), then a space and what starts a sentence. */
const ENDS = /([.!?…]+)(?=\s+[«"“„(\[]?\p{Lu})/gu

/** Whether the full stop at `dot` ends a word of one or two letters («г.», «ст.», "No."). */
function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false
  const word = /(?:^|[^\p{L}])(\p{L}{1,2})$/u.exec(text.slice(Math.max(0, dot - 3), dot))
  return word !== null
}
