import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { LanguageVersion } from '../../shared/api'
import { flattenDocument } from '../../shared/diff/flatten'
import { parallelSide, type ParallelSide } from '../../shared/languageVersions'
import { structuralContext } from '../../shared/editor/commands'
import { api } from '../api/http'
import { useFetched } from '../api/useFetched'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import '../styles/versions.css'
import { ProvisionText } from './ProvisionText'

/** The id of the article holding the caret, or null outside an article. */
function caretArticleId(editor: Editor): string | null {
  const ctx = structuralContext(editor.state)
  return ctx?.top.type.name === 'article' && typeof ctx.top.attrs.id === 'string' ? ctx.top.attrs.id : null
}

/** The article of `editor` that holds the caret, followed as it moves (only while this is mounted). */
function useCaretArticle(editor: Editor | null): string | null {
  const [id, setId] = useState(() => (editor ? caretArticleId(editor) : null))
  useEffect(() => {
    if (!editor) return
    const follow = () => setId(caretArticleId(editor))
    follow()
    editor.on('selectionUpdate', follow)
    return () => {
      editor.off('selectionUpdate', follow)
    }
  }, [editor])
  return id
}

/**
 * Beside the text, for a translator: the article that holds the caret as it reads in another
 * language version of the law (paired by stable id, shared/languageVersions.ts). That version's
 * text is fetched when the panel opens and on "Refresh".
 */
export function ParallelPanel({ editor, other, onClose }: { editor: Editor | null; other: LanguageVersion; onClose: () => void }) {
  const { t } = useI18n()
  const { value: content, error, loading, reload } = useFetched(useCallback(() => api.content(other.id), [other.id]))
  useEffect(() => reload(), [reload])
  const articles = useMemo(() => {
    const byId = new Map<string, ParallelSide>()
    if (content) for (const item of flattenDocument(content, other.language).structure) if (item.kind === 'article' && item.id) byId.set(item.id, parallelSide(item))
    return byId
  }, [content, other.language])
  const articleId = useCaretArticle(editor)
  const article = articleId ? articles.get(articleId) : undefined

  return (
    <section className="panel" aria-labelledby="parallel-panel-title" data-panel="parallel" data-testid="parallel-panel">
      <div className="panel-header">
        <h2 id="parallel-panel-title" tabIndex={-1}>{t(`languages.name.${other.language}`)}</h2>
        <span>
          <button type="button" className="link-button" onClick={reload} aria-busy={loading}>{t('activity.refresh')}</button>
          <button type="button" className="link-button" onClick={onClose}>{t('common.close')}</button>
        </span>
      </div>
      <p className="muted small">{other.title}</p>
      <FormError message={error} />
      {!content && !error && <p className="muted">{t('common.loading')}</p>}
      {content && !articleId && <p className="muted" data-testid="parallel-hint">{t('parallel.panel.hint')}</p>}
      {content && articleId && !article && <p className="muted" data-testid="parallel-absent">{t('parallel.panel.absent')}</p>}
      {article && (
        <article className="parallel-article" lang={other.language} data-testid="parallel-article" aria-live="polite">
          <ProvisionText side={article} heading="h3" />
        </article>
      )}
    </section>
  )
}
