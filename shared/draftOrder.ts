/**
 * Finding and ordering drafts in a long list by title, Cyrillic-aware: case, "ё"/"е" and
 * accents do not matter to the search; titles sort in the interface's language's alphabetical
 * order ("Ёмкость" with the "Е"s, "Статья 2" before "Статья 10").
 */

export type DraftOrder = 'updated' | 'title'
export const DRAFT_ORDERS: readonly DraftOrder[] = ['updated', 'title']

/** Lower case, "ё" as "е", accents dropped ("й" kept), runs of spaces as one. */
export function searchForm(text: string): string {
  return text
    .normalize('NFD')
    // Combining marks go ("ё" becomes "е", "é" "e"), except the breve that makes "й" of "и".
    .replace(/[\u0300-\u0305\u0307-\u036f]/g, '')
    .normalize('NFC')
    .toLocaleLowerCase('ru')
    .replace(/\s+/g, ' ')
    .trim()
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Whether `word` starts a word of `text` (at its start, or after a character that is no letter or digit). */
function startsAWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i === 0 || !LETTER_OR_DIGIT.test(text[i - 1])) return true
  }
  return false
}

/**
 * Whether every word of the query starts a word of the title (an empty query finds all):
 * «закон о» finds «Закон о связи», not every title with an «о» inside a word.
 */
export function titleMatches(title: string, query: string): boolean {
  const words = searchForm(query).split(' ').filter(Boolean)
  if (words.length === 0) return true
  const haystack = searchForm(title)
  return words.every((word) => startsAWord(haystack, word))
}

/**
 * The drafts whose title matches `query`, in `order`: 'updated' keeps the given order (the
 * server's, most recently changed first); 'title' sorts alphabetically in `language`.
 */
export function findDrafts<T extends { title: string }>(drafts: readonly T[], query: string, order: DraftOrder, language: string): T[] {
  const found = drafts.filter((d) => titleMatches(d.title, query))
  if (order === 'title') {
    const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
    found.sort((a, b) => collator.compare(a.title, b.title))
  }
  return found
}
