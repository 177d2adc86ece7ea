import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { createBuilders } from '../../shared/seed/builders'
import {
  insertArticle, insertChapter, insertSection, insertPart, insertBodyBlock, shiftLevel, splitStructural, moveStructural,
  deleteStructural, findById, structuralContext, createArticle, unitRange,
} from '../../shared/editor/commands'
import { numberDocument, outlineOf } from '../../shared/numbering'
import { stableIdPlugin } from '../../shared/editor/idPlugin'
import { history, undo } from '@tiptap/pm/history'
import {
  stateFromJSON, withCursorIn, run, topLevel, bodyOf, allIds, nodeWithId, cursorBlock, withId, posOfNth, fixtureLaw,
} from '../helpers/editorState'
import { partedLaw } from '../helpers/partedLaw'

const law = () => fixtureLaw(true)

const ORIGINAL_IDS = ['ch1', 'art1', 'c1', 'c2', 'p1', 's1', 'art2', 'c3', 'ch2', 'art3', 'c4']
const INITIAL_TOP = ['lawTitle:Law', 'paragraph:Preamble', 'chapter:General', 'article:One', 'article:Two', 'chapter:Final', 'article:Three']

function top(state: EditorState): string[] {
  return topLevel(state.doc).map((s) => s.replace(/^preamble:/, 'paragraph:'))
}

function articleIds(state: EditorState): (string | null)[] {
  return numberDocument(state.doc, 'en').filter((n) => n.kind === 'article').map((n) => n.id)
}

function expectValidAndUnique(doc: PMNode): void {
  expect(() => doc.check()).not.toThrow()
  const ids = allIds(doc)
  expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true)
  expect(new Set(ids).size).toBe(ids.length)
}

/** A command that refuses must not dispatch, and must say so without dispatch too. */
function expectRefused(state: EditorState, command: Parameters<typeof run>[1]): void {
  expect(command(state)).toBe(false)
  const res = run(state, command)
  expect(res.ok).toBe(false)
  expect(res.trs).toHaveLength(0)
}

describe('fixture', () => {
  it('has the expected shape', () => {
    const state = stateFromJSON(law())
    expect(top(state)).toEqual(INITIAL_TOP)
    expect(allIds(state.doc)).toEqual(ORIGINAL_IDS)
  })
})

describe('insertArticle', () => {
  it('inserts an empty article after the current one, with fresh ids and the cursor in its heading', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 1, 3) // in Article One's body
    expect(insertArticle(state)).toBe(true)
    const res = run(state, insertArticle)
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual(['lawTitle:Law', 'paragraph:Preamble', 'chapter:General', 'article:One', 'article:', 'article:Two', 'chapter:Final', 'article:Three'])
    const inserted = res.state.doc.child(4)
    expect(bodyOf(inserted)).toEqual(['clause:'])
    expect(ORIGINAL_IDS).not.toContain(inserted.attrs.id)
    expect(ORIGINAL_IDS).not.toContain(inserted.child(1).attrs.id)
    expect(cursorBlock(res.state)).toEqual({ type: 'articleHeading', text: '', offset: 0 })
    expect(structuralContext(res.state)!.top).toBe(inserted)
    // Following articles are renumbered; existing ids are unchanged.
    expect(articleIds(res.state)).toEqual(['art1', inserted.attrs.id, 'art2', 'art3'])
    expect(allIds(res.state.doc).filter((id) => ORIGINAL_IDS.includes(id!))).toEqual(ORIGINAL_IDS)
    expectValidAndUnique(res.state.doc)
  })

  it('from a chapter heading, inserts the first article of that chapter', () => {
    const state = withCursorIn(stateFromJSON(law()), 'chapter', 1, 2)
    const res = run(state, insertArticle)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 6), 'article:', 'article:Three'])
    expect(cursorBlock(res.state).type).toBe('articleHeading')
    expect(outlineOf(res.state.doc, 'en').map((e) => e.label)).toEqual([
      'Chapter I.', 'Article 1.', 'Article 2.', 'Chapter II.', 'Article 3.', 'Article 4.',
    ])
  })

  it('from the title or preamble, inserts before the first chapter or article', () => {
    for (const where of ['lawTitle', 'paragraph']) {
      const state = withCursorIn(stateFromJSON(law()), where, 0)
      const res = run(state, insertArticle)
      expect(res.ok).toBe(true)
      expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 2), 'article:', ...INITIAL_TOP.slice(2)])
      expect(cursorBlock(res.state).type).toBe('articleHeading')
      expectValidAndUnique(res.state.doc)
    }
  })

  it.each([
    ['an article', insertArticle, 'article:'],
    ['a chapter', insertChapter, 'chapter:'],
  ] as const)('in an empty last paragraph after others (Enter, then %s), takes its place instead of leaving it empty', (_, command, added) => {
    let state = withCursorIn(stateFromJSON(law()), 'clause', 2, 'end') // Article Two's only paragraph
    state = run(state, splitStructural).state
    expect(bodyOf(nodeWithId(state.doc, 'art2')!.node)).toEqual(['clause:Only paragraph.', 'clause:'])
    const res = run(state, command)
    expect(res.trs).toHaveLength(1)
    expect(bodyOf(nodeWithId(res.state.doc, 'art2')!.node)).toEqual(['clause:Only paragraph.'])
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 5), added, ...INITIAL_TOP.slice(5)])
    expect(cursorBlock(res.state)).toEqual({ type: added === 'article:' ? 'articleHeading' : 'chapter', text: '', offset: 0 })
    expectValidAndUnique(res.state.doc)
  })

  it("keeps an empty paragraph that is the article's only one, or has blocks after it", () => {
    const b = createBuilders('e')
    const bare = withCursorIn(stateFromJSON(b.law('L', [], [withId(b.article('Bare', [b.clause('')]), 'bare')])), 'clause', 0)
    expect(bodyOf(nodeWithId(run(bare, insertArticle).state.doc, 'bare')!.node)).toEqual(['clause:'])
    let middle = withCursorIn(stateFromJSON(law()), 'clause', 0, 'end') // "First paragraph.|", before c2
    middle = run(middle, splitStructural).state
    const res = run(middle, insertArticle)
    expect(bodyOf(nodeWithId(res.state.doc, 'art1')!.node)).toEqual([
      'clause:First paragraph.', 'clause:', 'clause:Second paragraph:', 'point:a point,', 'subpoint:a sub-point.',
    ])
  })

  it('createArticle builds a valid article with the given heading and text', () => {
    const state = stateFromJSON(law())
    const article = createArticle(state, 'Definitions', 'In this Law:')
    expect(() => article.check()).not.toThrow()
    expect(article.firstChild!.textContent).toBe('Definitions')
    expect(bodyOf(article)).toEqual(['clause:In this Law:'])
    expect(article.attrs.id).not.toBe(article.child(1).attrs.id)
    expect(createArticle(state).attrs.id).not.toBe(createArticle(state).attrs.id)
  })
})

