import { lazy, Suspense, useEffect } from 'react'
import { useI18n } from './i18n/i18n'
import { identityOf, refreshSession, signOut, useSession } from './auth/session'
import { SignInPage } from './auth/SignInPage'
import { SetupPage } from './auth/SetupPage'
import { InvitePage } from './auth/InvitePage'
import { DocumentList } from './documents/DocumentList'
import { navigate, useRoute } from './router'
import { errorText } from './api/http'

// The editor (TipTap, Yjs) and the admin pages are not on the critical path of the list of drafts.
const loadEditorPage = () => import('./editor/EditorPage')
const EditorPage = lazy(() => loadEditorPage().then((m) => ({ default: m.EditorPage })))
// Opening a draft directly: fetch the editor while the session is being checked, not after.
if (location.pathname.startsWith('/d/')) void loadEditorPage()
const AdminPage = lazy(() => import('./admin/AdminPage').then((m) => ({ default: m.AdminPage })))

function Link({ to, className, children }: { to: string; className?: string; children: React.ReactNode }) {
  return (
    <a href={to} className={className} onClick={(e) => { e.preventDefault(); navigate(to) }}>
      {children}
    </a>
  )
}

export function App() {
  const { t, language, setLanguage } = useI18n()
  const { info, error } = useSession()
  const route = useRoute()
  const user = info?.user ?? null

  useEffect(() => {
    void refreshSession()
  }, [])

  let content: React.ReactNode
  if (!info && error) {
    content = (
      <p className="error center" role="alert">
        {errorText(error, t)} <button type="button" onClick={() => void refreshSession()}>{t('common.retry')}</button>
      </p>
    )
  } else if (!info) content = <p className="muted center">{t('common.loading')}</p>
  else if (route.name === 'invite') content = <InvitePage token={route.token} />
  else if (info.needsSetup) content = <SetupPage />
  else if (!user) content = <SignInPage />
  else if (route.name === 'document') content = <EditorPage key={route.id} docId={route.id} identity={identityOf(user)} />
  else if (route.name === 'admin' && user.isAdmin) content = <AdminPage />
  else content = <DocumentList />

  return (
    <div className="app">
      <header className="app-bar">
        <Link to="/" className="brand">{t('app.name')}</Link>
        <span className="muted tagline">{t('app.tagline')}</span>
        <span className="spacer" />
        {user?.isAdmin && <Link to="/admin" className="nav-link">{t('admin.title')}</Link>}
        {user && (
          <span className="identity" data-testid="signed-in-as">
            <span className="presence-dot" style={{ backgroundColor: user.organization.color }} aria-hidden="true" />
            {user.displayName} · {user.organization.shortName}
          </span>
        )}
        {user && (
          <button type="button" onClick={() => void signOut().then(() => navigate('/'))}>{t('auth.signOut')}</button>
        )}
        <button type="button" onClick={() => setLanguage(language === 'en' ? 'ru' : 'en')} aria-label={t('lang.switchLabel')} data-testid="ui-language">
          {t('lang.switch')}
        </button>
      </header>
      <Suspense fallback={<p className="muted center">{t('common.loading')}</p>}>{content}</Suspense>
    </div>
  )
}
