import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { DB_FILE } from '../../server/db/connection'
import { describe, expect, it } from 'vitest'
import type { ActivitySession } from '../../shared/api'
import type { TestServer } from '../helpers/server'
import { createDocument, shareWithCast, type Cast } from '../helpers/accounts'
import { connectClient, elementText, nthElement, textField, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { castSuite } from '../helpers/castSuite'

/** Appends `text` to the first paragraph of the n-th (0-based) article. */
function typeInArticle(ydoc: Y.Doc, n: number, text: string): void {
  const clause = nthElement(ydoc, 'article', n)
    .toArray()
    .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'clause')!
  const xmlText = clause.get(0) as Y.XmlText
  xmlText.insert(xmlText.length, text)
}

function deleteArticle(ydoc: Y.Doc, n: number): string {
  const article = nthElement(ydoc, 'article', n)
  const id = article.getAttribute('id') as string
  textField(ydoc).delete(textField(ydoc).toArray().indexOf(article), 1)
  return id
}

describe('activity: who changed what, grouped into editing sessions', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []

  // Compact often: the activity must outlive the update log.
  castSuite(clients, (started, people) => {
    server = started
    cast = people
  }, { config: { compactAfterUpdates: 2 } })

  it('lists two people’s sessions, newest first, with their organizations and articles', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Sample', template: 'sample' })
    await shareWithCast(cast, id)
    const owner = connectClient(server.wsUrl, id, { cookie: cast.owner.cookie })
    const drafter = connectClient(server.wsUrl, id, { cookie: cast.drafter.cookie })
    clients.push(owner, drafter)
    await Promise.all([waitSynced(owner), waitSynced(drafter)])
    expect(await cast.observer.json(`/api/documents/${id}/activity`)).toEqual([])

    // The owner amends Article 1's heading, in several keystrokes.
    for (const word of ['Amended ', 'heading ']) (nthElement(owner.ydoc, 'articleHeading', 0).get(0) as Y.XmlText).insert(0, word)
    await waitSaved(owner)
    // The drafter changes Article 3 and deletes Article 5.
    typeInArticle(drafter.ydoc, 2, ' Drafted.')
    const deletedId = deleteArticle(drafter.ydoc, 4)
    await waitSaved(drafter)
    const article1 = nthElement(owner.ydoc, 'article', 0).getAttribute('id')
    const article3 = nthElement(drafter.ydoc, 'article', 2).getAttribute('id')

    const activity = await cast.observer.json<ActivitySession[]>(`/api/documents/${id}/activity`)
    expect(activity).toHaveLength(2)
    const [latest, earlier] = activity
    expect(latest.user).toEqual({ id: cast.drafter.user.id, displayName: 'Boris Drafter' })
    expect(latest.organization).toEqual(cast.justice)
    expect(latest.updates).toBe(2)
    expect(latest.articles).toEqual([
      { id: article3, label: 'Article 3.', heading: elementText(drafter.ydoc, 'articleHeading', 2), deleted: false, editedAt: expect.any(String) },
      { id: deletedId, label: '', heading: '', deleted: true, editedAt: expect.any(String) },
    ])
    expect(earlier.user).toEqual({ id: cast.owner.user.id, displayName: 'Ada Admin' })
    expect(earlier.organization).toEqual(cast.owner.user.organization)
    expect(earlier.updates).toBe(2)
    expect(earlier.articles).toEqual([{ id: article1, label: 'Article 1.', heading: elementText(owner.ydoc, 'articleHeading', 0), deleted: false, editedAt: expect.any(String) }])
    expect(earlier.articles[0].heading).toMatch(/^heading Amended /)
    expect(Date.parse(latest.endedAt)).toBeGreaterThanOrEqual(Date.parse(earlier.endedAt))
    expect(Date.parse(earlier.startedAt)).toBeLessThanOrEqual(Date.parse(earlier.endedAt))

    // The stranger may not see it.
    expect((await cast.stranger.api(`/api/documents/${id}/activity`)).status).toBe(403)
  })

  /** A new sample draft shared with the cast, the drafter connected to it, its first article amended. */
  async function amendSample(): Promise<{ id: string; drafter: TestClient }> {
    const { id } = await createDocument(cast.owner, { title: 'Sample', template: 'sample' })
    await shareWithCast(cast, id)
    const drafter = connectClient(server.wsUrl, id, { cookie: cast.drafter.cookie })
    clients.push(drafter)
    await waitSynced(drafter)
    typeInArticle(drafter.ydoc, 0, ' Amended.')
    return { id, drafter }
  }

  it('names the title, the preamble and a chapter heading a session changed, before its articles', async () => {
    const { id, drafter } = await amendSample()
    for (const name of ['chapter', 'paragraph', 'lawTitle']) (nthElement(drafter.ydoc, name, 0).get(0) as Y.XmlText).insert(0, 'New ')
    await waitSaved(drafter)
    const [session] = await cast.observer.json<ActivitySession[]>(`/api/documents/${id}/activity`)
    const idOf = (name: string) => nthElement(drafter.ydoc, name, 0).getAttribute('id')
    expect(session.articles.map((a) => [a.id, a.label, a.heading, a.deleted])).toEqual([
      ['title', 'Title', '', false],
      ['preamble', 'Preamble', '', false],
      [idOf('chapter'), 'Chapter I.', 'New General provisions', false],
      [idOf('article'), 'Article 1.', elementText(drafter.ydoc, 'articleHeading', 0), false],
    ])
    // The language versions' "changed in the original since" reads the same times.
    const edits = await cast.observer.json<{ articles: Record<string, string> }>(`/api/documents/${id}/article-edits`)
    expect(Object.keys(edits.articles)).toEqual(expect.arrayContaining(['title', 'preamble', idOf('chapter')]))
  })

  it('names the conclusions a session added, last', async () => {
    const { id, drafter } = await amendSample()
    const conclusions = new Y.XmlElement('conclusions')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Adopted at the 31st plenary session.')])
    conclusions.insert(0, [paragraph])
    textField(drafter.ydoc).push([conclusions])
    await waitSaved(drafter)
    const [session] = await cast.observer.json<ActivitySession[]>(`/api/documents/${id}/activity`)
    expect(session.articles.map((a) => [a.id, a.label])).toEqual([
      [nthElement(drafter.ydoc, 'article', 0).getAttribute('id'), 'Article 1.'],
      ['conclusions', 'Closing formula'],
    ])
  })

  it('records the sender with the stored update, and a new article in the session', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Empty' })
    await shareWithCast(cast, id)
    const drafter = connectClient(server.wsUrl, id, { cookie: cast.drafter.cookie })
    clients.push(drafter)
    await waitSynced(drafter)
    // A new article, as the editor would insert it, with its id and a paragraph.
    drafter.ydoc.transact(() => {
      const article = new Y.XmlElement('article')
      article.setAttribute('id', 'newarticle01')
      const heading = new Y.XmlElement('articleHeading')
      heading.insert(0, [new Y.XmlText('Brand new')])
      article.insert(0, [heading])
      textField(drafter.ydoc).insert(textField(drafter.ydoc).length, [article])
    })
    await waitSaved(drafter)
    const [session] = await cast.owner.json<ActivitySession[]>(`/api/documents/${id}/activity`)
    expect(session.articles).toEqual([{ id: 'newarticle01', label: 'Article 2.', heading: 'Brand new', deleted: false, editedAt: expect.any(String) }])
    // The stored update itself carries the sender (read as an operator would).
    const db = new Database(path.join(server.dataDir, DB_FILE), { readonly: true })
    try {
      const rows = db.prepare('SELECT user_id, org_id FROM doc_updates WHERE doc_id = ?').all(id)
      expect(rows).toEqual([{ user_id: cast.drafter.user.id, org_id: cast.justice.id }])
    } finally {
      db.close()
    }
  })
})
