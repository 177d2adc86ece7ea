import { lazy, Suspense, useState } from 'react'
import { useI18n } from './i18n/i18n'
import { useIdentity } from './identity/identity'
import { IdentityDialog } from './identity/IdentityDialog'
import { DocumentList } from './documents/DocumentList'
import { navigate, useRoute } from './router'

// The editor (TipTap, Yjs) is not on the critical path of the list of drafts.
const EditorPage = lazy(() => import('./editor/EditorPage').then((m) => ({ default: m.EditorPage })))

export function App() {
  const { t, language, setLanguage } = useI18n()
  const identity = useIdentity()
  const route = useRoute()
  const [editingIdentity, setEditingIdentity] = useState(false)

  return (
    <div className="app">
      <header className="app-bar">
        <a href="/" className="brand" onClick={(e) => { e.preventDefault(); navigate('/') }}>
          {t('app.name')}
        </a>
        <span className="muted tagline">{t('app.tagline')}</span>
        <span className="spacer" />
        {identity && (
          <button type="button" className="identity-button" onClick={() => setEditingIdentity(true)} title={t('identity.change')}>
            <span className="presence-dot" style={{ backgroundColor: identity.color }} aria-hidden="true" />
            {identity.name} · {identity.organization}
          </button>
        )}
        <button type="button" onClick={() => setLanguage(language === 'en' ? 'ru' : 'en')} aria-label={t('lang.switchLabel')} data-testid="ui-language">
          {t('lang.switch')}
        </button>
      </header>
      {!identity || editingIdentity ? (
        <IdentityDialog current={identity} onDone={editingIdentity ? () => setEditingIdentity(false) : undefined} />
      ) : route.name === 'document' ? (
        <Suspense fallback={<p className="muted center">{t('common.loading')}</p>}>
          <EditorPage key={route.id} docId={route.id} identity={identity} />
        </Suspense>
      ) : (
        <DocumentList />
      )}
    </div>
  )
}
