import { describe, expect, it } from 'vitest'
import { compareDocuments, comparativeTable, comparativeTableHtml, isChange, renderComparativeTable, withoutRow, type ArticleDiff, type DocumentDiff } from '../../shared/diff'
import { flattenDocument } from '../../shared/diff/flatten'
import { comparativeTableDocx } from '../../shared/diff/comparativeTableDocx'
import { rowNotes } from '../../shared/diff/tableWords'
import { packDiff, unpackDiff } from '../../shared/diff/wire'
import { chapter, lawOf, part, section } from '../../shared/diff/testing/fixtures'
import { numberDocument } from '../../shared/numbering'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { LANGUAGES } from '../../shared/language'
import { readZipEntry } from '../helpers/zip'

/**
 * Part headings in the comparison (the division above chapters): matched by id like chapter and
 * section headings, added, deleted, renamed or only renumbered, and the articles that changed part.
 */

const p1 = part('p1', 'General part')
const p2 = part('p2', 'Special part')
const c1 = chapter('c1', 'General provisions')
const c2 = chapter('c2', 'Principles')
const c3 = chapter('c3', 'Offences')
const s1 = section('s1', 'Scope')
const s2 = section('s2', 'Against the person')

/** p1: c1 (s1: a1, a2), c2 (a3); p2: c3 (s2: a4), a5. */
function base(items: (DocJSON | number)[] = [p1, c1, s1, 1, 2, c2, 3, p2, c3, s2, 4, 5]): DocJSON {
  return lawOf(items, 'Model Code')
}

function byId(diff: DocumentDiff, id: string): ArticleDiff {
  const found = diff.articles.find((a) => a.id === id)
  if (!found) throw new Error(`no article ${id}`)
  return found
}

/** Each part as "id status [moved] [renumbered] before→after". */
const parts = (diff: DocumentDiff) =>
  diff.parts.map((p) => `${p.id} ${p.status}${p.moved ? ' moved' : ''}${p.renumbered ? ' renumbered' : ''} ${p.labelBefore ?? '-'}→${p.labelAfter ?? '-'}`)

describe('parts: identical versions', () => {
  it('are items of their own; chapters and articles count on across them, sections start again', () => {
    const diff = compareDocuments(base(), base(), 'en')
    expect(diff.structure.map((x) => `${x.id} ${x.labelAfter}`)).toEqual([
      'p1 Part I.', 'c1 Chapter I.', 's1 Section 1.', 'a1 Article 1.', 'a2 Article 2.', 'c2 Chapter II.', 'a3 Article 3.',
      'p2 Part II.', 'c3 Chapter III.', 's2 Section 1.', 'a4 Article 4.', 'a5 Article 5.',
    ])
    expect(diff.summary.parts).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0 })
    expect(diff.structure.filter(isChange)).toEqual([])
    expect(byId(diff, 'a4')).toMatchObject({
      partChanged: false,
      partAfter: { id: 'p2', label: 'Part II.', heading: 'Special part' },
      chapterAfter: { id: 'c3', label: 'Chapter III.' },
      sectionAfter: { id: 's2', label: 'Section 1.' },
    })
  })

  for (const language of LANGUAGES) {
    it(`labels are the editor's own (numberDocument) with parts (${language})`, () => {
      const doc = base()
      const flat = flattenDocument(doc, language).structure.flatMap((item) =>
        item.kind === 'article' ? [item.label, ...item.blocks.map((b) => b.label)] : [item.label],
      )
      expect(flat).toEqual(numberDocument(docFromJSON(doc), language).map((n) => n.label))
    })
  }

  it('Russian labels: «Раздел II.», chapters in Arabic numerals', () => {
    const diff = compareDocuments(base(), base(), 'ru')
    expect(diff.structure.filter((x) => x.kind !== 'article').map((x) => x.labelAfter)).toEqual(['Раздел I.', 'Глава 1.', '§ 1.', 'Глава 2.', 'Раздел II.', 'Глава 3.', '§ 1.'])
  })
})

