import type { Language } from '../language'
import { REPORT_WORDS } from '../review/reviewReport'
import { wordCommentBody } from './placeWordComments'
import { collapseSpaces } from './spaces'
import type { WordCommentThread } from './wordComments'

/** A review thread the draft has: its comments' bodies (not deleted), first to last. */
export interface KnownThread {
  id: string
  quote: string
  proposal: string | null
  bodies: readonly string[]
}

/** What a Word file's thread, sent back on a draft, is to the draft's review. */
export type RemarkMatch =
  /** A remark the draft has not had: a new thread. */
  | { kind: 'new'; thread: WordCommentThread }
  /** One of the draft's threads (exported with the draft, or imported before) answered in Word: its new replies' bodies. */
  | { kind: 'replies'; threadId: string; bodies: string[] }
  /** One of the draft's threads, with nothing new. */
  | { kind: 'already'; threadId: string }

/** A body as Word keeps a comment's text: each line's spaces collapsed, empty lines dropped. */
const asInWord = (body: string) => body.split('\n').map(collapseSpaces).filter(Boolean).join('\n')

/**
 * Whether a Word comment is `body`: the same text (an Accord comment exported into the margin,
 * the first one followed by its proposed wording's line: docxMargin.ts), or the body an earlier
 * import of the same comment made (headed by its Word author and date).
 */
function isBody(wordText: string, headed: string, body: string, language: Language): boolean {
  if (headed === body) return true
  const own = asInWord(body)
  if (wordText === own) return true
  const rest = wordText.startsWith(`${own}\n`) ? wordText.slice(own.length + 1) : null
  return rest !== null && !rest.includes('\n') && rest.startsWith(`${REPORT_WORDS[language].proposedWording}: «`)
}

/**
 * Sorts a Word file's threads, sent back on a draft (a ministry's remarks on the draft it was
 * sent, in Word's margin), into the new and those the draft has already: threads exported with
 * the draft into Word's margin and answered there, or the same file taken in twice. A Word
 * thread is a draft's thread when its first comment is that thread's first comment (and, a
 * tracked change, it proposes the same words); each of the draft's threads is one Word thread's at most (two like
 * remarks are two threads), the one on the same words preferred. Replies are new unless the
 * thread has them.
 */
export function matchWordRemarks(remarks: readonly WordCommentThread[], known: readonly KnownThread[], language: Language): RemarkMatch[] {
  const taken = new Set<string>()
  return remarks.map((remark): RemarkMatch => {
    const [first, ...replies] = remark.comments
    const headed = (i: number) => wordCommentBody(remark.comments[i], remark, language)
    const candidates = known.filter(
      // A tracked change is the same change only if it proposes the same words (one author's changes share their heading).
      (k) => !taken.has(k.id) && k.bodies.length > 0 && (remark.proposal === undefined || k.proposal === remark.proposal) && isBody(first.text, headed(0), k.bodies[0], language),
    )
    const quote = collapseSpaces(remark.quote)
    const thread = candidates.find((k) => collapseSpaces(k.quote) === quote) ?? candidates[0]
    if (!thread) return { kind: 'new', thread: remark }
    taken.add(thread.id)
    const bodies = replies.flatMap((reply, i) => (thread.bodies.some((body) => isBody(reply.text, headed(i + 1), body, language)) ? [] : [headed(i + 1)]))
    return bodies.length > 0 ? { kind: 'replies', threadId: thread.id, bodies } : { kind: 'already', threadId: thread.id }
  })
}