describe('insertChapter', () => {
  it('inserts a chapter heading after the current article, with a fresh id and the cursor in it', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 0) // in Article One
    const res = run(state, insertChapter)
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 4), 'chapter:', ...INITIAL_TOP.slice(4)])
    const chapter = res.state.doc.child(4)
    expect(ORIGINAL_IDS).not.toContain(chapter.attrs.id)
    expect(cursorBlock(res.state)).toEqual({ type: 'chapter', text: '', offset: 0 })
    // Chapters renumber; articles do not.
    expect(outlineOf(res.state.doc, 'en').map((e) => e.label)).toEqual([
      'Chapter I.', 'Article 1.', 'Chapter II.', 'Article 2.', 'Chapter III.', 'Article 3.',
    ])
    expectValidAndUnique(res.state.doc)
  })

  it.each([
    ['a chapter', insertChapter, 'chapter:'],
    ['a section', insertSection, 'section:'],
    ['a part', insertPart, 'part:'],
  ] as const)('in an article with no words at all (a new draft\'s, or one added by mistake), puts %s in its place', (_, command, added) => {
    // An article added after Article One, then the division wanted instead.
    const state = run(withCursorIn(stateFromJSON(law()), 'clause', 0), insertArticle).state
    expect(top(state)).toEqual([...INITIAL_TOP.slice(0, 4), 'article:', ...INITIAL_TOP.slice(4)])
    const res = run(state, command)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 4), added, ...INITIAL_TOP.slice(4)])
    expect(cursorBlock(res.state)).toEqual({ type: added.slice(0, -1), text: '', offset: 0 })
    expectValidAndUnique(res.state.doc)
    // A new draft: its only article goes, and Enter in the chapter heading starts the chapter's first article.
    const b = createBuilders('n')
    const fresh = withCursorIn(stateFromJSON(b.law('L', [], [b.article('', [b.clause('')])])), 'articleHeading', 0)
    const chaptered = run(fresh, insertChapter).state
    expect(top(chaptered)).toEqual(['lawTitle:L', 'paragraph:', 'chapter:'])
    expect(top(run(chaptered, splitStructural).state)).toEqual(['lawTitle:L', 'paragraph:', 'chapter:', 'article:'])
  })

  it('keeps an article that holds words, or only a cross-reference, and puts the chapter after it', () => {
    const b = createBuilders('x')
    const doc = b.law('L', [], [withId(b.article('One', [b.clause('Text.')]), 'one'), b.article('', [{ ...b.clause(''), content: [{ type: 'xref', attrs: { target: 'one' } }] }])])
    const res = run(withCursorIn(stateFromJSON(doc), 'clause', 1), insertChapter)
    expect(top(res.state)).toEqual(['lawTitle:L', 'paragraph:', 'article:One', 'article:', 'chapter:'])
  })

  it('from a chapter heading, inserts after it', () => {
    const state = withCursorIn(stateFromJSON(law()), 'chapter', 0)
    const res = run(state, insertChapter)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 3), 'chapter:', ...INITIAL_TOP.slice(3)])
  })

  it('from the heading of a division it outranks, goes above it and owns it: a part above a chapter, a chapter above a section', () => {
    const parted = run(withCursorIn(stateFromJSON(law()), 'chapter', 0, 3), insertPart)
    expect(top(parted.state)).toEqual([...INITIAL_TOP.slice(0, 2), 'part:', ...INITIAL_TOP.slice(2)])
    expect(cursorBlock(parted.state)).toEqual({ type: 'part', text: '', offset: 0 })
    expect(outlineOf(parted.state.doc, 'ru').map((e) => e.label)).toEqual(['Раздел I.', 'Глава 1.', 'Статья 1.', 'Статья 2.', 'Глава 2.', 'Статья 3.'])
    // At the end of the second chapter's heading too.
    const second = run(withCursorIn(stateFromJSON(law()), 'chapter', 1, 'end'), insertPart)
    expect(top(second.state)).toEqual([...INITIAL_TOP.slice(0, 5), 'part:', ...INITIAL_TOP.slice(5)])
    const sectioned = run(withCursorIn(stateFromJSON(law()), 'clause', 0), insertSection).state
    const chaptered = run(withCursorIn(sectioned, 'section', 0), insertChapter)
    expect(top(chaptered.state)).toEqual([...INITIAL_TOP.slice(0, 4), 'chapter:', 'section:', ...INITIAL_TOP.slice(4)])
    expectValidAndUnique(chaptered.state.doc)
    // A section in a chapter's heading still goes after it, as its first.
    expect(top(run(withCursorIn(stateFromJSON(law()), 'chapter', 0), insertSection).state)).toEqual([...INITIAL_TOP.slice(0, 3), 'section:', ...INITIAL_TOP.slice(3)])
  })
})

describe('insertSection', () => {
  it('inserts a section heading after the current article; sections count within their chapter', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 0) // in Article One
    const res = run(state, insertSection)
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 4), 'section:', ...INITIAL_TOP.slice(4)])
    expect(ORIGINAL_IDS).not.toContain(res.state.doc.child(4).attrs.id)
    expect(cursorBlock(res.state)).toEqual({ type: 'section', text: '', offset: 0 })
    // A second one in the same chapter is § 2; the next chapter starts again at 1.
    const more = run(withCursorIn(res.state, 'article', 1), insertSection)
    const last = run(withCursorIn(more.state, 'article', 2), insertSection)
    expect(outlineOf(last.state.doc, 'ru').map((e) => e.label)).toEqual([
      'Глава 1.', 'Статья 1.', '§ 1.', 'Статья 2.', '§ 2.', 'Глава 2.', 'Статья 3.', '§ 1.',
    ])
    expect(outlineOf(last.state.doc, 'en').map((e) => e.label)[4]).toBe('Section 2.')
    expectValidAndUnique(last.state.doc)
  })

  it('Enter at the end of a section heading starts its first article; deleting it keeps the articles', () => {
    const inserted = run(withCursorIn(stateFromJSON(law()), 'chapter', 0), insertSection).state
    const entered = run(inserted, splitStructural)
    expect(top(entered.state).slice(2, 6)).toEqual(['chapter:General', 'section:', 'article:', 'article:One'])
    const deleted = run(withCursorIn(inserted, 'section', 0), deleteStructural)
    expect(top(deleted.state)).toEqual(INITIAL_TOP)
  })
})

