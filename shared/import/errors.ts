import type { DocJSON } from '../schema'
import type { ImportFileKind } from './fileKind'
import { XmlError } from './xml'

/**
 * Why a file could not be imported, as a code the interface says in the reader's language
 * (client/i18n: `import.problem.<code>`). The libraries' own messages (mammoth's, JSZip's, the
 * XML reader's) are English and technical: they travel as `detail`, for the console and logs.
 */
export type ImportProblem =
  /** Nothing but whitespace: no title, no article, no paragraph. */
  | 'empty'
  /** Not a ZIP package, or one without a Word document inside (a PDF or ODT renamed, a damaged file). */
  | 'notDocx'
  /** Not well-formed XML (cut short, damaged, or not XML at all). */
  | 'notXml'
  /** Well-formed XML, but not an Akoma Ntoso act with a body. */
  | 'notAkn'
  /** Not text in UTF-8: binary bytes, or another encoding (Windows-1251) read as UTF-8. */
  | 'notText'
  /** A .docx that unpacks to far more than any law (a ZIP bomb, or a damaged package): never unpacked. */
  | 'tooLarge'
  /** More paragraphs (or lines) than any law, past MAX_IMPORT_BLOCKS: reading stops there. */
  | 'tooLong'
  /** Anything else: the file is not to blame as far as we can tell. */
  | 'failed'


export class ImportError extends Error {
  constructor(readonly problem: ImportProblem, detail?: string) {
    super(detail ?? problem)
    this.name = 'ImportError'
  }
}

/**
 * The problem an error stands for. Whatever fails while reading a .docx is the file's fault
 * (mammoth and JSZip fail only on what is not a Word package); for the other kinds only the
 * errors we raise ourselves say what is wrong.
 */
export function importProblem(err: unknown, kind: ImportFileKind): ImportProblem {
  if (err instanceof ImportError) return err.problem
  if (err instanceof XmlError) return 'notXml'
  if (kind === 'docx') return 'notDocx'
  return 'failed'
}

/** Whether a document has any text at all (a title, a heading or a paragraph). */
export function hasText(node: DocJSON): boolean {
  if (node.text !== undefined && node.text.trim() !== '') return true
  return node.content?.some(hasText) ?? false
}

/**
 * Text that is not UTF-8: NUL bytes (a binary file), or U+FFFD replacing more than one
 * character in a hundred (what a Windows-1251 file becomes when read as UTF-8; a genuine
 * UTF-8 text has none, or one left over from an old conversion).
 */
export function looksUnreadable(text: string): boolean {
  if (text.includes('\u0000')) return true
  let replaced = 0
  for (const ch of text) if (ch === '\uFFFD') replaced++
  return replaced > 0 && replaced * 100 > text.length
}
