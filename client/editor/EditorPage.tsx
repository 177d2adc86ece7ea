import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { Editor } from '@tiptap/react'
import type { DocumentSummary } from '../../shared/api'
import { api, RequestError } from '../api/http'
import { CollabSession } from '../collab/session'
import { applySession, refreshSession, type Identity } from '../auth/session'
import { can } from '../../shared/roles'
import { ShareDialog } from './ShareDialog'
import { ActivityPanel } from './ActivityPanel'
import { HistoryPanel } from '../versions/HistoryPanel'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { LegalEditor } from './LegalEditor'
import { Outline } from './Outline'
import { Presence } from './Presence'
import { SyncStatus } from './SyncStatus'
import { Toolbar } from './Toolbar'
import { ExportMenu } from '../export/ExportMenu'
import { useCommentsController, useOpenThreadCounts } from '../comments/useCommentsController'
import { CommentsPanel } from '../comments/CommentsPanel'
import { CommentButton } from '../comments/CommentButton'
import { AgreementView } from '../agreement/AgreementView'
import { keepAboveSheet, useSidePanels } from './useSidePanels'
import { TEXT_ID } from './SkipToText'
import { followSheetHeight } from './sheetHeight'

/** While offline, how often at most the editor asks whether the session is still there. */
const OFFLINE_SESSION_CHECK_MS = 15_000

type Load = { kind: 'loading' } | { kind: 'error'; message: string; notFound: boolean } | { kind: 'ready'; doc: DocumentSummary }

