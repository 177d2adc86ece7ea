import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'

/**
 * A one-time link just made (an invitation, a password reset): what it is, the link itself to
 * select or copy, shown once (only its hash is kept on the server). Brought into view when made:
 * a reset link asked for in a long People table appears below it.
 */
export function LinkNotice({ text, label, url, testId }: { text: string; label: string; url: string; testId: string }) {
  const { t } = useI18n()
  const notice = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // Not returned: Chromium's scrollIntoView gives a promise, which React would call as the cleanup.
    notice.current?.scrollIntoView({ block: 'nearest' })
  }, [url])
  return (
    <div className="notice" role="status" ref={notice}>
      <p>{text}</p>
      <input readOnly aria-label={label} data-testid={testId} value={url} onFocus={(e) => e.target.select()} />
      <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>{t('admin.copy')}</button>
    </div>
  )
}
