import * as Y from 'yjs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import { editorPositions } from '../../client/comments/editorPositions'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { legalSchema } from '../../shared/schema'
import { writeDocJSON } from '../../shared/ydoc'
import { TEXT_FIELD } from '../../shared/protocol'

/**
 * Placing many threads sums the top level's sizes once (client/comments/editorPositions.ts)
 * instead of per position as y-prosemirror does: the first, the last and every eleventh character of every block, after random
 * deletions of articles, chapters, blocks and text, must land where upstream puts it and on
 * the same character in the editor's document.
 */

const SEED = Number(process.env.ACCORD_PROPERTY_SEED ?? 7_1130)

type Edit = { t: 'deleteTop' | 'deleteBlock' | 'insertText' | 'deleteText'; at: number; len: number }

function textsOf(fragment: Y.XmlFragment): Y.XmlText[] {
  const out: Y.XmlText[] = []
  for (const el of fragment.createTreeWalker((n) => n instanceof Y.XmlElement)) {
    for (const child of (el as Y.XmlElement).toArray()) if (child instanceof Y.XmlText) out.push(child)
  }
  return out
}

function apply(fragment: Y.XmlFragment, edit: Edit): void {
  if (edit.t === 'deleteTop') {
    if (fragment.length > 1) fragment.delete(edit.at % fragment.length, 1)
    return
  }
  if (edit.t === 'deleteBlock') {
    const articles = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'article' && n.length > 2)
    if (articles.length === 0) return
    const article = articles[edit.at % articles.length]
    article.delete(1 + (edit.at % (article.length - 1)), 1)
    return
  }
  const texts = textsOf(fragment)
  const text = texts[edit.at % texts.length]
  const index = edit.len % (text.length + 1)
  if (edit.t === 'insertText') text.insert(index, 'новый текст ')
  else if (text.length > index) text.delete(index, Math.min(edit.len % 7 || 1, text.length - index))
}

describe('editor positions of Yjs points', () => {
  it('match y-prosemirror for every character after random edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.constantFrom('deleteTop', 'deleteBlock', 'insertText', 'deleteText'), at: fc.nat(10_000), len: fc.nat(10_000) }), { maxLength: 25 }),
        (edits: Edit[]) => {
          const ydoc = new Y.Doc()
          writeDocJSON(ydoc, generateLaw({ articles: 12, chapterEvery: 4, seed: 3 }))
          const fragment = ydoc.getXmlFragment(TEXT_FIELD)
          for (const edit of edits) apply(fragment, edit)
          const { doc, mapping } = initProseMirrorDoc(fragment, legalSchema)
          const positions = editorPositions({ doc: ydoc, type: fragment, mapping })
          let checked = 0
          for (const text of textsOf(fragment)) {
            const content = text.toString()
            for (let index = 0; index <= text.length; index = index === text.length ? index + 1 : Math.min(index + 11, text.length)) {
              const ours = positions({ text, index })
              const upstream = relativePositionToAbsolutePosition(ydoc, fragment, Y.createRelativePositionFromTypeIndex(text, index), mapping)
              // Upstream refuses every text position ≤ 1 (a guard of its own); ours is checked by the text.
              if (upstream === null) expect(ours).toBeLessThanOrEqual(1)
              else expect(ours).toBe(upstream)
              if (index < text.length) expect(doc.textBetween(ours!, ours! + 1)).toBe(content[index])
              checked++
            }
          }
          expect(checked).toBeGreaterThan(100)
        },
      ),
      { seed: SEED, numRuns: 30 },
    )
  })

  it('is null for a block the editor has not rendered', () => {
    const ydoc = new Y.Doc()
    writeDocJSON(ydoc, generateLaw({ articles: 3, seed: 3 }))
    const fragment = ydoc.getXmlFragment(TEXT_FIELD)
    const { mapping } = initProseMirrorDoc(fragment, legalSchema)
    const text = textsOf(fragment).at(-1)!
    mapping.delete(fragment.get(0))
    expect(editorPositions({ doc: ydoc, type: fragment, mapping })({ text, index: 0 })).toBeNull()
  })
})
