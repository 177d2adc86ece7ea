import { useState } from 'react'
import { useI18n } from '../i18n/i18n'

/**
 * Escape over words written asks once before it throws them away: the same key leaves every
 * dialog, and a long remark was lost to one slip. `written`: whether there is anything to lose.
 * Typing again (`typed`) takes the question back; `notice` says it, under the field.
 */
export function useEscapeAsk(written: boolean, cancel: () => void) {
  const { t } = useI18n()
  const [asked, setAsked] = useState(false)
  return {
    onEscape: () => (!asked && written ? setAsked(true) : cancel()),
    typed: () => setAsked(false),
    notice: asked ? (
      <p className="muted small" role="status" data-testid="escape-again">
        {t('comments.escapeAgain')}
      </p>
    ) : null,
  }
}
