import { describe, expect, it } from 'vitest'
import { compareDocuments, comparativeTable, isChange, withoutRow, type ArticleDiff, type DocumentDiff } from '../../shared/diff'
import { flattenDocument } from '../../shared/diff/flatten'
import { chapter, lawOf, section } from '../../shared/diff/testing/fixtures'
import { numberDocument } from '../../shared/numbering'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { LANGUAGES } from '../../shared/language'

/**
 * Section headings in the comparison: matched by id like chapter headings, added, deleted,
 * renamed or only renumbered, and the articles that went from one section to another.
 */

const c1 = chapter('c1', 'General provisions')
const c2 = chapter('c2', 'Jurisdiction')
const s1 = section('s1', 'Scope')
const s2 = section('s2', 'Definitions')
const s3 = section('s3', 'Courts')

/** c1: s1 (a1, a2), s2 (a3, a4); c2: s3 (a5, a6). */
function base(parts: (DocJSON | number)[] = [c1, s1, 1, 2, s2, 3, 4, c2, s3, 5, 6]): DocJSON {
  return lawOf(parts)
}

function byId(diff: DocumentDiff, id: string): ArticleDiff {
  const found = diff.articles.find((a) => a.id === id)
  if (!found) throw new Error(`no article ${id}`)
  return found
}

/** Each section as "id status [moved] [renumbered] before→after". */
const sections = (diff: DocumentDiff) =>
  diff.sections.map((s) => `${s.id} ${s.status}${s.moved ? ' moved' : ''}${s.renumbered ? ' renumbered' : ''} ${s.labelBefore ?? '-'}→${s.labelAfter ?? '-'}`)

describe('sections: identical versions', () => {
  it('are items of their own, numbered within their chapter, and articles after them keep their own numbers', () => {
    const diff = compareDocuments(base(), base(), 'en')
    expect(diff.structure.map((x) => `${x.id} ${x.labelAfter}`)).toEqual([
      'c1 Chapter I.', 's1 Section 1.', 'a1 Article 1.', 'a2 Article 2.', 's2 Section 2.', 'a3 Article 3.', 'a4 Article 4.',
      'c2 Chapter II.', 's3 Section 1.', 'a5 Article 5.', 'a6 Article 6.',
    ])
    expect(diff.summary.sections).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0 })
    expect(diff.structure.filter(isChange)).toEqual([])
    expect(byId(diff, 'a3')).toMatchObject({
      sectionChanged: false,
      sectionAfter: { id: 's2', label: 'Section 2.', heading: 'Definitions' },
      chapterAfter: { id: 'c1', label: 'Chapter I.', heading: 'General provisions' },
    })
  })

  for (const language of LANGUAGES) {
    it(`labels are the editor's own (numberDocument) with sections (${language})`, () => {
      const doc = base()
      const flat = flattenDocument(doc, language).structure.flatMap((item) =>
        item.kind === 'article' ? [item.label, ...item.blocks.map((b) => b.label)] : [item.label],
      )
      expect(flat).toEqual(numberDocument(docFromJSON(doc), language).map((n) => n.label))
    })
  }
})

describe('sections: a section added', () => {
  const diff = compareDocuments(base(), base([c1, s1, 1, 2, s2, 3, section('s9', 'Exceptions'), 4, c2, s3, 5, 6]), 'en')

  it('is added where it stands, its heading one insertion', () => {
    expect(sections(diff)).toEqual(['s1 unchanged Section 1.→Section 1.', 's2 unchanged Section 2.→Section 2.', 's9 added -→Section 3.', 's3 unchanged Section 1.→Section 1.'])
    expect(diff.sections[2].heading.segments).toEqual([{ kind: 'insert', text: 'Exceptions' }])
    expect(diff.structure.map((x) => x.id).slice(5, 8)).toEqual(['a3', 's9', 'a4'])
    expect(diff.summary.sections).toEqual({ added: 1, deleted: 0, changed: 0, moved: 0 })
    expect(diff.summary.chapters).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0 })
  })

  it('the article after it is now in the new section: listed, though same text and number', () => {
    const a4 = byId(diff, 'a4')
    expect(a4).toMatchObject({ status: 'unchanged', moved: false, renumbered: false, chapterChanged: false, sectionChanged: true })
    expect([a4.sectionBefore?.label, a4.sectionAfter]).toEqual(['Section 2.', { id: 's9', label: 'Section 3.', heading: 'Exceptions' }])
    expect(diff.articles.filter((a) => a.sectionChanged).map((a) => a.id)).toEqual(['a4'])
    expect(isChange(a4)).toBe(true)
    expect(diff.summary.articles).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0, unchanged: 6 })
  })
})

