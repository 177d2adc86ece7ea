/**
 * White space as a reader of a law's text sees it: runs of breaking white space (spaces, tabs,
 * line breaks an XML or Word file wraps its text with) are one space, but a no-break space —
 * U+00A0, the narrow U+202F, the figure space U+2007 — is typography the drafter put there
 * ("№ 12", "30 дней", "1 000"), kept as it is. JavaScript's `\s` matches both kinds.
 */
const BREAKING_SPACE_RUN = /[^\S\u00a0\u202f\u2007]+/g

/** The text with each run of breaking white space made one space, and trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(BREAKING_SPACE_RUN, ' ').trim()
}
