import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, DocumentSummary } from '../../shared/api'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { articlesOf, lawStructure } from '../../shared/export/structure'
import type { Language } from '../../shared/language'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { unzipText } from '../helpers/zip'
import { pdfText, sofficeToPdf } from '../helpers/tools'

/**
 * The DOCX export opens cleanly in LibreOffice: converted headless to PDF (a private profile per
 * run, bounded time), its text holds the cover and every article heading, in English and in
 * Russian. The server's own PDF export (LibreOffice too) says the same.
 */

const LONG = 120_000

const COVER: Record<Language, string[]> = {
  en: ['Version: Current text', 'Status: Draft', 'Participating organizations:', 'Секретариат (СЕК)'],
  ru: ['Версия: Текущий текст', 'Статус: Проект', 'Участвующие организации:', 'Секретариат (СЕК)'],
}

describe('DOCX and PDF through LibreOffice', () => {
  let server: TestServer
  let owner: Account
  const drafts = {} as Record<Language, DocumentSummary>

  beforeAll(async () => {
    server = await startTestServer()
    // An organization named in Cyrillic: the cover of the English text carries it too.
    owner = await setupAdmin(server.url, { organization: { name: 'Секретариат', shortName: 'СЕК', color: '#1f5fa8' } })
  })
  afterAll(async () => {
    await server?.close()
  })

  const download = async (doc: DocumentSummary, format: string) => {
    const res = await owner.api(`/api/documents/${doc.id}/export?format=${format}`)
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBe(200)
    return new Uint8Array(await res.arrayBuffer())
  }

  const headingsOf = (language: Language) => articlesOf(lawStructure(sampleLaw(language), language)).map(({ article }) => `${article.label} ${article.heading}`)

  for (const language of ['en', 'ru'] as const) {
    it(
      `${language}: document.xml has the cover, headings and numbering, and LibreOffice converts it with every article heading`,
      async () => {
        drafts[language] = await createDocument(owner, { title: language === 'en' ? 'Model Law' : 'Модельный закон', template: 'sample', language })
        const docx = await download(drafts[language], 'docx')
        const xml = unzipText(docx, 'word/document.xml')
        const numbering = unzipText(docx, 'word/numbering.xml')
        expect(numbering).toContain(language === 'ru' ? 'w:val="russianLower"' : 'w:val="lowerLetter"')
        expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBe(headingsOf(language).length)
        expect(xml).toContain('<w:pStyle w:val="Title"/>')

        const text = await pdfText(await sofficeToPdf(docx))
        for (const heading of headingsOf(language)) expect(text).toContain(heading)
        expect(text).toContain(language === 'en' ? 'Chapter I. General provisions' : 'Глава 1. Общие положения')
        for (const line of COVER[language]) expect(text).toContain(line)
      },
      LONG,
    )
  }

  it(
    'the PDF export is LibreOffice’s conversion of the DOCX, with cover and headings, in both languages',
    async () => {
      for (const language of ['en', 'ru'] as const) {
        const pdf = await download(drafts[language], 'pdf')
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
        const text = await pdfText(pdf)
        for (const heading of headingsOf(language)) expect(text).toContain(heading)
        for (const line of COVER[language]) expect(text).toContain(line)
      }
      const res = await owner.api(`/api/documents/${drafts.ru.id}/export?format=pdf`)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''%D0%9C%D0%BE%D0%B4%D0%B5%D0%BB%D1%8C%D0%BD%D1%8B%D0%B9%20%D0%B7%D0%B0%D0%BA%D0%BE%D0%BD.pdf")
    },
    LONG,
  )

  it('without LibreOffice the PDF export answers 501, so the browser prints the HTML instead', async () => {
    const bare = await startTestServer({ config: { sofficePath: 'off' } })
    try {
      const admin = await setupAdmin(bare.url)
      const doc = await createDocument(admin, { template: 'sample' })
      const res = await admin.api(`/api/documents/${doc.id}/export?format=pdf`)
      expect(res.status).toBe(501)
      expect(((await res.json()) as ApiError).error.code).toBe('export_unavailable')
      expect((await admin.api(`/api/documents/${doc.id}/export?format=html`)).status).toBe(200)
    } finally {
      await bare.close()
    }
  })
})
