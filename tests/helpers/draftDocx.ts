import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx'
import { createBuilders } from '../../shared/seed/builders'
import type { DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'
import { toDocx } from '../../shared/export/docx'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { unzipText, zipDeflated, zipEntries } from './zip'

/**
 * Drafts as ministries send them, built with the docx package: Word headings, typed article
 * numbers, numbers typed by hand ("1.", "1)", "а)") and Word's own list numbering, a chapter
 * heading split over two lines, a line the recogniser cannot place. With each, the structure
 * an import must produce (ids aside).
 */

export interface DocxFixture {
  bytes: Uint8Array
  expected: DocJSON
  /** Labels the editor must show for the articles, in order. */
  articleLabels: string[]
  title: string
}

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] })
const h = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string) => new Paragraph({ heading: level, children: [new TextRun(text)] })
const listed = (level: number, instance: number, text: string) => new Paragraph({ numbering: { reference: 'law', level, instance }, children: [new TextRun(text)] })

async function pack(children: ISectionOptions['children'], language: Language): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'law',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2)' },
            { level: 2, format: language === 'ru' ? LevelFormat.RUSSIAN_LOWER : LevelFormat.LOWER_LETTER, text: '%3)' },
          ],
        },
      ],
    },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

export async function englishDocx(): Promise<DocxFixture> {
  const title = 'Model Law on Assistance to Victims'
  const bytes = await pack(
    [
      h(HeadingLevel.TITLE, title),
      p('The member states agree as follows.'),
      h(HeadingLevel.HEADING_1, 'CHAPTER I'),
      h(HeadingLevel.HEADING_1, 'GENERAL PROVISIONS'),
      h(HeadingLevel.HEADING_2, 'Article 1. Definitions'),
      p('1. For the purposes of this Law:'),
      p('1) “victim” means a natural person who has suffered harm;'),
      p('2) “assistance” means:'),
      p('a) shelter;'),
      p('b) medical care.'),
      p('2. Other terms have their ordinary meaning.'),
      h(HeadingLevel.HEADING_2, 'Article 7. Scope'),
      p('This Law applies to all forms of trafficking.'),
      p('NOTE: consult the Council before adoption'),
      h(HeadingLevel.HEADING_1, 'Chapter II. Assistance'),
      h(HeadingLevel.HEADING_2, 'Article 3. Shelters'),
      listed(0, 1, 'Shelters are provided free of charge.'),
      listed(1, 1, 'for adults;'),
      listed(1, 1, 'for children.'),
      listed(0, 1, 'Shelters are safe.'),
    ],
    'en',
  )
  const b = createBuilders('x')
  const expected = b.law(title, ['The member states agree as follows.'], [
    b.chapter('GENERAL PROVISIONS'),
    b.article('Definitions', [
      b.clause('For the purposes of this Law:'),
      b.point('“victim” means a natural person who has suffered harm;'),
      b.point('“assistance” means:'),
      b.subpoint('shelter;'),
      b.subpoint('medical care.'),
      b.clause('Other terms have their ordinary meaning.'),
    ]),
    b.article('Scope', [b.clause('This Law applies to all forms of trafficking.'), b.clause('NOTE: consult the Council before adoption')]),
    b.chapter('Assistance'),
    b.article('Shelters', [b.clause('Shelters are provided free of charge.'), b.point('for adults;'), b.point('for children.'), b.clause('Shelters are safe.')]),
  ])
  return { bytes, expected, title, articleLabels: ['Article 1.', 'Article 2.', 'Article 3.'] }
}

export async function russianDocx(): Promise<DocxFixture> {
  const title = 'Модельный закон о помощи жертвам торговли людьми'
  const bytes = await pack(
    [
      h(HeadingLevel.TITLE, title),
      p('Государства-участники договорились о следующем.'),
      h(HeadingLevel.HEADING_1, 'Глава 1. Общие положения'),
      h(HeadingLevel.HEADING_2, 'Статья 1. Основные понятия'),
      p('1. Для целей настоящего Закона используются следующие понятия:'),
      p('1) жертва — физическое лицо, которому причинен вред;'),
      p('2) помощь — это:'),
      p('а) приют;'),
      p('б) медицинская помощь.'),
      p('2. Иные понятия используются в общепринятом значении.'),
      h(HeadingLevel.HEADING_2, 'Статья 5. Сфера действия'),
      p('Настоящий Закон применяется ко всем формам торговли людьми.'),
      h(HeadingLevel.HEADING_1, 'ГЛАВА II'),
      h(HeadingLevel.HEADING_1, 'ПОМОЩЬ ЖЕРТВАМ'),
      h(HeadingLevel.HEADING_2, 'Статья 3. Приюты'),
      listed(0, 1, 'Приюты предоставляются бесплатно.'),
      listed(1, 1, 'для взрослых;'),
      listed(2, 1, 'мужчин;'),
      listed(2, 1, 'женщин;'),
      listed(1, 1, 'для детей.'),
      listed(0, 1, 'Приюты безопасны.'),
    ],
    'ru',
  )
  const b = createBuilders('x')
  const expected = b.law(title, ['Государства-участники договорились о следующем.'], [
    b.chapter('Общие положения'),
    b.article('Основные понятия', [
      b.clause('Для целей настоящего Закона используются следующие понятия:'),
      b.point('жертва — физическое лицо, которому причинен вред;'),
      b.point('помощь — это:'),
      b.subpoint('приют;'),
      b.subpoint('медицинская помощь.'),
      b.clause('Иные понятия используются в общепринятом значении.'),
    ]),
    b.article('Сфера действия', [b.clause('Настоящий Закон применяется ко всем формам торговли людьми.')]),
    b.chapter('ПОМОЩЬ ЖЕРТВАМ'),
    b.article('Приюты', [
      b.clause('Приюты предоставляются бесплатно.'),
      b.point('для взрослых;'),
      b.subpoint('мужчин;'),
      b.subpoint('женщин;'),
      b.point('для детей.'),
      b.clause('Приюты безопасны.'),
    ]),
  ])
  return { bytes, expected, title, articleLabels: ['Статья 1.', 'Статья 2.', 'Статья 3.'] }
}

