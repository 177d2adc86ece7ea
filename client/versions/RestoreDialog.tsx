import { createPortal } from 'react-dom'
import type { RestoreResult, VersionSummary } from '../../shared/api'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { busyButton } from '../ui/busyButton'
import { FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useModalDialog } from '../ui/useModalDialog'
import { versionName } from './labels'

/** "Restore “Round 1”?" — says what happens (and that nothing is lost) before doing it. */
export function RestoreDialog({ docId, version, onRestored, onCancel }: {
  docId: string
  version: VersionSummary
  onRestored: (result: RestoreResult) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const { busy, error, run } = useAction()
  const restore = () => void run(async () => onRestored(await api.restoreVersion(docId, version.id)))
  // Escape and Tab go to this dialog, not to the view underneath (the innermost dialog's).
  const dialog = useModalDialog<HTMLDivElement>(() => !busy && onCancel())

  // In <body>, above the side panel and any open version view.
  return createPortal(
    <div className="dialog-backdrop">
      <div {...dialog} role="alertdialog" className="dialog" aria-labelledby="restore-title" aria-describedby="restore-text" data-testid="restore-dialog">
        <h2 id="restore-title">{t('versions.restoreTitle', { name: versionName(version, t) })}</h2>
        <p id="restore-text">{t('versions.restoreConfirm')}</p>
        <FormError message={error} />
        {busy && <p className="muted" role="status">{t('versions.restoring')}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} disabled={busy} autoFocus>{t('common.cancel')}</button>
          <button type="button" className="primary" onClick={restore} {...busyButton(busy)}>{t('versions.restore')}</button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
