import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { DocumentSummary, LanguageVersion } from '../../shared/api'
import { api, RequestError } from '../api/http'
import { CollabSession } from '../collab/session'
import { applySession, refreshSession, type Identity } from '../auth/session'
import { can } from '../../shared/roles'
import { ShareDialog } from './ShareDialog'
import { ActivityPanel } from './ActivityPanel'
import { ChecksPanel } from '../checks/ChecksPanel'
import { checkDraft } from '../../shared/checks/draftChecks'
import { HistoryPanel } from '../versions/HistoryPanel'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { LegalEditor } from './LegalEditor'
import { Outline } from './Outline'
import { Presence } from './Presence'
import { SyncStatus, UnsavedChip } from './SyncStatus'
import { Toolbar } from './Toolbar'
import { useFindBar } from './useFindBar'
import { TermPeek } from './TermPeek'
import { ExportMenu } from '../export/ExportMenu'
import { useCommentsController, useOpenThreadCounts } from '../comments/useCommentsController'
import { CommentsPanel } from '../comments/CommentsPanel'
import { useRemarksDrop } from '../comments/useRemarksDrop'
import { VisitNewsContext, useVisit } from './useVisit'
import { SinceLastVisit } from './SinceLastVisit'
import { jumpTo } from './jumpTo'
import { CompareView } from '../versions/CompareView'
import { CURRENT } from '../../shared/apiConstants'
import { CommentButton } from '../comments/CommentButton'
import { MentionedNow } from '../comments/MentionedNow'
import { AGREEMENT_HASH } from '../documents/AgreementLine'
import { AgreementView } from '../agreement/AgreementView'
import { AlternativesPanel } from '../alternatives/AlternativesPanel'
// Loaded when asked for: the side-by-side view brings the structure's flattening and alignment.
const LanguagesDialog = lazy(() => import('../languages/LanguagesDialog').then((m) => ({ default: m.LanguagesDialog })))
const ParallelPanel = lazy(() => import('../languages/ParallelPanel').then((m) => ({ default: m.ParallelPanel })))
import { keepAboveSheet, useSidePanels } from './useSidePanels'
import { TEXT_ID } from './SkipToText'
import { followSheetHeight } from './sheetHeight'
import { accessEnded } from './accessEnded'
import { useFocusBack } from '../ui/useFocusBack'
import { useStoreValue } from '../ui/useStoreValue'
import { failureText, words } from '../ui/useFailure'

/** While offline, how often at most the editor asks whether the session is still there. */
const OFFLINE_SESSION_CHECK_MS = 15_000

type Load = { kind: 'loading' } | { kind: 'error'; failure: unknown } | { kind: 'ready'; doc: DocumentSummary }

