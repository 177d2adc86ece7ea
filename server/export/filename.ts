import { transliterate } from '../../shared/transliterate'
import { MAX_NAME, unicodeFileStem } from '../../shared/fileName'

/**
 * Content-Disposition for a download named after the draft's title: a plain ASCII `filename`
 * (Cyrillic transliterated, anything risky replaced) for old clients, and the real title in
 * `filename*` (RFC 5987 / RFC 6266, UTF-8 percent-encoded) for everyone else.
 */

/** A file to download: its bytes, type and Content-Disposition (made by contentDisposition below). */
export interface DownloadFile {
  body: Uint8Array | string
  contentType: string
  disposition: string
}

/** The title in ASCII letters, digits, "-", "_" and ".": safe in any header and any file system. */
export function asciiFileStem(title: string): string {
  const ascii = transliterate(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._]+|[._]+$/g, '')
  return ascii.slice(0, MAX_NAME).replace(/[._]+$/, '') || 'draft'
}

/** RFC 5987 value-chars: everything else is percent-encoded from UTF-8. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function contentDisposition(title: string, extension: string): string {
  const ascii = `${asciiFileStem(title)}.${extension}`
  const unicode = `${unicodeFileStem(title)}.${extension}`
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(unicode)}`
}
