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
 * The texts a Word comment may have been made from: as Word has it, the same without its last
 * line when that line is a proposed wording's (docxMargin.ts writes it after an Accord thread's
 * first comment), and the body an earlier import of the same comment made (`headed`, its Word
 * author and date above it).
 */
function keysOf(wordText: string, headed: string, language: Language): string[] {
  const keys = [headed, wordText]
  const cut = wordText.lastIndexOf('\n')
  if (cut > 0 && wordText.startsWith(`${REPORT_WORDS[language].proposedWording}: «`, cut + 1)) keys.push(wordText.slice(0, cut))
  return keys
}

/** A body under the texts a Word comment made from it would show: itself, and as Word keeps it. */
const bodyKeys = (body: string) => [body, asInWord(body)]

/**
 * Sorts a Word file's threads, sent back on a draft (a ministry's remarks on the draft it was
 * sent, in Word's margin), into the new and those the draft has already: threads exported with
 * the draft into Word's margin and answered there, or the same file taken in twice. A Word
 * thread is a draft's thread when its first comment is that thread's first comment (and, a
 * tracked change, it proposes the same words); each of the draft's threads is one Word thread's
 * at most (two like remarks are two threads), the one on the same words preferred, else the
 * oldest. Replies are new unless the thread has them. Looked up by text, not compared pair by
 * pair: a file of 2,000 remarks on a draft with 2,000 threads.
 */
export function matchWordRemarks(remarks: readonly WordCommentThread[], known: readonly KnownThread[], language: Language): RemarkMatch[] {
  const byFirst = new Map<string, number[]>()
  known.forEach((k, index) => {
    if (k.bodies.length === 0) return
    for (const key of new Set(bodyKeys(k.bodies[0]))) {
      const list = byFirst.get(key)
      if (list) list.push(index)
      else byFirst.set(key, [index])
    }
  })
  const taken = new Set<number>()
  return remarks.map((remark): RemarkMatch => {
    const [first, ...replies] = remark.comments
    const headed = (i: number) => wordCommentBody(remark.comments[i], remark, language)
    const found = new Set(keysOf(first.text, headed(0), language).flatMap((key) => byFirst.get(key) ?? []))
    // A tracked change is the same change only if it proposes the same words (one author's changes share their heading).
    const candidates = [...found]
      .sort((a, b) => a - b)
      .filter((i) => !taken.has(i) && (remark.proposal === undefined || known[i].proposal === remark.proposal))
    const quote = collapseSpaces(remark.quote)
    const index = candidates.find((i) => collapseSpaces(known[i].quote) === quote) ?? candidates[0]
    if (index === undefined) return { kind: 'new', thread: remark }
    taken.add(index)
    const thread = known[index]
    const has = new Set(thread.bodies.flatMap(bodyKeys))
    const bodies = replies.flatMap((reply, i) => (keysOf(reply.text, headed(i + 1), language).some((key) => has.has(key)) ? [] : [headed(i + 1)]))
    return bodies.length > 0 ? { kind: 'replies', threadId: thread.id, bodies } : { kind: 'already', threadId: thread.id }
  })
}
