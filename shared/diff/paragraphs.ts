import { diffArrays } from 'diff'
import type { TextDiff } from './types'
import { textDiff } from './textDiff'

/**
 * Free paragraphs (the preamble's, the conclusions') carry no ids: align them by exact text, then
 * pair the paragraphs left over in each gap in order (edited in place), the surplus being added
 * or deleted. A side without conclusions is no paragraphs, so conclusions added read as inserted.
 */
export function diffParagraphs(before: string[], after: string[]): TextDiff[] {
  if (before.length === after.length && before.every((p, i) => p === after[i])) return before.map((p) => textDiff(p, p))
  const out: TextDiff[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = () => {
    const paired = Math.min(removed.length, added.length)
    for (let k = 0; k < paired; k++) out.push(textDiff(removed[k], added[k]))
    for (const p of removed.slice(paired)) out.push(textDiff(p, null))
    for (const p of added.slice(paired)) out.push(textDiff(null, p))
    removed = []
    added = []
  }
  for (const change of diffArrays(before, after)) {
    if (change.removed) removed.push(...change.value)
    else if (change.added) added.push(...change.value)
    else {
      flush()
      for (const p of change.value) out.push(textDiff(p, p))
    }
  }
  flush()
  return out
}
