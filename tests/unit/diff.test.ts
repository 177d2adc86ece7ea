import { describe, expect, it } from 'vitest'
import { compareDocuments, type ArticleDiff, type DocumentDiff } from '../../shared/diff'
import { article, chapter, clause, law, point, subpoint } from '../../shared/diff/testing/fixtures'
import type { DocJSON } from '../../shared/schema'

/**
 * Crafted comparisons: each builds two versions of a small law with readable ids and checks
 * the article-level result and the word-level segments exactly.
 */

/** Ten one-paragraph articles in three chapters: c1 (a1–a4), c2 (a5–a7), c3 (a8–a10). */
function articleOf(n: number): DocJSON {
  return article(`a${n}`, `Heading ${n}`, clause(`a${n}c1`, `Text of article ${n} about its own subject ${n}.`))
}

function base(parts: (DocJSON | number)[] = defaultOrder()): DocJSON {
  return law('Model Law', ['First preamble paragraph.', 'Second preamble paragraph.'], parts.map((p) => (typeof p === 'number' ? articleOf(p) : p)))
}

const c1 = chapter('c1', 'General provisions')
const c2 = chapter('c2', 'Jurisdiction')
const c3 = chapter('c3', 'Final provisions')

function defaultOrder(): (DocJSON | number)[] {
  return [c1, 1, 2, 3, 4, c2, 5, 6, 7, c3, 8, 9, 10]
}

function byId(diff: DocumentDiff, id: string): ArticleDiff {
  const found = diff.articles.find((a) => a.id === id)
  if (!found) throw new Error(`no article ${id}`)
  return found
}

/** A compact, readable view of every article: "id status [moved] [renumbered] before→after". */
function overview(diff: DocumentDiff): string[] {
  return diff.articles.map(
    (a) => `${a.id} ${a.status}${a.moved ? ' moved' : ''}${a.renumbered ? ' renumbered' : ''} ${a.labelBefore ?? '-'}→${a.labelAfter ?? '-'}`,
  )
}

describe('compareDocuments: identical versions', () => {
  it('reports nothing changed', () => {
    const diff = compareDocuments(base(), base(), 'en')
    expect(diff.summary).toEqual({
      articles: { added: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0, unchanged: 10 },
      parts: { added: 0, deleted: 0, changed: 0, moved: 0 },
      chapters: { added: 0, deleted: 0, changed: 0, moved: 0 },
      sections: { added: 0, deleted: 0, changed: 0, moved: 0 },
      titleChanged: false,
      preambleChanged: false,
      conclusionsChanged: false,
      definitions: { added: [], deleted: [], changed: [] },
    })
    expect(diff.structure.map((x) => x.id)).toEqual(['c1', 'a1', 'a2', 'a3', 'a4', 'c2', 'a5', 'a6', 'a7', 'c3', 'a8', 'a9', 'a10'])
    expect(byId(diff, 'a1').blocks).toEqual([
      {
        status: 'unchanged', before: 'Text of article 1 about its own subject 1.', after: 'Text of article 1 about its own subject 1.',
        segments: [{ kind: 'equal', text: 'Text of article 1 about its own subject 1.' }],
        id: 'a1c1', typeBefore: 'clause', typeAfter: 'clause', labelBefore: '', labelAfter: '',
        indexBefore: 0, indexAfter: 0, moved: false,
      },
    ])
  })
})

describe('compareDocuments: renumbering only', () => {
  it('a new Article 1 is added; the rest are renumbered, neither moved nor changed', () => {
    const added = article('new', 'Definitions', clause('newc1', 'In this Law the following terms are used.'))
    const diff = compareDocuments(base(), base([c1, added, 1, 2, 3, 4, c2, 5, 6, 7, c3, 8, 9, 10]), 'en')
    expect(overview(diff)).toEqual([
      'new added -→Article 1.',
      ...Array.from({ length: 10 }, (_, i) => `a${i + 1} unchanged renumbered Article ${i + 1}.→Article ${i + 2}.`),
    ])
    expect(diff.summary.articles).toEqual({ added: 1, deleted: 0, changed: 0, moved: 0, renumbered: 10, unchanged: 0 })
    const fresh = byId(diff, 'new')
    expect(fresh.chapterAfter).toEqual({ id: 'c1', label: 'Chapter I.', heading: 'General provisions' })
    expect(fresh.chapterBefore).toBeNull()
    expect(fresh.heading.segments).toEqual([{ kind: 'insert', text: 'Definitions' }])
    expect(fresh.blocks.map((b) => [b.status, b.labelAfter, b.segments])).toEqual([
      ['added', '', [{ kind: 'insert', text: 'In this Law the following terms are used.' }]],
    ])
    expect(fresh.splitFrom).toBeNull()
  })
})