describe('parts: a part added', () => {
  // A third part before Article 5: it leaves chapter 3 and section 1 behind.
  const diff = compareDocuments(base(), base([p1, c1, s1, 1, 2, c2, 3, p2, c3, s2, 4, part('p3', 'Final provisions'), 5]), 'en')

  it('is added where it stands, its heading one insertion', () => {
    expect(parts(diff)).toEqual(['p1 unchanged Part I.→Part I.', 'p2 unchanged Part II.→Part II.', 'p3 added -→Part III.'])
    expect(diff.parts[2].heading.segments).toEqual([{ kind: 'insert', text: 'Final provisions' }])
    expect(diff.structure.map((x) => x.id).slice(-3)).toEqual(['a4', 'p3', 'a5'])
    expect(diff.summary.parts).toEqual({ added: 1, deleted: 0, changed: 0, moved: 0 })
    expect(diff.summary.chapters).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0 })
  })

  it('the article after it is in the new part, and in no chapter or section', () => {
    const a5 = byId(diff, 'a5')
    expect(a5).toMatchObject({ status: 'unchanged', renumbered: false, partChanged: true, chapterChanged: true, sectionChanged: true, chapterAfter: null, sectionAfter: null })
    expect(a5.partAfter).toEqual({ id: 'p3', label: 'Part III.', heading: 'Final provisions' })
    expect(diff.articles.filter((a) => a.partChanged).map((a) => a.id)).toEqual(['a5'])
    expect(isChange(a5)).toBe(true)
  })
})

describe('parts: a part renamed', () => {
  const after = base([p1, c1, s1, 1, 2, c2, 3, part('p2', 'Special part of the code'), c3, s2, 4, 5])

  it('is changed, word by word; nothing else is', () => {
    const diff = compareDocuments(base(), after, 'en')
    expect(parts(diff)[1]).toBe('p2 changed Part II.→Part II.')
    expect(diff.parts[1].heading.segments).toEqual([{ kind: 'equal', text: 'Special part' }, { kind: 'insert', text: ' of the code' }])
    expect(diff.summary.parts).toEqual({ added: 0, deleted: 0, changed: 1, moved: 0 })
    expect(diff.structure.filter(isChange).map((x) => x.id)).toEqual(['p2'])
  })

  it('is a row of the table, bold in HTML', () => {
    const rows = comparativeTable(compareDocuments(base(), after, 'en'))
    expect(rows.map((r) => [r.kind, r.id, r.status])).toEqual([['part', 'p2', 'changed']])
    expect(rows[0].after.map((l) => l.role)).toEqual(['part'])
    const table = renderComparativeTable(rows, { language: 'en' })
    expect(table).toContain(
      '<tr data-kind="part" data-status="changed"><td><p class="part">Part II. Special part</p></td>' +
        '<td><p class="part">Part II. Special part<ins> of the code</ins></p></td>',
    )
    expect(comparativeTableHtml(rows, { language: 'en' })).toMatch(/\.part[,{][^}]*font-weight:bold/)
  })

  it('is a row of the DOCX table, bold and centred like a chapter heading', async () => {
    const bytes = await comparativeTableDocx(comparativeTable(compareDocuments(base(), after, 'ru')), { language: 'ru' })
    const xml = readZipEntry(bytes, 'word/document.xml')
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1])
    const row = rows.find((r) => r.includes('Раздел II.'))!
    const [old, now] = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1])
    expect(now).toContain('<w:jc w:val="center"/>')
    expect(old).toContain('<w:jc w:val="center"/>')
    expect(old).toMatch(/<w:b\/>[\s\S]*<w:t[^>]*>Раздел II\. <\/w:t>/)
    expect(now).toMatch(/<w:t[^>]*> of the code<\/w:t>/)
  })
})

