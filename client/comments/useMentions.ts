import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { PersonSummary } from '../../shared/api'
import { orgLabel } from '../../shared/orgLabel'
import { mentionCandidates, mentionedIn, mentionQuery, organizationMention, personMention, type Mentionable, type MentionIds } from '../../shared/comments/mentions'
import { useSession } from '../auth/session'

/** Offered at once under the "@…" being typed. */
const OFFERED = 10

/** One offered: a person (with their organization's short name) or an organization (with its full name). */
export type MentionCandidate = Mentionable & { detail: string }

/** The list under a comment's box while "@…" is typed: loading, those offered, or no one by that name. */
export type MentionList = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; offered: MentionCandidate[] }

/** The people who may open the draft but oneself, then their organizations (all of them, one's own too). */
function candidatesOf(people: readonly PersonSummary[], myId: string | undefined): MentionCandidate[] {
  const organizations = new Map(people.map((p) => [p.organization.id, p.organization]))
  return [
    ...people.filter((p) => p.id !== myId).map((p) => ({ ...personMention(p), detail: orgLabel(p.organization) })),
    ...[...organizations.values()].map((o) => ({ ...organizationMention(o), detail: o.name })),
  ]
}

/**
 * "@" in a comment's box offers the people who may open the draft and their organizations,
 * narrowed as a name is typed; `↑`/`↓` choose, `Enter` or `Tab` (or a click) write "@Name" in its
 * place, `Escape` closes the list and leaves the words. The comment then mentions those picked
 * whose "@Name" it still holds.
 */
export function useMentions(body: string, setBody: (body: string) => void, people: (() => Promise<PersonSummary[]>) | undefined, initial: readonly Mentionable[]) {
  const myId = useSession().info?.user?.id
  const listId = useId()
  const box = useRef<HTMLTextAreaElement>(null)
  const [known, setKnown] = useState<MentionCandidate[] | 'loading' | 'failed' | null>(null)
  const [typing, setTyping] = useState<{ start: number; query: string; caret: number } | null>(null)
  const [active, setActive] = useState(0)
  const [picked, setPicked] = useState<readonly Mentionable[]>(initial)
  const caretAfterPick = useRef<number | null>(null)

  useLayoutEffect(() => {
    if (caretAfterPick.current === null || !box.current) return
    box.current.setSelectionRange(caretAfterPick.current, caretAfterPick.current)
    caretAfterPick.current = null
  }, [body])

  const list: MentionList | null =
    !typing || !people ? null : known === 'failed' ? { state: 'failed' } : Array.isArray(known) ? { state: 'ready', offered: mentionCandidates(known, typing.query, OFFERED) } : { state: 'loading' }

  /** Looks at what is typed before the caret (after each change and caret move). */
  const look = (value: string, caret: number) => {
    const found = people ? mentionQuery(value, caret) : null
    setTyping(found && { ...found, caret })
    setActive(0)
    if (found && people && (known === null || known === 'failed')) {
      setKnown('loading')
      people().then((list) => setKnown(candidatesOf(list, myId)), () => setKnown('failed'))
    }
  }

  const pick = (candidate: MentionCandidate) => {
    if (!typing) return
    const written = `@${candidate.name} `
    const rest = body.slice(typing.caret).replace(/^ /, '')
    caretAfterPick.current = typing.start + written.length
    setBody(body.slice(0, typing.start) + written + rest)
    setPicked((before) => [...before, candidate])
    setTyping(null)
    box.current?.focus()
  }

  /** The list's keys; true when the key was the list's (the box must not act on it too). */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!list) return false
    const offered = list.state === 'ready' ? list.offered : []
    if (e.key === 'Escape') {
      setTyping(null)
    } else if (offered.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : offered.length - 1)) % offered.length)
    } else if (offered.length > 0 && (e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      pick(offered[Math.min(active, offered.length - 1)])
    } else {
      return false
    }
    e.preventDefault()
    e.stopPropagation()
    return true
  }

  const optionId = (i: number) => `${listId}-${i}`
  const offeredNow = list?.state === 'ready' ? list.offered.length : 0
  return {
    box,
    list,
    active,
    listId,
    optionId,
    look,
    pick,
    onKeyDown,
    /** The textarea's attributes for the list (a textbox may own an active descendant; it may not be a combobox). */
    boxProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': list ? listId : undefined,
      'aria-activedescendant': offeredNow > 0 ? optionId(Math.min(active, offeredNow - 1)) : undefined,
    },
    /** Whom the words mention now. */
    mentions: (words: string): MentionIds => mentionedIn(words, picked),
    /** After sending: nothing picked any more. */
    reset: () => setPicked([]),
  }
}