describe('compareDocuments: a move', () => {
  it('moving Article 3 to position 7 marks exactly that article as moved', () => {
    const diff = compareDocuments(base(), base([c1, 1, 2, 4, c2, 5, 6, 7, 3, c3, 8, 9, 10]), 'en')
    expect(diff.articles.filter((a) => a.moved).map((a) => a.id)).toEqual(['a3'])
    expect(overview(diff)).toEqual([
      'a1 unchanged Article 1.→Article 1.',
      'a2 unchanged Article 2.→Article 2.',
      'a4 unchanged renumbered Article 4.→Article 3.',
      'a5 unchanged renumbered Article 5.→Article 4.',
      'a6 unchanged renumbered Article 6.→Article 5.',
      'a7 unchanged renumbered Article 7.→Article 6.',
      'a3 unchanged moved renumbered Article 3.→Article 7.',
      'a8 unchanged Article 8.→Article 8.',
      'a9 unchanged Article 9.→Article 9.',
      'a10 unchanged Article 10.→Article 10.',
    ])
    expect(diff.summary.articles).toEqual({ added: 0, deleted: 0, changed: 0, moved: 1, renumbered: 4, unchanged: 5 })
    const moved = byId(diff, 'a3')
    expect([moved.chapterBefore?.id, moved.chapterAfter?.id, moved.chapterChanged]).toEqual(['c1', 'c2', true])
  })

  it('swapping two neighbours moves one of them, deterministically (the one now first)', () => {
    const diff = compareDocuments(base(), base([c1, 1, 3, 2, 4, c2, 5, 6, 7, c3, 8, 9, 10]), 'en')
    expect(diff.articles.filter((a) => a.moved).map((a) => a.id)).toEqual(['a3'])
  })
})

describe('compareDocuments: an article split in two', () => {
  const before = base([
    c1, 1,
    article('a2', 'Protection and assistance',
      clause('a2c1', 'Victims shall be protected from retaliation and intimidation.'),
      clause('a2c2', 'Victims shall receive medical, psychological and legal assistance free of charge.')),
    3, 4, c2, 5, 6, 7, c3, 8, 9, 10,
  ])
  const after = base([
    c1, 1,
    article('a2', 'Protection', clause('a2c1', 'Victims shall be protected from retaliation and intimidation.')),
    article('a2b', 'Assistance', clause('a2bc1', 'Victims shall receive medical, psychological and legal assistance free of charge.')),
    3, 4, c2, 5, 6, 7, c3, 8, 9, 10,
  ])
  const diff = compareDocuments(before, after, 'en')

  it('the surviving id keeps matching and the new article is added, with its provenance', () => {
    expect(overview(diff).slice(0, 4)).toEqual([
      'a1 unchanged Article 1.→Article 1.',
      'a2 changed Article 2.→Article 2.',
      'a2b added -→Article 3.',
      'a3 unchanged renumbered Article 3.→Article 4.',
    ])
    expect(byId(diff, 'a2b').splitFrom).toEqual({ id: 'a2', label: 'Article 2.', heading: 'Protection and assistance' })
    expect(byId(diff, 'a2').splitInto).toEqual([{ id: 'a2b', label: 'Article 3.', heading: 'Assistance' }])
    expect(diff.articles.filter((a) => a.mergedInto || a.mergedFrom.length).map((a) => a.id)).toEqual([])
    expect(diff.summary.articles).toEqual({ added: 1, deleted: 0, changed: 1, moved: 0, renumbered: 8, unchanged: 1 })
  })

  it('inside the surviving article: the heading lost words, the second paragraph is deleted, the first lost its number', () => {
    const a2 = byId(diff, 'a2')
    expect(a2.heading.segments).toEqual([
      { kind: 'equal', text: 'Protection' },
      { kind: 'delete', text: ' and assistance' },
    ])
    expect(a2.blocks.map((b) => [b.id, b.status, b.labelBefore, b.labelAfter])).toEqual([
      ['a2c1', 'unchanged', '1.', ''],
      ['a2c2', 'deleted', '2.', null],
    ])
  })

  it('an unrelated new article gets no provenance', () => {
    const other = compareDocuments(base(), base([c1, 1, article('x', 'Other', clause('xc1', 'Entirely different words appear here now.')), 2, 3, 4, c2, 5, 6, 7, c3, 8, 9, 10]), 'en')
    expect(byId(other, 'x').splitFrom).toBeNull()
  })
})