export function EditorPage({ docId, identity }: { docId: string; identity: Identity }) {
  const { t } = useI18n()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [session, setSession] = useState<CollabSession | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const onEditor = useCallback((e: Editor | null) => setEditor(e), [])
  const [sharing, setSharing] = useState(false)
  const panels = useSidePanels(editor)
  const [besideVersion, setBesideVersion] = useState<LanguageVersion | null>(null)
  // Chosen from the Languages dialog: back to the text, which the panel then follows.
  useEffect(() => {
    if (besideVersion && editor && !editor.isDestroyed) editor.view.focus()
  }, [besideVersion, editor])
  const { show } = panels
  const openComments = useCallback(() => show('comments'), [show])
  /** "Comment" (button or shortcut) on words of the text: in one column they stay clear of the panel. */
  const commentHere = useCallback(() => {
    const selection = window.getSelection()
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null
    if (range && document.getElementById(TEXT_ID)?.contains(range.commonAncestorContainer)) keepAboveSheet(range)
    openComments()
  }, [openComments])
  // The drafts list's agreement line links here with #agreement: the agreement opens with the draft.
  const [showAgreement, setShowAgreement] = useState(() => window.location.hash === AGREEMENT_HASH)
  useEffect(() => {
    if (window.location.hash === AGREEMENT_HASH) history.replaceState(history.state, '', window.location.pathname)
  }, [])
  const [showLanguages, setShowLanguages] = useState(false)
  const liveRole = useStoreValue(session, (s) => s.role, null)
  const writeRefused = useStoreValue(session, (s) => s.writeRefused, false)
  const renamedTo = useStoreValue(session, (s) => s.title, null)
  // Access taken away or the draft deleted while open: the connection is closed for good.
  const ended = useStoreValue(session, (s) => accessEnded(s.syncState), null)
  // A rename announced on the open connection wins over the title the page loaded.
  const title = renamedTo ?? (load.kind === 'ready' ? load.doc.title : '')
  // The server's word on the open connection wins over the role the list reported; none once it has ended.
  const role = ended ? null : (liveRole ?? (load.kind === 'ready' ? load.doc.role : null))
  // The actions of the top bar, while there is a draft to act on.
  const actions = load.kind === 'ready' && !ended
  const editable = can(role, 'edit')
  const canComment = can(role, 'comment')
  // Readers find from their own bar (the toolbar has it for those who edit).
  const language = load.kind === 'ready' ? load.doc.language : 'en'
  const readerFind = useFindBar(editable ? null : editor, language)
  const comments = useCommentsController(docId, session, editor, language, { role, canComment, onCompose: commentHere })
  const remarksDrop = useRemarksDrop(canComment && !!comments, openComments)
  const visit = useVisit(docId, load.kind === 'ready')
  const visitNews = useMemo(() => ({ comments: new Set(visit?.comments ?? []), decided: new Set(visit?.decided ?? []) }), [visit])
  const changedPlaces = useMemo(() => new Set(visit?.places.map((p) => p.id) ?? []), [visit])
  /** A version compared with the text now, from "since your last visit". */
  const [comparing, setComparing] = useState<string | null>(null)
  /** Asked by "Show new comments", until the panel has filtered to them. */
  const [showNewComments, setShowNewComments] = useState(false)
  const newCommentsShown = useCallback(() => setShowNewComments(false), [])
  // The share dialog is an owner's: it closes when the role changes (the server refuses the rest).
  const shareShown = sharing && can(role, 'share')
  // ...and its Share button goes with it: the focus goes to the draft's title, not to <body>.
  const titleRef = useFocusBack<HTMLHeadingElement>(shareShown)
  useEffect(() => {
    if (!can(role, 'share')) setSharing(false) // not to open again by itself should the role come back
  }, [role])
  const openCounts = useOpenThreadCounts(comments)
  const reveal = useStoreValue(comments, (c) => c.getSnapshot().reveal, 0)
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
        api.session().then(
          // A final close may follow the close that started this check: a deactivated account's
          // draft stays on screen with its banner, and the sign-in page says why at the next request.
          (info) => !info.user && accessEnded(session.syncState) !== 'deactivated' && applySession(info),
          () => {}, // unreachable: simply offline
        )
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
        // In the interface's words: a draft not there, not shared with this person, or any other failure.
        const status = err instanceof RequestError ? err.status : 0
        setLoad({ kind: 'error', failure: status === 404 ? words('editor.notFound') : status === 403 ? words('editor.noAccess') : err })
      },
    )
    return () => {
      cancelled = true
    }
  }, [docId])

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
      <h1 className="doc-title" ref={titleRef} tabIndex={-1}>{title}</h1>
      {role && <span className="role-badge" data-testid="my-role">{t(`role.${role}`)}</span>}
      {actions && (
        <button type="button" onClick={() => panels.toggle('activity')} aria-pressed={panels.open.activity}>{t('activity.title')}</button>
      )}
      {actions && <ExportMenu docId={docId} title={title} />}
      {actions && (
        <button type="button" data-testid="history" onClick={() => panels.toggle('history')} aria-pressed={panels.open.history}>{t('versions.button')}</button>
      )}
      {actions && (
        <button type="button" data-testid="toggle-comments" onClick={() => panels.toggle('comments')} aria-pressed={panels.open.comments}>
          {t('comments.toggle')}{openCounts.total > 0 && ` (${openCounts.total})`}
        </button>
      )}
      {actions && (
        <button type="button" data-testid="toggle-checks" onClick={() => panels.toggle('checks')} aria-pressed={panels.open.checks}>{t('checks.button')}</button>
      )}
      {actions && (
        <button type="button" data-testid="toggle-alternatives" onClick={() => panels.toggle('alternatives')} aria-pressed={panels.open.alternatives}>{t('alternatives.button')}</button>
      )}
      {actions && (
        <button type="button" data-testid="agreement" onClick={() => setShowAgreement(true)} aria-haspopup="dialog">{t('agreement.button')}</button>
      )}
      {actions && (
        <button type="button" data-testid="languages" onClick={() => setShowLanguages(true)} aria-haspopup="dialog">{t('languages.button')}</button>
      )}
      {actions && can(role, 'share') && (
        <button type="button" data-testid="share" onClick={() => setSharing(true)}>{t('share.button')}</button>
      )}
      {/* A draft that could not be opened has nothing to save: the page's message says why, once. */}
      {session && load.kind !== 'error' && <SyncStatus session={session} />}
    </header>
  )

  if (load.kind === 'loading') return <div className="page">{header}<p className="muted center">{t('common.loading')}</p></div>
  if (load.kind === 'error')
    return (
      <div className="page">
        {header}
        <p className="error center" role="alert">{failureText(load.failure, t)}</p>
      </div>
    )

  const { open } = panels
  const anyPanel = !ended && (open.history || open.activity || open.checks || open.alternatives || (open.parallel && !!besideVersion) || (open.comments && !!comments))
  return (
    <div className="page editor-page">
      {header}
      {remarksDrop.over && <div className="file-drop-hint" role="status">{t('remarks.dropHint')}</div>}
      {ended ? (
        <p className="read-only-banner access-ended" role="alert" data-testid="access-ended">
          {t(`editor.accessEnded.${ended}`)}
          {ended === 'outdated' && (
            <>
              {' '}
              <button type="button" onClick={() => window.location.reload()} data-testid="reload-page">{t('editor.reload')}</button>
            </>
          )}
        </p>
      ) : editable ? (
        <Toolbar editor={editor} language={load.doc.language}>
          {commentButton}
          {session && <UnsavedChip session={session} />}
        </Toolbar>
      ) : (
        role && (
          <div className="review-bar">
            <p className="read-only-banner" role="note" data-testid="read-only-banner">
              {t(role === 'reviewer' ? 'editor.readOnlyReviewer' : 'editor.readOnlyObserver')}
              {writeRefused && ` ${t('editor.writeRefused')}`}
            </p>
            {readerFind.button}
            {commentButton}
            {readerFind.bar}
          </div>
        )
      )}
      {shareShown && <ShareDialog docId={docId} onClose={() => setSharing(false)} />}
      {showLanguages && actions && (
        <Suspense fallback={null}>
          <LanguagesDialog
            docId={docId}
            title={title}
            language={load.doc.language}
            canEdit={can(role, 'edit')}
            onShowBeside={(version) => {
              setShowLanguages(false)
              setBesideVersion(version)
              panels.show('parallel')
            }}
            onClose={() => setShowLanguages(false)}
          />
        </Suspense>
      )}
      {showAgreement && actions && (
        <AgreementView
          docId={docId}
          title={title}
          role={role}
          withAccess={load.doc.organizations}
          textChecks={editor ? {
            language: load.doc.language,
            count: () => (editor.isDestroyed ? 0 : checkDraft(editor.state.doc, load.doc.language).length),
            show: () => {
              setShowAgreement(false)
              panels.show('checks')
            },
          } : undefined}
          onClose={() => setShowAgreement(false)}
        />
      )}
      {!ended && comments && (
        <MentionedNow
          controller={comments}
          onShow={(threadId) => {
            panels.show('comments')
            comments.activate(threadId, { reveal: true })
          }}
        />
      )}
      {!ended && (
        <SinceLastVisit
          visit={visit}
          onJump={(id) => editor && !editor.isDestroyed && jumpTo(editor, id)}
          onShowComments={() => {
            panels.show('comments')
            setShowNewComments(true)
          }}
          onShowActivity={() => panels.show('activity')}
          onShowAgreement={actions ? () => setShowAgreement(true) : undefined}
          onCompare={setComparing}
        />
      )}
      {comparing && <CompareView docId={docId} from={comparing} to={CURRENT} onClose={() => setComparing(null)} />}
      <div className={`editor-layout${anyPanel && open.history ? ' with-history' : ''}${anyPanel && open.comments ? ' with-comments' : ''}${anyPanel ? ' with-panel' : ''}`}>
        <aside className="sidebar">
          <Outline
            editor={editor}
            session={session}
            language={load.doc.language}
            changed={changedPlaces}
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
          {editor && <TermPeek editor={editor} language={load.doc.language} />}
        </main>
        <aside className="sidebar sidebar-right" onKeyDown={panels.onKeyDown} ref={followSheet}>
          {anyPanel && open.history && <HistoryPanel docId={docId} title={title} language={load.doc.language} canEdit={editable} onClose={() => panels.close('history')} />}
          {anyPanel && open.activity && <ActivityPanel docId={docId} session={session} onClose={() => panels.close('activity')} />}
          {anyPanel && open.checks && (
            <ChecksPanel
              editor={editor}
              language={load.doc.language}
              onComment={canComment && comments ? (id, body) => {
                comments.compose(id, body)
                openComments()
              } : undefined}
              onClose={() => panels.close('checks')}
            />
          )}
          {anyPanel && open.alternatives && (
            <AlternativesPanel docId={docId} editor={editor} session={session} language={load.doc.language} onClose={() => panels.close('alternatives')} />
          )}
          {anyPanel && open.parallel && besideVersion && (
            <Suspense fallback={null}>
              <ParallelPanel editor={editor} other={besideVersion} onClose={() => panels.close('parallel')} />
            </Suspense>
          )}
          {anyPanel && open.comments && comments && (
            <VisitNewsContext.Provider value={visitNews}>
              <CommentsPanel
                controller={comments}
                docId={docId}
                canComment={canComment}
                showNew={showNewComments}
                onShowNewTaken={newCommentsShown}
                droppedFile={remarksDrop.dropped}
                onDroppedTaken={remarksDrop.taken}
                onClose={() => panels.close('comments')}
              />
            </VisitNewsContext.Provider>
          )}
          {session && <Presence session={session} />}
        </aside>
      </div>
    </div>
  )
}
