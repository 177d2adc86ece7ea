import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Language } from '../../shared/language'
import { lawTermsOf, type LawTerm } from '../../shared/checks/draftChecks'
import { termAt, type TermAtPos } from '../../shared/checks/termAt'
import { useI18n, wordsIn } from '../i18n/i18n'
import { whereOf } from '../checks/issueWords'
import { showTerm } from '../checks/issueActions'
import { xrefLeafText } from './xrefView'
import { OPEN_TERM_PEEK } from './legalEditing'

/** How long the pointer rests on a word before its definition is shown, and leaves it before it goes. */
const HOVER_MS = 400
const LEAVE_MS = 300

interface Shown {
  /** Null: the caret is in no defined term (asked for from the keyboard). */
  found: TermAtPos | null
  /** Where the card stands, in the window: below the words, or above them near the window's foot. */
  left: number
  top?: number
  bottom?: number
  /** Asked for from the keyboard: the card takes the focus, and `Escape` gives it back to the text. */
  keyboard: boolean
}

/**
 * A defined term's definition at hand: rest the pointer on a use of a term the law defines
 * («жертв», "victims"), or press `Ctrl+Alt+0` with the caret in it, and a card shows the
 * definition's words and where it stands, with *Go to the definition*. Nothing is worked out while
 * typing: the terms are read when a card is asked for (a pointer moved and resting, not one left
 * still over the text), once per state of the text.
 */
