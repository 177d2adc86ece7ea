/**
 * Which importer reads a file. Kept apart from the importers themselves: the import dialog needs
 * it on the page, the parsers belong in the Web Worker's bundle.
 */

import type { ImportSource } from './source'
import { decodeXml } from './xmlEncoding'
import { DOCX_CONTENT_TYPE } from '../apiConstants'

export type ImportFileKind = 'docx' | 'akn' | 'markdown' | 'text'

const XML_TYPES = new Set(['application/xml', 'text/xml', 'application/akn+xml'])
const MARKDOWN_TYPES = new Set(['text/markdown', 'text/x-markdown'])

/**
 * The reader a media type names (an upload's Content-Type, a file's type), parameters such as
 * `charset` ignored; null for a type that names none of ours (`text/html` among them).
 */
export function mediaTypeKind(type: string): ImportFileKind | null {
  const mime = type.split(';')[0].trim().toLowerCase()
  if (mime === DOCX_CONTENT_TYPE) return 'docx'
  if (MARKDOWN_TYPES.has(mime)) return 'markdown'
  if (XML_TYPES.has(mime)) return 'akn'
  if (mime === 'text/plain') return 'text'
  return null
}

/**
 * The reader for a file, by its extension, else by its MIME type. XML goes to the Akoma Ntoso
 * reader (our own export is `.xml`, served as text/xml): before `text/*`, which is plain text.
 */
export function sourceKind(name: string, type: string): ImportFileKind | null {
  const lower = name.toLowerCase()
  if (lower.endsWith('.docx')) return 'docx'
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown'
  if (lower.endsWith('.xml') || lower.endsWith('.akn')) return 'akn'
  if (lower.endsWith('.txt')) return 'text'
  return mediaTypeKind(type) ?? (type.trim().toLowerCase().startsWith('text/') ? 'text' : null)
}

/** The source for a file of this kind (.docx aside), its text decoded. */
function textSource(kind: Exclude<ImportFileKind, 'docx'>, text: string): ImportSource {
  return kind === 'akn' ? { type: 'akn', text } : { type: 'text', text, format: kind === 'markdown' ? 'markdown' : 'auto' }
}

/**
 * The source for a file's bytes (a file chosen in the browser, an upload to the API). XML is
 * decoded in the encoding it names (xmlEncoding.ts); text and Markdown as UTF-8 (a BOM dropped,
 * a bad byte becoming U+FFFD, which looksUnreadable then refuses).
 */
export function bytesSource(kind: ImportFileKind, bytes: Uint8Array): ImportSource {
  if (kind === 'docx') return { type: 'docx', bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }
  return textSource(kind, kind === 'akn' ? decodeXml(bytes) : new TextDecoder('utf-8').decode(bytes))
}
