import { memo, useCallback, useEffect, useState, type KeyboardEvent } from 'react'
import { useStoreValue } from '../ui/useStoreValue'
import type { Editor } from '@tiptap/react'
import { hasOutline, outlineOf, type OutlineEntry } from '../../shared/numbering'
import { jumpTo } from './jumpTo'
import type { Language } from '../../shared/language'
import type { CollabSession } from '../collab/session'
import { useI18n } from '../i18n/i18n'
import { afterNextFrame } from '../ui/afterFrame'
import { debounced } from '../ui/debounced'
import { useProgressive } from '../ui/useProgressive'
import { useLatest } from '../ui/useLatest'

const REFRESH_MS = 250
/** While others keep typing the pauses never come: refreshed at least this often even so. */
const MAX_WAIT_MS = 1000
const EMPTY = '[]'
/**
 * Entries rendered when the text arrives, then this many more each frame: the 300 of a long law
 * in one React render held back the first paint of the text (~50 ms on a slow machine).
 */
const FIRST_ENTRIES = 60
const ENTRIES_PER_FRAME = 60

interface OutlineComments {
  /** Open review threads per article id. */
  openCounts: ReadonlyMap<string, number>
  /** Set when the person may comment: a "comment on this article" button per article. */
  onComment?: (articleId: string) => void
}

/** Chapters and articles beside the text; refreshed after typing pauses (or once a second while it goes on), not per keystroke. */
export function Outline({ editor, session, language, comments, changed }: {
  editor: Editor | null
  session: CollabSession | null
  language: Language
  comments?: OutlineComments
  /** Places others edited since one's last visit (client/editor/useVisit.ts), marked. */
  changed?: ReadonlySet<string>
}) {
  const { t } = useI18n()
  const [entries, setEntries] = useState<readonly OutlineEntry[]>([])
  // The text arriving (or about to be outlined): "loading", not "no chapters or articles".
  const [filling, setFilling] = useState(false)
  const connecting = useStoreValue(session, (s) => s.syncState.kind === 'connecting', false)
  const progressive = useProgressive(entries.length, FIRST_ENTRIES, ENTRIES_PER_FRAME)

  useEffect(() => {
    if (!editor) return
    let shown = ''
    // Re-rendered only when the outline changed (not for typing in a paragraph): a React commit
    // while the editor has focus measures the selection across the whole text.
    let outlined: readonly OutlineEntry[] | null = null
    const refresh = () => {
      const entries = outlineOf(editor.state.doc, language)
      // The same entries (typing in paragraphs): nothing to compare.
      if (entries === outlined) return
      outlined = entries
      const key = JSON.stringify(entries)
      if (key === shown) return
      shown = key
      setEntries(entries)
    }
    const later = debounced(refresh, REFRESH_MS, MAX_WAIT_MS)
    let soon = false
    let gone = false
    const schedule = () => {
      // An empty outline right after the frame that paints the text arriving when a draft
      // opens: not "no chapters or articles" until its editors pause, and not inside that first
      // paint either (the long law's outline took ~25 ms of it).
      if (shown !== EMPTY) return later.call()
      later.cancel()
      if (!hasOutline(editor.state.doc)) return refresh() // still empty: nothing to wait for
      if (soon) return
      soon = true
      setFilling(true)
      afterNextFrame(() => {
        soon = false
        if (gone) return
        refresh()
        setFilling(false)
      })
    }
    refresh()
    editor.on('update', schedule)
    return () => {
      gone = true
      later.cancel()
      editor.off('update', schedule)
    }
  }, [editor, language])

  const jump = useCallback((id: string) => editor && jumpTo(editor, id), [editor])
  // The entries keep one handler; it calls whatever the page passed last.
  const onComment = useLatest(comments?.onComment)
  const comment = useCallback((articleId: string) => onComment.current?.(articleId), [onComment])
  // One Tab stop for the whole outline (a long law's would be 600): the entry last focused, or the first.
  const [current, setCurrent] = useState<string | null>(null)
  const keyOf = (entry: OutlineEntry, i: number) => entry.id ?? `#${i}`
  const tabbable = entries.some((e, i) => keyOf(e, i) === current) ? current : entries.length > 0 ? keyOf(entries[0], 0) : null

  return (
    <nav className="outline" aria-label={t('editor.outline')}>
      <h2>{t('editor.outline')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t(connecting || filling ? 'common.loading' : 'editor.outlineEmpty')}</p>
      ) : (
        <ol onKeyDown={moveInOutline} onFocus={(e) => setCurrent(e.target.closest('li')?.dataset.entry ?? null)}>
          {entries.slice(0, progressive.shown).map((entry, i) => {
            const key = keyOf(entry, i)
            return (
              <OutlineItem
                key={key}
                entryKey={key}
                entry={entry}
                tabbable={key === tabbable}
                comments={comments !== undefined}
                count={entry.id ? (comments?.openCounts.get(entry.id) ?? 0) : 0}
                changed={entry.id !== null && (changed?.has(entry.id) ?? false)}
                onJump={jump}
                onComment={comments?.onComment ? comment : undefined}
              />
            )
          })}
        </ol>
      )}
    </nav>
  )
}

