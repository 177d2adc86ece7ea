import { describe, expect, it } from 'vitest'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { XREF_TARGET_PATTERN } from '../../shared/schema/nodes'
import { numberDocument, outlineOf } from '../../shared/numbering'
import { BROKEN_XREF, blockText, contentOffsetOf, jsonText, xrefNumbers } from '../../shared/xref'
import { findXrefTargets, xrefTargets } from '../../shared/xrefTargets'
import { compareDocuments } from '../../shared/diff'
import { lawStructure } from '../../shared/export/structure'
import { toMarkdown } from '../../shared/export/markdown'
import { toHtml } from '../../shared/export/html'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import { alternativesOfDoc } from '../../shared/alternatives/inDocument'
import { parseAkomaNtoso } from '../../shared/import/akomaNtoso'
import type { ExportMeta } from '../../shared/export/meta'
import type { Language } from '../../shared/language'
import { EditorState } from '@tiptap/pm/state'
import { posOfNth } from '../helpers/editorState'

const t = (text: string): DocJSON => ({ type: 'text', text })
const ref = (target: string): DocJSON => ({ type: 'xref', attrs: { target } })
const block = (type: string, id: string, ...content: (string | DocJSON)[]): DocJSON => ({
  type,
  attrs: { id },
  content: content.filter((c) => c !== '').map((c) => (typeof c === 'string' ? t(c) : c)),
})
const article = (id: string, heading: (string | DocJSON)[], ...body: DocJSON[]): DocJSON => ({
  type: 'article',
  attrs: { id },
  content: [{ type: 'articleHeading', content: heading.map((c) => (typeof c === 'string' ? t(c) : c)) }, ...body],
})

/**
 * Chapter c1 holds a1 (two paragraphs, the second with points p1, p2 and sub-points s1, s2) and
 * a2, whose only paragraph refers to a1, its paragraph 2, its point 2, its sub-point b and chapter c1.
 */
function law(extraBefore: DocJSON[] = [], { withTargets = true } = {}): DocJSON {
  const a1 = article(
    'a1',
    ['Purpose'],
    block('clause', 'a1c1', 'First.'),
    block('clause', 'a1c2', 'Second:'),
    block('point', 'p1', 'one;'),
    block('point', 'p2', 'two:'),
    block('subpoint', 's1', 'x;'),
    block('subpoint', 's2', 'y.'),
  )
  const a2 = article(
    'a2',
    ['Scope of Article ', ref('a1')],
    block('clause', 'a2c1', 'As in Article ', ref('a1'), ', paragraph ', ref('a1c2'), ', point ', ref('p2'), ' (', ref('s2'), ') of Chapter ', ref('c1'), '.'),
  )
  return {
    type: 'doc',
    content: [
      { type: 'lawTitle', content: [t('Law')] },
      { type: 'preamble', content: [{ type: 'paragraph', content: [t('See Article '), ref('a2')] }] },
      ...extraBefore,
      block('chapter', 'c1', 'General'),
      ...(withTargets ? [a1] : []),
      a2,
    ],
  }
}

const numbersOf = (doc: DocJSON, language: Language) => xrefNumbers(numberDocument(docFromJSON(doc), language))
const a2Text = (doc: DocJSON, language: Language) => jsonText(doc.content!.at(-1)!.content![1], numbersOf(doc, language))

