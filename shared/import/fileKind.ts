/**
 * Which importer reads a file. Kept apart from the importers themselves: the import dialog needs
 * it on the page, the parsers belong in the Web Worker's bundle.
 */

export type ImportFileKind = 'docx' | 'akn' | 'markdown' | 'text'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XML_TYPES = new Set(['application/xml', 'text/xml', 'application/akn+xml'])

/**
 * The reader for a file, by its extension, else by its MIME type. XML goes to the Akoma Ntoso
 * reader (our own export is `.xml`, served as text/xml): before `text/*`, which is plain text.
 */
export function sourceKind(name: string, type: string): ImportFileKind | null {
  const lower = name.toLowerCase()
  const mime = type.split(';')[0].trim().toLowerCase()
  if (lower.endsWith('.docx')) return 'docx'
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown'
  if (lower.endsWith('.xml') || lower.endsWith('.akn')) return 'akn'
  if (lower.endsWith('.txt')) return 'text'
  if (mime === DOCX_TYPE) return 'docx'
  if (mime === 'text/markdown') return 'markdown'
  if (XML_TYPES.has(mime)) return 'akn'
  if (mime.startsWith('text/')) return 'text'
  return null
}
