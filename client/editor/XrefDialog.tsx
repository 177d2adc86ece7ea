import { createPortal } from 'react-dom'
import { useMemo, useState, type KeyboardEvent } from 'react'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import { findXrefTargets, isTopLevel, xrefTargets, type XrefTarget } from '../../shared/xrefTargets'
import { insertXref } from '../../shared/editor/xrefCommands'
import { useI18n } from '../i18n/i18n'
import { useModalDialog } from '../ui/useModalDialog'
import { run } from './legalEditing'

/** Shown at most: a long law's full list of points would be thousands of rows. */
const MAX_ROWS = 200

/**
 * Chooses what a new cross-reference points at: a searchable list of chapters and articles
 * (optionally paragraphs and points too) with their current numbers. Arrow keys move through
 * it, Enter inserts at the caret, Escape closes (focus goes back to the text).
 */
export function XrefDialog({ editor, language, onClose }: { editor: Editor; language: Language; onClose: () => void }) {
  const { t } = useI18n()
  const dialog = useModalDialog<HTMLDivElement>(onClose)
  const [query, setQuery] = useState('')
  const [withBlocks, setWithBlocks] = useState(false)
  const [active, setActive] = useState(0)
  // The document as it was on opening: the list does not shift under the reader's keys.
  const targets = useMemo(() => xrefTargets(editor.state.doc, language), [editor, language])
  const found = useMemo(() => findXrefTargets(targets, query, withBlocks).slice(0, MAX_ROWS), [targets, query, withBlocks])
  const current = Math.min(active, found.length - 1)

  const choose = (target: XrefTarget | undefined) => {
    if (!target) return
    onClose()
    run(editor, insertXref(target.id))
  }
  const name = (target: XrefTarget) =>
    isTopLevel(target.kind)
      ? `${t(`xref.kind.${target.kind}`)} ${target.num}`
      : [
          `${t('xref.kind.article')} ${target.article}`,
          ...target.within.map((a) => `${t(`xref.kind.${a.kind}`).toLocaleLowerCase(language)} ${a.label.replace(/^\(|[.)]$/g, '')}`),
          `${t(`xref.kind.${target.kind}`).toLocaleLowerCase(language)} ${target.num}`,
        ].join(', ')
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive(Math.max(0, Math.min(found.length - 1, current + step)))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(found[current])
    }
  }

  // In <body>: inside the sticky toolbar (its own stacking context) the side panel's sheet covered it on a narrow window.
  return createPortal(
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog xref-dialog" {...dialog} aria-labelledby="xref-title" onClick={(e) => e.stopPropagation()} data-testid="xref-dialog">
        <h2 id="xref-title">{t('xref.title')}</h2>
        <p className="muted">{t('xref.hint')}</p>
        <input
          type="search"
          autoFocus
          value={query}
          aria-label={t('xref.search')}
          placeholder={t('xref.search')}
          role="combobox"
          aria-expanded="true"
          aria-controls="xref-list"
          aria-activedescendant={found[current] ? `xref-option-${current}` : undefined}
          data-testid="xref-search"
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKey}
        />
        <label className="inline xref-blocks">
          <input type="checkbox" checked={withBlocks} onChange={(e) => setWithBlocks(e.target.checked)} data-testid="xref-with-blocks" /> {t('xref.showBlocks')}
        </label>
        {found.length === 0 ? (
          <p className="muted">{t('xref.none')}</p>
        ) : (
          <ul id="xref-list" role="listbox" className="xref-list" aria-label={t('xref.title')}>
            {found.map((target, i) => (
              <li
                key={target.id}
                id={`xref-option-${i}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'active' : undefined}
                data-testid="xref-option"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(target)}
              >
                <strong>{name(target)}</strong> <span className="xref-text">{target.text}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={!found[current]} onClick={() => choose(found[current])} data-testid="xref-insert">
            {t('xref.insert')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
