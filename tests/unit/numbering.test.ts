import { describe, expect, it } from 'vitest'
import type { Node as PMNode } from '@tiptap/pm/model'
import { hasOutline, numberDocument, outlineOf, toLetters, toRoman, type NumberedNode } from '../../shared/numbering'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import type { Language } from '../../shared/language'
import { stateFromJSON, withCursorIn, run, posOfNth } from '../helpers/editorState'
import { moveStructural, deleteStructural, insertArticle } from '../../shared/editor/commands'

/** Label by id, for readable assertions. */
function labelsById(doc: PMNode, language: Language): Record<string, string> {
  const out: Record<string, string> = {}
  for (const n of numberDocument(doc, language)) out[n.id!] = n.label
  return out
}

function labels(doc: PMNode, language: Language, kind?: NumberedNode['kind']): string[] {
  return numberDocument(doc, language)
    .filter((n) => !kind || n.kind === kind)
    .map((n) => n.label)
}

/** Three chapters, five articles, with paragraphs, points and sub-points; ids are readable. */
function law() {
  const b = createBuilders('x')
  const withId = (block: DocJSON, id: string): DocJSON => ({ ...block, attrs: { id } })
  return b.law('Law', ['Preamble'], [
    withId(b.chapter('General provisions'), 'ch1'),
    withId(b.article('Purpose', [withId(b.clause('Single paragraph.'), 'a1c1')]), 'a1'),
    withId(b.article('Definitions', [
      withId(b.clause('First paragraph.'), 'a2c1'),
      withId(b.clause('Second paragraph, with points:'), 'a2c2'),
      withId(b.point('one;'), 'a2c2p1'),
      withId(b.point('two, with sub-points:'), 'a2c2p2'),
      withId(b.subpoint('first;'), 'a2c2p2s1'),
      withId(b.subpoint('second;'), 'a2c2p2s2'),
      withId(b.point('three, with sub-points:'), 'a2c2p3'),
      withId(b.subpoint('again first;'), 'a2c2p3s1'),
      withId(b.clause('Third paragraph, with points:'), 'a2c3'),
      withId(b.point('one again;'), 'a2c3p1'),
      withId(b.point('two again.'), 'a2c3p2'),
    ]), 'a2'),
    withId(b.chapter('Protection'), 'ch2'),
    withId(b.article('Non-liability', [withId(b.clause('Text.'), 'a3c1')]), 'a3'),
    withId(b.article('Assistance', [withId(b.clause('Text.'), 'a4c1')]), 'a4'),
    withId(b.chapter('Final provisions'), 'ch3'),
    withId(b.article('Entry into force', [withId(b.clause('Text.'), 'a5c1')]), 'a5'),
  ])
}