describe('compareDocuments: two articles merged', () => {
  const before = base([
    c1, 1, 2, 3,
    article('a4', 'Residence permit', clause('a4c1', 'A victim may be granted a temporary residence permit for six months.')),
    c2,
    article('a5', 'Renewal of the permit', clause('a5c1', 'The permit may be renewed while criminal proceedings continue.')),
    6, 7, c3, 8, 9, 10,
  ])
  const after = base([
    c1, 1, 2, 3,
    article('a4', 'Residence permit',
      clause('a4c1', 'A victim may be granted a temporary residence permit for six months.'),
      clause('a5c1', 'The permit may be renewed while criminal proceedings continue.')),
    c2, 6, 7, c3, 8, 9, 10,
  ])
  const diff = compareDocuments(before, after, 'en')

  it('the absorbed article is deleted and says where its text went', () => {
    expect(overview(diff).slice(3, 7)).toEqual([
      'a4 changed Article 4.→Article 4.',
      'a5 deleted Article 5.→-',
      'a6 unchanged renumbered Article 6.→Article 5.',
      'a7 unchanged renumbered Article 7.→Article 6.',
    ])
    expect(byId(diff, 'a5').mergedInto).toEqual({ id: 'a4', label: 'Article 4.', heading: 'Residence permit' })
    expect(byId(diff, 'a4').mergedFrom).toEqual([{ id: 'a5', label: 'Article 5.', heading: 'Renewal of the permit' }])
    expect(diff.articles.filter((a) => a.splitFrom || a.splitInto.length).map((a) => a.id)).toEqual([])
    expect(diff.summary.articles).toEqual({ added: 0, deleted: 1, changed: 1, moved: 0, renumbered: 5, unchanged: 3 })
  })

  it('the receiving article shows the paragraph it gained, numbered', () => {
    expect(byId(diff, 'a4').blocks.map((b) => [b.id, b.status, b.labelBefore, b.labelAfter, b.segments])).toEqual([
      ['a4c1', 'unchanged', '', '1.', [{ kind: 'equal', text: 'A victim may be granted a temporary residence permit for six months.' }]],
      ['a5c1', 'added', null, '2.', [{ kind: 'insert', text: 'The permit may be renewed while criminal proceedings continue.' }]],
    ])
  })

  it('the deleted article stays in reading order where it stood, after the chapter heading', () => {
    expect(diff.structure.map((x) => x.id)).toEqual(['c1', 'a1', 'a2', 'a3', 'a4', 'c2', 'a5', 'a6', 'a7', 'c3', 'a8', 'a9', 'a10'])
  })
})

