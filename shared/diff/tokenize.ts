/**
 * Splits text into word and punctuation tokens for the word-level diff. Words are runs of
 * Unicode letters, digits and combining marks, so Cyrillic (ё included) stays whole; the
 * `diff` package's own word tokenizer knows only Latin letters and would cut Russian words
 * into single characters. Every other non-space character is a token of its own, so
 * "crime;" → "crime." changes only ";" and brackets of "[non-punishment]" stand apart.
 * Whitespace is not a token: it is kept as the gaps between tokens (offsets into the text).
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu

export interface Tokens {
  /** The token strings, compared for equality by the diff. */
  values: string[]
  /** Offset of each token's first character in the text. */
  starts: number[]
  /** Offset just past each token's last character. */
  ends: number[]
}

export function tokenize(text: string): Tokens {
  const values: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    values.push(m[0])
    starts.push(m.index)
    ends.push(m.index + m[0].length)
  }
  return { values, starts, ends }
}

/** Only the words (no punctuation): what "the same text" means when tracing split and merged articles. */
export function wordsOf(text: string): string[] {
  const out: string[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push(m[0])
  return out
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu
