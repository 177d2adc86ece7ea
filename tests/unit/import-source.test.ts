import { describe, expect, it } from 'vitest'
import { Document, Packer } from 'docx'
import { parseSource, type ImportSource } from '../../shared/import/source'
import { bytesSource, mediaTypeKind, sourceKind } from '../../shared/import/fileKind'
import { ImportError, importProblem, looksUnreadable } from '../../shared/import/errors'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import { lawStructure, articlesOf } from '../../shared/export/structure'
import { sampleLaw } from '../../shared/seed/modelLaw'
import type { DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'
import { zipStored } from '../helpers/zip'

/**
 * The import dialog's path from a file to a result (shared/import/fileKind.ts, source.ts): which reader a
 * file goes to, and the problems a file with nothing to import is answered with.
 */

function stripIds(node: DocJSON): DocJSON {
  const out: DocJSON = { type: node.type }
  if (node.text !== undefined) out.text = node.text
  if (node.content) out.content = node.content.map(stripIds)
  return out
}

/** The source the dialog builds for a file of this name, type and content (bytes as a file's, a string as pasted). */
function sourceFor(name: string, type: string, content: string | Uint8Array): ImportSource {
  const kind = sourceKind(name, type)
  if (kind === null) throw new Error(`no reader for ${name}`)
  return bytesSource(kind, typeof content === 'string' ? new TextEncoder().encode(content) : content)
}

/** Text in a single-byte legacy encoding (windows-1251, koi8-r), as old systems write it. */
function encodeAs(label: string, text: string): Uint8Array {
  const decoder = new TextDecoder(label)
  const byChar = new Map<string, number>()
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b)
  return Uint8Array.from([...text].map((ch) => byChar.get(ch) ?? 0x3f))
}

async function problemOf(source: ImportSource): Promise<string> {
  try {
    await parseSource(source)
    return 'parsed'
  } catch (err) {
    return importProblem(err, source.type === 'docx' ? 'docx' : source.type === 'akn' ? 'akn' : 'text')
  }
}

/** Russian letters and ASCII in Windows-1251, as a ministry's old text file holds them. */
function windows1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))))
}