describe('cross-reference labels', () => {
  it('the schema accepts references in headings, paragraphs and the preamble', () => {
    expect(() => docFromJSON(law())).not.toThrow()
    expect(() => docFromJSON({ type: 'doc', content: [{ type: 'lawTitle', content: [ref('a1')] }, { type: 'preamble', content: [{ type: 'paragraph' }] }] })).toThrow()
  })

  it('shows bare numbers of an article, a paragraph, a point, a sub-point and a chapter (English)', () => {
    expect(a2Text(law(), 'en')).toBe('As in Article 1, paragraph 2, point b (ii) of Chapter I.')
  })

  it('shows Russian numbers: an Arabic chapter number, Cyrillic sub-point letters', () => {
    expect(a2Text(law(), 'ru')).toBe('As in Article 1, paragraph 2, point 2 (б) of Chapter 1.')
  })

  it('follows renumbering: an article and a chapter inserted before the targets', () => {
    const doc = law([block('chapter', 'c0', 'Intro'), article('a0', ['New'], block('clause', 'a0c1', 'New.'))])
    expect(a2Text(doc, 'en')).toBe('As in Article 2, paragraph 2, point b (ii) of Chapter II.')
    expect(a2Text(doc, 'ru')).toBe('As in Article 2, paragraph 2, point 2 (б) of Chapter 2.')
  })

  it('a reference to a lone paragraph (which shows no number) reads as 1', () => {
    const doc = law()
    const numbers = numbersOf(doc, 'en')
    expect(numbers.get('a2c1')).toBe('1')
  })

  it('a reference whose target is gone reads as the broken marker, without throwing', () => {
    const doc = law([], { withTargets: false })
    expect(a2Text(doc, 'en')).toBe(`As in Article ${BROKEN_XREF}, paragraph ${BROKEN_XREF}, point ${BROKEN_XREF} (${BROKEN_XREF}) of Chapter I.`)
    expect(jsonText(ref('nope'), new Map())).toBe(BROKEN_XREF)
    expect(jsonText({ type: 'xref', attrs: {} }, new Map())).toBe(BROKEN_XREF)
  })

  it('blockText resolves a ProseMirror block the same way', () => {
    const doc = docFromJSON(law([article('a0', ['New'])]))
    const numbers = xrefNumbers(numberDocument(doc, 'en'))
    const a2 = doc.lastChild!
    expect(blockText(a2.child(1), numbers)).toBe('As in Article 2, paragraph 2, point b (ii) of Chapter I.')
    expect(blockText(a2.firstChild!, numbers)).toBe('Scope of Article 2')
  })

  it('the outline shows a heading with its reference resolved', () => {
    const doc = docFromJSON(law([article('a0', ['New'])]))
    expect(outlineOf(doc, 'en').map((e) => e.heading)).toEqual(['New', 'General', 'Purpose', 'Scope of Article 2'])
  })

  it("the outline shows a heading's reference anew when a paragraph added elsewhere renumbers its target", () => {
    const json = law()
    const a2 = json.content!.at(-1)!
    a2.content![0] = { type: 'articleHeading', content: [t('Scope of paragraph '), ref('a1c2')] }
    const state = EditorState.create({ doc: docFromJSON(json) })
    expect(outlineOf(state.doc, 'en').at(-1)!.heading).toBe('Scope of paragraph 2')
    // A paragraph before a1c2: Article 1's heading and Article 2 stay the same nodes.
    const added = state.apply(state.tr.insert(posOfNth(state.doc, 'clause', 0), state.schema.nodes.clause.create({ id: 'a1c0' }, state.schema.text('Zeroth.')))).doc
    expect(added.child(added.childCount - 1)).toBe(state.doc.lastChild)
    expect(outlineOf(added, 'en').at(-1)!.heading).toBe('Scope of paragraph 3')
  })

  it('the alternatives recogniser reads the number', () => {
    const doc = law()
    const a2 = doc.content!.at(-1)!
    a2.content!.push(block('clause', 'a2c2', 'under [Article ', ref('a1'), '] [Chapter ', ref('c1'), ']'))
    const groups = alternativesOfDoc(docFromJSON(doc), 'en')
    expect(groups.flatMap((g) => g.options.map((o) => o.text))).toEqual(expect.arrayContaining(['Article 1', 'Chapter I']))
  })

  it('maps an offset in the resolved text back to the block (a reference is one position, its number several characters)', () => {
    const extra = Array.from({ length: 9 }, (_, i) => article(`x${i}`, [`Extra ${i}`], block('clause', `x${i}c`, 'Text.')))
    const doc = docFromJSON(law(extra))
    const a2 = doc.lastChild!
    const clause = a2.child(1)
    const numbers = numbersOf(law(extra), 'en')
    const text = blockText(clause, numbers)
    expect(text.startsWith('As in Article 10, paragraph 2')).toBe(true)
    // ", paragraph" starts after the two-character number: one position after the reference in the document.
    const comma = text.indexOf(', paragraph')
    expect(contentOffsetOf(clause, comma, numbers)).toBe('As in Article '.length + 1)
    expect(clause.textBetween(contentOffsetOf(clause, comma, numbers), clause.content.size).startsWith(', paragraph')).toBe(true)
    // Inside the number: before the reference.
    expect(contentOffsetOf(clause, 'As in Article 1'.length, numbers)).toBe('As in Article '.length)
    expect(contentOffsetOf(clause, text.length + 5, numbers)).toBe(clause.content.size)
  })

  it('pasted ids are read only when they look like ids', () => {
    expect(XREF_TARGET_PATTERN.test('a1b2c3d4e5f6')).toBe(true)
    expect(XREF_TARGET_PATTERN.test('<script>alert(1)</script>')).toBe(false)
    expect(XREF_TARGET_PATTERN.test('x" onclick="y')).toBe(false)
  })
})

