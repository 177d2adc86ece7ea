import { Plugin } from '@tiptap/pm/state'
import { shiftLevel } from '../../shared/editor/commands'

/**
 * Tab and Shift+Tab in the text one may edit. Working in the text, a paragraph, point or sub-point
 * changes level, and where none can (a heading, the title, the preamble, the deepest sub-point)
 * nothing happens: the focus used to go to the next button there, and the keys typed next
 * pressed it. Arriving in the text by Tab or Shift+Tab, they pass through, changing nothing, until
 * the person clicks or types there; Escape, then Tab or Shift+Tab, always leaves (WCAG 2.1.2: no
 * keyboard trap).
 */
export function tabInTextPlugin(): Plugin {
  let working = true
  /** Within the task of a Tab pressed anywhere on the page: a focus then is the Tab's. */
  let tabbing = false
  const onPageKey = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return
    tabbing = true
    setTimeout(() => (tabbing = false), 0)
  }
  return new Plugin({
    view() {
      document.addEventListener('keydown', onPageKey, true)
      return { destroy: () => document.removeEventListener('keydown', onPageKey, true) }
    },
    props: {
      handleDOMEvents: {
        focus() {
          working = !tabbing
          return false
        },
        mousedown() {
          working = true
          return false
        },
        keydown(view, event) {
          if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) {
            if (event.key === 'Escape') working = false
            else if (!MODIFIERS.has(event.key)) working = true
            return false
          }
          if (!view.editable) return false
          // Handled either way, no keymap sees it. Passing through, the browser moves the focus
          // (nothing prevented) and the block under the caret keeps its level.
          if (!working) return true
          event.preventDefault()
          shiftLevel(event.shiftKey ? -1 : 1)(view.state, view.dispatch)
          return true
        },
      },
    },
  })
}

/** Keys pressed alone on the way to a Tab: not working in the text. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'])
