import type { ChangeEvent } from 'react'
import type { Language } from '../../shared/language'
import { typesetTyped } from '../../shared/editor/typography'

/**
 * A field's value after its change event, with a quotation mark or a spaced hyphen just typed
 * made as the editor makes them: for words that go into the law from outside the editor (a
 * proposed wording, a replacement). The value's length stays, and the caret with it.
 */
export function typesetInput(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>, language: Language): string {
  const field = event.target
  const caret = field.selectionStart ?? 0
  const typed = (event.nativeEvent as InputEvent).inputType === 'insertText' ? typesetTyped(field.value, caret, language) : null
  if (typed !== null) {
    field.value = typed
    field.setSelectionRange(caret, caret)
  }
  return field.value
}