describe('insertPart', () => {
  it('inserts a part heading; parts count through the law in Roman numerals, chapters and articles go on counting', () => {
    const first = run(withCursorIn(stateFromJSON(law()), 'chapter', 0), insertPart)
    expect(first.ok).toBe(true)
    expect(cursorBlock(first.state)).toEqual({ type: 'part', text: '', offset: 0 })
    // Above the chapter's heading (see insertChapter); after an article, as chapters and sections are.
    const second = run(withCursorIn(first.state, 'article', 1), insertPart)
    const withSection = run(withCursorIn(second.state, 'chapter', 1), insertSection)
    expect(outlineOf(withSection.state.doc, 'ru').map((e) => e.label)).toEqual([
      'Раздел I.', 'Глава 1.', 'Статья 1.', 'Статья 2.', 'Раздел II.', 'Глава 2.', '§ 1.', 'Статья 3.',
    ])
    expect(outlineOf(withSection.state.doc, 'en').map((e) => e.label).filter((l) => l.startsWith('Part'))).toEqual(['Part I.', 'Part II.'])
    expectValidAndUnique(withSection.state.doc)
  })

  it('a section after a part but before any chapter of it is the part\'s first section', () => {
    const part = run(withCursorIn(stateFromJSON(law()), 'article', 0), insertPart).state
    const section = run(withCursorIn(part, 'part', 0), insertSection).state
    const labels = outlineOf(section.doc, 'en').map((e) => e.label)
    expect(labels.slice(0, 5)).toEqual(['Chapter I.', 'Article 1.', 'Part I.', 'Section 1.', 'Article 2.'])
  })
})

describe('insertBodyBlock', () => {
  it("inserts a point after the current block of the article, with a fresh id and the cursor in it", () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 1, 'end') // "Second paragraph:"
    const res = run(state, insertBodyBlock('point'))
    expect(res.ok).toBe(true)
    const one = nodeWithId(res.state.doc, 'art1')!.node
    expect(bodyOf(one)).toEqual(['clause:First paragraph.', 'clause:Second paragraph:', 'point:', 'point:a point,', 'subpoint:a sub-point.'])
    const point = one.child(3)
    expect(ORIGINAL_IDS).not.toContain(point.attrs.id)
    expect(cursorBlock(res.state)).toEqual({ type: 'point', text: '', offset: 0 })
    expect(structuralContext(res.state)!.child).toBe(point)
    // The new point is "(a)", the old one becomes "(b)".
    const labels = numberDocument(res.state.doc, 'en')
    expect(labels.find((n) => n.id === point.attrs.id)!.label).toBe('(a)')
    expect(labels.find((n) => n.id === 'p1')!.label).toBe('(b)')
    expectValidAndUnique(res.state.doc)
  })

  it('in an article heading, inserts the block right after the heading', () => {
    const state = withCursorIn(stateFromJSON(law()), 'articleHeading', 1, 1)
    const res = run(state, insertBodyBlock('clause'))
    expect(bodyOf(nodeWithId(res.state.doc, 'art2')!.node)).toEqual(['clause:', 'clause:Only paragraph.'])
    expect(cursorBlock(res.state).type).toBe('clause')
  })

  it.each(['clause', 'point'] as const)('inserts a %s', (type) => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 2)
    const res = run(state, insertBodyBlock(type))
    expect(bodyOf(nodeWithId(res.state.doc, 'art2')!.node)).toEqual(['clause:Only paragraph.', `${type}:`])
    expectValidAndUnique(res.state.doc)
  })

  it('makes an empty block the new kind instead of leaving it empty above the new one (Enter, then "Point")', () => {
    let state = withCursorIn(stateFromJSON(law()), 'clause', 2) // "Only paragraph."
    state = run(state, insertBodyBlock('clause')).state // as Enter does: an empty paragraph
    const empty = cursorBlock(state)
    expect(empty.type).toBe('clause')
    const id = structuralContext(state)!.child!.attrs.id
    let res = run(state, insertBodyBlock('point'))
    expect(bodyOf(nodeWithId(res.state.doc, 'art2')!.node)).toEqual(['clause:Only paragraph.', 'point:'])
    expect(structuralContext(res.state)!.child!.attrs.id).toBe(id) // the same block, its id kept
    expect(cursorBlock(res.state).type).toBe('point')
    // An empty point after a point becomes a sub-point; an empty sub-point a point again.
    res = run(run(res.state, (st, d) => (d?.(st.tr.insertText('a point;')), true)).state, insertBodyBlock('point'))
    res = run(res.state, insertBodyBlock('subpoint'))
    expect(bodyOf(nodeWithId(res.state.doc, 'art2')!.node)).toEqual(['clause:Only paragraph.', 'point:a point;', 'subpoint:'])
    res = run(res.state, insertBodyBlock('point'))
    expect(bodyOf(nodeWithId(res.state.doc, 'art2')!.node)).toEqual(['clause:Only paragraph.', 'point:a point;', 'point:'])
    expectValidAndUnique(res.state.doc)
  })

  it('still inserts after an empty block that holds points or sub-points below it, or is of the same kind', () => {
    // An empty paragraph that owns a point: made a point, it would take the point from it.
    let state = stateFromJSON(law())
    const c2 = nodeWithId(state.doc, 'c2')!
    state = state.apply(state.tr.delete(c2.pos + 1, c2.pos + c2.node.nodeSize - 1))
    state = withCursorIn(state, 'clause', 1)
    let res = run(state, insertBodyBlock('point'))
    expect(bodyOf(nodeWithId(res.state.doc, 'art1')!.node)).toEqual(['clause:First paragraph.', 'clause:', 'point:', 'point:a point,', 'subpoint:a sub-point.'])
    res = run(state, insertBodyBlock('clause'))
    expect(bodyOf(nodeWithId(res.state.doc, 'art1')!.node)).toEqual(['clause:First paragraph.', 'clause:', 'point:a point,', 'subpoint:a sub-point.', 'clause:'])
  })

  it('refuses in the title and the preamble', () => {
    for (const where of ['lawTitle', 'paragraph']) {
      expectRefused(withCursorIn(stateFromJSON(law()), where, 0), insertBodyBlock('point'))
    }
  })
})

