import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { docJSONOf, writeDocJSON } from '../../shared/ydoc'
import { legalSchema } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import { sampleLaw } from '../../shared/seed/modelLaw'

const articles = (doc: Y.Doc) => doc.getXmlFragment(TEXT_FIELD).toArray().filter((e) => e instanceof Y.XmlElement && e.nodeName === 'article') as Y.XmlElement[]

describe('reading the law out of a Y.Doc', () => {
  it('gives what the editor binding gives for a law the schema holds', () => {
    for (const language of ['en', 'ru'] as const) {
      const doc = new Y.Doc()
      writeDocJSON(doc, sampleLaw(language))
      expect(docJSONOf(doc)).toEqual(sampleLaw(language))
      expect(docJSONOf(doc)).toEqual(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FIELD), legalSchema).toJSON())
    }
  })

  it('changes nothing in the Y.Doc when part of it does not fit the schema: that part is left out of what is read', () => {
    const doc = new Y.Doc()
    writeDocJSON(doc, sampleLaw('en'))
    const before = articles(doc).length
    const clause = new Y.XmlElement('clause')
    clause.insert(0, [new Y.XmlText('before the heading')])
    articles(doc)[1].insert(0, [clause])
    const changes: Y.Transaction[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => changes.push(tr))
    const read = docJSONOf(doc)
    expect(changes).toEqual([])
    expect(articles(doc)).toHaveLength(before)
    expect(read.content!.filter((n) => n.type === 'article')).toHaveLength(before - 1)
  })
})
