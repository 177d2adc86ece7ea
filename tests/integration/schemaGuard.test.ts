import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocJSON } from '../../shared/schema'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, contentOf, nthElement, textField, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

/**
 * A drafter's client (a script, or a faulty one) sends valid Yjs that the law's schema cannot
 * hold. Before, every reading of the text deleted what held it — the whole article, the whole
 * paragraph's words — on the server and in every browser, and a bare text between articles left
 * the editor empty, so that the next keystroke wrote an empty law back. The server now takes out
 * only what the update put where it cannot be, in the same message to the others.
 */
describe('an edit the schema cannot hold, from a drafter’s client', () => {
  let server: TestServer
  let owner: Account
  const clients: TestClient[] = []

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
  })

  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await server?.close()
  })

  async function draft() {
    const { id } = await createDocument(owner, { title: 'Sample', template: 'sample', language: 'en' })
    const content = async () => (await (await owner.api(`/api/documents/${id}/content`)).json()) as DocJSON
    const original = await content()
    const hostile = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    const watcher = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    clients.push(hostile, watcher)
    await Promise.all([waitSynced(hostile), waitSynced(watcher)])
    return { id, content, original, hostile, watcher }
  }

  const articleCount = (law: DocJSON) => law.content!.filter((n) => n.type === 'article').length

  it('a bare text between two articles, a paragraph before an article’s heading, an article inside an article, an element of no known kind: each goes, nothing else', async () => {
    const { content, original, hostile, watcher } = await draft()
    const edits: ((doc: Y.Doc) => void)[] = [
      (doc) => {
        const fragment = textField(doc)
        const at = fragment.toArray().indexOf(nthElement(doc, 'article', 1))
        fragment.insert(at, [new Y.XmlText('stray words')])
      },
      (doc) => {
        const clause = new Y.XmlElement('clause')
        clause.insert(0, [new Y.XmlText('before the heading')])
        nthElement(doc, 'article', 1).insert(0, [clause])
      },
      (doc) => {
        const inner = new Y.XmlElement('article')
        const heading = new Y.XmlElement('articleHeading')
        heading.insert(0, [new Y.XmlText('nested')])
        inner.insert(0, [heading])
        const article = nthElement(doc, 'article', 2)
        article.insert(article.length, [inner])
      },
      (doc) => nthElement(doc, 'article', 3).insert(1, [new Y.XmlElement('script')]),
    ]
    for (const edit of edits) {
      edit(hostile.ydoc)
      await waitSaved(hostile)
      await waitFor(() => expect(contentOf(watcher.ydoc)).toEqual(original))
      expect(await content()).toEqual(original)
      expect(contentOf(hostile.ydoc)).toEqual(original)
    }
    expect(articleCount(await content())).toBe(articleCount(original))
    // The watcher's Y.Doc itself holds the whole law: no reading of it had anything to delete.
    expect(textField(watcher.ydoc).toArray().filter((e) => e instanceof Y.XmlElement && e.nodeName === 'article')).toHaveLength(articleCount(original))
  })

  it('formatting on words (the schema has none): the words stay, the formatting goes', async () => {
    const { content, hostile, watcher } = await draft()
    const text = nthElement(hostile.ydoc, 'clause', 1).get(0) as Y.XmlText
    const before = text.toString()
    text.insert(0, 'Bold words ', { bold: true, script: { src: 'x' } })
    await waitSaved(hostile)
    const clauseOf = (law: DocJSON) => law.content!.filter((n) => n.type === 'article').flatMap((a) => a.content!.filter((b) => b.type === 'clause'))[1]
    await waitFor(() => expect(clauseOf(contentOf(watcher.ydoc)).content).toEqual([{ type: 'text', text: `Bold words ${before}` }]))
    expect(clauseOf(await content()).content).toEqual([{ type: 'text', text: `Bold words ${before}` }])
    expect((nthElement(watcher.ydoc, 'clause', 1).get(0) as Y.XmlText).toDelta()).toEqual([{ insert: `Bold words ${before}` }])
  })
})
