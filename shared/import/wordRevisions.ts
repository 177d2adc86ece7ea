import { collapseSpaces } from './spaces'
import { attribute, runText, scan } from './wordXml'

/**
 * A ministry's tracked changes in a Word file, paragraph by paragraph: each paragraph's words as
 * Word shows them with the changes accepted (what mammoth reads) and rejected (the text before
 * them), for the import to propose each change as a wording on the text as it was
 * (trackedChanges.ts). A paragraph whose own mark was inserted or deleted (paragraphs joined or
 * split, whole paragraphs added or removed) is not one of them: its changes are structure, not
 * wording, and are read as accepted.
 */
export interface WordRevision {
  accepted: string
  rejected: string
  /** Its changes in order, each with the words it inserted or deleted. */
  changes: WordChange[]
}

export interface WordChange {
  kind: 'inserted' | 'deleted'
  text: string
  author: string
  date: string | null
}

/** Elements whose runs a change inserted, and deleted (a move counts as both). */
const INSERTING = new Set(['ins', 'moveTo'])
const DELETING = new Set(['del', 'moveFrom'])

export function wordRevisions(document: string | null): { revisions: WordRevision[]; structural: number } {
  const revisions: WordRevision[] = []
  let structural = 0
  if (!document) return { revisions, structural }
  let accepted = ''
  let rejected = ''
  let changes: WordChange[] = []
  /** The change whose words are being read (the innermost open w:ins or w:del). */
  let current: WordChange | null = null
  let markChanged = false
  let inParagraph = false
  let inProperties = 0
  let inserted = 0
  let deleted = 0
  const add = (text: string) => {
    if (deleted === 0) accepted += text
    if (inserted === 0) rejected += text
    if (current) current.text += text
  }
  scan(
    document,
    (tag) => {
      if (tag.name === 'p' && !tag.closing && !tag.selfClosing) {
        inParagraph = true
        accepted = rejected = ''
        changes = []
        markChanged = false
      } else if (tag.name === 'p' && tag.closing && inParagraph) {
        inParagraph = false
        if (markChanged) structural++
        else if (changes.length > 0 && accepted !== rejected) {
          revisions.push({ accepted: collapseSpaces(accepted), rejected: collapseSpaces(rejected), changes: changes.map((c) => ({ ...c, text: collapseSpaces(c.text) })) })
        }
      } else if (tag.name === 'pPr') inProperties += tag.closing ? -1 : tag.selfClosing ? 0 : 1
      else if (INSERTING.has(tag.name) || DELETING.has(tag.name)) {
        // Inside the paragraph's properties, a change of its mark: the paragraph itself was added or removed.
        if (inProperties > 0) markChanged = true
        else if (!tag.selfClosing) {
          const step = tag.closing ? -1 : 1
          if (INSERTING.has(tag.name)) inserted += step
          else deleted += step
          if (tag.closing) current = null
          else {
            current = { kind: INSERTING.has(tag.name) ? 'inserted' : 'deleted', text: '', author: attribute(tag, 'author') ?? '', date: attribute(tag, 'date') }
            changes.push(current)
          }
        }
      } else if (inParagraph) add(runText(tag))
    },
    (text, element) => {
      if (!inParagraph) return
      // A deleted run's words are in w:delText; w:t inside a deletion (rare) is deleted too.
      if (element === 'delText') {
        if (inserted === 0) rejected += text
        if (current) current.text += text
      } else add(text)
    },
  )
  return { revisions, structural }
}