describe('sections: a section renamed', () => {
  it('is changed, word by word; nothing else is', () => {
    const diff = compareDocuments(base(), base([c1, s1, 1, 2, section('s2', 'Definitions and terms'), 3, 4, c2, s3, 5, 6]), 'en')
    expect(sections(diff)[1]).toBe('s2 changed Section 2.→Section 2.')
    expect(diff.sections[1].heading.segments).toEqual([{ kind: 'equal', text: 'Definitions' }, { kind: 'insert', text: ' and terms' }])
    expect(diff.summary.sections).toEqual({ added: 0, deleted: 0, changed: 1, moved: 0 })
    expect(diff.structure.filter(isChange).map((x) => x.id)).toEqual(['s2'])
  })
})

describe('sections: a section deleted', () => {
  const diff = compareDocuments(base(), base([c1, s1, 1, 2, 3, 4, c2, s3, 5, 6]), 'en')

  it('stays in reading order where it stood, its heading one deletion', () => {
    expect(sections(diff)).toEqual(['s1 unchanged Section 1.→Section 1.', 's2 deleted Section 2.→-', 's3 unchanged Section 1.→Section 1.'])
    expect(diff.structure.map((x) => `${x.id}:${x.status}`).slice(3, 6)).toEqual(['a2:unchanged', 's2:deleted', 'a3:unchanged'])
    expect(diff.sections[1].heading.segments).toEqual([{ kind: 'delete', text: 'Definitions' }])
    expect(diff.summary.sections).toEqual({ added: 0, deleted: 1, changed: 0, moved: 0 })
  })

  it('its articles now belong to the section before it', () => {
    expect(diff.articles.filter((a) => a.sectionChanged).map((a) => [a.id, a.sectionBefore?.label, a.sectionAfter?.label])).toEqual([
      ['a3', 'Section 2.', 'Section 1.'],
      ['a4', 'Section 2.', 'Section 1.'],
    ])
  })
})

describe('sections: renumbered only', () => {
  // A new first section of chapter 1: the old «§ 1.» and «§ 2.» become «§ 2.» and «§ 3.»; chapter 2 counts its own.
  const diff = compareDocuments(base(), base([c1, section('s0', 'Purpose'), s1, 1, 2, s2, 3, 4, c2, s3, 5, 6]), 'ru')

  it('the sections after the new one are renumbered, not changed or moved', () => {
    expect(sections(diff)).toEqual(['s0 added -→§ 1.', 's1 unchanged renumbered § 1.→§ 2.', 's2 unchanged renumbered § 2.→§ 3.', 's3 unchanged § 1.→§ 1.'])
    expect(diff.summary.sections).toEqual({ added: 1, deleted: 0, changed: 0, moved: 0 })
    expect(diff.articles.filter((a) => a.sectionChanged || a.renumbered)).toEqual([])
  })

  it('only the new section is a row of the table; the renumbered ones are listed without one', () => {
    expect(comparativeTable(diff).map((r) => [r.kind, r.id, r.status])).toEqual([['section', 's0', 'added']])
    expect(withoutRow(diff)).toBe(2)
  })
})

describe('sections: an article moved into another section', () => {
  it('is moved, and says which section it is in now; its chapter is the same', () => {
    const diff = compareDocuments(base(), base([c1, s1, 2, s2, 3, 1, 4, c2, s3, 5, 6]), 'ru')
    expect(diff.articles.filter((a) => a.moved).map((a) => a.id)).toEqual(['a1'])
    const a1 = byId(diff, 'a1')
    expect(a1).toMatchObject({ moved: true, chapterChanged: false, sectionChanged: true, labelBefore: 'Статья 1.', labelAfter: 'Статья 3.' })
    expect([a1.sectionBefore, a1.sectionAfter]).toEqual([
      { id: 's1', label: '§ 1.', heading: 'Scope' },
      { id: 's2', label: '§ 2.', heading: 'Definitions' },
    ])
    expect(diff.sections.filter(isChange)).toEqual([])
  })

  it('a section moved before another is moved, and keeps its id across the move', () => {
    const diff = compareDocuments(base(), base([c1, s2, 3, 4, s1, 1, 2, c2, s3, 5, 6]), 'en')
    expect(sections(diff)).toEqual(['s2 unchanged moved renumbered Section 2.→Section 1.', 's1 unchanged renumbered Section 1.→Section 2.', 's3 unchanged Section 1.→Section 1.'])
    expect(diff.articles.filter((a) => a.sectionChanged)).toEqual([])
  })
})