describe('shiftLevel', () => {
  it('Tab turns a paragraph into a point and a point into a sub-point, keeping id and text', () => {
    let state = withCursorIn(stateFromJSON(law()), 'clause', 1, 4)
    let res = run(state, shiftLevel(1))
    expect(res.ok).toBe(true)
    expect(nodeWithId(res.state.doc, 'c2')!.node.type.name).toBe('point')
    expect(nodeWithId(res.state.doc, 'c2')!.node.textContent).toBe('Second paragraph:')
    expect(cursorBlock(res.state)).toEqual({ type: 'point', text: 'Second paragraph:', offset: 4 })
    // p1 now follows the point c2: it can become a sub-point (c2 itself, right after a paragraph, cannot).
    state = res.state
    expect(shiftLevel(1)(state)).toBe(false)
    res = run(withCursorIn(state, 'point', 1, 2), shiftLevel(1))
    expect(nodeWithId(res.state.doc, 'p1')!.node.type.name).toBe('subpoint')
    expect(allIds(res.state.doc)).toEqual(ORIGINAL_IDS)
    expectValidAndUnique(res.state.doc)
  })

  it('Tab on a paragraph takes its points down as the sub-points of the point it becomes; Shift-Tab brings them back', () => {
    const b = createBuilders('t')
    const doc = b.law('L', [], [b.article('One', [b.clause('First:'), withId(b.clause('Second:'), 'two'), withId(b.point('alpha;'), 'pa'), withId(b.point('beta.'), 'pb')])])
    const tabbed = run(withCursorIn(stateFromJSON(doc), 'clause', 1), shiftLevel(1)).state
    expect(bodyOf(tabbed.doc.child(2))).toEqual(['clause:First:', 'point:Second:', 'subpoint:alpha;', 'subpoint:beta.'])
    const labels = Object.fromEntries(numberDocument(tabbed.doc, 'ru').map((n) => [n.id, n.label]))
    expect([labels.two, labels.pa, labels.pb]).toEqual(['1)', 'а)', 'б)'])
    expect(bodyOf(run(withCursorIn(tabbed, 'point', 0), shiftLevel(-1)).state.doc.child(2))).toEqual(bodyOf(stateFromJSON(doc).doc.child(2)))
  })

  it('Shift-Tab turns a sub-point into a point and a point into a paragraph', () => {
    let res = run(withCursorIn(stateFromJSON(law()), 'subpoint', 0), shiftLevel(-1))
    expect(nodeWithId(res.state.doc, 's1')!.node.type.name).toBe('point')
    res = run(res.state, shiftLevel(-1))
    expect(nodeWithId(res.state.doc, 's1')!.node.type.name).toBe('clause')
    expect(nodeWithId(res.state.doc, 's1')!.node.textContent).toBe('a sub-point.')
  })

  it('renumbers accordingly', () => {
    const res = run(withCursorIn(stateFromJSON(law()), 'point', 0), shiftLevel(-1))
    // p1 becomes paragraph 3, and its sub-point that paragraph's point (a).
    const labels = Object.fromEntries(numberDocument(res.state.doc, 'en').map((n) => [n.id, n.label]))
    expect([labels.c1, labels.c2, labels.p1, labels.s1]).toEqual(['1.', '2.', '3.', '(a)'])
  })

  it('refuses beyond the levels and outside body blocks', () => {
    const fresh = () => stateFromJSON(law())
    expectRefused(withCursorIn(fresh(), 'subpoint', 0), shiftLevel(1))
    expectRefused(withCursorIn(fresh(), 'clause', 0), shiftLevel(-1))
    expectRefused(withCursorIn(fresh(), 'articleHeading', 0), shiftLevel(1))
    expectRefused(withCursorIn(fresh(), 'chapter', 0), shiftLevel(1))
    expectRefused(withCursorIn(fresh(), 'paragraph', 0), shiftLevel(1))
    expectRefused(withCursorIn(fresh(), 'lawTitle', 0), shiftLevel(-1))
  })
})

