import type * as Y from 'yjs'
import { createAnchor, textOfBlock, type EncodedAnchor } from '../../shared/comments/anchor'
import { articleBlockText, nthElement } from './clients'

/** The stable id of the n-th article (0-based) of a client's document. */
export function articleId(ydoc: Y.Doc, article: number): string {
  return nthElement(ydoc, 'article', article).getAttribute('id') as string
}

/** An anchor on `words` (first occurrence) in a block of an article, as the browser would make it. */
export function anchorOn(ydoc: Y.Doc, article: number, block: number, words: string): EncodedAnchor {
  const text = articleBlockText(ydoc, article, block)
  const index = textOfBlock(text).indexOf(words)
  if (index < 0) throw new Error(`"${words}" is not in block ${block} of article ${article}`)
  return createAnchor({ text, index }, { text, index: index + words.length })
}
