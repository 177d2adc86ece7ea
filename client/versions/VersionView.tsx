import { useEffect, useState } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import type { VersionDetail, VersionSummary } from '../../shared/api'
import type { Language } from '../../shared/language'
import type { DocJSON } from '../../shared/schema'
import { legalNodes } from '../../shared/schema'
import { api } from '../api/http'
import { ExportMenu } from '../export/ExportMenu'
import { LegalEditing } from '../editor/legalEditing'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { Overlay } from './Overlay'
import { dateFormat } from '../i18n/dates'
import { versionName } from './labels'
import { TermPeek } from '../editor/TermPeek'
import { useFailure } from '../ui/useFailure'

/** The text of a version, read-only, with the editor's own layout and numbering (no collaboration). */
function ReadOnlyText({ content, language }: { content: DocJSON; language: Language }) {
  const { t } = useI18n()
  const editor = useEditor(
    {
      extensions: [...legalNodes, LegalEditing.configure({ language, placeholders: {}, xrefWords: { broken: t('xref.broken'), goTo: t('xref.goTo') } })],
      content,
      editable: false,
      editorProps: { attributes: { class: `legal-text lang-${language}`, lang: language, 'aria-label': t('versions.readOnly'), 'aria-readonly': 'true' } },
    },
    [content, language],
  )
  return (
    <>
      <EditorContent editor={editor} className="version-text" data-testid="version-text" />
      {editor && <TermPeek editor={editor} language={language} />}
    </>
  )
}

export function VersionView({ docId, title, versionId, language, canEdit, onCompare, onRestore, onClose }: {
  docId: string
  /** The draft's title (names exported files). */
  title: string
  versionId: string
  /** The draft's language (numbering). */
  language: Language
  canEdit: boolean
  onCompare: (from: string) => void
  onRestore: (version: VersionSummary) => void
  onClose: () => void
}) {
  const { t, language: ui } = useI18n()
  const [version, setVersion] = useState<VersionDetail | null>(null)
  const [error, setError] = useFailure()
  const time = dateFormat(ui)

  useEffect(() => {
    let cancelled = false
    api.getVersion(docId, versionId).then(
      (v) => !cancelled && setVersion(v),
      (err: unknown) => !cancelled && setError(err),
    )
    return () => {
      cancelled = true
    }
  }, [docId, versionId, setError])

  return (
    <Overlay labelledBy="version-title" onClose={onClose} testId="version-view">
      <header className="overlay-header">
        <div className="overlay-heading">
          <h2 id="version-title">{version ? versionName(version, t) : t('common.loading')}</h2>
          {version && (
            <p className="muted small">
              {t('versions.savedBy', {
                name: version.author?.displayName ?? t('versions.byNobody'),
                org: version.organization?.shortName ?? '—',
                time: time.format(new Date(version.createdAt)),
              })}
            </p>
          )}
        </div>
        {version && (
          <div className="overlay-actions">
            <button type="button" onClick={() => onCompare(version.id)}>{t('versions.compareWithCurrent')}</button>
            <ExportMenu docId={docId} title={title} version={version.id} label={t('versions.export')} />
            {canEdit && <button type="button" onClick={() => onRestore(version)}>{t('versions.restore')}</button>}
          </div>
        )}
        <button type="button" className="overlay-close" onClick={onClose}>{t('common.close')}</button>
      </header>
      <div className="overlay-body">
        <FormError message={error} />
        {!version && !error && <p className="muted" role="status">{t('common.loading')}</p>}
        {version && (
          <div className="version-page">
            {version.note && <p className="version-note">{version.note}</p>}
            <p className="read-only-banner" role="note">{t('versions.readOnly')}</p>
            <div className="editor-main">
              <ReadOnlyText content={version.content} language={language} />
            </div>
          </div>
        )}
      </div>
    </Overlay>
  )
}
