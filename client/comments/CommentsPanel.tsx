import { lazy, memo, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { useVisitNews } from '../editor/useVisit'
import { useSession } from '../auth/session'
import { useStoreValue } from '../ui/useStoreValue'
import type { OrganizationSummary, ThreadView } from '../../shared/api'
import type { Placement } from './anchors'
import { api, errorText } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { byPlace } from './threadOrder'
import { useProgressive } from '../ui/useProgressive'
import type { CommentsController, CommentsSnapshot } from './CommentsController'
import { ThreadCard } from './ThreadCard'
import { ThreadComposer } from './ThreadComposer'
import { useKeepListFocus } from './keepListFocus'
import { mentionsViewer } from '../../shared/comments/mentions'
import { chunksByArticle } from './panelChunks'
import '../styles/comments.css'

// Seldom opened, and it brings the Word reader's client and the comparison: loaded when it is.
const WordRemarksDialog = lazy(() => import('./WordRemarksDialog').then((m) => ({ default: m.WordRemarksDialog })))

/** 'new': threads with comments others wrote since one's last visit, or that they decided (client/editor/useVisit.ts). */
type StatusFilter = 'open' | 'resolved' | 'all' | 'new'
/** The "who" filter's values for the threads the viewer started, and those mentioning them (no organization has these ids: ids are [0-9a-z]). */
const MINE = '@mine'
const MENTIONING_ME = '@mentions'

export function useComments(controller: CommentsController | null): CommentsSnapshot | null {
  return useStoreValue(controller, (c) => c.getSnapshot(), null)
}

interface Group {
  key: string
  articleId: string | null
  /** The place's position in the text; null for the threads of deleted places. */
  order: number | null
  title: string
  threads: ThreadView[]
}

/** Threads grouped under their places (title, preamble, headings, articles) in the order of the text; threads of deleted ones last. */
function groupThreads(snapshot: CommentsSnapshot, threads: ThreadView[], deletedTitle: string): Group[] {
  const groups = new Map<string, Group>()
  const gone: ThreadView[] = []
  for (const thread of threads) {
    const place = snapshot.places.get(thread.articleId)
    if (!place) {
      gone.push(thread)
      continue
    }
    let group = groups.get(place.id)
    if (!group) groups.set(place.id, (group = { key: place.id, articleId: place.id, order: place.order, title: `${place.label} ${place.heading}`.trim(), threads: [] }))
    group.threads.push(thread)
  }
  const inPanelOrder = byPlace(snapshot.placements)
  const ordered = [...groups.values()].sort((a, b) => a.order! - b.order!)
  ordered.forEach((g) => g.threads.sort(inPanelOrder))
  if (gone.length > 0) ordered.push({ key: '(deleted)', articleId: null, order: null, title: deletedTitle, threads: gone.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) })
  return ordered
}

/** A chunk's height until it is first laid out (then Chromium remembers it): a group's title, and each card (190–215 px a one-card group, measured). */
const GROUP_PX = 45
const CARD_PX = 160
const estimatedHeight = (groups: readonly Group[]) => groups.reduce((px, group) => px + GROUP_PX + group.threads.length * CARD_PX, 0)

/** Cards rendered as the panel opens, and added at each frame after: a draft under review may have hundreds. */
const FIRST_CARDS = 30
const CARDS_PER_FRAME = 30

/** The first `count` threads of `groups` (the rest are rendered in later frames). */
function shownGroups(groups: Group[], count: number): Group[] {
  const out: Group[] = []
  for (const group of groups) {
    if (count <= 0) break
    out.push(group.threads.length <= count ? group : { ...group, threads: group.threads.slice(0, count) })
    count -= group.threads.length
  }
  return out
}

interface ThreadGroupProps {
  articleId: string | null
  title: string
  threads: readonly ThreadView[]
  placements: ReadonlyMap<string, Placement>
  /** The active thread if it is in this group, else null (so that activating one re-renders two groups). */
  activeId: string | null
  canComment: boolean
  controller: CommentsController
}

