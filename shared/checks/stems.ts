/**
 * Word stems, so that a defined term is found in whatever case and number the text uses it:
 * «торговля людьми» in «от торговли людьми», "victim" in "victims". Russian words are stemmed by
 * the Snowball algorithm (snowballstem.org/algorithms/russian) for nouns, adjectives and
 * participles — a term is a noun phrase; the steps for verbs and gerunds are left out, whose
 * endings would cut nouns short (органа → орга, прав → пра) — and a vowel that drops out as the
 * word is declined is dropped from every stem (ребенок, ребенка → ребенк; отец, отца → отц).
 * English words lose their plural and possessive endings. Only stems are compared, one with
 * another, so two words that share one are taken as the same word: good enough to tell whether a
 * term is used, not a dictionary.
 */

const RU_VOWELS = 'аеиоуыэюя'

const ADJECTIVE = ['ее', 'ие', 'ые', 'ое', 'ими', 'ыми', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом', 'его', 'ого', 'ему', 'ому', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею']
const PARTICIPLE = { afterAYa: ['ем', 'нн', 'вш', 'ющ', 'щ'], plain: ['ивш', 'ывш', 'ующ'] }
const REFLEXIVE = ['ся', 'сь']
const NOUN = ['а', 'ев', 'ов', 'ие', 'ье', 'е', 'иями', 'ями', 'ами', 'еи', 'ии', 'и', 'ией', 'ей', 'ой', 'ий', 'й', 'иям', 'ям', 'ием', 'ем', 'ам', 'ом', 'о', 'у', 'ах', 'иях', 'ях', 'ы', 'ь', 'ию', 'ью', 'ю', 'ия', 'ья', 'я']
const SUPERLATIVE = ['ейше', 'ейш']
const DERIVATIONAL = ['ость', 'ост']

/** Endings longest first, with whether each must follow а or я. */
type Endings = { ending: string; afterAYa: boolean }[]
const endings = (groups: { afterAYa?: string[]; plain?: string[] } | string[]): Endings => {
  const { afterAYa = [], plain = [] } = Array.isArray(groups) ? { plain: groups } : groups
  return [...afterAYa.map((ending) => ({ ending, afterAYa: true })), ...plain.map((ending) => ({ ending, afterAYa: false }))].sort((a, b) => b.ending.length - a.ending.length)
}
const RU = {
  adjective: endings(ADJECTIVE),
  participle: endings(PARTICIPLE),
  reflexive: endings(REFLEXIVE),
  noun: endings(NOUN),
  superlative: endings(SUPERLATIVE),
  derivational: endings(DERIVATIONAL),
}

/** `word` without the longest of `list` that ends it inside the region from `from`, or null. */
function strip(word: string, from: number, list: Endings): string | null {
  for (const { ending, afterAYa } of list) {
    if (!word.endsWith(ending)) continue
    const at = word.length - ending.length
    if (at < from) continue
    if (afterAYa && !(at - 1 >= from && (word[at - 1] === 'а' || word[at - 1] === 'я'))) continue
    return word.slice(0, at)
  }
  return null
}

/** Where the region after the first vowel that follows a consonant after a vowel starts (Snowball's R1), from `start`. */
function regionAfter(word: string, start: number): number {
  for (let i = start + 1; i < word.length; i++) if (!RU_VOWELS.includes(word[i]) && RU_VOWELS.includes(word[i - 1])) return i + 1
  return word.length
}

/** Plurals from another root: «дети» are «ребенок», «люди» are «человек» («торговля людьми»). */
const RUSSIAN_SUPPLETIVE = new Map([
  ...['дети', 'детей', 'детям', 'детьми', 'детях'].map((w) => [w, 'ребенок'] as const),
  ...['люди', 'людей', 'людям', 'людьми', 'людях'].map((w) => [w, 'человек'] as const),
])

/** Stems whose words also have forms from another root: a term's start cannot be looked for in the text before its stems are made. */
export const SUPPLETIVE_STEMS: ReadonlySet<string> = new Set(['ребенок', 'человек'].map((w) => russianStem(w)))