export function TermPeek({ editor, language }: { editor: Editor; language: Language }) {
  const { t } = useI18n()
  const placeWords = wordsIn(language)
  const [shown, setShown] = useState<Shown | null>(null)
  const card = useRef<HTMLDivElement>(null)
  const hideTimer = useRef(0)
  const restTimer = useRef(0)
  const shownNow = useRef<Shown | null>(null)
  shownNow.current = shown

  useEffect(() => {
    const { view } = editor
    const dom = view.dom
    let read: { doc: PMNode; terms: LawTerm[] } | null = null
    const termsNow = () => {
      const { doc } = editor.state
      if (read?.doc !== doc) read = { doc, terms: lawTermsOf(doc, language) }
      return read.terms
    }
    const lookUp = (pos: number) => termAt(editor.state.doc, pos, termsNow(), xrefLeafText(editor.state))
    const place = (found: TermAtPos | null, pos: number, keyboard: boolean): Shown => {
      const from = view.coordsAtPos(found?.from ?? pos, 1)
      const to = view.coordsAtPos(found?.to ?? pos, -1)
      const left = Math.max(8, Math.min(from.left, window.innerWidth - 460))
      // Near the window's foot the card opens upwards, over the words before.
      return to.bottom > window.innerHeight * 0.6 ? { found, left, bottom: window.innerHeight - from.top + 6, keyboard } : { found, left, top: to.bottom + 6, keyboard }
    }
    /** Whether the point (x, y) is on the words using the term, over one line or two. */
    const onWords = (found: TermAtPos, x: number, y: number) => {
      const a = view.coordsAtPos(found.from, 1)
      const b = view.coordsAtPos(found.to, -1)
      if (y < a.top || y > b.bottom) return false
      if (y < a.bottom && x < a.left) return false
      return !(y > b.top && x > b.right)
    }
    const hideSoon = () => {
      window.clearTimeout(hideTimer.current)
      hideTimer.current = window.setTimeout(() => setShown((s) => (s?.keyboard ? s : null)), LEAVE_MS)
    }
    let last = { x: NaN, y: NaN }
    const onMove = (event: MouseEvent) => {
      // The browser's own moves, as the text shifts under a still pointer (a co-author's edit, the caret scrolled to), are no rest:
      // a pointer left over the text while one types looks nothing up.
      if (event.clientX === last.x && event.clientY === last.y) return
      last = { x: event.clientX, y: event.clientY }
      window.clearTimeout(restTimer.current)
      const current = shownNow.current
      if (current?.found && !current.keyboard && onWords(current.found, event.clientX, event.clientY)) return window.clearTimeout(hideTimer.current)
      if (current && !current.keyboard) hideSoon()
      // Not while a selection is being made.
      if (event.buttons !== 0) return
      const { clientX: x, clientY: y } = event
      restTimer.current = window.setTimeout(() => {
        if (editor.isDestroyed || shownNow.current?.keyboard) return
        const at = view.posAtCoords({ left: x, top: y })
        const found = at && lookUp(at.pos)
        if (!found || !onWords(found, x, y)) return
        window.clearTimeout(hideTimer.current)
        setShown(place(found, at.pos, false))
      }, HOVER_MS)
    }
    const onLeave = () => {
      window.clearTimeout(restTimer.current)
      if (shownNow.current && !shownNow.current.keyboard) hideSoon()
    }
    const onAsk = () => {
      const pos = editor.state.selection.head
      setShown(place(lookUp(pos), pos, true))
    }
    // Scrolling leaves a card behind where it no longer belongs (the card's own words scroll in it);
    // a pointer resting still rests on what scrolled under it.
    const onScroll = (event: Event) => {
      if (event.target instanceof Node && card.current?.contains(event.target)) return
      if (shownNow.current && !shownNow.current.keyboard) setShown(null)
    }
    // A click places the caret: the pointer resting after it is not reading, until it moves again.
    const onDown = () => window.clearTimeout(restTimer.current)
    // Typing is not reading: no card comes up, and the one shown goes.
    const onKey = () => {
      window.clearTimeout(restTimer.current)
      if (shownNow.current && !shownNow.current.keyboard) setShown(null)
    }
    dom.addEventListener('mousemove', onMove, { passive: true })
    dom.addEventListener('mouseleave', onLeave)
    dom.addEventListener('mousedown', onDown)
    dom.addEventListener('keydown', onKey)
    dom.addEventListener(OPEN_TERM_PEEK, onAsk)
    window.addEventListener('scroll', onScroll, { capture: true, passive: true })
    return () => {
      window.clearTimeout(restTimer.current)
      window.clearTimeout(hideTimer.current)
      dom.removeEventListener('mousemove', onMove)
      dom.removeEventListener('mouseleave', onLeave)
      dom.removeEventListener('mousedown', onDown)
      dom.removeEventListener('keydown', onKey)
      dom.removeEventListener(OPEN_TERM_PEEK, onAsk)
      window.removeEventListener('scroll', onScroll, { capture: true })
    }
  }, [editor, language])

  // Asked for from the keyboard, the card takes the focus (its button, or the card itself saying there is no term) before it is seen: a key pressed at once goes to it.
  useLayoutEffect(() => {
    if (!shown?.keyboard) return
    const target = card.current?.querySelector<HTMLElement>('button') ?? card.current
    target?.focus()
  }, [shown])

  if (!shown) return null
  const close = () => {
    setShown(null)
    if (shown.keyboard && !editor.isDestroyed) editor.view.focus()
  }
  const { found } = shown
  return (
    <div
      ref={card}
      className="term-peek"
      data-testid="term-peek"
      role="dialog"
      aria-label={found ? t('termPeek.label', { term: found.term.term }) : t('termPeek.none')}
      tabIndex={-1}
      style={{ left: shown.left, top: shown.top, bottom: shown.bottom }}
      onMouseEnter={() => {
        // On the way to the card the pointer crossed other words: they are not what it rests on.
        window.clearTimeout(restTimer.current)
        window.clearTimeout(hideTimer.current)
      }}
      onMouseLeave={() => !shown.keyboard && setShown(null)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        e.stopPropagation()
        close()
      }}
      onBlur={(e) => {
        if (shown.keyboard && !e.currentTarget.contains(e.relatedTarget as Node | null)) setShown(null)
      }}
    >
      {found ? (
        <>
          <p className="term-peek-head">
            <strong data-testid="term-peek-term">{t('termPeek.term', { term: found.term.term })}</strong>{' '}
            <span className="muted small" data-testid="term-peek-where">{whereOf(found.term, placeWords)}</span>
          </p>
          <div className="term-peek-words" data-testid="term-peek-words">
            {found.definition.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
          <button type="button" className="link-button" data-testid="term-peek-go" onClick={() => {
              setShown(null)
              if (!editor.isDestroyed) showTerm(editor, language, found.term.key)
            }}>
            {t('termPeek.go')}
          </button>
        </>
      ) : (
        <p className="muted small" data-testid="term-peek-none">{t('termPeek.none')}</p>
      )}
    </div>
  )
}
