import { searchForm } from '../draftOrder'

/** What a mention needs of a person: their id and the name written after "@". */
export interface Mentionable {
  id: string
  displayName: string
}

/** A piece of a comment's words: plain text, or "@Name" of a person it mentions. */
export type MentionPart = { text: string; person?: undefined } | { text: string; person: Mentionable }

/**
 * A comment's words cut at each "@Name" of the people it mentions, the longest names tried first
 * (so that "@Anna Ivanova-Petrova" is not read as "@Anna Ivanova" and a tail).
 */
export function mentionParts(body: string, people: readonly Mentionable[]): MentionPart[] {
  const named = people.filter((p) => p.displayName !== '').sort((a, b) => b.displayName.length - a.displayName.length)
  if (named.length === 0) return [{ text: body }]
  const parts: MentionPart[] = []
  let plain = ''
  for (let i = 0; i < body.length; ) {
    const person = body[i] === '@' ? named.find((p) => body.startsWith(p.displayName, i + 1)) : undefined
    if (!person) {
      plain += body[i++]
      continue
    }
    if (plain) parts.push({ text: plain })
    plain = ''
    parts.push({ text: `@${person.displayName}`, person })
    i += person.displayName.length + 1
  }
  if (plain) parts.push({ text: plain })
  return parts
}

/** The "@…" being typed just before the caret (after a space, a bracket or a quotation mark, or at the start): its start and words, or null. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[\s(«"“„'])@([^\s@]{0,40})$/u.exec(text.slice(0, caret))
  if (!match) return null
  return { start: caret - match[1].length - 1, query: match[1] }
}

/** The people whose name has a word starting with `query` (case and ё/е aside), at most `limit`, in the given order. */
export function mentionCandidates<T extends Mentionable>(people: readonly T[], query: string, limit: number): T[] {
  const q = searchForm(query)
  return people.filter((p) => q === '' || searchForm(p.displayName).split(/[\s-]+/).some((word) => word.startsWith(q))).slice(0, limit)
}

/** Of the people picked while typing, those whose "@Name" the words still hold. */
export function mentionedIn(body: string, picked: readonly Mentionable[]): string[] {
  return [...new Set(picked.filter((p) => body.includes(`@${p.displayName}`)).map((p) => p.id))]
}

/** What finding new mentions needs of a thread. */
interface MentionedThread {
  id: string
  comments: readonly { id: string; author: { id: string; displayName: string }; deleted: boolean; mentions: readonly { id: string }[] }[]
}

/**
 * The comments of `threads` not among `seen` that others wrote mentioning `me`, oldest first,
 * each with its thread: what is new for the person mentioned while the draft is open.
 */
export function newMentionsOf<T extends MentionedThread>(threads: readonly T[], seen: ReadonlySet<string>, me: string): { thread: T; comment: T['comments'][number] }[] {
  return threads.flatMap((thread) =>
    thread.comments
      .filter((c) => !seen.has(c.id) && !c.deleted && c.author.id !== me && c.mentions.some((m) => m.id === me))
      .map((comment) => ({ thread, comment })),
  )
}