describe('choosing a target', () => {
  it('lists chapters and articles with numbers and headings; paragraphs and points on request', () => {
    const targets = xrefTargets(docFromJSON(law()), 'ru')
    expect(findXrefTargets(targets, '', false).map((x) => [x.kind, x.num, x.text])).toEqual([
      ['chapter', '1', 'General'],
      ['article', '1', 'Purpose'],
      ['article', '2', 'Scope of Article 1'],
    ])
    const all = findXrefTargets(targets, '', true)
    expect(all.find((x) => x.id === 's2')).toMatchObject({ kind: 'subpoint', num: 'б', article: '1', text: 'y.' })
    // What a point or sub-point is inside: a point 1) of part 1 and one of part 2 read apart.
    expect(all.find((x) => x.id === 's2')!.within).toEqual([{ kind: 'clause', label: '2.' }, { kind: 'point', label: '2)' }])
    expect(all.find((x) => x.id === 'p1')!.within).toEqual([{ kind: 'clause', label: '2.' }])
    expect(all.find((x) => x.id === 'a1c2')!.within).toEqual([])
  })

  it('searches by number (exact number first) and by words, ё as е and case ignored', () => {
    const doc = law([article('a0', ['Ёмкость склада'])])
    const targets = xrefTargets(docFromJSON(doc), 'ru')
    expect(findXrefTargets(targets, 'емкость', false).map((x) => x.id)).toEqual(['a0'])
    expect(findXrefTargets(targets, 'СКЛАД', false).map((x) => x.id)).toEqual(['a0'])
    expect(findXrefTargets(targets, '2', false)[0].id).toBe('a1')
  })
})

const meta = (language: Language): ExportMeta => ({ title: 'Law', language, status: 'draft', date: '2026-01-01', organizations: [] })

describe('exports and the comparison read references as numbers', () => {
  const renumbered = law([article('a0', ['New'], block('clause', 'a0c1', 'New.'))])

  it('the export structure, Markdown and HTML show the current number', () => {
    const structure = lawStructure(renumbered, 'en')
    const chapter = structure.body.find((b) => b.kind === 'chapter')!
    expect(chapter.kind === 'chapter' && chapter.articles.at(-1)!.paragraphs[0].text).toBe('As in Article 2, paragraph 2, point b (ii) of Chapter I.')
    expect(structure.preamble).toEqual(['See Article 3'])
    expect(toMarkdown(renumbered, meta('en'))).toContain('As in Article 2, paragraph 2, point b (ii) of Chapter I.')
    const html = toHtml(renumbered, meta('en'))
    expect(html).toContain('As in Article 2, paragraph 2, point b (ii) of Chapter I.')
    expect(html).toContain('Scope of Article 2')
  })

  it('Akoma Ntoso shows the number', () => {
    expect(toAkomaNtoso(renumbered, meta('en'))).toMatch(/As in Article <ref href="#chp_1__art_2">2<\/ref>/)
  })

  it('an Akoma Ntoso export read back gives the reference as its number, in plain text', () => {
    const back = parseAkomaNtoso(toAkomaNtoso(renumbered, meta('en'))).doc
    expect(JSON.stringify(back)).toContain('As in Article 2, paragraph 2, point b (ii) of Chapter I.')
    expect(() => docFromJSON(back)).not.toThrow()
  })

  it('a reference whose target was renumbered between versions is a changed word', () => {
    const diff = compareDocuments(law(), renumbered, 'en')
    const a2 = diff.articles.find((a) => a.id === 'a2')!
    const segments = a2.blocks[0].segments
    expect(segments).toContainEqual({ kind: 'delete', text: '1' })
    expect(segments).toContainEqual({ kind: 'insert', text: '2' })
    expect(a2.status).toBe('changed')
  })
})
