import { createPortal } from 'react-dom'
import { useI18n } from '../i18n/i18n'
import { useModalDialog } from '../ui/useModalDialog'
import type { MessageKey } from '../i18n/en'
import { SHORTCUTS } from './legalEditing'
import { COMMENT_SHORTCUT } from '../comments/useCommentsController'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** "Mod-Alt-2" → "Ctrl+Alt+2" (or "⌘+⌥+2" on a Mac). */
export function shortcutText(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part) => {
      if (part === 'Mod') return isMac ? '⌘' : 'Ctrl'
      if (part === 'Alt') return isMac ? '⌥' : 'Alt'
      if (part === 'ArrowUp') return '↑'
      if (part === 'ArrowDown') return '↓'
      return part.length === 1 ? part.toUpperCase() : part
    })
    .join('+')
}

const ROWS: [MessageKey, string][] = [
  ['shortcuts.part', SHORTCUTS.part],
  ['shortcuts.chapter', SHORTCUTS.chapter],
  ['shortcuts.section', SHORTCUTS.section],
  ['shortcuts.article', SHORTCUTS.article],
  ['shortcuts.clause', SHORTCUTS.clause],
  ['shortcuts.point', SHORTCUTS.point],
  ['shortcuts.subpoint', SHORTCUTS.subpoint],
  ['shortcuts.conclusions', SHORTCUTS.conclusions],
  ['shortcuts.enter', 'Enter'],
  ['shortcuts.tab', 'Tab / Shift-Tab'],
  ['shortcuts.leaveText', 'Escape, Tab / Escape, Shift-Tab'],
  ['shortcuts.move', `${SHORTCUTS.moveUp} / ${SHORTCUTS.moveDown}`],
  ['shortcuts.delete', SHORTCUTS.delete],
  ['shortcuts.xref', SHORTCUTS.xref],
  ['shortcuts.definition', SHORTCUTS.definition],
  ['shortcuts.find', `${SHORTCUTS.find} / ${SHORTCUTS.replace}`],
  ['shortcuts.undo', 'Mod-z / Mod-Shift-z'],
  ['shortcuts.comment', COMMENT_SHORTCUT],
  ['shortcuts.outline', '↑ / ↓ / Home / End, → / ←'],
]

/** What typing does of its own (shared/editor/typedMarkers.ts, typography.ts): the keys as typed. */
const TYPING_ROWS: [MessageKey, string][] = [
  ['shortcuts.typedNumber', '2.␣ / 1)␣ / (a)␣ / а)␣'],
  ['shortcuts.typedMarks', '" / \' / ␣-␣'],
  ['shortcuts.typedBack', 'Backspace'],
]

/** What each key does, and the key as shown. */
function ShortcutTable({ rows }: { rows: [MessageKey, string][] }) {
  const { t } = useI18n()
  return (
    <table className="shortcuts">
      <tbody>
        {rows.map(([key, keys]) => (
          <tr key={key}>
            <td>{t(key)}</td>
            <td>
              <kbd>{keys}</kbd>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  const dialog = useModalDialog<HTMLDivElement>(onClose)
  // In <body>: inside the sticky toolbar (its own stacking context) the side panel's sheet covered it on a narrow window.
  return createPortal(
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog shortcuts-dialog" {...dialog} aria-labelledby="shortcuts-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <ShortcutTable rows={ROWS.map(([key, keys]) => [key, keys.split(' / ').map(shortcutText).join(' / ')])} />
        <h3>{t('shortcuts.typing')}</h3>
        <ShortcutTable rows={TYPING_ROWS} />
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
