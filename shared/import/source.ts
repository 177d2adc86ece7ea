import { parseAkomaNtoso } from './akomaNtoso'
import { parseDocx } from './docx'
import { ImportError, hasText, looksUnreadable } from './errors'
import type { ImportFileKind } from './fileKind'
import type { Language } from '../language'
import { parseText } from './text'
import type { ImportResult, TrackedChanges } from './types'

/**
 * A file or pasted text to import, to the result the preview shows (in the import Web Worker):
 * the reader for its kind, the stages it passes (for the progress line), and the checks that
 * turn a file with nothing to import into a clear answer instead of an empty draft.
 */

export type ImportSource =
  | { type: 'docx'; bytes: ArrayBuffer }
  | { type: 'akn'; text: string }
  | { type: 'text'; text: string; format: 'auto' | 'markdown' | 'text' }

export type ImportStage = 'converting' | 'readingXml' | 'recognising' | 'preview'

export function fileKindOf(source: ImportSource): ImportFileKind {
  if (source.type === 'text') return source.format === 'markdown' ? 'markdown' : 'text'
  return source.type
}

/**
 * Parses a source; throws an ImportError when there is nothing to import or the file is not what
 * it claims. `language`, when known, is the text's language (a hint for .docx and text; an act
 * says its own). `trackedChanges`: how a .docx's tracked changes are read (accepted by default).
 */
export async function parseSource(
  source: ImportSource,
  onStage: (stage: ImportStage) => void = () => {},
  language?: Language,
  trackedChanges?: TrackedChanges,
): Promise<ImportResult> {
  let result: ImportResult
  if (source.type === 'docx') {
    onStage('converting')
    result = await parseDocx(source.bytes, language, trackedChanges)
  } else {
    if (!source.text.trim()) throw new ImportError('empty')
    // Bytes that are not text in the encoding read (binary, or windows-1251 read as UTF-8):
    // an act's markup is ASCII and still parses, so XML is checked too.
    if (looksUnreadable(source.text)) throw new ImportError('notText')
    if (source.type === 'akn') {
      onStage('readingXml')
      result = parseAkomaNtoso(source.text)
    } else {
      onStage('recognising')
      result = parseText(source.text, language, { format: source.format })
    }
  }
  // A blank .docx, an act with empty elements, Markdown of bare "#" lines: nothing to draft from.
  if (!hasText(result.doc)) throw new ImportError('empty')
  return result
}