describe('compareDocuments: a deleted chapter', () => {
  const diff = compareDocuments(base(), base([c1, 1, 2, 3, 4, 5, 6, 7, c3, 8, 9, 10]), 'en')

  it('the heading is deleted and the next chapter renumbered', () => {
    expect(diff.chapters.map((c) => [c.id, c.status, c.renumbered, c.labelBefore, c.labelAfter])).toEqual([
      ['c1', 'unchanged', false, 'Chapter I.', 'Chapter I.'],
      ['c2', 'deleted', false, 'Chapter II.', null],
      ['c3', 'unchanged', true, 'Chapter III.', 'Chapter II.'],
    ])
    expect(diff.chapters[1].heading.segments).toEqual([{ kind: 'delete', text: 'Jurisdiction' }])
    expect(diff.summary.chapters).toEqual({ added: 0, deleted: 1, changed: 0, moved: 0 })
  })

  it('its articles now belong to the previous chapter, unchanged and not renumbered', () => {
    expect(diff.articles.filter((a) => a.chapterChanged).map((a) => [a.id, a.chapterBefore?.label, a.chapterAfter?.label])).toEqual([
      ['a5', 'Chapter II.', 'Chapter I.'],
      ['a6', 'Chapter II.', 'Chapter I.'],
      ['a7', 'Chapter II.', 'Chapter I.'],
    ])
    expect(diff.summary.articles).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0, unchanged: 10 })
    expect(diff.structure.map((x) => `${x.id}:${x.status}`).slice(4, 7)).toEqual(['a4:unchanged', 'c2:deleted', 'a5:unchanged'])
  })

  it('a renamed chapter is changed, word by word', () => {
    const renamed = compareDocuments(base(), base([c1, 1, 2, 3, 4, chapter('c2', 'Jurisdiction and cooperation'), 5, 6, 7, c3, 8, 9, 10]), 'en')
    expect(renamed.chapters[1].status).toBe('changed')
    expect(renamed.chapters[1].heading.segments).toEqual([
      { kind: 'equal', text: 'Jurisdiction' },
      { kind: 'insert', text: ' and cooperation' },
    ])
    expect(renamed.summary.chapters).toEqual({ added: 0, deleted: 0, changed: 1, moved: 0 })
  })
})

/** One article with a paragraph introducing points and sub-points. */
function principles(points: [string, string, string], language: 'en' | 'ru' = 'en'): DocJSON {
  return law(language === 'en' ? 'Model Law' : 'Модельный закон', [''], [
    chapter('c1', language === 'en' ? 'General provisions' : 'Общие положения'),
    article('p', language === 'en' ? 'Guiding principles' : 'Основные принципы',
      clause('pc1', language === 'en' ? 'Measures are guided by the following principles:' : 'Меры основываются на следующих принципах:'),
      point('pp1', points[0]),
      point('pp2', points[1]),
      subpoint('pp2s1', points[2])),
  ])
}