/**
 * The outline's keys: ↑ and ↓ go to the entry above or below, Home and End to the first and the
 * last, → to an entry's "comment" button and ← back to it.
 */
function moveInOutline(event: KeyboardEvent<HTMLOListElement>): void {
  const row = (event.target as HTMLElement).closest('li')
  if (!row || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  const rows = event.currentTarget.children
  const at = Array.prototype.indexOf.call(rows, row) as number
  const onEntry = (event.target as HTMLElement) === row.firstElementChild
  let target: Element | null | undefined
  if (event.key === 'ArrowDown') target = rows[at + 1]?.firstElementChild
  else if (event.key === 'ArrowUp') target = rows[at - 1]?.firstElementChild
  else if (event.key === 'Home') target = rows[0]?.firstElementChild
  else if (event.key === 'End') target = rows[rows.length - 1]?.firstElementChild
  else if (event.key === 'ArrowRight' && onEntry) target = row.querySelector('.outline-comment')
  else if (event.key === 'ArrowLeft' && !onEntry) target = row.firstElementChild
  else return
  event.preventDefault()
  if (target instanceof HTMLElement) target.focus()
}

interface OutlineItemProps {
  entry: OutlineEntry
  /** The entry's key in the list: an article's or chapter's id, or its place. */
  entryKey: string
  /** The outline's one Tab stop. */
  tabbable: boolean
  /** Whether the outline shows review threads (counts, and a button where one may comment). */
  comments: boolean
  count: number
  /** Edited by others since one's last visit. */
  changed: boolean
  onJump: (id: string) => void
  onComment?: (articleId: string) => void
}

const sameEntry = (a: OutlineEntry, b: OutlineEntry) => a.kind === b.kind && a.id === b.id && a.label === b.label && a.heading === b.heading

/**
 * One chapter or article of the outline. Its own component so that a render of the outline (each
 * frame while a long law's entries are added, and at each refresh) commits only the entries that
 * changed, not a new click handler on each of hundreds of buttons.
 */
const OutlineItem = memo(
  function OutlineItem({ entry, entryKey, tabbable, comments, count, changed, onJump, onComment }: OutlineItemProps) {
    return (
      <li className={`outline-${entry.kind}`} data-entry={entryKey}>
        <button type="button" tabIndex={tabbable ? 0 : -1} data-outline-id={entry.id ?? ''} onClick={() => entry.id && onJump(entry.id)}>
          <span className="outline-label">{entry.label}</span> {entry.heading}
          {changed && <ChangedMark />}
        </button>
        {entry.id && comments && <OutlineCommentControls articleId={entry.id} label={entry.label} count={count} onComment={onComment} />}
      </li>
    )
  },
  (a, b) =>
    sameEntry(a.entry, b.entry) && a.entryKey === b.entryKey && a.tabbable === b.tabbable && a.comments === b.comments && a.count === b.count && a.changed === b.changed && a.onJump === b.onJump && a.onComment === b.onComment,
)

/** "Changed since your last visit", on an outline entry: a dot, and words for screen readers. */
function ChangedMark() {
  const { t } = useI18n()
  return (
    <span className="outline-changed" data-testid="outline-changed" title={t('visit.changedHere')}>
      <span aria-hidden="true"> •</span>
      <span className="visually-hidden">{` (${t('visit.changedHere')})`}</span>
    </span>
  )
}

function OutlineCommentControls(props: { articleId: string; label: string; count: number; onComment?: (articleId: string) => void }) {
  const { t } = useI18n()
  return (
    <span className="outline-comments">
      {props.count > 0 && (
        <span className="outline-comment-count" data-testid="outline-comment-count" title={t('comments.openCount', { n: props.count })}>
          <span aria-hidden="true">{props.count}</span>
          <span className="visually-hidden">{t('comments.openCount', { n: props.count })}</span>
        </span>
      )}
      {props.onComment && (
        <button type="button" tabIndex={-1} className="outline-comment" data-testid="outline-comment" aria-label={t('comments.commentOnArticle', { article: props.label })} title={t('comments.commentOnArticle', { article: props.label })} onClick={() => props.onComment!(props.articleId)}>
          +
        </button>
      )}
    </span>
  )
}