describe('parts: a part deleted', () => {
  const diff = compareDocuments(base(), base([p1, c1, s1, 1, 2, c2, 3, c3, s2, 4, 5]), 'en')

  it('stays in reading order where it stood, its heading one deletion', () => {
    expect(parts(diff)).toEqual(['p1 unchanged Part I.→Part I.', 'p2 deleted Part II.→-'])
    expect(diff.structure.map((x) => `${x.id}:${x.status}`).slice(6, 9)).toEqual(['a3:unchanged', 'p2:deleted', 'c3:unchanged'])
    expect(diff.parts[1].heading.segments).toEqual([{ kind: 'delete', text: 'Special part' }])
    expect(diff.summary.parts).toEqual({ added: 0, deleted: 1, changed: 0, moved: 0 })
  })

  it('its articles now belong to the part before it; their chapter and section are the same', () => {
    expect(diff.articles.filter((a) => a.partChanged).map((a) => [a.id, a.partBefore?.label, a.partAfter?.label, a.chapterChanged, a.sectionChanged])).toEqual([
      ['a4', 'Part II.', 'Part I.', false, false],
      ['a5', 'Part II.', 'Part I.', false, false],
    ])
  })
})

describe('parts: renumbered only', () => {
  // A new first part: «Раздел I.» and «Раздел II.» become II and III; chapters and articles keep their numbers.
  const diff = compareDocuments(base(), base([part('p0', 'Introductory provisions'), p1, c1, s1, 1, 2, c2, 3, p2, c3, s2, 4, 5]), 'ru')

  it('the parts after the new one are renumbered, not changed or moved', () => {
    expect(parts(diff)).toEqual(['p0 added -→Раздел I.', 'p1 unchanged renumbered Раздел I.→Раздел II.', 'p2 unchanged renumbered Раздел II.→Раздел III.'])
    expect(diff.summary.parts).toEqual({ added: 1, deleted: 0, changed: 0, moved: 0 })
    expect(diff.chapters.filter((c) => c.renumbered || isChange(c))).toEqual([])
    expect(diff.articles.filter((a) => a.partChanged || a.renumbered || isChange(a))).toEqual([])
  })

  it('only the new part is a row of the table; the renumbered ones are listed without one', () => {
    expect(comparativeTable(diff).map((r) => [r.kind, r.id, r.status])).toEqual([['part', 'p0', 'added']])
    expect(withoutRow(diff)).toBe(2)
  })
})

describe('parts: moved', () => {
  it('a part moved before another is moved, renumbered, and «перемещён» (a «раздел» is masculine)', () => {
    const after = base([part('p2', 'Special part, amended'), c3, s2, 4, 5, p1, c1, s1, 1, 2, c2, 3])
    const diff = compareDocuments(base(), after, 'ru')
    expect(parts(diff)).toEqual(['p2 changed moved renumbered Раздел II.→Раздел I.', 'p1 unchanged renumbered Раздел I.→Раздел II.'])
    const row = comparativeTable(diff).find((r) => r.kind === 'part')!
    expect(rowNotes(row, 'ru')).toEqual(['Раздел II. → Раздел I.', 'перемещён'])
  })
})

describe('parts: on the wire', () => {
  it('packed and unpacked, the diff is the same, parts and their counts included', () => {
    const after = base([part('p0', 'New'), p1, c1, s1, 1, 2, c2, 3, part('p2', 'Special part, renamed'), c3, s2, 4, 5])
    const diff = compareDocuments(base(), after, 'en')
    const unpacked = unpackDiff(JSON.parse(JSON.stringify(packDiff(diff))))
    expect(unpacked).toEqual(diff)
    expect(unpacked.parts.map((p) => `${p.id} ${p.status}`)).toEqual(['p0 added', 'p1 unchanged', 'p2 changed'])
    expect(unpacked.parts.every((p) => unpacked.structure.includes(p))).toBe(true)
    expect(unpacked.summary.parts).toEqual({ added: 1, deleted: 0, changed: 1, moved: 0 })
  })
})
