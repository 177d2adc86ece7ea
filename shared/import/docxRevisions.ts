import type { ImportNote } from './notes'

/**
 * What a ministry's Word file carries besides its text: tracked changes and comments. The Word
 * reader (mammoth) reads insertions as text and leaves deletions and comments out, saying
 * nothing; a draft imported from a file with changes not yet accepted would then read as if they
 * had been, without anyone being told. Counted from the parts' XML (docxPartsExceed keeps it).
 */

/** The parts read here, by their usual names in a Word package. */
export const DOCUMENT_PART = 'word/document.xml'
export const COMMENTS_PART = 'word/comments.xml'

// Element names end where the pattern does: <w:ins but not <w:insideH (a table border), <w:del but not <w:delText.
const INSERTED = /<w:(?:ins|moveTo)[\s/>]/g
const DELETED = /<w:(?:del|moveFrom)[\s/>]/g
const COMMENT = /<w:comment[\s/>]/g

const count = (text: string | null | undefined, pattern: RegExp) => (text ? (text.match(pattern)?.length ?? 0) : 0)

export function revisionNotes(parts: ReadonlyMap<string, string | null>): ImportNote[] {
  const notes: ImportNote[] = []
  const document = parts.get(DOCUMENT_PART)
  const inserted = count(document, INSERTED)
  const deleted = count(document, DELETED)
  if (inserted + deleted > 0) notes.push({ code: 'trackedChanges', inserted, deleted })
  const comments = count(parts.get(COMMENTS_PART), COMMENT)
  if (comments > 0) notes.push({ code: 'wordComments', count: comments })
  return notes
}