/** Whether a group would render the same: its threads the same objects, each placed as before. */
function sameGroup(a: ThreadGroupProps, b: ThreadGroupProps): boolean {
  if (a.articleId !== b.articleId || a.title !== b.title || a.activeId !== b.activeId || a.canComment !== b.canComment || a.controller !== b.controller) return false
  if (a.threads.length !== b.threads.length) return false
  return a.threads.every((thread, i) => thread === b.threads[i] && a.placements.get(thread.id)?.kind === b.placements.get(thread.id)?.kind)
}

/**
 * One article's threads under its title. Its own component so that a panel render (each frame
 * while hundreds of cards are added, and as others edit) commits only the groups that changed:
 * a new click handler on every group's title made each of those renders update all of them.
 */
const ThreadGroup = memo(function ThreadGroup({ articleId, title, threads, placements, activeId, canComment, controller }: ThreadGroupProps) {
  return (
    <section className="thread-group" data-testid="thread-group" data-article-id={articleId ?? ''}>
      <h3 className="thread-group-title">
        {articleId ? (
          <button type="button" className="link-button" onClick={() => controller.showPlace(articleId)}>
            {title}
          </button>
        ) : (
          title
        )}
      </h3>
      <ol className="thread-list">
        {threads.map((thread) => (
          <ThreadCard key={thread.id} thread={thread} placement={placements.get(thread.id)?.kind} active={activeId === thread.id} canComment={canComment} controller={controller} />
        ))}
      </ol>
    </section>
  )
}, sameGroup)

/**
 * The side panel of review threads: new-thread form, filters (status, organization, place),
 * threads under their places in the order of the text, and the review report.
 */