export function russianStem(input: string): string {
  const word = RUSSIAN_SUPPLETIVE.get(input.toLowerCase()) ?? input.toLowerCase().replace(/ё/g, 'е')
  const first = [...word].findIndex((c) => RU_VOWELS.includes(c))
  if (first < 0) return word
  const rv = first + 1
  const r2 = regionAfter(word, regionAfter(word, 0) - 1)
  let w = strip(word, rv, RU.reflexive) ?? word
  const adjective = strip(w, rv, RU.adjective)
  w = adjective !== null ? (strip(adjective, rv, RU.participle) ?? adjective) : (strip(w, rv, RU.noun) ?? w)
  if (w.endsWith('и') && w.length - 1 >= rv) w = w.slice(0, -1)
  w = strip(w, r2, RU.derivational) ?? w
  if (w.endsWith('нн') && w.length - 2 >= rv) w = w.slice(0, -1)
  else {
    const superlative = strip(w, rv, RU.superlative)
    if (superlative !== null) w = superlative.endsWith('нн') ? superlative.slice(0, -1) : superlative
    else if (w.endsWith('ь') && w.length - 1 >= rv) w = w.slice(0, -1)
  }
  return dropFleetingVowel(w)
}

/** ребенок → ребенк, отец → отц: the stem's last о or е between two consonants, which the word's other forms drop. */
function dropFleetingVowel(stem: string): string {
  const n = stem.length
  if (n < 4) return stem
  const [a, v, b] = [stem[n - 3], stem[n - 2], stem[n - 1]]
  return (v === 'о' || v === 'е') && !RU_VOWELS.includes(a) && !RU_VOWELS.includes(b) && b !== 'й' && a !== 'й' ? stem.slice(0, -2) + b : stem
}

/**
 * A Map, not an object: "constructor" is a word too. Each stem is its word's start but for the last
 * two letters, as every stem here is (definedTerms.ts looks for that start before making stems).
 */
const ENGLISH_IRREGULAR = new Map([['children', 'child'], ['women', 'woman'], ['men', 'man']])

export function englishStem(input: string): string {
  const word = input.toLowerCase().replace(/[’']s$/, '').replace(/[’']$/, '')
  const irregular = ENGLISH_IRREGULAR.get(word)
  if (irregular) return irregular
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 4 && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  return word
}

/** A letter or digit: Latin and Cyrillic by code, others by Unicode (a law's text is nearly all the former). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0x400 && c <= 0x4ff) || (c > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)))
}
const isApostrophe = (c: number) => c === 0x27 || c === 0x2019

/** Stems already made: a law's words are a few thousand, read again at every check. */
const made = new Map<string, string>()
const MADE_AT_MOST = 100_000

/** The stem of one word: Russian for a word in Cyrillic, English for one in Latin letters, whatever the draft's language. */
export function stemOf(word: string): string {
  let stem = made.get(word)
  if (stem === undefined) {
    if (made.size >= MADE_AT_MOST) made.clear()
    stem = /[а-яё]/i.test(word) ? russianStem(word) : englishStem(word)
    made.set(word, stem)
  }
  return stem
}

/**
 * Calls `visit` with where each of a text's words starts and ends: letters and digits, an
 * apostrophe kept inside a word ("victim’s"); a hyphen parts two words («государства-участника»).
 * Read by character codes, not a Unicode regular expression: the first check of a long law reads
 * ~600 KB.
 */
export function eachWord(text: string, visit: (from: number, to: number) => void): void {
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0
    if (i < text.length && (isWordChar(c) || (start >= 0 && isApostrophe(c) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))))) {
      if (start < 0) start = i
    } else if (start >= 0) {
      visit(start, i)
      start = -1
    }
  }
}

/** The stems of a text's words, in order. */
export function stemsOf(text: string): string[] {
  const stems: string[] = []
  eachWord(text, (from, to) => stems.push(stemOf(text.slice(from, to))))
  return stems
}