describe('compareDocuments: an edit inside a point', () => {
  const diff = compareDocuments(
    principles(['respect for human rights;', 'priority of the best interests of the child, in particular:', 'its safety;']),
    principles(['respect for human rights;', 'priority of the best interests and the safety of the child, in particular:', 'its safety;']),
    'en',
  )

  it('only the edited point is changed, with exact word segments', () => {
    const p = diff.articles[0]
    expect(p.status).toBe('changed')
    expect(p.blocks.map((b) => [b.id, b.status, b.labelAfter])).toEqual([
      ['pc1', 'unchanged', ''],
      ['pp1', 'unchanged', '(a)'],
      ['pp2', 'changed', '(b)'],
      ['pp2s1', 'unchanged', '(i)'],
    ])
    expect(p.blocks[2].segments).toEqual([
      { kind: 'equal', text: 'priority of the best interests ' },
      { kind: 'insert', text: 'and the safety ' },
      { kind: 'equal', text: 'of the child, in particular:' },
    ])
    expect(diff.summary.articles).toEqual({ added: 0, deleted: 0, changed: 1, moved: 0, renumbered: 0, unchanged: 0 })
  })

  it('a point made a paragraph keeps its id and is changed', () => {
    const retyped = compareDocuments(principles(['a;', 'b;', 'c;']), law('Model Law', [''], [
      chapter('c1', 'General provisions'),
      article('p', 'Guiding principles',
        clause('pc1', 'Measures are guided by the following principles:'),
        clause('pp1', 'a;'), point('pp2', 'b;'), subpoint('pp2s1', 'c;')),
    ]), 'en')
    expect(retyped.articles[0].blocks[1]).toMatchObject({ id: 'pp1', status: 'changed', typeBefore: 'point', typeAfter: 'clause', labelBefore: '(a)', labelAfter: '2.' })
    expect(retyped.articles[0].blocks[1].segments).toEqual([{ kind: 'equal', text: 'a;' }])
  })

  it('points reordered within an article: the article is changed and the point moved', () => {
    const reordered = compareDocuments(principles(['one;', 'two;', 'three;']), law('Model Law', [''], [
      chapter('c1', 'General provisions'),
      article('p', 'Guiding principles',
        clause('pc1', 'Measures are guided by the following principles:'),
        point('pp2', 'two;'), subpoint('pp2s1', 'three;'), point('pp1', 'one;')),
    ]), 'en')
    const p = reordered.articles[0]
    expect(p.status).toBe('changed')
    expect(p.blocks.map((b) => [b.id, b.status, b.moved, b.labelBefore, b.labelAfter])).toEqual([
      ['pc1', 'unchanged', false, '', ''],
      ['pp2', 'unchanged', false, '(b)', '(a)'],
      ['pp2s1', 'unchanged', false, '(i)', '(i)'],
      ['pp1', 'unchanged', true, '(a)', '(b)'],
    ])
  })

  it('blocks without ids are matched by position among such blocks', () => {
    const noIds = (texts: string[]) => law('L', [''], [article('a', 'H', ...texts.map((t) => clause(null, t)))])
    const d = compareDocuments(noIds(['first text.', 'second text.']), noIds(['first text.', 'second changed text.', 'third.']), 'en')
    expect(d.articles[0].blocks.map((b) => [b.status, b.labelBefore, b.labelAfter])).toEqual([
      ['unchanged', '1.', '1.'],
      ['changed', '2.', '2.'],
      ['added', null, '3.'],
    ])
  })
})

describe('compareDocuments: bracketed alternatives', () => {
  const heading = (h: string) => base([c1, article('a1', h, clause('a1c1', 'Victims are not punished.'))])
  const segments = (from: string, to: string) => compareDocuments(heading(from), heading(to), 'en').articles[0].heading.segments

  it('an added alternative is one whole bracketed insertion', () => {
    expect(segments('Non-liability [non-punishment] of victims', 'Non-liability [non-punishment] [non-prosecution] of victims')).toEqual([
      { kind: 'equal', text: 'Non-liability [non-punishment] ' },
      { kind: 'insert', text: '[non-prosecution] ' },
      { kind: 'equal', text: 'of victims' },
    ])
  })

  it('a dropped alternative is one whole bracketed deletion', () => {
    expect(segments('Non-liability [non-punishment] [non-prosecution] of victims', 'Non-liability [non-prosecution] of victims')).toEqual([
      { kind: 'equal', text: 'Non-liability ' },
      { kind: 'delete', text: '[non-punishment] ' },
      { kind: 'equal', text: '[non-prosecution] of victims' },
    ])
  })

  it('a changed alternative changes only the word inside the brackets', () => {
    expect(segments('Non-liability [non-punishment] of victims', 'Non-liability [non-prosecution] of victims')).toEqual([
      { kind: 'equal', text: 'Non-liability [non-' },
      { kind: 'delete', text: 'punishment' },
      { kind: 'insert', text: 'prosecution' },
      { kind: 'equal', text: '] of victims' },
    ])
  })

  it('an alternative chosen: the brackets go, the word stays', () => {
    expect(segments('Non-liability [non-punishment] of victims', 'Non-liability non-punishment of victims')).toEqual([
      { kind: 'equal', text: 'Non-liability ' },
      { kind: 'delete', text: '[' },
      { kind: 'equal', text: 'non-punishment' },
      { kind: 'delete', text: ']' },
      { kind: 'equal', text: ' of victims' },
    ])
  })
})