export function CommentsPanel({ controller, docId, canComment, showNew = false, onShowNewTaken, droppedFile = null, onDroppedTaken, onClose }: {
  controller: CommentsController
  docId: string
  canComment: boolean
  /** Show the threads with comments new since one's last visit ("Show new comments"); `onShowNewTaken` once shown. */
  showNew?: boolean
  onShowNewTaken?: () => void
  /** A Word file dropped on the page, for "Remarks from a Word file" (client/comments/useRemarksDrop.ts); `onDroppedTaken` once the dialog has it. */
  droppedFile?: File | null
  onDroppedTaken?: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const snapshot = useComments(controller)!
  const [status, setStatus] = useState<StatusFilter>('open')
  const [orgId, setOrgId] = useState('')
  const me = useSession().info?.user ?? null
  const myId = me?.id ?? null
  /** Whether the "who" filter shows the thread: an organization's comments in it, or (MINE) started by the viewer. */
  const whoShows = (thread: ThreadView) =>
    !orgId ||
    (orgId === MINE
      ? thread.createdBy.id === myId
      : orgId === MENTIONING_ME
        ? me !== null && thread.comments.some((c) => mentionsViewer(c, { id: me.id, organizationId: me.organization.id }))
        : thread.comments.some((c) => c.organization.id === orgId))
  const [articleId, setArticleId] = useState('')
  const [withResolved, setWithResolved] = useState(false)
  const [readingRemarks, setReadingRemarks] = useState(false)
  const news = useVisitNews()
  const holdsNew = (thread: ThreadView) => news.decided.has(thread.id) || thread.comments.some((c) => news.comments.has(c.id))
  /** Whether the status filter shows the thread. */
  const statusShows = (thread: ThreadView) => (status === 'new' ? holdsNew(thread) : status === 'all' || thread.status === status)
  useEffect(() => {
    if (!showNew) return
    setStatus('new')
    onShowNewTaken?.()
  }, [showNew, onShowNewTaken])
  useEffect(() => {
    if (droppedFile && canComment) setReadingRemarks(true)
  }, [droppedFile, canComment])
  const listRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useKeepListFocus(listRef, headingRef)

  const organizations = useMemo(() => {
    const byId = new Map<string, OrganizationSummary>()
    for (const thread of snapshot.threads) for (const c of thread.comments) byId.set(c.organization.id, c.organization)
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [snapshot.threads])

  const visible = snapshot.threads.filter(
    (thread) =>
      statusShows(thread) &&
      whoShows(thread) &&
      (!articleId || thread.articleId === articleId),
  )
  const progressive = useProgressive(visible.length, FIRST_CARDS, CARDS_PER_FRAME)
  const groups = shownGroups(groupThreads(snapshot, visible, t('comments.deletedArticles')), progressive.shown)
  const commented = new Set(snapshot.threads.map((th) => th.articleId))
  const placesWithThreads = [...snapshot.places.values()].filter((a) => commented.has(a.id))

  // A thread opened from the text: show it, whatever the filters, and bring its card into view
  // once it is rendered.
  const revealing = useRef<string | null>(null)
  const statusSelect = useRef<HTMLSelectElement>(null)
  useEffect(() => {
    if (snapshot.reveal === 0 || !snapshot.activeId) return
    const thread = snapshot.threads.find((th) => th.id === snapshot.activeId)
    if (!thread) return
    if (!statusShows(thread)) setStatus('all')
    if (!whoShows(thread)) setOrgId('')
    if (articleId && thread.articleId !== articleId) setArticleId('')
    progressive.showAll()
    revealing.current = thread.id
    // Only a new reveal moves the panel; filters changed by hand afterwards stay.
  }, [snapshot.reveal])
  useEffect(() => {
    if (!revealing.current) return
    const card = listRef.current?.querySelector(`[data-thread-id="${CSS.escape(revealing.current)}"]`)
    if (!(card instanceof HTMLElement)) return
    revealing.current = null
    card.scrollIntoView({ block: 'nearest' })
    card.focus({ preventScroll: true })
  })
  // The active thread hidden by the filters (resolved under "Open", here or by someone else):
  // nothing in the panel shows it, so its words are no longer marked as active either. Not while
  // a reveal is widening the filters to show it.
  useEffect(() => {
    const active = snapshot.activeId
    if (active && revealing.current !== active && !visible.some((thread) => thread.id === active)) controller.activate(null)
  })

  const composer = snapshot.composer
  const scope = withResolved ? 'all' : 'open'

  return (
    <section className="panel comments-panel" aria-labelledby="comments-title" data-testid="comments-panel" data-panel="comments">
      <div className="panel-header">
        <h2 id="comments-title" ref={headingRef} tabIndex={-1}>{t('comments.title')}</h2>
        {/* Shown in one column only, where the panel covers the text (client/styles/comments.css). */}
        <button type="button" className="link-button panel-close" onClick={onClose}>{t('common.close')}</button>
      </div>

      {snapshot.refusal && (
        <p className="notice small" role="status" data-testid="comment-refusal">
          {t(`comments.refusal.${snapshot.refusal}`)}
        </p>
      )}

      {composer && (
        // A new passage is a new box: its proposed wording starts again from its own words. It
        // stays when its writer may no longer comment (made an observer meanwhile), their words
        // in it to copy, with the reason; before, it vanished with them.
        <ThreadComposer key={composer.kind === 'passage' ? `${composer.passage.anchor.start}:${composer.passage.anchor.end}` : `${composer.articleId}:${composer.body ?? ''}`} composer={composer} places={snapshot.places} controller={controller} refused={!canComment} />
      )}

      <fieldset className="comment-filters">
        <legend className="visually-hidden">{t('comments.filters')}</legend>
        <label className="small">
          {t('comments.filterStatus')}
          <select ref={statusSelect} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="open">{t('comments.filter.open')}</option>
            <option value="resolved">{t('comments.filter.resolved')}</option>
            <option value="all">{t('comments.filter.all')}</option>
            {news.comments.size + news.decided.size > 0 && <option value="new">{t('comments.filter.new')}</option>}
          </select>
        </label>
        <label className="small">
          {t('comments.filterOrg')}
          <select value={orgId} onChange={(e) => setOrgId(e.target.value)}>
            <option value="">{t('comments.allOrgs')}</option>
            {myId && <option value={MINE}>{t('comments.startedByMe')}</option>}
            {myId && <option value={MENTIONING_ME}>{t('comments.mentioningMe')}</option>}
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="small">
          {t('comments.filterArticle')}
          <select value={articleId} onChange={(e) => setArticleId(e.target.value)}>
            <option value="">{t('comments.allArticles')}</option>
            {placesWithThreads.map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.label} ${a.heading}`.trim()}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <div ref={listRef}>
        {snapshot.error !== null && <p className="error" role="alert">{t('comments.loadError', { message: errorText(snapshot.error, t) })}</p>}
        {!snapshot.loaded && <p className="muted">{t('common.loading')}</p>}
        {snapshot.loaded && snapshot.threads.length === 0 && !snapshot.error && (
          <p className="muted" data-testid="comments-empty">{canComment ? t('comments.empty') : t('comments.emptyReadOnly')}</p>
        )}
        {snapshot.threads.length > 0 && groups.length === 0 && (
          // A thread resolved (or a wording accepted) leaves "Open": one click shows where it went.
          <p className="muted" data-testid="comments-no-match">
            {t('comments.noMatch')}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                // The button goes with the words: the focus goes to the filter it changed, not to the page.
                statusSelect.current?.focus()
                setStatus('all')
                setOrgId('')
                setArticleId('')
              }}
            >
              {t('comments.showAll', { n: snapshot.threads.length })}
            </button>
          </p>
        )}
        {chunksByArticle(groups, (group) => group.order).map((chunk) => (
          <div key={chunk.key} className="thread-chunk" style={{ containIntrinsicSize: `auto ${estimatedHeight(chunk.items)}px` }}>
            {chunk.items.map((group) => (
              <ThreadGroup
                key={group.key}
                articleId={group.articleId}
                title={group.title}
                threads={group.threads}
                placements={snapshot.placements}
                activeId={group.threads.some((thread) => thread.id === snapshot.activeId) ? snapshot.activeId : null}
                canComment={canComment}
                controller={controller}
              />
            ))}
          </div>
        ))}
      </div>

      <div className="comment-report">
        <span className="small">{t('comments.report')}:</span>{' '}
        <a href={api.reviewReportUrl(docId, 'html', scope)} download data-testid="report-html">
          {t('comments.reportHtml')}
        </a>{' '}
        ·{' '}
        <a href={api.reviewReportUrl(docId, 'docx', scope)} download data-testid="report-docx">
          {t('comments.reportDocx')}
        </a>
        <label className="small inline">
          <input type="checkbox" checked={withResolved} onChange={(e) => setWithResolved(e.target.checked)} /> {t('comments.reportResolved')}
        </label>
      </div>
      {/* The open proposed wordings as a comparative table, for a meeting to decide on (shared/review/amendmentsTable.ts). */}
      <div className="comment-report">
        <span className="small" title={t('comments.amendmentsHint')}>{t('comments.amendments')}:</span>{' '}
        <a href={api.amendmentsTableUrl(docId, 'html')} download data-testid="amendments-html">
          {t('comments.reportHtml')}
        </a>{' '}
        ·{' '}
        <a href={api.amendmentsTableUrl(docId, 'docx')} download data-testid="amendments-docx">
          {t('comments.reportDocx')}
        </a>
      </div>
      {canComment && (
        <div className="comment-report">
          <button type="button" className="link-button" data-testid="word-remarks" onClick={() => setReadingRemarks(true)}>
            {t('comments.wordRemarks')}
          </button>
        </div>
      )}
      {readingRemarks && (
        <Suspense fallback={<p className="muted" role="status">{t('common.loading')}</p>}>
          <WordRemarksDialog
            docId={docId}
            language={controller.language}
            places={snapshot.places}
            currentText={() => controller.currentText()}
            dropped={droppedFile}
            onDroppedTaken={onDroppedTaken}
            onClose={() => setReadingRemarks(false)}
          />
        </Suspense>
      )}
    </section>
  )
}
