import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, DocumentSummary, ImportCreated, ThreadView } from '../../shared/api'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { ID_NODE_TYPES, type DocJSON } from '../../shared/schema'
import { startTestServer, type TestServer } from '../helpers/server'
import { createCast, type Account, type Cast } from '../helpers/accounts'
import { englishDocx, paddedDocx, russianDocx, stripIds } from '../helpers/draftDocx'
import { MAX_DOCX_XML_BYTES } from '../../shared/import/zipBomb'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import { sectionedLaw } from '../helpers/sectionedLaw'
import { partedLaw } from '../helpers/partedLaw'
import { ministryDraft, PLACED_QUOTES } from '../helpers/commentedDocx'
import { amended } from '../helpers/amendedDocx'
import { parseDocx } from '../../shared/import/docx'

/** POST /api/documents/import: a tree from the browser's preview, or a raw file. */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

function ids(doc: DocJSON): string[] {
  const out: string[] = []
  const walk = (n: DocJSON) => {
    if ((ID_NODE_TYPES as readonly string[]).includes(n.type)) out.push(String(n.attrs?.id))
    n.content?.forEach(walk)
  }
  walk(doc)
  return out
}

describe('import endpoint', () => {
  let server: TestServer
  let cast: Cast

  const importTree = (account: Account, body: unknown) => account.api('/api/documents/import', { method: 'POST', body: JSON.stringify(body) })
  const importFile = (account: Account, type: string, bytes: Uint8Array | string, query = '') =>
    account.api(`/api/documents/import${query}`, { method: 'POST', headers: { 'Content-Type': type }, body: typeof bytes === 'string' ? bytes : Buffer.from(bytes) })
  const content = (account: Account, id: string) => account.json<DocJSON>(`/api/documents/${id}/content`)

  let bomb: Uint8Array

  beforeAll(async () => {
    // Built first: seconds of work on a busy machine, which between two requests would outlast
    // the server's keep-alive and race its closing of the idle connection (ECONNRESET).
    bomb = await paddedDocx(Math.ceil(MAX_DOCX_XML_BYTES / 60) + 1000)
    server = await startTestServer()
    cast = await createCast(server.url)
  }, 30_000)
  afterAll(async () => {
    await server?.close()
  })

  it('creates a draft from a tree; its importer owns it, and every id is fresh and unique', async () => {
    const tree = sampleLaw('en')
    // A crafted tree may repeat ids: the server gives new ones anyway.
    const article = tree.content!.find((n) => n.type === 'article' && n.content!.length > 3)!
    article.content![1].attrs = { id: 'same' }
    article.content![2] = { ...article.content![2], attrs: { id: 'same' } }
    const res = await importTree(cast.drafter, { title: 'Imported law', language: 'en', doc: tree })
    expect(res.status).toBe(201)
    const created = (await res.json()) as ImportCreated
    expect(res.headers.get('location')).toBe(`/api/documents/${created.document.id}`)
    expect(created.document).toMatchObject({ title: 'Imported law', language: 'en', role: 'owner' })
    expect(created.stats).toMatchObject({ chapters: 8, articles: 26 })
    expect(created.warnings).toEqual([])

    const stored = await content(cast.drafter, created.document.id)
    expect(stripIds(stored)).toEqual(stripIds(tree))
    const storedIds = ids(stored)
    expect(new Set(storedIds).size).toBe(storedIds.length)
    expect(storedIds.filter((id) => ids(tree).includes(id))).toEqual([])

    // Nobody else sees it until the owner shares it.
    expect((await cast.stranger.api(`/api/documents/${created.document.id}`)).status).toBe(403)
    const list = await cast.drafter.json<DocumentSummary[]>('/api/documents')
    expect(list.map((d) => d.id)).toContain(created.document.id)
  })

  it('counts sections in a tree from the browser and in our own Akoma Ntoso, and keeps them', async () => {
    const tree = sectionedLaw('ru')
    const res = await importTree(cast.drafter, { title: 'Закон о параграфах', language: 'ru', doc: tree })
    expect(res.status).toBe(201)
    const created = (await res.json()) as ImportCreated
    expect(created.stats).toMatchObject({ chapters: 2, sections: 4, articles: 6 })
    expect(stripIds(await content(cast.drafter, created.document.id))).toEqual(stripIds(tree))

    const xml = toAkomaNtoso(sectionedLaw('ru', false), { title: 'Закон о параграфах', language: 'ru', status: 'draft', date: '2025-03-14', organizations: [] })
    const akn = await importFile(cast.drafter, 'application/akn+xml', xml)
    expect(akn.status).toBe(201)
    const fromAkn = (await akn.json()) as ImportCreated
    expect(fromAkn.stats).toMatchObject({ chapters: 2, sections: 4, articles: 6 })
    const stored = await content(cast.drafter, fromAkn.document.id)
    expect(stored.content!.filter((n) => n.type === 'section').map((n) => n.content?.[0]?.text)).toEqual(['Параграф без главы', 'Сфера действия', 'Определения', 'Вступление в силу'])
  })

  it('counts parts in a tree from the browser and in our own Akoma Ntoso, and keeps them', async () => {
    const tree = partedLaw('ru')
    const res = await importTree(cast.drafter, { title: 'Закон о разделах', language: 'ru', doc: tree })
    expect(res.status).toBe(201)
    const created = (await res.json()) as ImportCreated
    expect(created.stats).toMatchObject({ parts: 2, chapters: 2, sections: 3, articles: 6 })
    expect(stripIds(await content(cast.drafter, created.document.id))).toEqual(stripIds(tree))

    const xml = toAkomaNtoso(partedLaw('ru', false), { title: 'Закон о разделах', language: 'ru', status: 'draft', date: '2025-03-14', organizations: [] })
    const akn = await importFile(cast.drafter, 'application/akn+xml', xml)
    expect(akn.status).toBe(201)
    const fromAkn = (await akn.json()) as ImportCreated
    expect(fromAkn.stats).toMatchObject({ parts: 2, chapters: 2, sections: 3, articles: 6 })
    const stored = await content(cast.drafter, fromAkn.document.id)
    expect(stored.content!.filter((n) => n.type === 'part').map((n) => n.content?.[0]?.text)).toEqual(['Общая часть', 'Особенная часть'])
  })

  it('refuses trees the schema does not accept, and says why', async () => {
    // Crafted trees: not DocJSON, on purpose.
    const law = (parts: unknown[]) => ({ type: 'doc', content: [{ type: 'lawTitle' }, { type: 'preamble', content: [{ type: 'paragraph' }] }, ...parts] })
    const bad: [string, unknown][] = [
      ['unknown node', law([{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }])],
      ['a mark', law([{ type: 'article', content: [{ type: 'articleHeading', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }])],
      ['article without heading', law([{ type: 'article', content: [{ type: 'clause' }] }])],
      ['nested articles', law([{ type: 'article', content: [{ type: 'articleHeading' }, { type: 'article', content: [{ type: 'articleHeading' }] }] }])],
      ['text that is not a string', law([{ type: 'chapter', content: [{ type: 'text', text: 5 }] }])],
      ['deep nesting', (() => {
        let node: Record<string, unknown> = { type: 'text', text: 'x' }
        for (let i = 0; i < 50; i++) node = { type: 'paragraph', content: [node] }
        return { type: 'doc', content: [node] }
      })()],
      ['no title', { type: 'doc', content: [{ type: 'preamble', content: [{ type: 'paragraph' }] }] }],
    ]
    for (const [what, doc] of bad) {
      const res = await importTree(cast.owner, { title: 'Bad', language: 'en', doc })
      expect(res.status, what).toBe(400)
      const body = (await res.json()) as ApiError
      expect(body.error.code, what).toBe('validation_failed')
    }
    for (const input of [{ title: '', language: 'en', doc: sampleLaw('en') }, { title: 'x', language: 'de', doc: sampleLaw('en') }, { title: 'x', language: 'en' }, { title: 'x', language: 'en', doc: { type: 'paragraph' } }]) {
      expect((await importTree(cast.owner, input)).status).toBe(400)
    }
  })

  it('needs a session and its CSRF token; caps the size; takes only known media types', async () => {
    const body = JSON.stringify({ title: 'x', language: 'en', doc: sampleLaw('en') })
    expect((await fetch(`${server.url}/api/documents/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status).toBe(401)
    const noCsrf = await fetch(`${server.url}/api/documents/import`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cast.owner.cookie }, body })
    expect(noCsrf.status).toBe(403)
    const huge = 'x'.repeat(17 * 1024 * 1024)
    expect((await importFile(cast.owner, 'text/plain', huge)).status).toBe(413)
    expect((await importFile(cast.owner, 'application/json', JSON.stringify({ title: 'x', language: 'en', doc: { type: 'doc', pad: huge } }))).status).toBe(413)
    expect((await importFile(cast.owner, 'text/html', '<p>Article 1</p>')).status).toBe(415)
    expect((await importFile(cast.owner, 'text/plain', '')).status).toBe(400)
  })

  for (const [language, fixture] of [['English', englishDocx], ['Russian', russianDocx]] as const) {
    it(`a ${language} DOCX uploaded as it is becomes the expected structure`, async () => {
      const { bytes, expected, title } = await fixture()
      const res = await importFile(cast.drafter, DOCX, bytes)
      expect(res.status).toBe(201)
      const created = (await res.json()) as ImportCreated
      expect(created.document).toMatchObject({ title, language: language === 'English' ? 'en' : 'ru', role: 'owner' })
      expect(created.warnings.join('\n')).toMatch(/Typed article numbers differ/)
      expect(stripIds(await content(cast.drafter, created.document.id))).toEqual(stripIds(expected))
    })
  }

  it('keeps a Word file’s comments as its importer’s review threads on their words: replies in their thread, “done” resolved', async () => {
    const bytes = await ministryDraft()
    const parsed = await parseDocx(bytes, 'ru')
    const uploads = [
      await importFile(cast.drafter, DOCX, bytes),
      // The browser's path: the tree and the comments its preview read.
      await importTree(cast.drafter, { title: 'Закон с примечаниями', language: 'ru', doc: parsed.doc, wordComments: parsed.wordComments }),
    ]
    for (const res of uploads) {
      expect(res.status).toBe(201)
      const { document } = (await res.json()) as ImportCreated
      const threads = await cast.drafter.json<ThreadView[]>(`/api/documents/${document.id}/threads`)
      expect(threads.map((t) => t.quote)).toEqual(PLACED_QUOTES)
      expect(threads.every((t) => t.anchor !== null && t.createdBy.id === cast.drafter.user.id)).toBe(true)
      expect(threads.map((t) => t.status)).toEqual(['open', 'resolved', 'open', 'open', 'open', 'open', 'open'])
      expect(threads[1].comments.map((c) => c.body)).toEqual(['Из Word — МВД, 1 декабря 2026 г.:\nПредлагаем «пятнадцать дней».', 'Из Word — Минюст, 1 декабря 2026 г.:\nСогласны.'])
      expect(threads[1].comments.every((c) => c.canEdit)).toBe(true)
      expect(threads[6].comments.map((c) => c.body)).toEqual(['Сноска 1 в Word:\nОбращения — письменные и электронные.'])
      // The first on the heading of Article 1, by its stable id.
      const content = await cast.drafter.json<DocJSON>(`/api/documents/${document.id}/content`)
      const heading = content.content!.find((n) => n.type === 'article')!
      expect(threads[0].articleId).toBe(heading.attrs!.id)
    }
  })

  it('keeps a Word file’s tracked changes as proposed wordings when asked: the text as it was, each change to accept or decline', async () => {
    const res = await importFile(cast.drafter, DOCX, await amended(), '?trackedChanges=propose')
    expect(res.status).toBe(201)
    const { document, warnings } = (await res.json()) as ImportCreated
    expect(warnings.join('\n')).toContain('6 change(s) within paragraphs are proposed as wordings')
    const threads = await cast.drafter.json<ThreadView[]>(`/api/documents/${document.id}/threads`)
    expect(threads.map((t) => [t.quote, t.proposal?.text, t.proposal?.status])).toEqual([
      ['Сроки', 'Сроки рассмотрения', 'open'],
      ['три', 'шесть', 'open'],
      ['тридцати', 'не более тридцати', 'open'],
      ['срок повторно.', 'срок.', 'open'],
      ['письменной', 'электронной', 'open'],
      ['комиссией.', 'органом.', 'open'],
    ])
    const clause = () => content(cast.drafter, document.id).then((doc) => JSON.stringify(doc))
    expect(await clause()).toContain('через три месяцев.')
    // The drafters accept the ministry's change in Accord: the text then reads as Word showed it.
    const accepted = await cast.drafter.api(`/api/documents/${document.id}/threads/${threads[1].id}/proposal`, { method: 'POST', body: JSON.stringify({ decision: 'accept' }) })
    expect(accepted.status).toBe(200)
    await expect.poll(clause).toContain('через шесть месяцев.')
    // Two changes of one paragraph, accepted one after the other, and the heading's.
    for (const thread of [...threads.slice(4), threads[0]]) {
      const decided = await cast.drafter.api(`/api/documents/${document.id}/threads/${thread.id}/proposal`, { method: 'POST', body: JSON.stringify({ decision: 'accept' }) })
      expect(decided.status).toBe(200)
    }
    await expect.poll(clause).toContain('Заявление подаётся в электронной форме и рассматривается органом.')
    expect(await clause()).toContain('"Сроки рассмотрения"')
    // Without the query, accepted as before.
    const plain = (await (await importFile(cast.drafter, DOCX, await amended())).json()) as ImportCreated
    expect(await content(cast.drafter, plain.document.id).then((doc) => JSON.stringify(doc))).toContain('через шесть месяцев.')
    expect(await cast.drafter.json<ThreadView[]>(`/api/documents/${plain.document.id}/threads`)).toEqual([])
    expect((await importFile(cast.drafter, DOCX, await amended(), '?trackedChanges=maybe')).status).toBe(400)
  })

  it('refuses comments that are not a Word file’s as it reads them, and makes no draft', async () => {
    const before = (await cast.owner.json<DocumentSummary[]>('/api/documents')).length
    const doc = sampleLaw('en')
    const bad = [
      [{ quote: 'x', paragraph: '', resolved: false, comments: [] }],
      [{ quote: 'x', paragraph: '', resolved: 'yes', comments: [{ author: 'A', date: null, text: 'B' }] }],
      [{ quote: 5, paragraph: '', resolved: false, comments: [{ author: 'A', date: null, text: 'B' }] }],
      'not a list',
    ]
    for (const wordComments of bad) expect((await importTree(cast.owner, { title: 'x', language: 'en', doc, wordComments })).status).toBe(400)
    expect((await cast.owner.json<DocumentSummary[]>('/api/documents')).length).toBe(before)
    // Words typed as HTML stay words; a text past the length of a comment is cut, not refused.
    const long = 'y'.repeat(20_000)
    const res = await importTree(cast.owner, {
      title: 'x',
      language: 'en',
      doc,
      wordComments: [{ quote: 'nowhere in the text', paragraph: '', resolved: false, comments: [{ author: '<img src=x onerror=alert(1)>', date: 'not a date', text: long }] }],
    })
    expect(res.status).toBe(201)
    const { document } = (await res.json()) as ImportCreated
    const [thread] = await cast.owner.json<ThreadView[]>(`/api/documents/${document.id}/threads`)
    expect(thread).toMatchObject({ articleId: 'title', anchor: null })
    expect(thread.comments[0].body.startsWith('On the words “nowhere in the text”, not found in the imported text.\nFrom Word — <img src=x onerror=alert(1)>:\nyyy')).toBe(true)
    expect(thread.comments[0].body.length).toBe(5000)
  })

  it('takes plain text and Markdown, with title and language from the query', async () => {
    const text = 'Закон о пчёлах\n\nСтатья 1. Цель\n1. Первая часть.\n2. Вторая часть:\n1) пункт;\nа) подпункт.\n'
    const res = await importFile(cast.owner, 'text/plain; charset=utf-8', new TextEncoder().encode(text), `?title=${encodeURIComponent('Пчёлы')}`)
    expect(res.status).toBe(201)
    const created = (await res.json()) as ImportCreated
    expect(created.document).toMatchObject({ title: 'Пчёлы', language: 'ru' })
    expect(created.stats).toMatchObject({ articles: 1, clauses: 2, points: 1, subpoints: 1 })

    const md = '# Law on Bees\n\n## Chapter I. General\n\n### Article 1. Purpose\n\n1. Bees are protected.\n'
    const mdRes = await importFile(cast.owner, 'text/markdown', md, '?language=en')
    const mdCreated = (await mdRes.json()) as ImportCreated
    expect(mdCreated.document).toMatchObject({ title: 'Law on Bees', language: 'en' })
    expect(mdCreated.stats).toMatchObject({ chapters: 1, articles: 1, clauses: 1 })
  })

  it('gives a law without a title line the title it was imported under; a title the file has is kept', async () => {
    const lawTitle = (doc: DocJSON) => (doc.content![0].content ?? []).map((n) => n.text).join('')
    const text = 'Статья 1. Цель\n1. Пчёлы охраняются.\n'
    const res = await importFile(cast.owner, 'text/plain; charset=utf-8', text, `?title=${encodeURIComponent('Закон о пчёлах')}`)
    expect(res.status).toBe(201)
    const created = (await res.json()) as ImportCreated
    expect(lawTitle(await content(cast.owner, created.document.id))).toBe('Закон о пчёлах')

    // The browser's path: its preview's tree, with the title typed in the dialog.
    const tree = sampleLaw('en')
    tree.content![0] = { type: 'lawTitle' }
    const fromTree = (await (await importTree(cast.owner, { title: 'Law on Bees', language: 'en', doc: tree })).json()) as ImportCreated
    expect(lawTitle(await content(cast.owner, fromTree.document.id))).toBe('Law on Bees')

    const titled = 'Закон о пчёлах\n\nСтатья 1. Цель\n1. Пчёлы охраняются.\n'
    const kept = (await (await importFile(cast.owner, 'text/plain; charset=utf-8', titled, `?title=${encodeURIComponent('Пчёлы')}`)).json()) as ImportCreated
    expect(kept.document.title).toBe('Пчёлы')
    expect(lawTitle(await content(cast.owner, kept.document.id))).toBe('Закон о пчёлах')
  })

  it('answers 400 to a file that is not a Word document', async () => {
    const res = await importFile(cast.owner, DOCX, new TextEncoder().encode('this is not a zip'))
    expect(res.status).toBe(400)
    expect(((await res.json()) as ApiError).error.message).toMatch(/Word document/)
  })

  it('takes Akoma Ntoso XML as the browser does: our own export comes back with the same text and structure', async () => {
    const tree = sampleLaw('ru')
    const xml = toAkomaNtoso(tree, { title: 'Модельный закон', language: 'ru', status: 'draft', date: '2025-03-14', organizations: [] })
    for (const type of ['application/xml', 'text/xml; charset=utf-8', 'application/akn+xml']) {
      const res = await importFile(cast.drafter, type, xml)
      expect(res.status, type).toBe(201)
      const created = (await res.json()) as ImportCreated
      expect(created.document).toMatchObject({ language: 'ru', role: 'owner' })
      expect(created.document.title).toMatch(/^Модельный закон/)
      expect(created.stats).toMatchObject({ chapters: 8, articles: 26 })
      expect(stripIds(await content(cast.drafter, created.document.id))).toEqual(stripIds(tree))
    }
  })

  it('refuses a file with nothing to import in the words the browser uses, and makes no draft', async () => {
    const before = (await cast.owner.json<DocumentSummary[]>('/api/documents')).length
    const cases: [string, string | Uint8Array, string, RegExp][] = [
      ['application/xml', '<akomaNtoso><act><body><article>', 'notXml', /not well-formed XML/],
      ['text/xml', '<?xml version="1.0"?><html><body><p>Article 1</p></body></html>', 'notAkn', /not an Akoma Ntoso act/],
      ['application/xml', 'Статья 1. Просто текст', 'notXml', /not well-formed XML/],
      ['application/xml', `<akomaNtoso><act><body>${'<hcontainer>'.repeat(10_000)}<article><heading>x</heading></article>${'</hcontainer>'.repeat(10_000)}</body></act></akomaNtoso>`, 'notXml', /not well-formed XML/],
      ['text/plain', '   \n\n  \t ', 'empty', /no text to import/],
      ['text/markdown', '#\n##\n', 'empty', /no text to import/],
      // An empty file, of whatever kind, as a blank one: not a bare "empty body".
      ['text/plain', '', 'empty', /no text to import/],
      [DOCX, new Uint8Array(0), 'empty', /no text to import/],
      ['text/plain', Uint8Array.from([0x53, 0x74, 0x61, 0x74, 0x0, 0x1, 0xff, 0xfe, 0x0]), 'notText', /not readable text/],
      [DOCX, new TextEncoder().encode('this is not a zip'), 'notDocx', /not a Word document/],
    ]
    for (const [type, body, problem, words] of cases) {
      const res = await importFile(cast.owner, type, body)
      expect(res.status, problem).toBe(400)
      const { error } = (await res.json()) as ApiError
      expect(error.code, problem).toBe('validation_failed')
      expect(error.details, problem).toMatchObject({ problem })
      expect(error.message, problem).toMatch(words)
    }
    expect((await cast.owner.json<DocumentSummary[]>('/api/documents')).length).toBe(before)
  })

  it('a ZIP bomb uploaded as a .docx is refused before it is unpacked, and the server carries on', async () => {
    const res = await importFile(cast.owner, DOCX, bomb)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as ApiError
    expect(error.details).toMatchObject({ problem: 'tooLarge' })
    expect(error.message).toMatch(/far more text than any law/)
    expect((await importFile(cast.owner, 'text/plain', 'Закон\n\nСтатья 1. Цель\n1. Текст.')).status).toBe(201)
  })

  it('a 16 MB text of 8 million one-letter lines is refused in words within seconds (it ran past the 120 s limit: 503)', async () => {
    const lines = 'a\n'.repeat(8_000_000)
    const started = performance.now()
    const res = await importFile(cast.owner, 'text/plain', lines)
    const ms = performance.now() - started
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as ApiError
    expect(error.details).toMatchObject({ problem: 'tooLong' })
    expect(error.message).toMatch(/more paragraphs than any law/)
    expect(ms).toBeLessThan(20_000)
    expect((await importFile(cast.owner, 'text/plain', 'Закон\n\nСтатья 1. Цель\n1. Текст.')).status).toBe(201)
  }, 150_000)
})
