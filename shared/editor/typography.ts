import type { Language } from '../language'

/**
 * The typographic marks a drafter means when the keyboard gives straight ones, as Word's
 * AutoFormat makes them while one types and as the law's own text has them (the sample's
 * «…» and “…”, "торговля людьми — вербовка"): quotation marks by the draft's language and
 * whether they open or close, a dash for a hyphen between spaces. Backspace right after gives
 * the typed mark back (the editor's input rules).
 */

/** After these (or at a block's start) a quotation mark opens; after anything else it closes. */
const OPENS_AFTER: Record<Language, RegExp> = {
  en: /[\s([{“‘—–\-/]$/u,
  ru: /[\s([{«—–\-/]$/u,
}

/**
 * The mark for a straight `"` or `'` typed after `before` (the block's text up to the caret).
 * Russian quotes «…», inside others too, as the region's laws print them («О внесении изменений
 * в Закон «О …»») and as Word makes them; English “…”, and ‘…’ for `'`. A closing `'` is an
 * apostrophe (’) in both languages, but where a Russian text has a straight one open.
 */
export function typographicQuote(before: string, typed: '"' | "'", language: Language): string {
  const opens = before === '' || OPENS_AFTER[language].test(before)
  if (typed === "'") {
    if (language === 'en') return opens ? '‘' : '’'
    // Russian has no single quotation marks: one typed open stays straight, and so does its close.
    return opens || (before.split("'").length - 1) % 2 === 1 ? "'" : '’'
  }
  if (language === 'en') return opens ? '“' : '”'
  return opens ? '«' : '»'
}

/** The dash for a hyphen typed between spaces: Russian's тире (—), English's en dash (–), as Word makes them. */
export function typographicDash(language: Language): string {
  return language === 'ru' ? '—' : '–'
}

/** " - " typed after a word: the hyphen is a dash. Not at a block's start, where "- " opens a list item. */
export const SPACED_HYPHEN = /\S( -) $/u

/**
 * A text field's value after a key was typed just before `caret`, with a quotation mark or a
 * spaced hyphen made as the editor makes them (for words that go into the law from outside the
 * editor: a proposed wording). Null when the key typed makes nothing. The length stays, and so
 * does the caret.
 */
export function typesetTyped(value: string, caret: number, language: Language): string | null {
  const typed = value[caret - 1]
  const before = value.slice(0, caret - 1)
  if (typed === '"' || typed === "'") return before + typographicQuote(before, typed, language) + value.slice(caret)
  if (typed === ' ' && SPACED_HYPHEN.test(value.slice(0, caret))) return value.slice(0, caret - 2) + typographicDash(language) + value.slice(caret - 1)
  return null
}