describe('splitStructural (Enter)', () => {
  it.each([
    ['clause', 1, 'c2', 'Second', ' paragraph:'],
    ['point', 0, 'p1', 'a po', 'int,'],
    ['subpoint', 0, 's1', 'a sub', '-point.'],
  ] as const)('splits a %s into two of the same kind, the second with a fresh id', (type, n, id, first, second) => {
    const state = withCursorIn(stateFromJSON(law()), type, n, first.length)
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    const original = nodeWithId(res.state.doc, id)!
    expect(original.node.textContent).toBe(first)
    const next = res.state.doc.nodeAt(original.pos + original.node.nodeSize)!
    expect(next.type.name).toBe(type)
    expect(next.textContent).toBe(second)
    expect(ORIGINAL_IDS).not.toContain(next.attrs.id)
    expect(cursorBlock(res.state)).toEqual({ type, text: second, offset: 0 })
    expectValidAndUnique(res.state.doc)
  })

  it('at the end of a point, starts a new empty point', () => {
    const state = withCursorIn(stateFromJSON(law()), 'point', 0, 'end')
    const res = run(state, splitStructural)
    expect(bodyOf(nodeWithId(res.state.doc, 'art1')!.node)).toEqual([
      'clause:First paragraph.', 'clause:Second paragraph:', 'point:a point,', 'point:', 'subpoint:a sub-point.',
    ])
    expect(cursorBlock(res.state)).toEqual({ type: 'point', text: '', offset: 0 })
  })

  it('on an empty point, turns it into a paragraph (same id) instead of splitting, its sub-points into its points', () => {
    let state = withCursorIn(stateFromJSON(law()), 'point', 0, 'end')
    state = run(state, splitStructural).state
    const emptyId = cursorBlock(state).type === 'point' ? state.selection.$from.parent.attrs.id : null
    expect(emptyId).toBeTruthy()
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    const node = nodeWithId(res.state.doc, emptyId!)!.node
    expect(node.type.name).toBe('clause')
    expect(bodyOf(nodeWithId(res.state.doc, 'art1')!.node)).toEqual([
      'clause:First paragraph.', 'clause:Second paragraph:', 'point:a point,', 'clause:', 'point:a sub-point.',
    ])
    expect(cursorBlock(res.state).type).toBe('clause')
    expectValidAndUnique(res.state.doc)
  })

  it('on an empty sub-point, turns it into a point', () => {
    let state = withCursorIn(stateFromJSON(law()), 'subpoint', 0, 'end')
    state = run(state, splitStructural).state
    const id = state.selection.$from.parent.attrs.id as string
    expect(cursorBlock(state)).toEqual({ type: 'subpoint', text: '', offset: 0 })
    const res = run(state, splitStructural)
    expect(nodeWithId(res.state.doc, id)!.node.type.name).toBe('point')
  })

  it('on an empty paragraph, adds another paragraph', () => {
    let state = withCursorIn(stateFromJSON(law()), 'clause', 2, 'end')
    state = run(state, splitStructural).state
    const res = run(state, splitStructural)
    expect(bodyOf(nodeWithId(res.state.doc, 'art2')!.node)).toEqual(['clause:Only paragraph.', 'clause:', 'clause:'])
    expectValidAndUnique(res.state.doc)
  })

  it('in an article heading, starts a new first paragraph (the heading is not split)', () => {
    const state = withCursorIn(stateFromJSON(law()), 'articleHeading', 0, 1) // "O|ne"
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    const one = nodeWithId(res.state.doc, 'art1')!.node
    expect(one.firstChild!.textContent).toBe('One')
    expect(bodyOf(one)[0]).toBe('clause:')
    expect(ORIGINAL_IDS).not.toContain(one.child(1).attrs.id)
    expect(cursorBlock(res.state)).toEqual({ type: 'clause', text: '', offset: 0 })
    expect(structuralContext(res.state)!.child).toBe(one.child(1))
    const labels = Object.fromEntries(numberDocument(res.state.doc, 'en').map((n) => [n.id, n.label]))
    expect([labels[one.child(1).attrs.id], labels.c1, labels.c2]).toEqual(['1.', '2.', '3.'])
    expectValidAndUnique(res.state.doc)
  })

  it('in an article heading without paragraphs, starts its first paragraph', () => {
    const b = createBuilders('h')
    const state = withCursorIn(stateFromJSON(b.law('L', [], [withId(b.article('Bare', []), 'bare')])), 'articleHeading', 0, 'end')
    const res = run(state, splitStructural)
    expect(bodyOf(nodeWithId(res.state.doc, 'bare')!.node)).toEqual(['clause:'])
    expect(cursorBlock(res.state).type).toBe('clause')
  })

  it('at the end of a chapter heading, starts a new article in that chapter', () => {
    const state = withCursorIn(stateFromJSON(law()), 'chapter', 1, 'end') // "Final|"
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 6), 'article:', 'article:Three'])
    expect(nodeWithId(res.state.doc, 'ch2')!.node.textContent).toBe('Final')
    expect(cursorBlock(res.state)).toEqual({ type: 'articleHeading', text: '', offset: 0 })
    expectValidAndUnique(res.state.doc)
  })

  it('at the start of an article heading, adds an empty article above it; the caret, the id and the words stay together', () => {
    const state = withCursorIn(stateFromJSON(law()), 'articleHeading', 1, 'start') // "|Two"
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 4), 'article:', ...INITIAL_TOP.slice(4)])
    expect(bodyOf(res.state.doc.child(4))).toEqual(['clause:'])
    expect(cursorBlock(res.state)).toEqual({ type: 'articleHeading', text: 'Two', offset: 0 })
    expect(structuralContext(res.state)!.top.attrs.id).toBe('art2')
    expect(articleIds(res.state)).toEqual(['art1', res.state.doc.child(4).attrs.id, 'art2', 'art3'])
    expectValidAndUnique(res.state.doc)
  })

  it.each(['chapter', 'section', 'part'] as const)('at the start of a %s heading, adds an empty heading of that kind above it, not another kind', (type) => {
    const b = createBuilders('d')
    const json = b.law('L', [], [withId(b.article('First', []), 'a1'), withId(b[type]('Final'), 'd1'), withId(b.article('Last', []), 'a2')])
    const state = withCursorIn(stateFromJSON(json), type, 0, 'start')
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    expect(topLevel(res.state.doc).slice(2)).toEqual(['article:First', `${type}:`, `${type}:Final`, 'article:Last'])
    expect(cursorBlock(res.state)).toEqual({ type, text: 'Final', offset: 0 })
    expect(structuralContext(res.state)!.top.attrs.id).toBe('d1')
    expectValidAndUnique(res.state.doc)
  })

  it('inside a chapter heading (not at its end), is not handled', () => {
    expectRefused(withCursorIn(stateFromJSON(law()), 'chapter', 0, 3), splitStructural)
  })

  it('in the title, moves the cursor into the preamble without changing the text', () => {
    const state = withCursorIn(stateFromJSON(law()), 'lawTitle', 0, 1)
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    expect(res.state.doc.eq(state.doc)).toBe(true)
    expect(cursorBlock(res.state)).toEqual({ type: 'paragraph', text: 'Preamble', offset: 0 })
  })

  it('refuses with a non-empty selection (the default behaviour applies)', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 0, 2)
    const ranged = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.selection.from, state.selection.from + 3)))
    expectRefused(ranged, splitStructural)
  })
})

describe('moveStructural', () => {
  it('moves an article above the previous one, keeping id, content and cursor', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 2, 5) // "Only |paragraph." in Article Two
    const before = nodeWithId(state.doc, 'art2')!.node
    const res = run(state, moveStructural(-1))
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual(['lawTitle:Law', 'paragraph:Preamble', 'chapter:General', 'article:Two', 'article:One', 'chapter:Final', 'article:Three'])
    expect(nodeWithId(res.state.doc, 'art2')!.node.eq(before)).toBe(true)
    expect(cursorBlock(res.state)).toEqual({ type: 'clause', text: 'Only paragraph.', offset: 5 })
    expect(structuralContext(res.state)!.top.attrs.id).toBe('art2')
    expect(articleIds(res.state)).toEqual(['art2', 'art1', 'art3'])
    expect([...allIds(res.state.doc)].sort()).toEqual([...ORIGINAL_IDS].sort())
    expectValidAndUnique(res.state.doc)
  })

  it('moves an article below the next one', () => {
    const state = withCursorIn(stateFromJSON(law()), 'subpoint', 0, 3)
    const res = run(state, moveStructural(1))
    expect(top(res.state)).toEqual(['lawTitle:Law', 'paragraph:Preamble', 'chapter:General', 'article:Two', 'article:One', 'chapter:Final', 'article:Three'])
    expect(cursorBlock(res.state)).toEqual({ type: 'subpoint', text: 'a sub-point.', offset: 3 })
    expect(nodeWithId(res.state.doc, 'art1')!.node.textContent).toBe(nodeWithId(state.doc, 'art1')!.node.textContent)
  })

  it('moves an article above a chapter heading (into the previous chapter) and below one', () => {
    let state = withCursorIn(stateFromJSON(law()), 'articleHeading', 2, 2) // "Th|ree"
    let res = run(state, moveStructural(-1))
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 5), 'article:Three', 'chapter:Final'])
    expect(cursorBlock(res.state)).toEqual({ type: 'articleHeading', text: 'Three', offset: 2 })
    state = res.state
    res = run(state, moveStructural(1))
    expect(top(res.state)).toEqual(INITIAL_TOP)
    expect(res.state.doc.eq(stateFromJSON(law()).doc)).toBe(true)
  })

  it('moves the first article of the law above its chapter heading', () => {
    const res = run(withCursorIn(stateFromJSON(law()), 'clause', 0), moveStructural(-1))
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual(['lawTitle:Law', 'paragraph:Preamble', 'article:One', 'chapter:General', ...INITIAL_TOP.slice(4)])
  })

  it('refuses at the boundaries: above the preamble, below the end', () => {
    const b = createBuilders('m')
    const json = b.law('L', ['P'], [withId(b.article('A', [b.clause('a')]), 'A'), withId(b.article('B', [b.clause('b')]), 'B')])
    expectRefused(withCursorIn(stateFromJSON(json), 'article', 0), moveStructural(-1))
    expectRefused(withCursorIn(stateFromJSON(json), 'article', 1), moveStructural(1))
    expectRefused(withCursorIn(stateFromJSON(law()), 'clause', 3), moveStructural(1)) // last article
    // After moving the first article of law() above its chapter, it cannot go higher.
    const moved = run(withCursorIn(stateFromJSON(law()), 'clause', 0), moveStructural(-1)).state
    expectRefused(moved, moveStructural(-1))
  })

  it('refuses in the title and the preamble', () => {
    for (const where of ['lawTitle', 'paragraph']) {
      expectRefused(withCursorIn(stateFromJSON(law()), where, 0), moveStructural(-1))
      expectRefused(withCursorIn(stateFromJSON(law()), where, 0), moveStructural(1))
    }
  })

  it('a move down then up restores the document exactly', () => {
    const state = withCursorIn(stateFromJSON(law()), 'point', 0, 2)
    const down = run(state, moveStructural(1)).state
    const back = run(down, moveStructural(-1)).state
    expect(back.doc.eq(state.doc)).toBe(true)
    expect(back.selection.from).toBe(state.selection.from)
  })
})

