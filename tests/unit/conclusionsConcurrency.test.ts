import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EditorState } from '@tiptap/pm/state'
import { initProseMirrorDoc, prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import { legalSchema, docFromJSON } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import { fixtureLaw } from '../helpers/editorState'
import { lawStructure } from '../../shared/export/structure'
import { flattenDocument } from '../../shared/diff/flatten'

/**
 * The closing formula and an article added at the end of the law at the same moment by two people:
 * Yjs may order them either way. Whatever the order, every node must reach every editor: a node
 * the schema does not allow where it stands is dropped by ProseMirror's replace (which fits
 * content to the schema), and the next local edit then deletes it from the shared text.
 */

function element(name: string, attrs: Record<string, string>, text: string, inner?: string): Y.XmlElement {
  const el = new Y.XmlElement(name)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  const child = inner ? new Y.XmlElement(inner) : el
  child.insert(0, [new Y.XmlText(text)])
  if (child !== el) el.insert(0, [child])
  return el
}

/** Two copies of one law; `first` (client 1) adds the closing formula, the other (client 2) an article, both at the end; then they meet. */
function concurrentAtTheEnd(): Y.Doc {
  const base = new Y.Doc()
  prosemirrorToYXmlFragment(docFromJSON(fixtureLaw()), base.getXmlFragment(TEXT_FIELD))
  const [a, b] = [1, 2].map((client) => {
    const doc = new Y.Doc()
    doc.clientID = client
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    return doc
  })
  const fragment = (doc: Y.Doc) => doc.getXmlFragment(TEXT_FIELD)
  fragment(a).push([element('conclusions', {}, 'Adopted in Minsk.', 'paragraph')])
  const article = new Y.XmlElement('article')
  article.setAttribute('id', 'late')
  article.insert(0, [element('articleHeading', {}, 'Late'), element('clause', { id: 'latec1' }, 'Late text.')])
  fragment(b).push([article])
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return a
}

describe('the closing formula and an article added at the end at the same moment', () => {
  it('every editor shows both, whichever Yjs put first, and a replace of the whole text keeps both', () => {
    const ydoc = concurrentAtTheEnd()
    const names = ydoc.getXmlFragment(TEXT_FIELD).toArray().map((el) => (el as Y.XmlElement).nodeName)
    // Client 1's insert comes first: the article stands after the closing formula.
    expect(names.slice(-2)).toEqual(['conclusions', 'article'])
    const { doc } = initProseMirrorDoc(ydoc.getXmlFragment(TEXT_FIELD), legalSchema)
    expect(() => doc.check()).not.toThrow()
    // What the editor's binding does with a remote change it cannot apply step by step.
    const state = EditorState.create({ schema: legalSchema })
    const replaced = state.tr.replaceWith(0, state.doc.content.size, doc.content).doc
    expect(replaced.childCount).toBe(doc.childCount)
    expect(replaced.lastChild!.attrs.id).toBe('late')
  })

  it('the exports and the comparison read the article with the others and the closing formula last', () => {
    const { doc } = initProseMirrorDoc(concurrentAtTheEnd().getXmlFragment(TEXT_FIELD), legalSchema)
    const law = lawStructure(doc.toJSON(), 'en')
    expect(law.conclusions).toEqual(['Adopted in Minsk.'])
    expect(JSON.stringify(law.body)).toContain('Late text.')
    const flat = flattenDocument(doc.toJSON(), 'en')
    expect(flat.conclusions).toEqual(['Adopted in Minsk.'])
    expect(flat.structure.at(-1)).toMatchObject({ kind: 'article', id: 'late' })
  })
})
