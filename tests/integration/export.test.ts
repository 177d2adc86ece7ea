import { documentDate } from '../../shared/dates'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, DocumentSummary } from '../../shared/api'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { articlesOf, lawStructure } from '../../shared/export/structure'
import { parseText } from '../../shared/import/text'
import { startTestServer, type TestServer } from '../helpers/server'
import { createCast, createDocument, organization, grant, shareWithCast, type Cast } from '../helpers/accounts'
import { unzipText, zipEntries } from '../helpers/zip'
import { validateAkn } from '../helpers/tools'
import { connectClient, insertText, waitSaved, waitSynced } from '../helpers/clients'

/** The download endpoint: every format, the cover, file names, access, and what is refused. */

const exportPath = (id: string, format: string, extra = '') => `/api/documents/${id}/export?format=${format}${extra}`

describe('export endpoint', () => {
  let server: TestServer
  let cast: Cast
  let english: DocumentSummary
  let russian: DocumentSummary

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    english = await createDocument(cast.owner, { title: 'Model Law On Combating Human Trafficking', template: 'sample', language: 'en' })
    russian = await createDocument(cast.owner, { title: 'Модельный закон «О противодействии торговле людьми»', template: 'sample', language: 'ru' })
    await shareWithCast(cast, english.id)
    await grant(cast.owner, russian.id, organization(cast.justice), 'observer')
  })
  afterAll(async () => {
    await server?.close()
  })

  it('sends each format with its media type and an attachment named after the title', async () => {
    const expected: Record<string, [string, string]> = {
      docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
      html: ['text/html; charset=utf-8', 'html'],
      md: ['text/markdown; charset=utf-8', 'md'],
      akn: ['application/xml; charset=utf-8', 'xml'],
    }
    for (const [format, [type, extension]] of Object.entries(expected)) {
      const res = await cast.owner.api(exportPath(english.id, format))
      expect(res.status, format).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Model_Law_On_Combating_Human_Trafficking.${extension}"; filename*=UTF-8''Model%20Law%20On%20Combating%20Human%20Trafficking.${extension}`,
      )
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(Number(res.headers.get('content-length'))).toBe((await res.arrayBuffer()).byteLength)
    }
  })

  it('names a Russian file in RFC 5987 form, with a transliterated ASCII fallback', async () => {
    const res = await cast.owner.api(exportPath(russian.id, 'md'))
    const disposition = res.headers.get('content-disposition')!
    expect(disposition).toContain('filename="Modelnyi_zakon_O_protivodeistvii_torgovle_liudmi.md"')
    const encoded = /filename\*=UTF-8''([^;]+)$/.exec(disposition)![1]
    expect(decodeURIComponent(encoded)).toBe('Модельный закон «О противодействии торговле людьми».md')
    expect(disposition).toMatch(/^[\x20-\x7e]+$/)
  })

  it('the cover states title, current text, Draft status, the date and the organizations with access', async () => {
    const html = await (await cast.owner.api(exportPath(english.id, 'html'))).text()
    const cover = html.slice(html.indexOf('<section class="cover">'), html.indexOf('</section>'))
    expect(cover).toContain('<h1>Model Law On Combating Human Trafficking</h1>')
    expect(cover).toContain('<dt>Version</dt><dd>Current text</dd>')
    expect(cover).toContain('<dt>Status</dt><dd>Draft</dd>')
    expect(cover).toContain(`<dt>Date</dt><dd>${documentDate(new Date().toISOString(), 'en')}</dd>`)
    // The owner's organization and the Ministry of Justice (shared with it); the reviewer's and
    // observer's organization takes part through their personal grants.
    for (const org of ['Secretariat (SEC)', 'Ministry of Justice (MoJ)', 'Ministry of Interior (MoI)']) expect(cover).toContain(`<li>${org}</li>`)
    expect(cover).not.toContain('Ministry of Health')

    const ru = await (await cast.owner.api(exportPath(russian.id, 'docx'))).arrayBuffer()
    const xml = unzipText(new Uint8Array(ru), 'word/document.xml')
    expect(xml).toContain('Статус: </w:t>')
    expect(xml).toContain('Проект')
    expect(xml).toContain('Текущий текст')
  })

  it('exports the live text, with the edits made since the draft was created', async () => {
    const before = parseText(await (await cast.owner.api(exportPath(english.id, 'md'))).text(), 'en')
    const seed = lawStructure(sampleLaw('en'), 'en')
    const headings = (doc: typeof before.doc) => doc.content!.filter((n) => n.type === 'article').map((a) => a.content![0].content?.[0]?.text ?? '')
    expect(headings(before.doc)).toEqual(articlesOf(seed).map((a) => a.article.heading))

    const client = connectClient(server.wsUrl, english.id, { cookie: cast.owner.cookie })
    try {
      await waitSynced(client)
      insertText(client.ydoc, 'Amended: ', { name: 'articleHeading', n: 2 })
      await waitSaved(client)
      // The export reads the live room's state, with the edit that was just stored.
      const live = parseText(await (await cast.owner.api(exportPath(english.id, 'md'))).text(), 'en')
      expect(headings(live.doc)[2]).toBe(`Amended: ${articlesOf(seed)[2].article.heading}`)
    } finally {
      client.destroy()
    }
    // The same after the editor left (the other drafts, never opened, are read from the store).
    const stored = parseText(await (await cast.owner.api(exportPath(english.id, 'md'))).text(), 'en')
    expect(headings(stored.doc)[2]).toBe(`Amended: ${articlesOf(seed)[2].article.heading}`)
    expect(stored.stats.articles).toBe(articlesOf(seed).length)
  })

  it('DOCX is a Word package with the cover, Title, Heading 1 chapters, Heading 2 articles and numbering', async () => {
    const bytes = new Uint8Array(await (await cast.owner.api(exportPath(english.id, 'docx'))).arrayBuffer())
    expect(zipEntries(bytes)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/numbering.xml', '[Content_Types].xml']))
    const xml = unzipText(bytes, 'word/document.xml')
    expect(xml).toContain('<w:pStyle w:val="AccordCoverTitle"/>')
    expect(xml).toContain('<w:br w:type="page"/>')
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Chapter I\. General provisions/)
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Article 1\. Purpose of this Law/)
    expect(xml).toContain('<w:numPr>')
  })

  it('Akoma Ntoso from the endpoint validates against the OASIS schema, for the seed law and a Russian draft', async () => {
    for (const doc of [english, russian]) {
      const res = await cast.owner.api(exportPath(doc.id, 'akn'))
      const xml = await res.text()
      expect(xml).toContain('<akomaNtoso')
      await validateAkn(xml)
    }
    const ru = await (await cast.owner.api(exportPath(russian.id, 'akn'))).text()
    expect(ru).toContain('Статья 1.')
    expect(ru).toContain('FRBRlanguage language="rus"')
  })

  it('anyone who may read may export; others may not', async () => {
    expect((await cast.observer.api(exportPath(english.id, 'md'))).status).toBe(200)
    expect((await cast.reviewer.api(exportPath(english.id, 'docx'))).status).toBe(200)
    expect((await cast.drafter.api(exportPath(russian.id, 'md'))).status).toBe(200)
    expect((await cast.stranger.api(exportPath(english.id, 'md'))).status).toBe(403)
    expect((await fetch(`${server.url}${exportPath(english.id, 'md')}`)).status).toBe(401)
    expect((await cast.owner.api(exportPath('0123456789abcdef', 'md'))).status).toBe(404)
  })

  it('refuses an unknown format and an unknown version; `version=current` is the live text', async () => {
    const bad = await cast.owner.api(exportPath(english.id, 'rtf'))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as ApiError).error.code).toBe('validation_failed')
    expect((await cast.owner.api(`/api/documents/${english.id}/export`)).status).toBe(400)
    const version = await cast.owner.api(exportPath(english.id, 'md', '&version=v-that-does-not-exist'))
    expect(version.status).toBe(404)
    const current = await cast.owner.api(exportPath(english.id, 'md', '&version=current'))
    expect(current.status).toBe(200)
    expect(await current.text()).toBe(await (await cast.owner.api(exportPath(english.id, 'md'))).text())
  })

  it('text typed with markup stays text in every format', async () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> & "quotes"'
    const created = await cast.owner.json<{ document: DocumentSummary }>('/api/documents/import', {
      method: 'POST',
      body: JSON.stringify({
        title: hostile,
        language: 'en',
        doc: {
          type: 'doc',
          content: [
            { type: 'lawTitle', content: [{ type: 'text', text: hostile }] },
            { type: 'preamble', content: [{ type: 'paragraph', content: [{ type: 'text', text: '**not bold** [link](javascript:alert(3))' }] }] },
            { type: 'article', content: [{ type: 'articleHeading', content: [{ type: 'text', text: hostile }] }, { type: 'clause', content: [{ type: 'text', text: '1. not a number' }] }] },
          ],
        },
      }),
    })
    const id = created.document.id
    const html = await (await cast.owner.api(exportPath(id, 'html'))).text()
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const md = await (await cast.owner.api(exportPath(id, 'md'))).text()
    const back = parseText(md, 'en')
    const article = back.doc.content!.find((n) => n.type === 'article')!
    expect(article.content![0].content![0].text).toBe(hostile)
    expect(article.content![1].content![0].text).toBe('1. not a number')
    const akn = await (await cast.owner.api(exportPath(id, 'akn'))).text()
    expect(akn).not.toContain('<script>')
    await validateAkn(akn)
    const disposition = (await cast.owner.api(exportPath(id, 'md'))).headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+,;=@^`|{}#-]+$/)
  })
})
