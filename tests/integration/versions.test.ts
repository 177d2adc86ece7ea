import path from 'node:path'
import http from 'node:http'
import { gunzipSync, inflateSync } from 'node:zlib'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { DB_FILE } from '../../server/db/connection'
import { docJSONOf } from '../../shared/ydoc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActivitySession, DocumentComparison, DocumentComparisonWire, RestoreResult, VersionDetail, VersionSummary } from '../../shared/api'
import { unpackDiff } from '../../shared/diff/wire'
import type { DocJSON } from '../../shared/schema'
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../helpers/server'
import { createCast, createDocument, shareWithCast, type Account, type Cast } from '../helpers/accounts'
import { connectClient, contentOf, elementText, nthElement, textField, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { readZipEntry } from '../helpers/zip'
import { documentDateTime } from '../../shared/dates'
import { castSuite } from '../helpers/castSuite'

/** Appends `text` to the first paragraph of the n-th (0-based) article. */
function typeInArticle(ydoc: Y.Doc, n: number, text: string): void {
  const clause = nthElement(ydoc, 'article', n)
    .toArray()
    .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'clause')!
  const xmlText = clause.get(0) as Y.XmlText
  xmlText.insert(xmlText.length, text)
}

/** A new article (with a paragraph) right after the first chapter heading: it becomes Article 1. */
function insertFirstArticle(ydoc: Y.Doc, id: string, heading: string, text: string): void {
  ydoc.transact(() => {
    const article = new Y.XmlElement('article')
    article.setAttribute('id', id)
    const h = new Y.XmlElement('articleHeading')
    h.insert(0, [new Y.XmlText(heading)])
    const clause = new Y.XmlElement('clause')
    clause.setAttribute('id', `${id}c1`)
    clause.insert(0, [new Y.XmlText(text)])
    article.insert(0, [h, clause])
    const fragment = textField(ydoc)
    const firstChapter = fragment.toArray().findIndex((c) => c instanceof Y.XmlElement && c.nodeName === 'chapter')
    fragment.insert(firstChapter + 1, [article])
  })
}

const articleIds = (doc: DocJSON) => (doc.content ?? []).filter((n) => n.type === 'article').map((n) => n.attrs?.id as string)
const post = (account: Account, path: string, body?: unknown) =>
  account.api(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'Content-Type': 'application/json' } })

