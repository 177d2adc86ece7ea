/** File names made from a draft's title, in the server's downloads and the browser's alike. */

/** The longest stem a file name gets, in characters. */
export const MAX_NAME = 120
/** The title's share of a name that says more after it (a comparison's versions, "Review report"). */
const SHORT_TITLE = 60

/** The title cut to leave room in the file name for what follows it. */
export function shortTitle(title: string): string {
  return [...title.trim()].slice(0, SHORT_TITLE).join('').trim()
}

/** The title as a file name in any script: no path separators, control or reserved characters. */
export function unicodeFileStem(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"*/:<>?\\|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  return [...cleaned].slice(0, MAX_NAME).join('').trim() || 'draft'
}