describe('compareDocuments: Russian text', () => {
  const diff = compareDocuments(
    principles(['«жертва» — лицо, которому причинен вред;', 'приоритет интересов ребенка, в том числе:', 'его безопасность;'], 'ru'),
    principles(['«жертва» — физическое лицо, которому причинён вред;', 'приоритет наилучших интересов ребёнка, в том числе:', 'его безопасность.'], 'ru'),
    'ru',
  )
  const blocks = diff.articles[0].blocks

  it('labels are Russian', () => {
    expect(diff.articles[0].labelAfter).toBe('Статья 1.')
    expect(diff.chapters[0].labelAfter).toBe('Глава 1.')
    expect(blocks.map((b) => b.labelAfter)).toEqual(['', '1)', '2)', 'а)'])
  })

  it('words are whole words, ё is a letter, «» and — are punctuation', () => {
    expect(blocks[1].segments).toEqual([
      { kind: 'equal', text: '«жертва» — ' },
      { kind: 'insert', text: 'физическое ' },
      { kind: 'equal', text: 'лицо, которому ' },
      { kind: 'delete', text: 'причинен' },
      { kind: 'insert', text: 'причинён' },
      { kind: 'equal', text: ' вред;' },
    ])
    expect(blocks[2].segments).toEqual([
      { kind: 'equal', text: 'приоритет ' },
      { kind: 'insert', text: 'наилучших ' },
      { kind: 'equal', text: 'интересов ' },
      { kind: 'delete', text: 'ребенка' },
      { kind: 'insert', text: 'ребёнка' },
      { kind: 'equal', text: ', в том числе:' },
    ])
  })

  it('a punctuation-only change shows only the mark', () => {
    expect(blocks[3].segments).toEqual([
      { kind: 'equal', text: 'его безопасность' },
      { kind: 'delete', text: ';' },
      { kind: 'insert', text: '.' },
    ])
  })

  it('quotation marks changed around an unchanged word', () => {
    const quotes = compareDocuments(
      principles(['«жертва» — лицо;', 'б;', 'в;'], 'ru'),
      principles(['„жертва“ — лицо;', 'б;', 'в;'], 'ru'),
      'ru',
    )
    expect(quotes.articles[0].blocks[1].segments).toEqual([
      { kind: 'delete', text: '«' },
      { kind: 'insert', text: '„' },
      { kind: 'equal', text: 'жертва' },
      { kind: 'delete', text: '»' },
      { kind: 'insert', text: '“' },
      { kind: 'equal', text: ' — лицо;' },
    ])
  })
})

describe('compareDocuments: punctuation-only change', () => {
  it('"crime;" → "crime." changes only the mark, and the article is changed', () => {
    const text = (t: string) => base([c1, article('a1', 'Offence', clause('a1c1', t))])
    const diff = compareDocuments(text('Trafficking in persons is a crime;'), text('Trafficking in persons is a crime.'), 'en')
    expect(diff.articles[0].status).toBe('changed')
    expect(diff.articles[0].blocks[0].segments).toEqual([
      { kind: 'equal', text: 'Trafficking in persons is a crime' },
      { kind: 'delete', text: ';' },
      { kind: 'insert', text: '.' },
    ])
  })
})

describe('compareDocuments: title and preamble', () => {
  it('are compared as text parts', () => {
    const before = law('Model Law On Trafficking', ['Recognizing the harm,', 'Seeking a common basis,'], [c1, articleOf(1)])
    const after = law('Model Law On Combating Trafficking', ['Recognizing the grave harm,', 'Seeking a common basis,', 'Hereby enacts:'], [c1, articleOf(1)])
    const diff = compareDocuments(before, after, 'en')
    expect(diff.title.segments).toEqual([
      { kind: 'equal', text: 'Model Law On ' },
      { kind: 'insert', text: 'Combating ' },
      { kind: 'equal', text: 'Trafficking' },
    ])
    expect(diff.preamble.map((p) => [p.status, p.segments])).toEqual([
      ['changed', [{ kind: 'equal', text: 'Recognizing the ' }, { kind: 'insert', text: 'grave ' }, { kind: 'equal', text: 'harm,' }]],
      ['unchanged', [{ kind: 'equal', text: 'Seeking a common basis,' }]],
      ['added', [{ kind: 'insert', text: 'Hereby enacts:' }]],
    ])
    expect([diff.summary.titleChanged, diff.summary.preambleChanged]).toEqual([true, true])
  })
})
