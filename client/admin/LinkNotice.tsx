import { useI18n } from '../i18n/i18n'

/**
 * A one-time link just made (an invitation, a password reset): what it is, the link itself to
 * select or copy, shown once (only its hash is kept on the server).
 */
export function LinkNotice({ text, label, url, testId }: { text: string; label: string; url: string; testId: string }) {
  const { t } = useI18n()
  return (
    <div className="notice" role="status">
      <p>{text}</p>
      <input readOnly aria-label={label} data-testid={testId} value={url} onFocus={(e) => e.target.select()} />
      <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>{t('admin.copy')}</button>
    </div>
  )
}