export function EditorPage({ docId, identity }: { docId: string; identity: Identity }) {
  const { t } = useI18n()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [session, setSession] = useState<CollabSession | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const onEditor = useCallback((e: Editor | null) => setEditor(e), [])
  const [sharing, setSharing] = useState(false)
  const panels = useSidePanels(editor)
  const { show } = panels
  const openComments = useCallback(() => show('comments'), [show])
  /** "Comment" (button or shortcut) on words of the text: in one column they stay clear of the panel. */
  const commentHere = useCallback(() => {
    const selection = window.getSelection()
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
    if (range && document.getElementById(TEXT_ID)?.contains(range.commonAncestorContainer)) keepAboveSheet(range)
    openComments()
  }, [openComments])
  const [showAgreement, setShowAgreement] = useState(false)
  const liveRole = useSyncExternalStore(
    (l) => session?.subscribe(l) ?? (() => {}),
    () => session?.role ?? null,
  )
  const writeRefused = useSyncExternalStore(
    (l) => session?.subscribe(l) ?? (() => {}),
    () => session?.writeRefused ?? false,
  )
  const renamedTo = useSyncExternalStore(
    (l) => session?.subscribe(l) ?? (() => {}),
    () => session?.title ?? null,
  )
  // A rename announced on the open connection wins over the title the page loaded.
  const title = renamedTo ?? (load.kind === 'ready' ? load.doc.title : '')
  // The server's word on the open connection wins over the role the list reported.
  const role = liveRole ?? (load.kind === 'ready' ? load.doc.role : null)
  const editable = can(role, 'edit')
  const canComment = can(role, 'comment')
  const comments = useCommentsController(docId, session, editor, load.kind === 'ready' ? load.doc.language : 'en', { canComment, onCompose: commentHere })
  const openCounts = useOpenThreadCounts(comments)
  const reveal = useSyncExternalStore(
    (l) => comments?.subscribe(l) ?? (() => {}),
    () => comments?.getSnapshot().reveal ?? 0,
  )
  const commentButton = canComment && <CommentButton controller={comments} onCompose={commentHere} />

  useEffect(() => {
    editor?.setEditable(editable)
  }, [editor, editable])

  // A highlight clicked in the text: its thread is shown in the panel, and (in one column) the
  // highlight is kept clear of the panel, which covers the bottom of the window there.
  useEffect(() => {
    const id = comments?.getSnapshot().activeId
    if (reveal === 0 || !id) return
    keepAboveSheet(document.querySelector(`.legal-text .comment-highlight[data-thread-id="${CSS.escape(id)}"]`))
    openComments()
  }, [comments, reveal, openComments])

  // Signed out elsewhere (or the session expired): ask the app to show the sign-in page.
  useEffect(() => {
    if (!session) return
    let lastCheck = 0
    return session.subscribe(() => {
      const state = session.syncState
      if (state.kind === 'refused' && state.reason === 'unauthorized') void refreshSession()
      // Without its cookie (expired in the browser) the upgrade is refused as plain HTTP 401, which
      // looks like being offline: now and then, ask whether we are still signed in.
      if (state.kind === 'offline' && navigator.onLine && Date.now() - lastCheck > OFFLINE_SESSION_CHECK_MS) {
        lastCheck = Date.now()
        api.session().then((info) => !info.user && applySession(info), () => {}) // unreachable: simply offline
      }
    })
  }, [session])

  useEffect(() => {
    let cancelled = false
    setLoad({ kind: 'loading' })
    api.getDocument(docId).then(
      (doc) => !cancelled && setLoad({ kind: 'ready', doc }),
      (err: unknown) => {
        if (cancelled) return
        const notFound = err instanceof RequestError && err.status === 404
        const message = err instanceof RequestError && err.code === 'network' ? t('error.network') : String((err as Error).message)
        setLoad({ kind: 'error', message, notFound })
      },
    )
    return () => {
      cancelled = true
    }
  }, [docId, t])

  // The Y.Doc and provider live outside React's render, one per open draft. Started at once,
  // alongside the request for the draft's metadata: the first sync is the long part of opening.
  useEffect(() => {
    const created = new CollabSession(docId, identity)
    setSession(created)
    const warn = (event: BeforeUnloadEvent) => {
      if (created.unsavedChanges > 0) {
        event.preventDefault()
        event.returnValue = ''
      }
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      window.removeEventListener('beforeunload', warn)
      created.destroy()
      setSession(null)
    }
  }, [docId, identity])

  useEffect(() => {
    if (load.kind === 'ready') document.title = `${title} — Accord`
  }, [load, title])

  // React 19 calls the cleanup a ref callback returns; stable, so attached once.
  const followSheet = useCallback((sidebar: HTMLElement | null) => (sidebar ? followSheetHeight(sidebar) : undefined), [])

  const header = (
    <header className="editor-header">
      <a
        href="/"
        className="back-link"
        onClick={(e) => {
          e.preventDefault()
          navigate('/')
        }}
      >
        ← {t('editor.back')}
      </a>
      <h1 className="doc-title">{title}</h1>
      {role && <span className="role-badge" data-testid="my-role">{t(`role.${role}`)}</span>}
      {load.kind === 'ready' && (
        <button type="button" onClick={() => panels.toggle('activity')} aria-pressed={panels.open.activity}>{t('activity.title')}</button>
      )}
      {load.kind === 'ready' && <ExportMenu docId={docId} title={title} />}
      {load.kind === 'ready' && (
        <button type="button" data-testid="history" onClick={() => panels.toggle('history')} aria-pressed={panels.open.history}>{t('versions.button')}</button>
      )}
      {load.kind === 'ready' && (
        <button type="button" data-testid="toggle-comments" onClick={() => panels.toggle('comments')} aria-pressed={panels.open.comments}>
          {t('comments.toggle')}{openCounts.total > 0 && ` (${openCounts.total})`}
        </button>
      )}
      {load.kind === 'ready' && (
        <button type="button" data-testid="agreement" onClick={() => setShowAgreement(true)} aria-haspopup="dialog">{t('agreement.button')}</button>
      )}
      {load.kind === 'ready' && can(role, 'share') && (
        <button type="button" data-testid="share" onClick={() => setSharing(true)}>{t('share.button')}</button>
      )}
      {session && <SyncStatus session={session} />}
    </header>
  )

  if (load.kind === 'loading') return <div className="page">{header}<p className="muted center">{t('common.loading')}</p></div>
  if (load.kind === 'error')
    return (
      <div className="page">
        {header}
        <p className="error center" role="alert">
          {load.notFound ? t('editor.notFound') : t('error.generic', { message: load.message })}
        </p>
      </div>
    )

  const { open } = panels
  const anyPanel = open.history || open.activity || (open.comments && !!comments)
  return (
    <div className="page editor-page">
      {header}
      {editable ? (
        <Toolbar editor={editor}>{commentButton}</Toolbar>
      ) : (
        role && (
          <div className="review-bar">
            <p className="read-only-banner" role="note" data-testid="read-only-banner">
              {t(role === 'reviewer' ? 'editor.readOnlyReviewer' : 'editor.readOnlyObserver')}
              {writeRefused && ` ${t('editor.writeRefused')}`}
            </p>
            {commentButton}
          </div>
        )
      )}
      {sharing && <ShareDialog docId={docId} onClose={() => setSharing(false)} />}
      {showAgreement && <AgreementView docId={docId} title={title} withAccess={load.doc.organizations} onClose={() => setShowAgreement(false)} />}
      <div className={`editor-layout${open.history ? ' with-history' : ''}${open.comments ? ' with-comments' : ''}${anyPanel ? ' with-panel' : ''}`}>
        <aside className="sidebar">
          <Outline
            editor={editor}
            session={session}
            language={load.doc.language}
            comments={{
              openCounts: openCounts.byArticle,
              onComment: canComment && comments ? (id) => {
                comments.compose(id)
                openComments()
              } : undefined,
            }}
          />
        </aside>
        <main className="editor-main">
          {session && <LegalEditor key={docId} session={session} identity={identity} language={load.doc.language} editable={editable} onEditor={onEditor} />}
        </main>
        <aside className="sidebar sidebar-right" onKeyDown={panels.onKeyDown} ref={followSheet}>
          {open.history && <HistoryPanel docId={docId} title={title} language={load.doc.language} canEdit={editable} onClose={() => panels.close('history')} />}
          {open.activity && <ActivityPanel docId={docId} onClose={() => panels.close('activity')} />}
          {open.comments && comments && <CommentsPanel controller={comments} docId={docId} canComment={canComment} onClose={() => panels.close('comments')} />}
          {session && <Presence session={session} />}
        </aside>
      </div>
    </div>
  )
}
