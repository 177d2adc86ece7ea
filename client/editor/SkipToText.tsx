import { useI18n } from '../i18n/i18n'

/** The id of the draft's text (the editor's element), where "Skip to text" goes. */
export const TEXT_ID = 'draft-text'

/** Puts the focus in the draft's text without scrolling it; returns the text's element. */
export function focusText(): HTMLElement | null {
  const text = document.getElementById(TEXT_ID)
  if (!text) return null
  // Read-only text cannot take focus by itself: for this once (as a skip link's target usually does).
  if (!text.isContentEditable && !text.hasAttribute('tabindex')) {
    text.tabIndex = -1
    text.addEventListener('blur', () => text.removeAttribute('tabindex'), { once: true })
  }
  text.focus({ preventScroll: true })
  return text
}

/**
 * "Skip to text": the first stop of Tab on a draft's page, shown only while focused, so that the
 * keyboard reaches the text without tabbing through the header, toolbar and outline (60 stops
 * and more). Kept out of the editor's module: the page's bar is rendered before that loads.
 */
export function SkipToText() {
  const { t } = useI18n()
  return (
    <a
      href={`#${TEXT_ID}`}
      className="skip-link"
      onClick={(event) => {
        event.preventDefault()
        focusText()?.scrollIntoView({ block: 'nearest' })
      }}
    >
      {t('editor.skipToText')}
    </a>
  )
}