describe('which reader a file goes to', () => {
  it.each([
    ['law.docx', '', 'docx'],
    ['law', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['law.md', 'text/markdown', 'markdown'],
    ['law.markdown', '', 'markdown'],
    ['Закон.xml', 'text/xml', 'akn'],
    ['law.XML', 'application/xml', 'akn'],
    ['law.akn', '', 'akn'],
    ['law', 'application/xml; charset=utf-8', 'akn'],
    ['law', 'text/xml', 'akn'],
    ['law.txt', 'text/plain', 'text'],
    ['law', 'text/plain', 'text'],
    ['law.pdf', 'application/pdf', null],
    ['law.odt', 'application/vnd.oasis.opendocument.text', null],
  ])('%s (%s) → %s', (name, type, kind) => {
    expect(sourceKind(name, type)).toBe(kind)
  })

  it('an upload to the API by its Content-Type alone: only the types that name one of our readers', () => {
    expect(mediaTypeKind('application/akn+xml')).toBe('akn')
    expect(mediaTypeKind('Text/XML; charset=UTF-8')).toBe('akn')
    expect(mediaTypeKind('text/x-markdown')).toBe('markdown')
    expect(mediaTypeKind('text/plain;charset=utf-8')).toBe('text')
    for (const type of ['text/html', 'text/csv', 'application/json', 'application/pdf', '']) expect(mediaTypeKind(type), type).toBeNull()
  })
})

describe('our own Akoma Ntoso export, imported as a file', () => {
  const meta = (language: Language) => ({ title: 'Model Law', language, status: 'draft' as const, date: '2025-03-14', organizations: [] })

  for (const language of ['en', 'ru'] as const) {
    it(`comes back with the same title, preamble, chapters, articles, numbers and text (${language})`, async () => {
      const original = sampleLaw(language)
      const xml = toAkomaNtoso(original, meta(language))
      const stages: string[] = []
      const result = await parseSource(sourceFor('Model Law.xml', 'text/xml', xml), (stage) => stages.push(stage))
      expect(stages).toEqual(['readingXml'])
      expect(result.language).toBe(language)
      expect(result.stats).toMatchObject({ chapters: 8, articles: 26, unrecognised: 0 })
      expect(stripIds(result.doc)).toEqual(stripIds(original))
      const headings = (doc: DocJSON) => articlesOf(lawStructure(doc, language)).map(({ article }) => `${article.label} ${article.heading}`)
      expect(headings(result.doc)).toEqual(headings(original))
    })
  }
})

describe('an XML file is read in the encoding its declaration names', () => {
  const act = (declaration: string) =>
    `${declaration}<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><preface><p><docTitle>Закон о пчёлах</docTitle></p></preface>` +
    '<body><article eId="art_1"><num>1</num><heading>Цель</heading><content><p>Настоящий Закон — основа «пчеловодства», ёмкая.</p></content></article></body></act></akomaNtoso>'
  const textOf = (doc: DocJSON): string[] => (doc.text !== undefined ? [doc.text] : (doc.content ?? []).flatMap(textOf))

  it('an act from a legacy system in windows-1251 or KOI8-R keeps its Cyrillic, quotes and dashes', async () => {
    for (const label of ['windows-1251', 'koi8-r']) {
      const bytes = encodeAs(label, act(`<?xml version="1.0" encoding="${label.toUpperCase()}"?>\n`))
      const result = await parseSource(sourceFor('закон.xml', 'text/xml', bytes))
      // KOI8-R has no «» nor —: what the encoding can hold comes back, every letter of it.
      const held = (text: string) => new TextDecoder(label).decode(encodeAs(label, text))
      expect(textOf(result.doc), label).toEqual(['Закон о пчёлах', 'Цель', held('Настоящий Закон — основа «пчеловодства», ёмкая.')])
      if (label === 'windows-1251') expect(textOf(result.doc)[2]).toBe('Настоящий Закон — основа «пчеловодства», ёмкая.')
      expect(result.language, label).toBe('ru')
    }
  })

  it('UTF-8, declared or not, reads as before; UTF-16 with its byte order mark reads too', async () => {
    for (const declaration of ['<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>', '']) {
      const result = await parseSource(sourceFor('закон.xml', 'text/xml', new TextEncoder().encode(act(declaration))))
      expect(textOf(result.doc)[0], declaration).toBe('Закон о пчёлах')
    }
    const utf16 = act('<?xml version="1.0" encoding="UTF-16"?>')
    const le = new Uint8Array(2 + utf16.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < utf16.length; i++) le.set([utf16.charCodeAt(i) & 0xff, utf16.charCodeAt(i) >> 8], 2 + i * 2)
    expect(textOf((await parseSource(sourceFor('закон.xml', 'text/xml', le))).doc)[0]).toBe('Закон о пчёлах')
  })

  it('an act whose bytes are not in the encoding it names: notText, never a draft of "\uFFFD\uFFFD\uFFFD"', async () => {
    for (const declaration of ['<?xml version="1.0" encoding="UTF-8"?>', '']) {
      expect(await problemOf(sourceFor('закон.xml', 'text/xml', encodeAs('windows-1251', act(declaration))))).toBe('notText')
    }
  })
})

describe('files with nothing to import, or not what they claim to be', () => {
  it('a Word package that is empty, a PDF, an ODT or a zip without a Word document: notDocx', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
    const odt = zipStored({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' })
    const noDocument = zipStored({ '[Content_Types].xml': '<Types/>', 'readme.txt': 'no Word document here' })
    for (const bytes of [new Uint8Array(0), pdf, odt, noDocument]) {
      expect(await problemOf(sourceFor('law.docx', '', bytes))).toBe('notDocx')
    }
  })

  it('a Word document without a word in it: empty', async () => {
    const blank = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })))
    expect(await problemOf(sourceFor('blank.docx', '', blank))).toBe('empty')
  })

  it('XML that is not Akoma Ntoso, or not XML at all', async () => {
    expect(await problemOf(sourceFor('page.xml', 'text/xml', '<?xml version="1.0"?><html><body><p>Not a law</p></body></html>'))).toBe('notAkn')
    expect(await problemOf(sourceFor('act.xml', 'text/xml', '<akomaNtoso><act name="x"><meta/></act></akomaNtoso>'))).toBe('notAkn')
    expect(await problemOf(sourceFor('cut.xml', 'text/xml', '<akomaNtoso><act><body><article>'))).toBe('notXml')
    expect(await problemOf(sourceFor('notes.xml', 'text/xml', 'Article 1. Plain text in an .xml file'))).toBe('notXml')
    const emptyAct = '<akomaNtoso><act name="x"><meta/><body><article><heading> </heading></article></body></act></akomaNtoso>'
    expect(await problemOf(sourceFor('empty.xml', 'text/xml', emptyAct))).toBe('empty')
  })

  it('blank text and whitespace-only Markdown: empty, not an untitled draft', async () => {
    for (const [name, text] of [['blank.txt', ''], ['blank.txt', ' \n\n\t \r\n'], ['blank.md', '\n   \n'], ['hashes.md', '#\n##\n']]) {
      expect(await problemOf(sourceFor(name, '', text)), `${name} ${JSON.stringify(text)}`).toBe('empty')
    }
  })

  it('bytes that are not UTF-8 text: notText', async () => {
    const cp1251 = windows1251('Статья 1. Цель настоящего Закона\n1. Настоящий Закон определяет порядок.')
    expect(await problemOf(sourceFor('закон.txt', 'text/plain', cp1251))).toBe('notText')
    expect(await problemOf(sourceFor('binary.txt', 'text/plain', 'MZ\u0000\u0000\u0003'))).toBe('notText')
    const law = 'Статья 1. Настоящий Закон определяет порядок предоставления помощи. '.repeat(5)
    expect(looksUnreadable(`${law}Один знак \uFFFD, оставшийся от старой конвертации.`)).toBe(false)
  })

  it('an error the importers did not raise is the file\'s fault only for a .docx', () => {
    expect(importProblem(new Error('the import worker failed'), 'docx')).toBe('notDocx')
    expect(importProblem(new Error('the import worker failed'), 'text')).toBe('failed')
    expect(importProblem(new ImportError('notAkn'), 'akn')).toBe('notAkn')
  })
})