describe('moveStructural on a part, chapter or section', () => {
  const parted = () => stateFromJSON(partedLaw('en'))
  const PARTED_TOP = [
    'lawTitle:Law on Parts', 'paragraph:Preamble.', 'article:Before any part', 'part:General part', 'article:Purpose',
    'section:Loose section', 'article:In the loose section', 'chapter:Basic provisions', 'article:Scope', 'section:Definitions',
    'article:Terms', 'part:Special part', 'chapter:Final provisions', 'section:Entry into force', 'article:Effect',
  ]
  const labels = (state: EditorState) => outlineOf(state.doc, 'en').map((e) => `${e.label} ${e.heading}`)

  it('has the expected shape', () => {
    expect(top(parted())).toEqual(PARTED_TOP)
  })

  it('moves a chapter with its articles and sections above the previous chapter, renumbering both and keeping ids', () => {
    const b = createBuilders('mv')
    const json = b.law('L', ['P'], [
      withId(b.chapter('First'), 'chA'), withId(b.article('A1', [b.clause('a')]), 'a1'),
      withId(b.chapter('Second'), 'chB'), withId(b.article('B1', [b.clause('b1')]), 'b1'), withId(b.section('Sec'), 'sB'), withId(b.article('B2', [b.clause('b2')]), 'b2'),
    ])
    const state = withCursorIn(stateFromJSON(json), 'chapter', 1, 3) // "Sec|ond"
    const res = run(state, moveStructural(-1))
    expect(res.ok).toBe(true)
    expect(top(res.state)).toEqual(['lawTitle:L', 'paragraph:P', 'chapter:Second', 'article:B1', 'section:Sec', 'article:B2', 'chapter:First', 'article:A1'])
    expect(labels(res.state)).toEqual(['Chapter I. Second', 'Article 1. B1', 'Section 1. Sec', 'Article 2. B2', 'Chapter II. First', 'Article 3. A1'])
    expect(cursorBlock(res.state)).toEqual({ type: 'chapter', text: 'Second', offset: 3 })
    expect([...allIds(res.state.doc)].sort()).toEqual([...allIds(state.doc)].sort())
    expectValidAndUnique(res.state.doc)
    // And back down: the document as it was, the cursor where it was.
    const back = run(res.state, moveStructural(1)).state
    expect(back.doc.eq(state.doc)).toBe(true)
    expect(back.selection.from).toBe(state.selection.from)
  })

  it('moves a chapter first in its part up to the end of the previous part, and back down into its part', () => {
    const state = withCursorIn(parted(), 'chapter', 1) // "Final provisions", first in part II
    const up = run(state, moveStructural(-1))
    expect(top(up.state)).toEqual([...PARTED_TOP.slice(0, 11), 'chapter:Final provisions', 'section:Entry into force', 'article:Effect', 'part:Special part'])
    expect(labels(up.state).slice(-4)).toEqual(['Chapter II. Final provisions', 'Section 1. Entry into force', 'Article 6. Effect', 'Part II. Special part'])
    const down = run(up.state, moveStructural(1))
    expect(down.state.doc.eq(state.doc)).toBe(true)
  })

  it('moves a chapter that follows a part’s own articles above that part heading with them, never above the articles alone', () => {
    const b = createBuilders('mv2')
    const json = b.law('L', ['P'], [
      b.part('One'), b.chapter('Early'), b.article('E', [b.clause('e')]),
      b.part('Two'), b.article('Own', [b.clause('own')]), b.chapter('Late'), b.article('L1', [b.clause('l')]),
    ])
    const state = withCursorIn(stateFromJSON(json), 'chapter', 1) // "Late"
    const res = run(state, moveStructural(-1))
    expect(top(res.state)).toEqual(['lawTitle:L', 'paragraph:P', 'part:One', 'chapter:Early', 'article:E', 'chapter:Late', 'article:L1', 'part:Two', 'article:Own'])
    // Moving down again passes the part heading together with its own article.
    expect(run(res.state, moveStructural(1)).state.doc.eq(state.doc)).toBe(true)
  })

  it('moves a section within its chapter, and a part with everything in it', () => {
    const b = createBuilders('mv3')
    const json = b.law('L', ['P'], [
      b.chapter('C'), b.section('S1'), b.article('A', [b.clause('a')]), b.section('S2'), b.article('B', [b.clause('b')]),
    ])
    const res = run(withCursorIn(stateFromJSON(json), 'section', 1), moveStructural(-1))
    expect(top(res.state)).toEqual(['lawTitle:L', 'paragraph:P', 'chapter:C', 'section:S2', 'article:B', 'section:S1', 'article:A'])
    expect(labels(res.state)).toEqual(['Chapter I. C', 'Section 1. S2', 'Article 1. B', 'Section 2. S1', 'Article 2. A'])

    const moved = run(withCursorIn(parted(), 'part', 1), moveStructural(-1))
    expect(top(moved.state)).toEqual([...PARTED_TOP.slice(0, 3), ...PARTED_TOP.slice(11), ...PARTED_TOP.slice(3, 11)])
    expect(labels(moved.state).filter((l) => l.startsWith('Part') || l.startsWith('Chapter'))).toEqual([
      'Part I. Special part', 'Chapter I. Final provisions', 'Part II. General part', 'Chapter II. Basic provisions',
    ])
  })

  it('refuses at the law’s ends and above articles that are in no division', () => {
    // Part I is preceded only by an article in no part: above it, the part would own that article.
    expectRefused(withCursorIn(parted(), 'part', 0), moveStructural(-1))
    expectRefused(withCursorIn(parted(), 'part', 1), moveStructural(1)) // the last part
    expectRefused(withCursorIn(parted(), 'section', 2), moveStructural(1)) // the last section, at the end
    const b = createBuilders('mv4')
    const first = b.law('L', ['P'], [b.chapter('C'), b.article('A', [b.clause('a')])])
    expectRefused(withCursorIn(stateFromJSON(first), 'chapter', 0), moveStructural(-1))
    expectRefused(withCursorIn(stateFromJSON(first), 'chapter', 0), moveStructural(1))
  })
})