/** The tree without ids, to compare structure and text. */
export function stripIds(node: DocJSON): DocJSON {
  const out: DocJSON = { type: node.type }
  if (node.text !== undefined) out.text = node.text
  if (node.content) out.content = node.content.map(stripIds)
  return out
}

/**
 * Accord's own export of the English sample, its document.xml padded with `paragraphs` more
 * paragraphs (60 bytes each) and deflated again: a genuine large draft, or — past
 * MAX_DOCX_XML_BYTES — a ZIP bomb of a few hundred KB. `declaredSize` makes its headers lie.
 */
export async function paddedDocx(paragraphs: number, declaredSize?: number): Promise<Uint8Array> {
  const bytes = await toDocx(sampleLaw('en'), { title: 'Bomb', language: 'en', status: 'draft', date: '2025-03-14', organizations: [] })
  const files = Object.fromEntries(zipEntries(bytes).map((name) => [name, unzipText(bytes, name)]))
  const filler = '<w:p><w:r><w:t>Article 1. Text that repeats and repeats.</w:t></w:r></w:p>'.repeat(paragraphs)
  files['word/document.xml'] = files['word/document.xml'].replace('<w:body>', `<w:body>${filler}`)
  return zipDeflated(files, { declaredSize })
}

/**
 * paddedDocx with its main part under another name (`word/document.dat` unless told): the
 * package's relationships say where the main part is, and mammoth follows them. The ZIP-bomb
 * guard used to count only parts named .xml or .rels, so such a file reached mammoth whole.
 * `alsoImage` makes the document's relationships name the main part as an image as well.
 */
export async function renamedPaddedDocx(paragraphs: number, options: { name?: string; alsoImage?: boolean } = {}): Promise<Uint8Array> {
  const name = options.name ?? 'word/document.dat'
  const bytes = await toDocx(sampleLaw('en'), { title: 'Heavy', language: 'en', status: 'draft', date: '2025-03-14', organizations: [] })
  const files = Object.fromEntries(zipEntries(bytes).map((entry) => [entry, unzipText(bytes, entry)]))
  const filler = '<w:p><w:r><w:t>Article 1. Text that repeats and repeats.</w:t></w:r></w:p>'.repeat(paragraphs)
  const rels = name.replace(/([^/]+)$/, '_rels/$1.rels')
  files[name] = files['word/document.xml'].replace('<w:body>', `<w:body>${filler}`)
  files[rels] = files['word/_rels/document.xml.rels']
  if (options.alsoImage) {
    const target = name.slice('word/'.length)
    files[rels] = files[rels].replace('</Relationships>', `<Relationship Id="rIdAlso" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"/></Relationships>`)
  }
  delete files['word/document.xml']
  delete files['word/_rels/document.xml.rels']
  files['_rels/.rels'] = files['_rels/.rels'].replace('word/document.xml', name)
  return zipDeflated(files)
}

/**
 * Accord's export of the English sample with one image whose part is `imageBytes` (a photograph
 * of many MB, say): mammoth never unpacks images for the import, so their size does not count.
 */
export async function docxWithImage(imageBytes: Uint8Array): Promise<Uint8Array> {
  const bytes = await toDocx(sampleLaw('en'), { title: 'Pictured', language: 'en', status: 'draft', date: '2025-03-14', organizations: [] })
  const files: Record<string, string | Uint8Array> = Object.fromEntries(zipEntries(bytes).map((entry) => [entry, unzipText(bytes, entry)]))
  files['word/media/photo.bmp'] = imageBytes
  files['word/_rels/document.xml.rels'] = (files['word/_rels/document.xml.rels'] as string).replace(
    '</Relationships>',
    '<Relationship Id="rIdPhoto" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/photo.bmp"/></Relationships>',
  )
  const drawing =
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="99" name="Photo"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="99" name="Photo"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdPhoto"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  files['word/document.xml'] = (files['word/document.xml'] as string).replace('<w:body>', `<w:body>${drawing}`)
  return zipDeflated(files)
}
