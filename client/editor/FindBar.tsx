import { useCallback, useEffect, useRef, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import { findMatches, MAX_MATCHES, replaceMatches, type Match } from '../../shared/editor/findReplace'
import { unitRange } from '../../shared/editor/commands'
import { typesetInput } from '../ui/typesetInput'
import { useI18n } from '../i18n/i18n'
import { showMatches } from './findHighlight'
import { busyButton } from '../ui/busyButton'
import { onEscape } from '../ui/onEscape'
import type { FindRequest } from './findRequest'

/** The selection's words, to look for at once, when they are a few words of one block. */
function selectedWords(editor: Editor): string {
  const { from, to, $from } = editor.state.selection
  if (from === to || !$from.sameParent(editor.state.selection.$to)) return ''
  const text = editor.state.doc.textBetween(from, to)
  return text.length <= 200 ? text : ''
}

/** The match at or after `pos`, else the first. */
function matchFrom(matches: readonly Match[], pos: number): number {
  const at = matches.findIndex((m) => m.to > pos)
  return at < 0 ? 0 : at
}

/**
 * Find and replace in the law (Ctrl+F, Ctrl+H, or the toolbar): every match drawn in the text,
 * "3 of 12", Enter and Shift+Enter (or the arrows) from one to the next, selected and scrolled
 * to. Those who may edit replace the current match or all at once, one step of undo, sent to
 * everyone as any edit. Looked for again as the text changes (anyone's edits). Escape closes it
 * and leaves the current match selected in the text.
 */
export function FindBar({ editor, language, initial, onClose }: { editor: Editor; language: Language; initial: FindRequest | null; onClose: () => void }) {
  const { t } = useI18n()
  const [query, setQuery] = useState(() => initial?.query ?? selectedWords(editor))
  const [replacement, setReplacement] = useState('')
  const [matchCase, setMatchCase] = useState(false)
  const [wholeWord, setWholeWord] = useState(false)
  const [wordForms, setWordForms] = useState(initial?.wordForms ?? false)
  const [within, setWithin] = useState(initial?.within ?? null)
  const [matches, setMatches] = useState<Match[]>([])
  const [current, setCurrent] = useState(0)
  const [said, setSaid] = useState('')
  const editable = editor.isEditable
  const findInput = useRef<HTMLInputElement>(null)

  const search = useCallback(() => {
    const { doc } = editor.state
    const found = findMatches(doc, query, { matchCase, wholeWord, wordForms })
    // Where the article or division is now (anyone may have edited since); gone, nowhere.
    const range = within && unitRange(doc, within.id)
    return within ? found.filter((m) => range && range.from <= m.from && m.to <= range.to) : found
  }, [editor, query, matchCase, wholeWord, wordForms, within])
  /** Looks again: the current match is the first at or after `from` (the caret); `select` goes to it. */
  const look = useCallback(
    (select: boolean, from = editor.state.selection.from) => {
      const found = search()
      const at = matchFrom(found, from)
      setMatches(found)
      setCurrent(at)
      showMatches(editor.view, found, at, select)
    },
    [editor, search],
  )

  // A new query or option: look again, and go to the first match from the caret.
  useEffect(() => look(query !== ''), [look, query])

  // Anyone's edits: look again once they pause, staying on the match at the caret.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const again = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return
      clearTimeout(timer)
      timer = setTimeout(() => look(false), 150)
    }
    editor.on('update', again)
    return () => {
      clearTimeout(timer)
      editor.off('update', again)
    }
  }, [editor, look])

  // Closed (or the draft left): nothing stays drawn.
  useEffect(() => () => {
    if (!editor.isDestroyed) showMatches(editor.view, [], 0)
  }, [editor])

  useEffect(() => {
    findInput.current?.select()
  }, [])

  function go(delta: number) {
    if (matches.length === 0) return
    const next = (current + delta + matches.length) % matches.length
    setCurrent(next)
    showMatches(editor.view, matches, next, true)
  }

  /** The current match, if the text still reads so there (anyone may have edited since): replaced, then on to the next. */
  function replaceCurrent() {
    const shown = matches[current]
    const match = search().find((m) => m.from === shown?.from && m.to === shown?.to)
    if (!match) return look(true)
    editor.view.dispatch(replaceMatches(editor.state.tr, [match], replacement))
    look(true, match.from)
    setSaid(t('find.replaced', { count: 1 }))
  }

  function replaceAll() {
    // Each form wants its own ending: one replacement for all of them would garble the grammar.
    if (wordForms) return setSaid(t('find.replaceAllForms'))
    const found = search()
    if (found.length === 0) return
    editor.view.dispatch(replaceMatches(editor.state.tr, found, replacement))
    setSaid(t('find.replaced', { count: found.length }))
    look(false)
  }

  // Without matches the buttons do nothing but keep the focus (a disabled one would drop it to the
  // page, where Escape no longer reaches the bar): "Replace all" has just emptied the list.
  const idle = busyButton(matches.length === 0)

  const count =
    query === '' ? '' : matches.length === 0 ? t('find.none') : t(matches.length >= MAX_MATCHES ? 'find.countMany' : 'find.count', { current: current + 1, total: matches.length })

  return (
    <div className="find-bar" role="search" aria-label={t('find.title')} onKeyDown={onEscape(onClose)} data-testid="find-bar">
      <div className="find-row">
        <input
          ref={findInput}
          type="search"
          className="find-input"
          aria-label={t('find.find')}
          placeholder={t('find.find')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setSaid('')
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            go(e.shiftKey ? -1 : 1)
          }}
        />
        <span className="find-count muted" role="status" data-testid="find-count">{count}</span>
        <button type="button" onClick={() => go(-1)} {...idle} aria-label={t('find.previous')} title={`${t('find.previous')} (Shift+Enter)`}>↑</button>
        <button type="button" onClick={() => go(1)} {...idle} aria-label={t('find.next')} title={`${t('find.next')} (Enter)`}>↓</button>
        <label className="inline">
          <input type="checkbox" checked={matchCase && !wordForms} disabled={wordForms} onChange={(e) => setMatchCase(e.target.checked)} /> {t('find.matchCase')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={wholeWord || wordForms} disabled={wordForms} onChange={(e) => setWholeWord(e.target.checked)} /> {t('find.wholeWord')}
        </label>
        <label className="inline" title={t('find.wordFormsHint')}>
          <input type="checkbox" checked={wordForms} onChange={(e) => setWordForms(e.target.checked)} data-testid="find-word-forms" /> {t('find.wordForms')}
        </label>
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
      {within && (
        <div className="find-row">
          <span className="muted" data-testid="find-within">{t('find.within', { where: within.where })}</span>
          <button type="button" className="link-button" onClick={() => setWithin(null)}>{t('find.withinAll')}</button>
        </div>
      )}
      {editable && (
        <div className="find-row">
          <input
            type="text"
            className="find-input"
            aria-label={t('find.replaceWith')}
            placeholder={t('find.replaceWith')}
            value={replacement}
            onChange={(e) => setReplacement(typesetInput(e, language))}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              e.preventDefault()
              replaceCurrent()
            }}
          />
          <button type="button" onClick={replaceCurrent} {...idle}>{t('find.replace')}</button>
          <button type="button" onClick={replaceAll} {...idle}>{t('find.replaceAll')}</button>
          <span className="muted" role="status" data-testid="find-said">{said}</span>
        </div>
      )}
    </div>
  )
}