describe('deleteStructural', () => {
  it('in a body block, deletes that block and what it holds (a point with its sub-points)', () => {
    const state = withCursorIn(stateFromJSON(law()), 'point', 0, 3)
    const res = run(state, deleteStructural)
    expect(res.ok).toBe(true)
    expect(bodyOf(nodeWithId(res.state.doc, 'art1')!.node)).toEqual(['clause:First paragraph.', 'clause:Second paragraph:'])
    expect(findById(res.state.doc, 'p1')).toBeNull()
    expect(findById(res.state.doc, 's1')).toBeNull()
    expect(allIds(res.state.doc)).toEqual(ORIGINAL_IDS.filter((id) => id !== 'p1' && id !== 's1'))
    // The cursor stays in the same article, in a textblock.
    expect(structuralContext(res.state)!.top.attrs.id).toBe('art1')
    expect(res.state.selection.$from.parent.isTextblock).toBe(true)
    expectValidAndUnique(res.state.doc)
  })

  it('deleting the only paragraph leaves a valid article with its heading', () => {
    const res = run(withCursorIn(stateFromJSON(law()), 'clause', 2), deleteStructural)
    const two = nodeWithId(res.state.doc, 'art2')!.node
    expect(two.childCount).toBe(1)
    expect(two.firstChild!.textContent).toBe('Two')
    expectValidAndUnique(res.state.doc)
  })

  it('in an article heading, deletes the whole article', () => {
    const state = withCursorIn(stateFromJSON(law()), 'articleHeading', 0, 1)
    const res = run(state, deleteStructural)
    expect(top(res.state)).toEqual(['lawTitle:Law', 'paragraph:Preamble', 'chapter:General', 'article:Two', 'chapter:Final', 'article:Three'])
    for (const id of ['art1', 'c1', 'c2', 'p1', 's1']) expect(findById(res.state.doc, id)).toBeNull()
    expect(res.state.selection.$from.parent.isTextblock).toBe(true)
    expectValidAndUnique(res.state.doc)
  })

  it('in a chapter heading, deletes only the heading (its articles stay)', () => {
    const res = run(withCursorIn(stateFromJSON(law()), 'chapter', 1), deleteStructural)
    expect(top(res.state)).toEqual([...INITIAL_TOP.slice(0, 5), 'article:Three'])
    expect(articleIds(res.state)).toEqual(['art1', 'art2', 'art3'])
  })

  it('can delete the last article of the law', () => {
    const res = run(withCursorIn(stateFromJSON(law()), 'articleHeading', 2), deleteStructural)
    expect(top(res.state)).toEqual(INITIAL_TOP.slice(0, 6))
    expect(res.state.selection.$from.parent.isTextblock).toBe(true)
    expectValidAndUnique(res.state.doc)
  })

  it('refuses in the title and the preamble', () => {
    expectRefused(withCursorIn(stateFromJSON(law()), 'lawTitle', 0), deleteStructural)
    expectRefused(withCursorIn(stateFromJSON(law()), 'paragraph', 0), deleteStructural)
  })
})

describe('findById', () => {
  it('finds chapters, articles and body blocks at their positions', () => {
    const state = stateFromJSON(law())
    for (const id of ORIGINAL_IDS) {
      const found = findById(state.doc, id)
      expect(found, id).not.toBeNull()
      expect(found!.node.attrs.id).toBe(id)
      expect(state.doc.nodeAt(found!.pos)).toBe(found!.node)
    }
    expect(findById(state.doc, 's1')!.node.textContent).toBe('a sub-point.')
    expect(findById(state.doc, 'art2')!.pos).toBe(posOfNth(state.doc, 'article', 1))
  })

  it('returns null for an unknown id', () => {
    const doc = stateFromJSON(law()).doc
    expect(findById(doc, 'nope')).toBeNull()
    expect(findById(doc, '')).toBeNull()
  })

  it('follows an article after it is moved', () => {
    const state = withCursorIn(stateFromJSON(law()), 'articleHeading', 1)
    const moved = run(state, moveStructural(-1)).state
    expect(findById(moved.doc, 'art2')!.pos).toBe(posOfNth(moved.doc, 'article', 0))
    expect(findById(moved.doc, 'c3')!.node.textContent).toBe('Only paragraph.')
    expect(findById(moved.doc, 'c1')!.pos).toBeGreaterThan(findById(moved.doc, 'c3')!.pos)
  })
})