describe('versions: save, list, compare, checkpoints and restore on the real server', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []
  const connect = async (account: Account, docId: string) => {
    const client = connectClient(server.wsUrl, docId, { cookie: account.cookie })
    clients.push(client)
    await waitSynced(client)
    return client
  }
  const versionsOf = (docId: string) => cast.observer.json<VersionSummary[]>(`/api/documents/${docId}/versions`)
  const save = (account: Account, docId: string, name: string, note = '') =>
    account.json<VersionSummary>(`/api/documents/${docId}/versions`, { method: 'POST', body: JSON.stringify({ name, note }) })
  /** GET …/compare, unpacked as the browser does it. */
  const compare = async (account: Account, docId: string, from: string, to: string): Promise<DocumentComparison> => {
    const wire = await account.json<DocumentComparisonWire>(`/api/documents/${docId}/compare?from=${from}&to=${to}`)
    return { ...wire, diff: unpackDiff(wire.diff) }
  }
  const content = (docId: string) => cast.observer.json<DocJSON>(`/api/documents/${docId}/content`)
  const newDraft = async () => {
    const { id } = await createDocument(cast.owner, { title: 'Model law', template: 'sample' })
    await shareWithCast(cast, id)
    return id
  }

  castSuite(clients, (started, people) => {
    server = started
    cast = people
  })

  it('saves a named version with its author and organization, lists it newest first and returns its text', async () => {
    const id = await newDraft()
    expect(await versionsOf(id)).toEqual([])
    const round1 = await save(cast.drafter, id, '  Round 1 ', 'Sent to the ministries')
    expect(round1).toMatchObject({
      name: 'Round 1',
      note: 'Sent to the ministries',
      kind: 'named',
      reason: null,
      author: { id: cast.drafter.user.id, displayName: 'Boris Drafter' },
      organization: cast.justice,
    })
    expect(round1.stateBytes).toBeGreaterThan(1000)
    expect(round1.jsonBytes).toBeGreaterThan(1000)
    const round2 = await save(cast.owner, id, 'Round 2')
    expect((await versionsOf(id)).map((v) => v.name)).toEqual(['Round 2', 'Round 1'])

    const detail = await cast.observer.json<VersionDetail>(`/api/documents/${id}/versions/${round1.id}`)
    expect(detail).toMatchObject({ id: round1.id, name: 'Round 1' })
    expect(detail.content).toEqual(await content(id))
    expect(round2.createdAt >= round1.createdAt).toBe(true)

    // The stored Yjs state is self-contained: on its own it gives the same text (read as an operator would).
    const db = new Database(path.join(server.dataDir, DB_FILE), { readonly: true })
    try {
      const row = db.prepare('SELECT state, json, state_bytes, json_bytes FROM versions WHERE id = ?').get(round1.id) as { state: Buffer; json: Buffer; state_bytes: number; json_bytes: number }
      expect([row.state.byteLength, row.json.byteLength]).toEqual([round1.stateBytes, round1.jsonBytes])
      const ydoc = new Y.Doc()
      Y.applyUpdate(ydoc, inflateSync(row.state))
      expect(docJSONOf(ydoc)).toEqual(detail.content)
      expect(JSON.parse(inflateSync(row.json).toString('utf8'))).toEqual(detail.content)
      ydoc.destroy()
    } finally {
      db.close()
    }
  })

  it('refuses to save a version to reviewers, observers and strangers, and an empty name', async () => {
    const id = await newDraft()
    for (const account of [cast.reviewer, cast.observer]) expect((await post(account, `/api/documents/${id}/versions`, { name: 'Mine' })).status).toBe(403)
    expect((await post(cast.stranger, `/api/documents/${id}/versions`, { name: 'Mine' })).status).toBe(403)
    expect((await cast.stranger.api(`/api/documents/${id}/versions`)).status).toBe(403)
    const empty = await post(cast.drafter, `/api/documents/${id}/versions`, { name: '   ' })
    expect(empty.status).toBe(400)
    expect((await cast.drafter.api(`/api/documents/${id}/versions/nosuchversion`)).status).toBe(404)
    expect(((await (await cast.drafter.api(`/api/documents/${id}/versions/nosuchversion`)).json()) as { error: { code: string } }).error.code).toBe('version_not_found')
    expect(await versionsOf(id)).toEqual([])
  })

  it('compares a version with the current text: one added, one changed, the rest renumbered, with the organizations that edited', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const drafter = await connect(cast.drafter, id)
    const total = articleIds(contentOf(drafter.ydoc)).length
    typeInArticle(drafter.ydoc, 1, ' Including attempts.')
    const article2 = nthElement(drafter.ydoc, 'article', 1).getAttribute('id') as string
    insertFirstArticle(drafter.ydoc, 'newfirst0001', 'Definitions of terms', 'For the purposes of this Law:')
    await waitSaved(drafter)

    const comparison = await compare(cast.reviewer, id, round1.id, 'current')
    expect(comparison.from).toMatchObject({ kind: 'version', version: { id: round1.id, name: 'Round 1' } })
    expect(comparison.to.kind).toBe('current')
    expect(comparison.language).toBe('en')
    expect(comparison.diff.summary.articles).toEqual({ added: 1, deleted: 0, changed: 1, moved: 0, renumbered: total - 1, unchanged: 0 })
    const changed = comparison.diff.articles.find((a) => a.id === article2)!
    expect(changed).toMatchObject({ status: 'changed', labelBefore: 'Article 2.', labelAfter: 'Article 3.', renumbered: true, moved: false })
    expect(changed.blocks[0].segments.filter((s) => s.kind === 'insert').map((s) => s.text).join('')).toBe(' Including attempts.')
    expect(comparison.organizations[article2]).toEqual([cast.justice])
    expect(comparison.organizations.newfirst0001).toEqual([cast.justice])
    // Renumbered-only articles are not changes: nobody is listed for them.
    expect(Object.keys(comparison.organizations).sort()).toEqual([article2, 'newfirst0001'].sort())

    // The other way round, two versions: the same articles, mirrored.
    const round2 = await save(cast.drafter, id, 'Round 2')
    const back = await compare(cast.owner, id, round2.id, round1.id)
    expect(back.diff.summary.articles).toMatchObject({ added: 0, deleted: 1, changed: 1 })
    expect(back.organizations[article2]).toEqual([cast.justice])
    // Nothing happened between Round 2 and now.
    const none = await compare(cast.owner, id, round2.id, 'current')
    expect(none.diff.summary.articles).toMatchObject({ added: 0, deleted: 0, changed: 0, renumbered: 0, unchanged: total + 1 })
    expect(none.organizations).toEqual({})

    expect((await cast.owner.api(`/api/documents/${id}/compare?from=${round1.id}`)).status).toBe(400)
    expect((await cast.owner.api(`/api/documents/${id}/compare?from=${round1.id}&to=nosuchversion`)).status).toBe(404)
    expect((await cast.stranger.api(`/api/documents/${id}/compare?from=${round1.id}&to=current`)).status).toBe(403)
  })

  it('sends a comparison gzipped to a browser that takes it, the same JSON either way', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const get = (headers: Record<string, string>) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const req = http.get(`${server.url}/api/documents/${id}/compare?from=${round1.id}&to=current`, { headers: { Cookie: cast.reviewer.cookie, ...headers } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
        })
        req.on('error', reject)
      })
    const plain = await get({})
    expect(plain.encoding).toBeUndefined()
    expect(plain.body.byteLength).toBeGreaterThan(8 * 1024) // large enough to be gzipped
    const zipped = await get({ 'Accept-Encoding': 'gzip, deflate, br' })
    expect(zipped.encoding).toBe('gzip')
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 3)
    // The same but for the moment "current" stands for.
    const withoutNow = (body: string) => ({ ...(JSON.parse(body) as DocumentComparisonWire), to: null })
    expect(withoutNow(gunzipSync(zipped.body).toString('utf8'))).toEqual(withoutNow(plain.body.toString('utf8')))
  })

  it('downloads the comparative table as HTML and as a valid DOCX with the changed wording', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const drafter = await connect(cast.drafter, id)
    typeInArticle(drafter.ydoc, 1, ' Including attempts & <b>conspiracy</b>.')
    await waitSaved(drafter)
    const base = `/api/documents/${id}/comparative-table?from=${round1.id}&to=current`

    const html = await cast.reviewer.api(`${base}&format=html`)
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Named like the draft's other exports: its title and the two sides, not their ids.
    expect(html.headers.get('content-disposition')).toBe(
      `attachment; filename="Model_law_comparative_table_Round_1_Current_text.html"; filename*=UTF-8''${encodeURIComponent('Model law — comparative table Round 1 – Current text.html')}`,
    )
    const page = await html.text()
    expect(page).toContain('<h1>Comparative table</h1>')
    expect(page).toContain(`Round 1, ${documentDateTime(round1.createdAt, 'en')} → Current text, `)
    expect(page).toContain('<ins> Including attempts &amp; &lt;b&gt;conspiracy&lt;/b&gt;.</ins>')
    expect(page).not.toContain('<b>conspiracy')

    const docx = await cast.reviewer.api(`${base}&format=docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const xml = readZipEntry(new Uint8Array(await docx.arrayBuffer()), 'word/document.xml')
    expect(xml).toContain('<w:tbl>')
    expect(xml).toContain('Including attempts &amp; &lt;b&gt;conspiracy&lt;/b&gt;.')
    expect(xml).toContain('Scope of this Law')

    expect((await cast.reviewer.api(`${base}&format=pdf`)).status).toBe(400)
  })

  it('names the reworded definitions under the comparative table’s heading, and in the comparison’s summary', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const drafter = await connect(cast.drafter, id)
    let child = 0
    while (!elementText(drafter.ydoc, 'point', child).startsWith('“child” means')) child++
    const words = nthElement(drafter.ydoc, 'point', child).get(0) as Y.XmlText
    words.insert(words.length - 1, ', or presumed to be so')
    await waitSaved(drafter)
    expect((await compare(cast.reviewer, id, round1.id, 'current')).diff.summary.definitions).toEqual({ added: [], deleted: [], changed: ['child'] })
    const base = `/api/documents/${id}/comparative-table?from=${round1.id}&to=current`
    expect(await (await cast.reviewer.api(`${base}&format=html`)).text()).toContain('<p class="subtitle">Definitions: reworded: “child”</p>')
    const xml = readZipEntry(new Uint8Array(await (await cast.reviewer.api(`${base}&format=docx`)).arrayBuffer()), 'word/document.xml')
    expect(xml).toContain('Definitions: reworded: “child”')
  })

  it('says in the comparative table who proposed each change, and adds a Justification column when asked (empty: nothing was proposed)', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const drafter = await connect(cast.drafter, id) // Ministry of Justice (MoJ)
    typeInArticle(drafter.ydoc, 1, ' Including attempts.')
    await waitSaved(drafter)
    const base = `/api/documents/${id}/comparative-table?from=${round1.id}&to=current`
    // The same organizations the comparison reports for the article.
    const article2 = nthElement(drafter.ydoc, 'article', 1).getAttribute('id') as string
    expect((await compare(cast.reviewer, id, round1.id, 'current')).organizations[article2]).toEqual([cast.justice])

    const page = await (await cast.reviewer.api(`${base}&format=html`)).text()
    expect(page).toContain('<th class="proposed-by">Proposed by</th></tr>')
    expect(page).toContain('<td class="proposed-by"><p><abbr title="Ministry of Justice">MoJ</abbr></p></td></tr>')
    expect(page).toContain('Organizations: MoJ — Ministry of Justice.')
    expect(page).not.toContain('Justification')

    const docxXml = async (query: string) => {
      const res = await cast.reviewer.api(`${base}&format=docx${query}`)
      expect(res.status).toBe(200)
      return readZipEntry(new Uint8Array(await res.arrayBuffer()), 'word/document.xml')
    }
    const plain = await docxXml('')
    expect(plain).toMatch(/<w:t[^>]*>Proposed by<\/w:t>[\s\S]*<w:t[^>]*>MoJ<\/w:t>/)
    expect(plain.match(/<w:gridCol /g)).toHaveLength(3)
    expect(plain).not.toContain('Justification')
    const asked = await docxXml('&justification=1')
    expect(asked.match(/<w:gridCol /g)).toHaveLength(4)
    expect(asked).toMatch(/<w:t[^>]*>Proposed by<\/w:t>[\s\S]*<w:t[^>]*>Justification<\/w:t>/)
    expect(await docxXml('&justification=0')).not.toContain('Justification')
    expect(await (await cast.reviewer.api(`${base}&format=html&justification=1`)).text()).toContain('<th class="justification">Justification</th>')

    const wrong = await cast.reviewer.api(`${base}&format=docx&justification=maybe`)
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'validation_failed', message: 'justification must be 0 or 1' })
  })

  it('says who proposed a change to the title, the preamble or a chapter heading, as for an article', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const drafter = await connect(cast.drafter, id) // Ministry of Justice (MoJ)
    for (const name of ['lawTitle', 'paragraph', 'chapter']) (nthElement(drafter.ydoc, name, 0).get(0) as Y.XmlText).insert(0, 'Revised ')
    await waitSaved(drafter)
    const chapter = nthElement(drafter.ydoc, 'chapter', 0).getAttribute('id') as string
    const { organizations } = await compare(cast.reviewer, id, round1.id, 'current')
    for (const place of ['title', 'preamble', chapter]) expect(organizations[place], place).toEqual([cast.justice])
    const page = await (await cast.reviewer.api(`/api/documents/${id}/comparative-table?from=${round1.id}&to=current&format=html`)).text()
    // Three rows, each naming MoJ (they said nobody before).
    expect(page.match(/<td class="proposed-by"><p><abbr title="Ministry of Justice">MoJ<\/abbr><\/p><\/td><\/tr>/g)).toHaveLength(3)
  })

  it('says who added the conclusions after the last article: inserted in the comparison, a last row of the table proposed by them', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const drafter = await connect(cast.drafter, id) // Ministry of Justice (MoJ)
    const conclusions = new Y.XmlElement('conclusions')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Adopted at the thirty-first plenary session.')])
    conclusions.insert(0, [paragraph])
    textField(drafter.ydoc).push([conclusions])
    await waitSaved(drafter)
    const { diff, organizations } = await compare(cast.reviewer, id, round1.id, 'current')
    expect(diff.conclusions.map((p) => [p.status, p.after])).toEqual([['added', 'Adopted at the thirty-first plenary session.']])
    expect(diff.summary.conclusionsChanged).toBe(true)
    expect(organizations.conclusions).toEqual([cast.justice])
    const page = await (await cast.reviewer.api(`/api/documents/${id}/comparative-table?from=${round1.id}&to=current&format=html`)).text()
    expect(page).toMatch(
      /<tr data-kind="conclusions" data-status="added">.*<p class="heading">Closing formula <\/p><p class="conclusions"><ins>Adopted at the thirty-first plenary session\.<\/ins><\/p>.*<td class="proposed-by"><p><abbr title="Ministry of Justice">MoJ<\/abbr><\/p><\/td><\/tr><\/tbody>/,
    )
  })

  it('names the comparative table of a Russian draft after its title and versions, Cyrillic kept', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Модельный закон «О помощи»: проект', template: 'sample', language: 'ru' })
    await shareWithCast(cast, id)
    const first = await save(cast.owner, id, 'Первое чтение')
    const drafter = await connect(cast.drafter, id)
    typeInArticle(drafter.ydoc, 0, ' Новые слова.')
    await waitSaved(drafter)
    const second = await save(cast.owner, id, 'Второе чтение / правки')
    const res = await cast.reviewer.api(`/api/documents/${id}/comparative-table?from=${first.id}&to=${second.id}&format=docx`)
    expect(res.status).toBe(200)
    const disposition = res.headers.get('content-disposition')!
    expect(disposition).toContain('filename="Modelnyi_zakon_O_pomoshchi_proekt_sravnitelnaia_tablitsa_Pervoe_chtenie_Vtoroe_chtenie_pravki.docx"')
    const encoded = /filename\*=UTF-8''([^;]+)$/.exec(disposition)![1]
    // The characters a file name cannot hold (":" and "/") are spaces, as in the other exports.
    expect(decodeURIComponent(encoded)).toBe('Модельный закон «О помощи» проект — сравнительная таблица Первое чтение – Второе чтение правки.docx')
    // The versions' times as Russian writes them (it said "2026-11-30 23:14 UTC").
    const xml = readZipEntry(new Uint8Array(await res.arrayBuffer()), 'word/document.xml')
    expect(xml).toContain(`Первое чтение, ${documentDateTime(first.createdAt, 'ru')} → Второе чтение / правки, ${documentDateTime(second.createdAt, 'ru')}`)
    expect(documentDateTime(first.createdAt, 'ru')).toMatch(/^\d{1,2} [а-я]+ \d{4} г\., \d{2}:\d{2} \(UTC\)$/)
  })

  it('keeps an automatic checkpoint when the last client leaves, only if something changed', async () => {
    const id = await newDraft()
    const idle = await connect(cast.drafter, id)
    idle.destroy() // left without changing anything: no checkpoint
    const editor = await connect(cast.drafter, id)
    typeInArticle(editor.ydoc, 0, ' Edited before leaving.')
    await waitSaved(editor)
    const reviewer = await connect(cast.reviewer, id)
    editor.destroy()
    reviewer.destroy()
    const [auto] = await waitFor(async () => {
      const list = await versionsOf(id)
      return list.length > 0 && list
    })
    expect(auto).toMatchObject({ kind: 'auto', reason: 'left', name: '', author: null })
    const detail = await cast.observer.json<VersionDetail>(`/api/documents/${id}/versions/${auto.id}`)
    expect(JSON.stringify(detail.content)).toContain('Edited before leaving.')

    // Opened and left again without a change: still one checkpoint. Then a change: a second one.
    ;(await connect(cast.owner, id)).destroy()
    const again = await connect(cast.owner, id)
    typeInArticle(again.ydoc, 0, ' Once more.')
    await waitSaved(again)
    again.destroy()
    await waitFor(async () => (await versionsOf(id)).length === 2)
    expect((await versionsOf(id)).map((v) => v.reason)).toEqual(['left', 'left'])
  })

  it('restores a version for a drafter: connected clients see it live, it is stored, attributed, and can be undone', async () => {
    const dataDir = await tempDataDir()
    let own = await startTestServer({ dataDir })
    try {
      const c = await createCast(own.url)
      const { id } = await createDocument(c.owner, { title: 'Model law', template: 'sample' })
      await shareWithCast(c, id)
      const url = `/api/documents/${id}`
      const round1 = await c.owner.json<VersionSummary>(`${url}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Round 1' }) })
      const original = await c.owner.json<DocJSON>(`${url}/content`)

      const owner = connectClient(own.wsUrl, id, { cookie: c.owner.cookie })
      clients.push(owner)
      await waitSynced(owner)
      typeInArticle(owner.ydoc, 1, ' A later change.')
      insertFirstArticle(owner.ydoc, 'laterarticle', 'Added later', 'Later text.')
      await waitSaved(owner)
      const edited = contentOf(owner.ydoc)

      // A reviewer may not restore; nothing changes.
      for (const account of [c.reviewer, c.observer, c.stranger]) expect((await post(account, `${url}/versions/${round1.id}/restore`)).status).toBe(403)
      expect((await post(c.drafter, `${url}/versions/nosuchversion/restore`)).status).toBe(404)
      expect(contentOf(owner.ydoc)).toEqual(edited)

      const result = await c.drafter.json<RestoreResult>(`${url}/versions/${round1.id}/restore`, { method: 'POST' })
      expect(result.changed).toBe(true)
      expect(result.restored.id).toBe(round1.id)
      expect(result.before).toMatchObject({ kind: 'auto', reason: 'before-restore', restoredFrom: round1.id, author: { id: c.drafter.user.id } })
      // The connected client has the restored text, live.
      await waitFor(() => expect(contentOf(owner.ydoc)).toEqual(original))
      expect(await c.owner.json<DocJSON>(`${url}/content`)).toEqual(original)
      // The "before restore" checkpoint holds the replaced text; comparing it shows the restore.
      expect((await c.owner.json<VersionDetail>(`${url}/versions/${result.before!.id}`)).content).toEqual(edited)
      const diff = await c.owner.json<DocumentComparisonWire>(`${url}/compare?from=${result.before!.id}&to=current`)
      expect(diff.diff.summary.articles).toMatchObject({ deleted: 1, changed: 1 })
      expect(diff.organizations.laterarticle).toEqual(expect.arrayContaining([c.justice]))
      // The restore is an ordinary, attributed edit in the activity.
      const [latest] = await c.owner.json<ActivitySession[]>(`${url}/activity`)
      expect(latest.user.id).toBe(c.drafter.user.id)
      expect(latest.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['laterarticle']))
      // Nothing was erased: every version is still there.
      expect((await c.owner.json<VersionSummary[]>(`${url}/versions`)).map((v) => v.reason ?? v.name)).toEqual(['before-restore', 'Round 1'])

      // Restoring the same version again changes nothing and keeps no new checkpoint.
      const same = await c.drafter.json<RestoreResult>(`${url}/versions/${round1.id}/restore`, { method: 'POST' })
      expect(same).toMatchObject({ changed: false, before: null })
      expect(await c.owner.json<VersionSummary[]>(`${url}/versions`)).toHaveLength(2)

      // Undo: restore the "before restore" checkpoint.
      const undo = await c.owner.json<RestoreResult>(`${url}/versions/${result.before!.id}/restore`, { method: 'POST' })
      expect(undo.changed).toBe(true)
      // The text the undo replaced is Round 1's own (nothing changed after that restore): no new checkpoint.
      expect(undo.before?.id).toBe(round1.id)
      expect(await c.owner.json<VersionSummary[]>(`${url}/versions`)).toHaveLength(2)
      await waitFor(() => expect(contentOf(owner.ydoc)).toEqual(edited))
      owner.destroy()

      // Stored: after a restart the text is still the restored one.
      await own.close()
      own = await startTestServer({ dataDir })
      const again = await (await import('../helpers/accounts')).signIn(own.url, c.owner.email)
      expect(await again.json<DocJSON>(`${url}/content`)).toEqual(edited)
    } finally {
      await own.close()
      await removeDir(dataDir)
    }
  })

  it('restores on a draft nobody has open', async () => {
    const id = await newDraft()
    const round1 = await save(cast.owner, id, 'Round 1')
    const original = await content(id)
    const editor = await connect(cast.drafter, id)
    typeInArticle(editor.ydoc, 0, ' Changed.')
    await waitSaved(editor)
    editor.destroy()
    await waitFor(async () => (await versionsOf(id)).length === 2) // the "everyone left" checkpoint
    const result = await cast.drafter.json<RestoreResult>(`/api/documents/${id}/versions/${round1.id}/restore`, { method: 'POST' })
    // Nothing changed since that checkpoint: it is the version that holds the replaced text.
    expect(result).toMatchObject({ changed: true, before: { kind: 'auto', reason: 'left' } })
    expect(await content(id)).toEqual(original)
  })
})

describe('versions: an automatic checkpoint per interval of continuous editing', () => {
  let server: TestServer
  let cast: Cast
  let client: TestClient | undefined

  beforeAll(async () => {
    server = await startTestServer({ config: { autoVersionIntervalMs: 300 } })
    cast = await createCast(server.url)
  })
  afterAll(async () => {
    client?.destroy()
    await server?.close()
  })

  it('keeps an automatic checkpoint while someone keeps editing, without anyone leaving', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Model law', template: 'sample' })
    client = connectClient(server.wsUrl, id, { cookie: cast.owner.cookie })
    await waitSynced(client)
    const list = await waitFor(async () => {
      typeInArticle(client!.ydoc, 0, '.')
      const versions = await cast.owner.json<VersionSummary[]>(`/api/documents/${id}/versions`)
      return versions.length > 0 && versions
    }, 10_000, 50)
    expect(list[0]).toMatchObject({ kind: 'auto', reason: 'hourly' })
  })
})