describe('toRoman / toLetters', () => {
  it.each([
    [1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [9, 'IX'], [10, 'X'], [14, 'XIV'],
    [19, 'XIX'], [40, 'XL'], [49, 'XLIX'], [90, 'XC'], [400, 'CD'], [1994, 'MCMXCIV'], [2024, 'MMXXIV'],
  ])('toRoman(%i) = %s', (n, roman) => {
    expect(toRoman(n)).toBe(roman)
  })

  it('English sub-point letters a … z, then aa, ab …', () => {
    expect(toLetters(1, 'en')).toBe('a')
    expect(toLetters(2, 'en')).toBe('b')
    expect(toLetters(26, 'en')).toBe('z')
    expect(toLetters(27, 'en')).toBe('aa')
    expect(toLetters(28, 'en')).toBe('ab')
    expect(toLetters(52, 'en')).toBe('az')
    expect(toLetters(53, 'en')).toBe('ba')
    expect(toLetters(26 * 27, 'en')).toBe('zz')
    expect(toLetters(26 * 27 + 1, 'en')).toBe('aaa')
  })

  it('Russian sub-point letters skip ё, й, ъ, ы, ь and continue after я with аа', () => {
    const first28 = Array.from({ length: 28 }, (_, i) => toLetters(i + 1, 'ru')).join('')
    expect(first28).toBe('абвгдежзиклмнопрстуфхцчшщэюя')
    for (const skipped of ['ё', 'й', 'ъ', 'ы', 'ь']) expect(first28).not.toContain(skipped)
    expect(toLetters(9, 'ru')).toBe('и')
    expect(toLetters(10, 'ru')).toBe('к') // not й
    expect(toLetters(28, 'ru')).toBe('я')
    expect(toLetters(29, 'ru')).toBe('аа')
    expect(toLetters(30, 'ru')).toBe('аб')
  })

  it('letters are unique for the first thousand numbers', () => {
    for (const language of ['en', 'ru'] as const) {
      const seen = new Set(Array.from({ length: 1000 }, (_, i) => toLetters(i + 1, language)))
      expect(seen.size).toBe(1000)
    }
  })
})

describe('numberDocument', () => {
  it('numbers articles through the whole law, across chapters', () => {
    const doc = docFromJSON(law())
    expect(labels(doc, 'en', 'article')).toEqual(['Article 1.', 'Article 2.', 'Article 3.', 'Article 4.', 'Article 5.'])
    const byId = labelsById(doc, 'en')
    expect(byId.a3).toBe('Article 3.') // first article of chapter II is not "Article 1."
    expect(byId.a5).toBe('Article 5.')
    expect(numberDocument(doc, 'en').find((n) => n.id === 'a4')!.num).toBe('4')
  })

  it('labels chapters "Chapter I." (Roman) in English and "Глава 1." in Russian', () => {
    const doc = docFromJSON(law())
    expect(labels(doc, 'en', 'chapter')).toEqual(['Chapter I.', 'Chapter II.', 'Chapter III.'])
    expect(labels(doc, 'ru', 'chapter')).toEqual(['Глава 1.', 'Глава 2.', 'Глава 3.'])
    const en = numberDocument(doc, 'en').filter((n) => n.kind === 'chapter')
    expect(en.map((n) => n.num)).toEqual(['I', 'II', 'III'])
    const ru = numberDocument(doc, 'ru').filter((n) => n.kind === 'chapter')
    expect(ru.map((n) => n.num)).toEqual(['1', '2', '3'])
  })

  it('labels articles "Article 5." in English and "Статья 5." in Russian', () => {
    const doc = docFromJSON(law())
    expect(labelsById(doc, 'en').a5).toBe('Article 5.')
    expect(labelsById(doc, 'ru').a5).toBe('Статья 5.')
    expect(labels(doc, 'ru', 'article')).toEqual(['Статья 1.', 'Статья 2.', 'Статья 3.', 'Статья 4.', 'Статья 5.'])
  })

  it('numbers paragraphs within their article, and shows none for a single paragraph', () => {
    const doc = docFromJSON(law())
    const byId = labelsById(doc, 'en')
    expect([byId.a2c1, byId.a2c2, byId.a2c3]).toEqual(['1.', '2.', '3.'])
    expect(byId.a1c1).toBe('')
    expect(byId.a3c1).toBe('')
    const single = numberDocument(doc, 'en').find((n) => n.id === 'a1c1')!
    expect(single.num).toBe('')
  })

  it('paragraph numbers restart in every article', () => {
    const b = createBuilders('r')
    const doc = docFromJSON(b.law('L', [], [
      b.article('A', [b.clause('1'), b.clause('2')]),
      b.article('B', [b.clause('1'), b.clause('2'), b.clause('3')]),
    ]))
    expect(labels(doc, 'en', 'clause')).toEqual(['1.', '2.', '1.', '2.', '3.'])
  })

  it('a single paragraph followed by points shows no paragraph number, its points do', () => {
    const b = createBuilders('s')
    const doc = docFromJSON(b.law('L', [], [b.article('A', [b.clause('Intro:'), b.point('x'), b.point('y')])]))
    expect(labels(doc, 'en')).toEqual(['Article 1.', '', '(a)', '(b)'])
    expect(labels(doc, 'ru')).toEqual(['Статья 1.', '', '1)', '2)'])
  })

  it('letters points "(a)", "(b)" in English and numbers them «1)», «2)» in Russian, restarting them in every paragraph', () => {
    const doc = docFromJSON(law())
    const byId = labelsById(doc, 'en')
    expect([byId.a2c2p1, byId.a2c2p2, byId.a2c2p3]).toEqual(['(a)', '(b)', '(c)'])
    expect([byId.a2c3p1, byId.a2c3p2]).toEqual(['(a)', '(b)'])
    const ru = labelsById(doc, 'ru')
    expect([ru.a2c2p1, ru.a2c2p2, ru.a2c2p3]).toEqual(['1)', '2)', '3)'])
    expect(ru.a2c3p2).toBe('2)')
  })

  it('numbers sub-points "(i)", "(ii)" in English and letters them «а)», «б)» in Russian, restarting in every point', () => {
    const doc = docFromJSON(law())
    const en = labelsById(doc, 'en')
    expect([en.a2c2p2s1, en.a2c2p2s2, en.a2c2p3s1]).toEqual(['(i)', '(ii)', '(i)'])
    const ru = labelsById(doc, 'ru')
    expect([ru.a2c2p2s1, ru.a2c2p2s2, ru.a2c2p3s1]).toEqual(['а)', 'б)', 'а)'])
    // Cyrillic, not Latin look-alikes.
    expect(ru.a2c2p2s1.codePointAt(0)).toBe(0x430)
  })

  it('sub-points restart after a new paragraph as well', () => {
    const b = createBuilders('u')
    const doc = docFromJSON(b.law('L', [], [b.article('A', [
      b.clause('1'), b.point('p'), b.subpoint('s'), b.subpoint('s'),
      b.clause('2'), b.point('p'), b.subpoint('s'),
    ])]))
    expect(labels(doc, 'en')).toEqual(['Article 1.', '1.', '(a)', '(i)', '(ii)', '2.', '(a)', '(i)'])
    expect(labels(doc, 'ru')).toEqual(['Статья 1.', '1.', '1)', 'а)', 'б)', '2.', '1)', 'а)'])
  })

  it('the 10th Russian sub-point is "к)", the 27th English point "(aa)" and the 14th English sub-point "(xiv)"', () => {
    const b = createBuilders('v')
    const subs = Array.from({ length: 30 }, (_, i) => b.subpoint(`s${i + 1}`))
    const doc = docFromJSON(b.law('L', [], [b.article('A', [b.clause('c'), b.point('p'), ...subs])]))
    const en = labels(doc, 'en', 'subpoint')
    expect(en[13]).toBe('(xiv)')
    expect(en[29]).toBe('(xxx)')
    const points = Array.from({ length: 28 }, (_, i) => b.point(`p${i + 1}`))
    const enPoints = labels(docFromJSON(b.law('L', [], [b.article('A', [b.clause('c'), ...points])])), 'en', 'point')
    expect(enPoints.slice(24)).toEqual(['(y)', '(z)', '(aa)', '(ab)'])
    const ru = labels(doc, 'ru', 'subpoint')
    expect(ru[9]).toBe('к)')
    expect(ru[27]).toBe('я)')
    expect(ru[28]).toBe('аа)')
  })

  it('reports each numbered node at its position, with its id', () => {
    const doc = docFromJSON(law())
    const all = numberDocument(doc, 'en')
    expect(all).toHaveLength(3 + 5 + 7 + 5 + 3) // chapters, articles, clauses, points, sub-points
    for (const n of all) {
      const node = doc.nodeAt(n.pos)!
      expect(node.type.name).toBe(n.kind)
      expect(node.attrs.id).toBe(n.id)
    }
    // Document order.
    const positions = all.map((n) => n.pos)
    expect([...positions].sort((x, y) => x - y)).toEqual(positions)
  })

  it('ignores the title and the preamble', () => {
    const b = createBuilders('w')
    const doc = docFromJSON(b.law('Article 1. Not an article', ['Chapter I. not a chapter'], []))
    expect(numberDocument(doc, 'en')).toEqual([])
  })
})

describe('renumbering after edits (ids stay the same)', () => {
  const ids = (doc: PMNode) => numberDocument(doc, 'en').filter((n) => n.kind === 'article').map((n) => `${n.id}=${n.num}`)

  it('inserting an article renumbers those that follow, not those before', () => {
    let state = withCursorIn(stateFromJSON(law()), 'article', 1) // in "Definitions" (Article 2)
    const before = labelsById(state.doc, 'en')
    const res = run(state, insertArticle)
    expect(res.ok).toBe(true)
    state = res.state
    const after = numberDocument(state.doc, 'en').filter((n) => n.kind === 'article')
    expect(after).toHaveLength(6)
    const newOne = after[2]
    expect(newOne.id).not.toBeNull()
    expect(['a1', 'a2', 'a3', 'a4', 'a5']).not.toContain(newOne.id)
    expect(after.map((n) => n.id)).toEqual(['a1', 'a2', newOne.id, 'a3', 'a4', 'a5'])
    expect(after.map((n) => n.label)).toEqual(['Article 1.', 'Article 2.', 'Article 3.', 'Article 4.', 'Article 5.', 'Article 6.'])
    const byId = labelsById(state.doc, 'en')
    expect(byId.a1).toBe(before.a1)
    expect(byId.a2).toBe(before.a2)
    expect(byId.a3).toBe('Article 4.')
    expect(byId.a5).toBe('Article 6.')
    // Chapters are not renumbered by an article.
    expect([byId.ch1, byId.ch2, byId.ch3]).toEqual(['Chapter I.', 'Chapter II.', 'Chapter III.'])
  })

  it('moving an article up swaps the numbers, ids follow the text', () => {
    const state = withCursorIn(stateFromJSON(law()), 'article', 3) // "Assistance", Article 4
    const res = run(state, moveStructural(-1))
    expect(res.ok).toBe(true)
    expect(ids(res.state.doc)).toEqual(['a1=1', 'a2=2', 'a4=3', 'a3=4', 'a5=5'])
    const a4 = res.state.doc.nodeAt(numberDocument(res.state.doc, 'en').find((n) => n.id === 'a4')!.pos)!
    expect(a4.firstChild!.textContent).toBe('Assistance')
  })

  it('moving the first article of a chapter up puts it before the chapter heading, in the previous chapter', () => {
    const state = withCursorIn(stateFromJSON(law()), 'article', 2) // "Non-liability", first in chapter II
    const res = run(state, moveStructural(-1))
    expect(res.ok).toBe(true)
    expect(outlineOf(res.state.doc, 'en').map((e) => `${e.label} ${e.heading}`)).toEqual([
      'Chapter I. General provisions',
      'Article 1. Purpose',
      'Article 2. Definitions',
      'Article 3. Non-liability',
      'Chapter II. Protection',
      'Article 4. Assistance',
      'Chapter III. Final provisions',
      'Article 5. Entry into force',
    ])
    expect(labelsById(res.state.doc, 'en').a3).toBe('Article 3.')
  })

  it('gives the outline of the same text in the language asked, asked again in another', () => {
    const doc = stateFromJSON(law()).doc
    expect(outlineOf(doc, 'en')[0].label).toBe('Chapter I.')
    expect(outlineOf(doc, 'ru')[0].label).toBe('Глава 1.')
    expect(outlineOf(doc, 'en')[1].label).toBe('Article 1.')
  })

  it('moving an article down over another renumbers both', () => {
    const state = withCursorIn(stateFromJSON(law()), 'article', 0)
    let res = run(state, moveStructural(1))
    expect(ids(res.state.doc)).toEqual(['a2=1', 'a1=2', 'a3=3', 'a4=4', 'a5=5'])
    // Paragraph numbering travels with the article's own structure.
    const byId = labelsById(res.state.doc, 'en')
    expect([byId.a2c1, byId.a2c2, byId.a2c3, byId.a1c1]).toEqual(['1.', '2.', '3.', ''])
    // Moving it down again passes the chapter heading: same article numbers, new chapter.
    res = run(res.state, moveStructural(1))
    expect(ids(res.state.doc)).toEqual(['a2=1', 'a1=2', 'a3=3', 'a4=4', 'a5=5'])
    expect(outlineOf(res.state.doc, 'en').slice(0, 4).map((e) => e.id)).toEqual(['ch1', 'a2', 'ch2', 'a1'])
  })

  it('deleting an article renumbers those that follow', () => {
    const state = withCursorIn(stateFromJSON(law()), 'article', 1) // cursor in the heading of Article 2
    const res = run(state, deleteStructural)
    expect(res.ok).toBe(true)
    expect(ids(res.state.doc)).toEqual(['a1=1', 'a3=2', 'a4=3', 'a5=4'])
    expect(labelsById(res.state.doc, 'ru').a5).toBe('Статья 4.')
  })

  it('deleting a chapter heading renumbers the following chapters, not the articles', () => {
    const state = withCursorIn(stateFromJSON(law()), 'chapter', 1)
    const res = run(state, deleteStructural)
    expect(res.ok).toBe(true)
    const byId = labelsById(res.state.doc, 'en')
    expect(byId.ch2).toBeUndefined()
    expect(byId.ch3).toBe('Chapter II.')
    expect(ids(res.state.doc)).toEqual(['a1=1', 'a2=2', 'a3=3', 'a4=4', 'a5=5'])
  })

  it('deleting a paragraph renumbers its siblings and drops the number of a now-single paragraph', () => {
    const b = createBuilders('d')
    const doc = { ...b.law('L', [], [b.article('A', [{ ...b.clause('one'), attrs: { id: 'k1' } }, { ...b.clause('two'), attrs: { id: 'k2' } }])]) }
    const state = withCursorIn(stateFromJSON(doc), 'clause', 0)
    expect(labelsById(state.doc, 'en').k2).toBe('2.')
    const res = run(state, deleteStructural)
    expect(labelsById(res.state.doc, 'en')).toEqual({ [res.state.doc.child(2).attrs.id]: 'Article 1.', k2: '' })
  })

  it('a position-only change (text typed before) does not change any label', () => {
    const state = stateFromJSON(law())
    const tr = state.tr.insertText('Very long new title words ', posOfNth(state.doc, 'lawTitle') + 1)
    const next = state.apply(tr)
    expect(numberDocument(next.doc, 'en').map((n) => `${n.id}:${n.label}`)).toEqual(
      numberDocument(state.doc, 'en').map((n) => `${n.id}:${n.label}`),
    )
  })
})

describe('outlineOf', () => {
  it('lists chapters and articles with labels, numbers, ids and headings, in order', () => {
    const doc = docFromJSON(law())
    expect(outlineOf(doc, 'en')).toEqual([
      { kind: 'chapter', id: 'ch1', num: 'I', label: 'Chapter I.', heading: 'General provisions' },
      { kind: 'article', id: 'a1', num: '1', label: 'Article 1.', heading: 'Purpose' },
      { kind: 'article', id: 'a2', num: '2', label: 'Article 2.', heading: 'Definitions' },
      { kind: 'chapter', id: 'ch2', num: 'II', label: 'Chapter II.', heading: 'Protection' },
      { kind: 'article', id: 'a3', num: '3', label: 'Article 3.', heading: 'Non-liability' },
      { kind: 'article', id: 'a4', num: '4', label: 'Article 4.', heading: 'Assistance' },
      { kind: 'chapter', id: 'ch3', num: 'III', label: 'Chapter III.', heading: 'Final provisions' },
      { kind: 'article', id: 'a5', num: '5', label: 'Article 5.', heading: 'Entry into force' },
    ])
  })

  it('uses the article heading only, not its paragraphs, and Russian labels', () => {
    const b = createBuilders('o')
    const doc = docFromJSON(b.law('Закон', [], [
      b.chapter('Общие положения'),
      b.article('Цель настоящего Закона', [b.clause('Текст части.'), b.point('пункт')]),
      b.article('', [b.clause('Без заголовка')]),
    ]))
    expect(outlineOf(doc, 'ru').map(({ label, heading }) => ({ label, heading }))).toEqual([
      { label: 'Глава 1.', heading: 'Общие положения' },
      { label: 'Статья 1.', heading: 'Цель настоящего Закона' },
      { label: 'Статья 2.', heading: '' },
    ])
  })

  it("gives the same entries while only articles' paragraphs change, and new ones when a heading or the structure does", () => {
    const state = stateFromJSON(law())
    const before = outlineOf(state.doc, 'en')
    const typed = state.apply(state.tr.insertText('More words. ', posOfNth(state.doc, 'clause', 2) + 1))
    expect(outlineOf(typed.doc, 'en')).toBe(before)
    // Each from the document outlined last, so that the comparison is what decides.
    const renamed = typed.apply(typed.tr.insertText('New ', posOfNth(typed.doc, 'articleHeading', 3) + 1))
    expect(outlineOf(renamed.doc, 'en')[5].heading).toBe('New Assistance')
    const chapterRenamed = renamed.apply(renamed.tr.insertText('More ', posOfNth(renamed.doc, 'chapter', 1) + 1))
    expect(outlineOf(chapterRenamed.doc, 'en')[3].heading).toBe('More Protection')
    const added = run(withCursorIn(chapterRenamed, 'articleHeading', 1), insertArticle)
    expect(outlineOf(added.state.doc, 'en')).toHaveLength(before.length + 1)
    expect(outlineOf(added.state.doc, 'en')).toEqual(outlineOf(docFromJSON(added.state.doc.toJSON() as DocJSON), 'en'))
  })

  it('is empty exactly when hasOutline says there is nothing to outline', () => {
    const b = createBuilders('h')
    const empty = docFromJSON(b.law('Law', ['Preamble only'], []))
    const chapterOnly = docFromJSON(b.law('Law', [], [b.chapter('General provisions')]))
    expect([hasOutline(empty), outlineOf(empty, 'en')]).toEqual([false, []])
    expect(hasOutline(chapterOnly)).toBe(true)
    expect(hasOutline(docFromJSON(law()))).toBe(true)
  })
})
