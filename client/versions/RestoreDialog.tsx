import { createPortal } from 'react-dom'
import type { RestoreResult, VersionSummary } from '../../shared/api'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { versionName } from './labels'

/** "Restore “Round 1”?" — says what happens (and that nothing is lost) before doing it. */
export function RestoreDialog({ docId, version, onRestored, onCancel }: {
  docId: string
  version: VersionSummary
  onRestored: (result: RestoreResult) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  // In <body>, above the side panel and any open version view.
  return createPortal(
    <ConfirmDialog
      testId="restore-dialog"
      title={t('versions.restoreTitle', { name: versionName(version, t) })}
      text={t('versions.restoreConfirm')}
      busyText={t('versions.restoring')}
      confirmLabel={t('versions.restore')}
      onConfirm={async () => onRestored(await api.restoreVersion(docId, version.id))}
      onCancel={onCancel}
    />,
    document.body,
  )
}
