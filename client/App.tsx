import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useI18n, type Translate } from './i18n/i18n'
import { identityOf, refreshSession, signOut, useSession, type Identity } from './auth/session'
import type { SessionInfo } from '../shared/api'
import { SignInPage } from './auth/SignInPage'
import { SetupPage } from './auth/SetupPage'
import { InvitePage } from './auth/InvitePage'
import { ResetPasswordPage } from './auth/ResetPasswordPage'
import { AccountDialog } from './auth/AccountDialog'
import { DocumentList } from './documents/DocumentList'
import { navigate, useRoute } from './router'
import { useNoFileDrop } from './import/useFileDrop'
import { errorText } from './api/http'
import { SkipToText } from './editor/SkipToText'

// The editor (TipTap, Yjs) and the admin pages are not on the critical path of the list of drafts.
type EditorModule = typeof import('./editor/EditorPage')
let editorModule: EditorModule | null = null
const loadEditorPage = () => import('./editor/EditorPage').then((m) => (editorModule = m))
// Opening a draft directly: fetch the editor while the session is being checked, not after.
if (location.pathname.startsWith('/d/')) void loadEditorPage().catch(() => undefined)
// Asked as soon as the app's code runs, not after its first render and commit (~130 ms of a
// draft's cold open on a slow machine): every page waits for this answer.
void refreshSession()

/**
 * The editor page, loaded on demand. Not through lazy() + Suspense: React 19 holds back the
 * reveal of a suspended boundary for up to 300 ms, which was a third of the time to open a draft.
 */
function EditorRoute({ docId, identity: given }: { docId: string; identity: Identity }) {
  const { t } = useI18n()
  // A new object on every render of App: keep the same one while it says the same (the page
  // reconnects when its identity changes).
  const { userId, name, organization, color } = given
  const identity = useMemo(() => ({ userId, name, organization, color }), [userId, name, organization, color])
  const [loaded, setLoaded] = useState(editorModule)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!loaded) loadEditorPage().then(setLoaded, () => setFailed(true))
  }, [loaded])
  if (loaded) return <loaded.EditorPage key={docId} docId={docId} identity={identity} />
  return failed ? <p className="error center" role="alert">{t('error.network')}</p> : <p className="muted center">{t('common.loading')}</p>
}
const AdminPage = lazy(() => import('./admin/AdminPage').then((m) => ({ default: m.AdminPage })))

/**
 * What the sign-in page says about a session that ended without this page signing out: the
 * server's reason (said even on a fresh load), else that it ended while the page was in use.
 */
function endedNotice(info: SessionInfo, ended: boolean, t: Translate): string | undefined {
  if (info.sessionEnded === 'deactivated') return t('auth.endedDeactivated')
  if (info.sessionEnded === 'password_changed') return t('auth.endedPasswordChanged')
  return ended ? t('error.unauthorized') : undefined
}

function Link({ to, className, children }: { to: string; className?: string; children: React.ReactNode }) {
  return (
    <a href={to} className={className} onClick={(e) => { e.preventDefault(); navigate(to) }}>
      {children}
    </a>
  )
}

export function App() {
  const { t, language, setLanguage } = useI18n()
  const { info, error, ended } = useSession()
  const route = useRoute()
  const user = info?.user ?? null
  const other = language === 'en' ? 'ru' : 'en'
  const [accountOpen, setAccountOpen] = useState(false)
  // Signed out (here or by the server) with "Your account" open: it does not open again at the next sign-in.
  if (!user && accountOpen) setAccountOpen(false)

  let content: React.ReactNode
  let takesFiles = false
  if (!info && error) {
    content = (
      <p className="error center" role="alert">
        {errorText(error, t)} <button type="button" onClick={() => void refreshSession()}>{t('common.retry')}</button>
      </p>
    )
  } else if (!info) content = <p className="muted center">{t('common.loading')}</p>
  else if (route.name === 'invite') content = <InvitePage token={route.token} />
  else if (route.name === 'reset') content = <ResetPasswordPage token={route.token} />
  else if (info.needsSetup) content = <SetupPage />
  // Sent here from a page in use (expired, or signed out in another tab), or by the server ending
  // the session (the account deactivated, the password changed elsewhere): say why.
  else if (!user) content = <SignInPage notice={endedNotice(info, ended, t)} />
  else if (route.name === 'document') {
    content = <EditorRoute key={route.id} docId={route.id} identity={identityOf(user)} />
    takesFiles = true // a Word file of remarks, or none (client/comments/useRemarksDrop.ts)
  }
  else if (route.name === 'admin' && user.isAdmin) content = <AdminPage />
  else {
    content = <DocumentList />
    takesFiles = true
  }
  // The drafts list takes a dropped file (to import it), a draft a Word file of remarks; every other page refuses one.
  useNoFileDrop(!takesFiles)

  return (
    <div className="app">
      {user && route.name === 'document' && <SkipToText />}
      <header className="app-bar">
        <Link to="/" className="brand">{t('app.name')}</Link>
        <span className="muted tagline">{t('app.tagline')}</span>
        <span className="spacer" />
        {user?.isAdmin && <Link to="/admin" className="nav-link">{t('admin.title')}</Link>}
        {user && (
          <button type="button" className="identity identity-button" data-testid="signed-in-as" title={t('account.title')} aria-haspopup="dialog" onClick={() => setAccountOpen(true)}>
            <span className="presence-dot" style={{ backgroundColor: user.organization.color }} aria-hidden="true" />
            {user.displayName} · {user.organization.shortName}
          </button>
        )}
        {user && (
          <button type="button" onClick={() => void signOut().then(() => navigate('/'))}>{t('auth.signOut')}</button>
        )}
        {/* Named by its visible word (the other language's name, in that language), the longer wording as its tooltip. */}
        <button type="button" onClick={() => setLanguage(other)} title={t('lang.switchLabel')} data-testid="ui-language">
          <span lang={other}>{t('lang.switch')}</span>
        </button>
      </header>
      <Suspense fallback={<p className="muted center">{t('common.loading')}</p>}>{content}</Suspense>
      {user && accountOpen && <AccountDialog user={user} onClose={() => setAccountOpen(false)} />}
    </div>
  )
}
