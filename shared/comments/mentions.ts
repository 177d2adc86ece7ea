import { searchForm } from '../draftOrder'
import { orgLabel } from '../orgLabel'

/**
 * What a mention needs of whom it names: their id, whether a person or an organization, and the
 * name written after "@" (a person's name; an organization's short name, else its name).
 */
export interface Mentionable {
  kind: 'person' | 'organization'
  id: string
  name: string
}

/** The ids a comment sends as whom it mentions. */
export interface MentionIds {
  people: string[]
  organizations: string[]
}

/** A person as mentioned. */
export const personMention = (p: { id: string; displayName: string }): Mentionable => ({ kind: 'person', id: p.id, name: p.displayName })

/** An organization as mentioned: "@MoJ", by its short name, else its name. */
export const organizationMention = (o: { id: string; name: string; shortName: string }): Mentionable => ({ kind: 'organization', id: o.id, name: orgLabel(o) })

/** A piece of a comment's words: plain text, or "@Name" of whom it mentions. */
export type MentionPart = { text: string; mentioned?: undefined } | { text: string; mentioned: Mentionable }

/** Whether "@Name" at `i` ends there: a name is not the start of a longer word ("@MoJ" in "@MoJustice"). */
const endsAt = (body: string, i: number) => i >= body.length || !/[\p{L}\p{N}]/u.test(body[i])

/**
 * A comment's words cut at each "@Name" of whom it mentions, the longest names tried first (so
 * that "@Anna Ivanova-Petrova" is not read as "@Anna Ivanova" and a tail).
 */
export function mentionParts(body: string, mentioned: readonly Mentionable[]): MentionPart[] {
  const named = mentioned.filter((m) => m.name !== '').sort((a, b) => b.name.length - a.name.length)
  if (named.length === 0) return [{ text: body }]
  const parts: MentionPart[] = []
  let plain = ''
  for (let i = 0; i < body.length; ) {
    const found = body[i] === '@' ? named.find((m) => body.startsWith(m.name, i + 1) && endsAt(body, i + 1 + m.name.length)) : undefined
    if (!found) {
      plain += body[i++]
      continue
    }
    if (plain) parts.push({ text: plain })
    plain = ''
    parts.push({ text: `@${found.name}`, mentioned: found })
    i += found.name.length + 1
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

/** Those whose name has a word starting with `query` (case and ё/е aside), at most `limit`, in the given order. */
export function mentionCandidates<T extends Mentionable>(candidates: readonly T[], query: string, limit: number): T[] {
  const q = searchForm(query)
  return candidates.filter((c) => q === '' || searchForm(c.name).split(/[\s-]+/).some((word) => word.startsWith(q))).slice(0, limit)
}

/** Of those picked while typing, the ones whose "@Name" the words still hold. */
export function mentionedIn(body: string, picked: readonly Mentionable[]): MentionIds {
  const held = mentionParts(body, picked).flatMap((part) => (part.mentioned ? [part.mentioned] : []))
  const ids = (kind: Mentionable['kind']) => [...new Set(held.filter((m) => m.kind === kind).map((m) => m.id))]
  return { people: ids('person'), organizations: ids('organization') }
}

/** Whom a comment mentions, as the server presents it. */
export interface MentioningComment {
  mentions: readonly { id: string; displayName: string }[]
  mentionedOrganizations: readonly { id: string; name: string; shortName: string }[]
}

/** Whom a comment mentions, as mentionables. */
export const mentionedBy = (c: MentioningComment): Mentionable[] => [...c.mentions.map(personMention), ...c.mentionedOrganizations.map(organizationMention)]

/**
 * Whether a comment mentions the person, by name or through their organization. The drafts list
 * counts by the same rule in SQL (server/db/visitsRepo.ts), the visit over rows (server/services/visits.ts).
 */
export function mentionsViewer(c: MentioningComment, me: { id: string; organizationId: string }): boolean {
  return c.mentions.some((m) => m.id === me.id) || c.mentionedOrganizations.some((o) => o.id === me.organizationId)
}

/** What finding new mentions needs of a thread. */
interface MentionedThread {
  id: string
  comments: readonly (MentioningComment & { id: string; author: { id: string; displayName: string }; deleted: boolean })[]
}

/**
 * The comments of `threads` not among `seen` that others wrote mentioning the viewer (or their
 * organization), oldest first, each with its thread: what is new for them while the draft is open.
 */
export function newMentionsOf<T extends MentionedThread>(threads: readonly T[], seen: ReadonlySet<string>, me: { id: string; organizationId: string }): { thread: T; comment: T['comments'][number] }[] {
  return threads.flatMap((thread) =>
    thread.comments
      .filter((c) => !seen.has(c.id) && !c.deleted && c.author.id !== me.id && mentionsViewer(c, me))
      .map((comment) => ({ thread, comment })),
  )
}
