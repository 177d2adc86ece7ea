/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF, lone
 * surrogates). They are never a drafter's words, but a single one makes the whole file unreadable,
 * so they become U+FFFD (visible, not silently dropped).
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD')
}

/** Text content for XML and HTML: `<`, `&`, `>` (so `]]>` is harmless) and quotes for attributes. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** HTML has no `&apos;` in HTML 4; `&#39;` works everywhere. */
export function escapeHtml(text: string): string {
  return escapeXml(text).replace(/&apos;/g, '&#39;')
}
