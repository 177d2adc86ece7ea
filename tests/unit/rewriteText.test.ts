import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { writeDocJSON, docJSONOf } from '../../shared/ydoc'
import { docFromJSON } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { findById, moveStructural } from '../../shared/editor/commands'
import { outlineOf } from '../../shared/numbering'
import { createAnchor, resolvePositions, decodeAnchor, xmlTextOf, textOfBlock } from '../../shared/comments/anchor'
import { rewriteText } from '../../shared/collab/rewriteText'
import { HeadlessEditor } from '../helpers/headlessEditor'

describe('restoring a version after an article was moved', () => {
  it('keeps the elements, and the threads on the words, of the articles the move passed', () => {
    const doc = new Y.Doc()
    writeDocJSON(doc, sampleLaw('ru'))
    const version = docJSONOf(doc)
    const editor = new HeadlessEditor(doc)
    const articles = outlineOf(editor.state.doc, 'ru').filter((e) => e.kind === 'article')
    // A thread on words of Article 10.
    const fragment = doc.getXmlFragment(TEXT_FIELD)
    const article10 = fragment.toArray().find((el) => el instanceof Y.XmlElement && el.getAttribute('id') === articles[9].id) as Y.XmlElement
    const text = xmlTextOf(article10.toArray().find((el) => el instanceof Y.XmlElement && el.nodeName === 'clause') as Y.XmlElement)!
    const quote = textOfBlock(text).slice(10, 40)
    const anchor = createAnchor({ text, index: 10 }, { text, index: 40 })
    // Article 17 moved up to follow Article 2, as Alt+Shift+↑ does it.
    editor.select(findById(editor.state.doc, articles[16].id!)!.pos + 3)
    const placeOfMoved = () => outlineOf(editor.state.doc, 'ru').filter((e) => e.kind === 'article').findIndex((e) => e.id === articles[16].id)
    for (let i = 0; i < 40 && placeOfMoved() > 2; i++) expect(editor.run(moveStructural(-1))).toBe(true)
    expect(placeOfMoved()).toBe(2)

    const deleted: string[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      Y.iterateDeletedStructs(tr, tr.deleteSet, (item) => {
        if (item instanceof Y.Item && item.content instanceof Y.ContentType && item.parent === (fragment as unknown)) deleted.push((item.content.type as Y.XmlElement)._map.get('id')?.content.getContent()[0])
      })
    })
    doc.transact(() => rewriteText(doc, fragment, docFromJSON(version)))
    expect(docJSONOf(doc)).toEqual(version)
    // Only the moved article was made again.
    expect(deleted).toEqual([articles[16].id])
    const decoded = decodeAnchor(anchor)!
    const resolution = resolvePositions(doc, decoded.start, decoded.end)
    expect(resolution).toMatchObject({ state: 'live', relocated: null })
    if (resolution === 'deleted' || resolution.state !== 'live') throw new Error('not live')
    expect(textOfBlock(resolution.start.text).slice(resolution.start.index, resolution.end.index)).toBe(quote)
  })
})
