import { useId } from 'react'
import { useI18n } from '../i18n/i18n'
import { busyButton } from './busyButton'
import { FormError } from './Field'
import { useAction } from './useAction'
import { useModalDialog } from './useModalDialog'

/**
 * "Delete …?", "Restore …?": says what the action means before doing it. Cancel has the focus;
 * Escape and Tab stay in the dialog (the innermost one's); while the action runs it says so, and
 * a failure is shown in words in the dialog.
 */
export function ConfirmDialog({ title, text, busyText, confirmLabel, danger = false, testId, onConfirm, onCancel }: {
  title: string
  text: string
  busyText: string
  confirmLabel: string
  /** A destructive action's button (else the primary one). */
  danger?: boolean
  testId: string
  onConfirm: () => Promise<unknown>
  onCancel: () => void
}) {
  const { t } = useI18n()
  const { busy, error, run } = useAction()
  const dialog = useModalDialog<HTMLDivElement>(() => !busy && onCancel())
  const id = useId()
  return (
    <div className="dialog-backdrop">
      <div {...dialog} role="alertdialog" className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} data-testid={testId}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        <FormError message={error} />
        {busy && <p className="muted" role="status">{busyText}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} disabled={busy} autoFocus>{t('common.cancel')}</button>
          <button type="button" className={danger ? 'danger' : 'primary'} onClick={() => void run(onConfirm)} {...busyButton(busy)}>{confirmLabel}</button>
        </div>
      </div>
    </div>
  )
}
