import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DocumentSummary } from '../../shared/api'
import { api, errorText } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { can } from '../../shared/roles'
import { CreateDocumentDialog, DeleteDocumentDialog, RenameDialog } from './DocumentDialogs'
import { ImportDialog } from '../import/ImportDialog'
import { useFileDrop } from '../import/useFileDrop'
import { dateFormat } from '../i18n/dates'
import { useProgressive } from '../ui/useProgressive'
import { DRAFT_ORDERS, findDrafts, type DraftOrder } from '../../shared/draftOrder'
import { AgreementLine } from './AgreementLine'

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'import'; file?: File } | { kind: 'rename'; doc: DocumentSummary } | { kind: 'delete'; doc: DocumentSummary }

export function DocumentList() {
  const { t, language } = useI18n()
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null)
  const [query, setQuery] = useState('')
  const [order, setOrder] = useState<DraftOrder>('updated')
  const [awaitingOnly, setAwaitingOnly] = useState(false)
  const awaiting = useMemo(() => docs?.filter((d) => d.agreement?.status === 'proposed' && d.agreement.yours === 'awaiting') ?? [], [docs])
  // Once none awaits (a position recorded elsewhere), the filter lets go: every draft is shown.
  const onlyAwaiting = awaitingOnly && awaiting.length > 0
  // Found by title and ordered in the interface's alphabet (ё with е, "№ 2" before "№ 10").
  const shown = useMemo(() => (docs ? findDrafts(onlyAwaiting ? awaiting : docs, query, order, language) : []), [docs, awaiting, onlyAwaiting, query, order, language])
  // Hundreds of drafts render in pieces, 50 a frame, instead of holding the page in one task.
  const progressive = useProgressive(shown.length, 50, 50)
  const [loadError, setLoadError] = useState('')
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' })
  const [dialogError, setDialogError] = useState('')
  const [busy, setBusy] = useState(false)
  // After a deletion the focus goes to the next draft's title (the one before it, at the end of
  // the list), or to the heading when none is left: not to <body>, with the deleted row.
  const [focusAfterDelete, setFocusAfterDelete] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const list = useRef<HTMLUListElement>(null)
  // A file dropped on the page is imported, as if chosen in the import dialog (opened for it).
  const fileOver = useFileDrop((file) => setDialog({ kind: 'import', file }), dialog.kind === 'none' || dialog.kind === 'import')

  const describeError = useCallback((err: unknown) => errorText(err, t), [t])

  const reload = useCallback(() => {
    setLoadError('')
    api.listDocuments().then(setDocs, (err: unknown) => setLoadError(describeError(err)))
  }, [describeError])

  useEffect(reload, [reload])

  const open = (id: string) => navigate(`/d/${encodeURIComponent(id)}`)
  const updated = dateFormat(language)

  async function create(values: { title: string; language: 'en' | 'ru'; template: 'empty' | 'sample' }) {
    setBusy(true)
    setDialogError('')
    try {
      const doc = await api.createDocument(values)
      setDialog({ kind: 'none' })
      open(doc.id)
    } catch (err) {
      setDialogError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  async function rename(doc: DocumentSummary, title: string) {
    setDialogError('')
    try {
      await api.renameDocument(doc.id, { title })
      setDialog({ kind: 'none' })
      reload()
    } catch (err) {
      setDialogError(describeError(err))
    }
  }

  function deleted(doc: DocumentSummary) {
    const at = shown.findIndex((d) => d.id === doc.id)
    const next = shown[at + 1] ?? shown[at - 1]
    setDocs((current) => current && current.filter((d) => d.id !== doc.id))
    setDialog({ kind: 'none' })
    setFocusAfterDelete(next ? next.id : '')
    reload()
  }

  useEffect(() => {
    if (focusAfterDelete === null) return
    setFocusAfterDelete(null)
    const row = focusAfterDelete && list.current?.querySelector<HTMLElement>(`[data-doc-id="${CSS.escape(focusAfterDelete)}"] .document-title`)
    ;(row || heading.current)?.focus()
  }, [focusAfterDelete])

  return (
    <main className="page documents-page">
      <div className="documents-header">
        <h1 ref={heading} tabIndex={-1}>{t('docs.title')}</h1>
        <button type="button" className="primary" data-testid="new-document" onClick={() => { setDialogError(''); setDialog({ kind: 'create' }) }}>
          {t('docs.new')}
        </button>
        <button type="button" data-testid="import-document" onClick={() => setDialog({ kind: 'import' })}>
          {t('import.button')}
        </button>
      </div>
      {loadError && (
        <p className="error" role="alert">
          {t('docs.loadError', { message: loadError })} <button type="button" onClick={reload}>{t('common.retry')}</button>
        </p>
      )}
      {docs === null && !loadError && <p className="muted">{t('common.loading')}</p>}
      {docs?.length === 0 && <p className="empty-state">{t('docs.empty')}</p>}
      {docs && docs.length > 0 && (
        <div className="document-filters">
          <label className="field">
            {t('docs.find')}
            <input type="search" name="findDraft" data-testid="find-draft" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <label className="field">
            {t('docs.order')}
            <select name="draftOrder" data-testid="draft-order" value={order} onChange={(e) => setOrder(e.target.value as DraftOrder)}>
              {DRAFT_ORDERS.map((o) => <option key={o} value={o}>{t(`docs.order.${o}`)}</option>)}
            </select>
          </label>
          {awaiting.length > 0 && (
            <label className="inline small">
              <input type="checkbox" data-testid="awaiting-only" checked={onlyAwaiting} onChange={(e) => setAwaitingOnly(e.target.checked)} />
              {t('docs.awaitingOnly', { n: awaiting.length })}
            </label>
          )}
        </div>
      )}
      {docs && docs.length > 0 && shown.length === 0 && <p className="empty-state" role="status">{t('docs.noMatch', { query: query.trim() })}</p>}
      {shown.length > 0 && (
        <ul className="document-list" ref={list}>
          {shown.slice(0, progressive.shown).map((doc) => (
            <li key={doc.id} data-testid="document-row" data-doc-id={doc.id}>
              <a
                href={`/d/${encodeURIComponent(doc.id)}`}
                className="document-title"
                onClick={(e) => {
                  e.preventDefault()
                  open(doc.id)
                }}
              >
                {doc.title}
              </a>
              <span className="muted document-meta">
                <span className="role-badge" data-testid="document-role">{t(`role.${doc.role}`)}</span>{' '}
                {t(doc.language === 'ru' ? 'docs.language.ru' : 'docs.language.en')} · {t('docs.updated', { time: updated.format(new Date(doc.updatedAt)) })}
                {doc.news && (
                  <>
                    {' '}
                    <span className="document-news" data-testid="document-news">
                      {[doc.news.edited && t('docs.news.edited'), doc.news.comments > 0 && t('docs.news.comments', { n: doc.news.comments }), doc.news.mentioned > 0 && t('docs.news.mentioned', { n: doc.news.mentioned }), doc.news.decided > 0 && t('docs.news.decided', { n: doc.news.decided })].filter(Boolean).join(' · ')}
                    </span>
                  </>
                )}
                {doc.agreement && (
                  <>
                    <br />
                    <AgreementLine docId={doc.id} agreement={doc.agreement} onOpen={navigate} />
                  </>
                )}
              </span>
              {doc.organizations.length > 0 && (
                <span className="document-orgs" data-testid="document-orgs">
                  {doc.organizations.map((org) => (
                    <span key={org.id} className="org-chip" title={org.name} style={{ borderColor: org.color }}>{org.shortName}</span>
                  ))}
                </span>
              )}
              <span className="document-actions">
                {can(doc.role, 'rename') && <button type="button" onClick={() => { setDialogError(''); setDialog({ kind: 'rename', doc }) }}>{t('docs.rename')}</button>}
                {can(doc.role, 'delete') && <button type="button" className="danger" onClick={() => setDialog({ kind: 'delete', doc })}>{t('docs.delete')}</button>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {dialog.kind === 'create' && <CreateDocumentDialog busy={busy} error={dialogError} onCancel={() => setDialog({ kind: 'none' })} onSubmit={(v) => void create(v)} />}
      {dialog.kind === 'import' && <ImportDialog file={dialog.file} onClose={() => setDialog({ kind: 'none' })} />}
      {fileOver && <div className="file-drop-hint" role="status">{t('import.dropHint')}</div>}
      {dialog.kind === 'delete' && <DeleteDocumentDialog doc={dialog.doc} onCancel={() => setDialog({ kind: 'none' })} onDeleted={() => deleted(dialog.doc)} />}
      {dialog.kind === 'rename' && (
        <RenameDialog initial={dialog.doc.title} error={dialogError} onCancel={() => setDialog({ kind: 'none' })} onSubmit={(title) => void rename(dialog.doc, title)} />
      )}
    </main>
  )
}
