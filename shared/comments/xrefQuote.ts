import * as Y from 'yjs'
import type { Language } from '../language'
import { numberDocument } from '../numbering'
import { docNodeOf } from '../ydoc'
import { xrefNumbers, xrefText, type XrefNumbers } from '../xref'

/**
 * For quoting a passage of a live Y.Doc (textBetween): an element inside a block (a
 * cross-reference) read as its target's current number. The law is numbered the first time a
 * quote meets a reference, and only then: most passages hold none.
 */
export function xrefReaderOf(ydoc: Y.Doc, language: Language): (element: Y.XmlElement) => string {
  let numbers: XrefNumbers | null = null
  return (element) => {
    if (element.nodeName !== 'xref') return ''
    numbers ??= xrefNumbers(numberDocument(docNodeOf(ydoc), language))
    return xrefText(element.getAttribute('target'), numbers)
  }
}
