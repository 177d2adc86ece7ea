import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { PersonSummary } from '../../shared/api'
import { mentionCandidates, mentionedIn, mentionQuery, type Mentionable } from '../../shared/comments/mentions'
import { useSession } from '../auth/session'

/** People offered at once under the "@…" being typed. */
const OFFERED = 8

/** The list under a comment's box while "@…" is typed: loading, the people offered, or no one by that name. */
export type MentionList = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; people: PersonSummary[] }

/**
 * "@" in a comment's box offers the people who may open the draft, narrowed as a name is typed;
 * `↑`/`↓` choose, `Enter` or `Tab` (or a click) write "@Name" in its place, `Escape` closes the
 * list and leaves the words. The comment then mentions those picked whose "@Name" it still holds.
 */
export function useMentions(body: string, setBody: (body: string) => void, people: (() => Promise<PersonSummary[]>) | undefined, initial: readonly Mentionable[]) {
  const myId = useSession().info?.user?.id
  const listId = useId()
  const box = useRef<HTMLTextAreaElement>(null)
  const [known, setKnown] = useState<PersonSummary[] | 'loading' | 'failed' | null>(null)
  const [typing, setTyping] = useState<{ start: number; query: string; caret: number } | null>(null)
  const [active, setActive] = useState(0)
  const [picked, setPicked] = useState<readonly Mentionable[]>(initial)
  const caretAfterPick = useRef<number | null>(null)

  useLayoutEffect(() => {
    if (caretAfterPick.current === null || !box.current) return
    box.current.setSelectionRange(caretAfterPick.current, caretAfterPick.current)
    caretAfterPick.current = null
  }, [body])

  const offered = typing && Array.isArray(known) ? mentionCandidates(known.filter((p) => p.id !== myId), typing.query, OFFERED) : []
  const list: MentionList | null = !typing || !people ? null : known === 'failed' ? { state: 'failed' } : Array.isArray(known) ? { state: 'ready', people: offered } : { state: 'loading' }

  /** Looks at what is typed before the caret (after each change and caret move). */
  const look = (value: string, caret: number) => {
    const found = people ? mentionQuery(value, caret) : null
    setTyping(found && { ...found, caret })
    setActive(0)
    if (found && people && (known === null || known === 'failed')) {
      setKnown('loading')
      people().then(setKnown, () => setKnown('failed'))
    }
  }

  const pick = (person: PersonSummary) => {
    if (!typing) return
    const written = `@${person.displayName} `
    const rest = body.slice(typing.caret).replace(/^ /, '')
    caretAfterPick.current = typing.start + written.length
    setBody(body.slice(0, typing.start) + written + rest)
    setPicked((before) => [...before, person])
    setTyping(null)
    box.current?.focus()
  }

  /** The list's keys; true when the key was the list's (the box must not act on it too). */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!list) return false
    if (e.key === 'Escape') {
      setTyping(null)
    } else if (list.state === 'ready' && list.people.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const n = list.people.length
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n)
    } else if (list.state === 'ready' && list.people.length > 0 && (e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      pick(list.people[Math.min(active, list.people.length - 1)])
    } else {
      return false
    }
    e.preventDefault()
    e.stopPropagation()
    return true
  }

  const optionId = (i: number) => `${listId}-${i}`
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
      'aria-activedescendant': list?.state === 'ready' && list.people.length > 0 ? optionId(Math.min(active, list.people.length - 1)) : undefined,
    },
    /** The ids of the people the words mention now. */
    mentions: (words: string) => mentionedIn(words, picked),
    /** After sending: nothing picked any more. */
    reset: () => setPicked([]),
  }
}