describe('the hierarchy: a sub-point under a point, a point under a paragraph', () => {
  /** Article "Rich": c1 with points p1 (sub-points s1, s2) and p2, then c2; Article "List": points only. */
  const rich = () => {
    const b = createBuilders('h')
    return b.law('L', ['P'], [
      withId(b.article('Rich', [
        withId(b.clause('Intro:'), 'c1'),
        withId(b.point('one:'), 'p1'),
        withId(b.subpoint('one-a;'), 's1'),
        withId(b.subpoint('one-b;'), 's2'),
        withId(b.point('two.'), 'p2'),
        withId(b.clause('Second.'), 'c2'),
      ]), 'rich'),
      withId(b.article('List', [withId(b.point('first;'), 'l1'), withId(b.point('second.'), 'l2')]), 'list'),
    ])
  }
  const fresh = () => stateFromJSON(rich(), [stableIdPlugin(), history()])
  const body = (state: EditorState, id = 'rich') => bodyOf(nodeWithId(state.doc, id)!.node)
  const labels = (state: EditorState) => Object.fromEntries(numberDocument(state.doc, 'en').map((n) => [n.id, n.label]))
  /** Every sub-point has a point before it, past other sub-points. */
  const expectNoOrphanSubpoints = (state: EditorState) => {
    state.doc.forEach((article) => {
      let owner = ''
      article.forEach((child) => {
        if (child.type.name === 'subpoint') expect(owner, `sub-point "${child.textContent}"`).toBe('point')
        else owner = child.type.name
      })
    })
    expectValidAndUnique(state.doc)
  }
  /** One step: one transaction, and one undo gives the document back. */
  const expectOneUndo = (before: EditorState, res: ReturnType<typeof run>) => {
    expect(res.trs).toHaveLength(1)
    expect(run(res.state, undo).state.doc.eq(before.doc)).toBe(true)
  }

  it('deleting a point deletes its sub-points with it, in one step', () => {
    const state = withCursorIn(fresh(), 'point', 0, 2)
    const res = run(state, deleteStructural)
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:two.', 'clause:Second.'])
    expectNoOrphanSubpoints(res.state)
    expectOneUndo(state, res)
  })

  it('deleting a paragraph deletes its points and their sub-points; a sub-point goes alone', () => {
    let res = run(withCursorIn(fresh(), 'clause', 0), deleteStructural)
    expect(body(res.state)).toEqual(['clause:Second.'])
    res = run(withCursorIn(fresh(), 'subpoint', 0), deleteStructural)
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:one:', 'subpoint:one-b;', 'point:two.', 'clause:Second.'])
    expectNoOrphanSubpoints(res.state)
  })

  it('refuses a sub-point in a paragraph or a heading, where no point would come before it', () => {
    expectRefused(withCursorIn(fresh(), 'clause', 0), insertBodyBlock('subpoint'))
    expectRefused(withCursorIn(fresh(), 'clause', 1), insertBodyBlock('subpoint'))
    expectRefused(withCursorIn(fresh(), 'articleHeading', 0), insertBodyBlock('subpoint'))
    expectRefused(withCursorIn(fresh(), 'articleHeading', 1), insertBodyBlock('subpoint'))
  })

  it('inserts a sub-point right after a point or a sub-point', () => {
    let res = run(withCursorIn(fresh(), 'point', 0), insertBodyBlock('subpoint'))
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:one:', 'subpoint:', 'subpoint:one-a;', 'subpoint:one-b;', 'point:two.', 'clause:Second.'])
    res = run(withCursorIn(fresh(), 'subpoint', 1), insertBodyBlock('subpoint'))
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:one:', 'subpoint:one-a;', 'subpoint:one-b;', 'subpoint:', 'point:two.', 'clause:Second.'])
    expect(cursorBlock(res.state)).toEqual({ type: 'subpoint', text: '', offset: 0 })
    expectNoOrphanSubpoints(res.state)
  })

  it('inserts a point after the current point’s sub-points, and a paragraph after the current paragraph’s points', () => {
    let res = run(withCursorIn(fresh(), 'point', 0), insertBodyBlock('point'))
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:one:', 'subpoint:one-a;', 'subpoint:one-b;', 'point:', 'point:two.', 'clause:Second.'])
    expect(cursorBlock(res.state).type).toBe('point')
    res = run(withCursorIn(fresh(), 'subpoint', 0), insertBodyBlock('clause'))
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:one:', 'subpoint:one-a;', 'subpoint:one-b;', 'point:two.', 'clause:', 'clause:Second.'])
    expect(cursorBlock(res.state).type).toBe('clause')
    const { s1, s2, p2 } = labels(res.state)
    expect([s1, s2, p2]).toEqual(['(i)', '(ii)', '(b)']) // nothing changed owner
    expectNoOrphanSubpoints(res.state)
  })

  it('lets a point start an article’s body, as import and export allow (an implicit paragraph)', () => {
    const res = run(withCursorIn(fresh(), 'articleHeading', 0), insertBodyBlock('point'))
    expect(body(res.state)[0]).toBe('point:')
    expect(run(withCursorIn(fresh(), 'clause', 0), shiftLevel(1)).ok).toBe(true) // the first paragraph becomes a point
  })

  it('Tab makes a sub-point only where a point comes before it', () => {
    expectRefused(withCursorIn(fresh(), 'point', 0), shiftLevel(1)) // right after a paragraph
    expectRefused(withCursorIn(fresh(), 'point', 2), shiftLevel(1)) // right after the heading
    const res = run(withCursorIn(fresh(), 'point', 1), shiftLevel(1)) // "two." after p1's sub-points
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:one:', 'subpoint:one-a;', 'subpoint:one-b;', 'subpoint:two.', 'clause:Second.'])
    expect(labels(res.state).p2).toBe('(iii)')
    expectNoOrphanSubpoints(res.state)
  })

  it('Shift-Tab on a point with sub-points brings them up with it, as its points, in one step', () => {
    const state = withCursorIn(fresh(), 'point', 0, 1)
    const res = run(state, shiftLevel(-1))
    expect(body(res.state)).toEqual(['clause:Intro:', 'clause:one:', 'point:one-a;', 'point:one-b;', 'point:two.', 'clause:Second.'])
    const { c1, p1, s1, s2, p2, c2 } = labels(res.state)
    expect([c1, p1, s1, s2, p2, c2]).toEqual(['1.', '2.', '(a)', '(b)', '(c)', '3.'])
    expect(allIds(res.state.doc)).toEqual(allIds(state.doc)) // ids and text kept
    expect(cursorBlock(res.state)).toEqual({ type: 'clause', text: 'one:', offset: 1 })
    expectNoOrphanSubpoints(res.state)
    expectOneUndo(state, res)
  })

  it('Shift-Tab on a sub-point makes it a point that keeps the sub-points after it', () => {
    const res = run(withCursorIn(fresh(), 'subpoint', 0), shiftLevel(-1))
    expect(body(res.state)).toEqual(['clause:Intro:', 'point:one:', 'point:one-a;', 'subpoint:one-b;', 'point:two.', 'clause:Second.'])
    expect(labels(res.state).s2).toBe('(i)')
    expectNoOrphanSubpoints(res.state)
  })
})

describe('unitRange', () => {
  it('gives an article itself, a division with what it owns up to the next of its rank, and nothing for an id that is not one', () => {
    const { doc } = stateFromJSON(law())
    const words = (id: string) => doc.textBetween(unitRange(doc, id)!.from, unitRange(doc, id)!.to, ' | ')
    const article = unitRange(doc, 'art2')!
    expect(doc.nodeAt(article.from)?.attrs.id).toBe('art2')
    expect(article.to - article.from).toBe(doc.nodeAt(article.from)!.nodeSize)
    expect(unitRange(doc, 'art2')!.to).toBe(unitRange(doc, 'ch2')!.from)
    expect(unitRange(doc, 'ch1')).toEqual({ from: unitRange(doc, 'ch1')!.from, to: unitRange(doc, 'ch2')!.from })
    expect(unitRange(doc, 'ch2')!.to).toBe(doc.content.size)
    expect(words('ch2')).toMatch(/^Final \| Three/)
    expect(unitRange(doc, 'c1')).toBeNull()
    expect(unitRange(doc, 'nowhere')).toBeNull()
  })
})
