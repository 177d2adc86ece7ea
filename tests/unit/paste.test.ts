import { describe, expect, it } from 'vitest'
import { AllSelection, type EditorState } from '@tiptap/pm/state'
import { createBuilders } from '../../shared/seed/builders'
import type { DocJSON } from '../../shared/schema'
import { recogniseFragment, recogniseLaw, type FragmentOptions } from '../../shared/import/fragment'
import { textBlocks } from '../../shared/import/text'
import { pasteFragment } from '../../shared/editor/paste'
import { numberDocument } from '../../shared/numbering'
import { stateFromJSON, withCursorIn, topLevel, bodyOf, allIds, posOfNth } from '../helpers/editorState'

/** Pasting a passage with typed numbers and headings: structure in, numbers out, ids fresh. */

function law() {
  const b = createBuilders('t')
  return b.law('Law', ['Preamble'], [
    b.chapter('General'),
    b.article('One', [b.clause('First paragraph.'), b.clause('Second paragraph:'), b.point('a point.')]),
    b.article('Two', [b.clause('Only paragraph.')]),
  ])
}

const fragment = (text: string, options: FragmentOptions = {}) => recogniseFragment(textBlocks(text).blocks, options)

function paste(state: EditorState, text: string, after?: FragmentOptions['after']): EditorState {
  const tr = pasteFragment(state, fragment(text, { after }))
  if (!tr) throw new Error('nothing pasted')
  return state.apply(tr)
}

const article = (state: EditorState, n: number) => state.doc.nodeAt(posOfNth(state.doc, 'article', n))!
const labels = (state: EditorState) => numberDocument(state.doc, 'en').map((e) => `${e.kind}:${e.label}`)

describe('recogniseFragment', () => {
  it('reads blocks before any heading as body blocks, then chapters and articles, numbers stripped', () => {
    const f = fragment('1. First.\n2. Second:\n1) point;\na) sub-point.\nArticle 9. Next\nIts text.\nChapter III. Last\nArticle 10. End\n1. One.')
    expect(f.blocks.map((b) => `${b.type}:${b.content?.[0]?.text}`)).toEqual(['clause:First.', 'clause:Second:', 'point:point;', 'subpoint:sub-point.'])
    expect(f.parts.map((p) => p.type)).toEqual(['article', 'chapter', 'article'])
    expect(f.structured).toBe(true)
  })

  it('reads section headings ("§ 2.", "Section 3", "Параграф 4.") as sections, «Раздел II» as a part', () => {
    const f = fragment('Text.\n§ 2. Scope\nArticle 9. Next\nIts text.\nSection 3\nDefinitions\nArticle 10. Terms\nПараграф 4. Прочее\nРаздел II')
    const words = (n: DocJSON): string => n.text ?? (n.content ?? []).map(words).join('|')
    expect(f.parts.map((p) => `${p.type}:${words(p)}`)).toEqual([
      'section:Scope',
      'article:Next|Its text.',
      'section:Definitions',
      'article:Terms|', // an article with a heading only gets its empty paragraph
      'section:Прочее',
      // «Раздел» stands above chapters: a part (bare, so without a title).
      'part:',
    ])
    // The cursor is in Article 2's paragraph: the section and its article come after that article.
    const pasted = paste(withCursorIn(stateFromJSON(law()), 'clause', 2, 'end'), '§ 2. Scope\nArticle 9. Next\nIts text.', 'point')
    expect(labels(pasted).filter((l) => !/^(clause|point)/.test(l))).toEqual(['chapter:Chapter I.', 'article:Article 1.', 'article:Article 2.', 'section:Section 1.', 'article:Article 3.'])
  })

  it('continues levels from the block at the cursor', () => {
    expect(fragment('1) one;\n2) two.', { after: 'clause' }).blocks.map((b) => b.type)).toEqual(['point', 'point'])
    expect(fragment('а) один;\nб) два.', { after: 'point' }).blocks.map((b) => b.type)).toEqual(['subpoint', 'subpoint'])
    expect(fragment('1. New paragraph.', { after: 'subpoint' }).blocks.map((b) => b.type)).toEqual(['clause'])
    expect(fragment('1) one;\n2) two.').blocks.map((b) => b.type)).toEqual(['clause', 'clause'])
  })

  it('a single plain line has no structure; a numbered one has', () => {
    expect(fragment('just some words').structured).toBe(false)
    expect(fragment('5. numbered words').structured).toBe(true)
    expect(fragment('Статья 5. Заголовок').structured).toBe(true)
    expect(fragment('').blocks).toEqual([])
  })
})

describe('pasteFragment', () => {
  it('in the middle of a paragraph: splits it and puts the pasted blocks between the halves', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 0, 6) // "First |paragraph."
    const next = paste(state, '1. Pasted one.\n2. Pasted two.', 'clause')
    expect(bodyOf(article(next, 0))).toEqual(['clause:First ', 'clause:Pasted one.', 'clause:Pasted two.', 'clause:paragraph.', 'clause:Second paragraph:', 'point:a point.'])
    expect(labels(next).filter((l) => l.startsWith('clause'))).toEqual(['clause:1.', 'clause:2.', 'clause:3.', 'clause:4.', 'clause:5.', 'clause:'])
    const ids = allIds(next.doc)
    expect(new Set(ids).size).toBe(ids.length)
    expect(next.selection.$from.parent.textContent).toBe('Pasted two.')
  })

  it('inside a sentence, plain lines continue it as in Word; marked ones stand apart, the words after them without their leading space', () => {
    const plain = paste(withCursorIn(stateFromJSON(law()), 'clause', 0, 6), 'pasted start\nmiddle line\npasted end ', 'clause') // "First |paragraph."
    expect(bodyOf(article(plain, 0)).slice(0, 3)).toEqual(['clause:First pasted start', 'clause:middle line', 'clause:pasted end paragraph.'])
    expect(plain.selection.$from.parent.textContent).toBe('pasted end paragraph.')
    expect(plain.selection.$from.parentOffset).toBe('pasted end '.length)
    const two = paste(withCursorIn(stateFromJSON(law()), 'clause', 0, 6), 'one\ntwo ', 'clause')
    expect(bodyOf(article(two, 0)).slice(0, 2)).toEqual(['clause:First one', 'clause:two paragraph.'])
    const marked = paste(withCursorIn(stateFromJSON(law()), 'clause', 0, 5), '1) one;\n2) two.', 'clause') // "First| paragraph."
    expect(bodyOf(article(marked, 0)).slice(0, 4)).toEqual(['clause:First', 'point:one;', 'point:two.', 'clause:paragraph.'])
  })

  it('at the end of a paragraph: points after it; at its start: before it', () => {
    const end = paste(withCursorIn(stateFromJSON(law()), 'clause', 1, 'end'), '1) new point;\n2) another.', 'clause')
    expect(bodyOf(article(end, 0))).toEqual(['clause:First paragraph.', 'clause:Second paragraph:', 'point:new point;', 'point:another.', 'point:a point.'])
    const start = paste(withCursorIn(stateFromJSON(law()), 'clause', 0, 'start'), '1. Before.\n2. Also before.', 'clause')
    expect(bodyOf(article(start, 0)).slice(0, 3)).toEqual(['clause:Before.', 'clause:Also before.', 'clause:First paragraph.'])
  })

  it('into an empty paragraph: replaces it', () => {
    const b = createBuilders('e')
    const state = withCursorIn(stateFromJSON(b.law('Law', [], [b.article('A', [b.clause('')])])), 'clause', 0)
    const next = paste(state, '1. One.\n2. Two:\n1) point.', 'clause')
    expect(bodyOf(article(next, 0))).toEqual(['clause:One.', 'clause:Two:', 'point:point.'])
  })

  it('articles go after the current article and are numbered in sequence; an empty article is replaced', () => {
    const next = paste(withCursorIn(stateFromJSON(law()), 'clause', 0, 'end'), 'Article 7. Pasted\n1. Text.\n2. More.\nArticle 8. Another\nOnly text.', 'clause')
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:One', 'article:Pasted', 'article:Another', 'article:Two'])
    expect(labels(next).filter((l) => l.startsWith('article'))).toEqual(['article:Article 1.', 'article:Article 2.', 'article:Article 3.', 'article:Article 4.'])

    const b = createBuilders('e')
    const empty = withCursorIn(stateFromJSON(b.law('Law', [], [b.article('Kept', [b.clause('x')]), b.article('', [b.clause('')])])), 'article', 1)
    const replaced = paste(empty, 'Article 1. First\nText.\nArticle 2. Second\nText.')
    expect(topLevel(replaced.doc).slice(2)).toEqual(['article:Kept', 'article:First', 'article:Second'])
  })

  it('articles pasted in an empty last paragraph (after Enter) take its place; an article\'s only empty paragraph stays', () => {
    const b = createBuilders('e')
    const tail = withCursorIn(stateFromJSON(b.law('Law', [], [b.article('Kept', [b.clause('x'), b.clause('')])])), 'clause', 1)
    const next = paste(tail, 'Article 1. First\nText.')
    expect(topLevel(next.doc).slice(2)).toEqual(['article:Kept', 'article:First'])
    expect(bodyOf(article(next, 0))).toEqual(['clause:x'])
    const only = withCursorIn(stateFromJSON(b.law('Law', [], [b.article('Kept', [b.clause('')])])), 'clause', 0)
    expect(bodyOf(article(paste(only, 'Article 1. First\nText.'), 0))).toEqual(['clause:'])
  })

  it('in an article heading: the pasted blocks open the article', () => {
    const next = paste(withCursorIn(stateFromJSON(law()), 'article', 1), '1. New first.\n2. New second.')
    expect(bodyOf(article(next, 1))).toEqual(['clause:New first.', 'clause:New second.', 'clause:Only paragraph.'])
  })

  it('a part heading in a pasted passage: a part after the current article, its chapter and articles numbered on through the law', () => {
    const next = paste(withCursorIn(stateFromJSON(law()), 'clause', 0, 'end'), 'Part II. Special\nChapter 5. Offences\nArticle 7. Theft\nText.', 'clause')
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:One', 'part:Special', 'chapter:Offences', 'article:Theft', 'article:Two'])
    expect(labels(next).filter((l) => !/^(clause|point)/.test(l))).toEqual(['chapter:Chapter I.', 'article:Article 1.', 'part:Part I.', 'chapter:Chapter II.', 'article:Article 2.', 'article:Article 3.'])
  })

  it('in a chapter heading: blocks become a new untitled article after it', () => {
    const state = withCursorIn(stateFromJSON(law()), 'chapter', 0)
    const next = paste(state, '1. Loose one.\n2. Loose two.\nArticle 3. Titled\nText.')
    expect(topLevel(next.doc).slice(2, 6)).toEqual(['chapter:General', 'article:', 'article:Titled', 'article:One'])
  })

  it('in the preamble: plain paragraphs there, chapters and articles before the first existing one', () => {
    const state = withCursorIn(stateFromJSON(law()), 'paragraph', 0)
    const next = paste(state, 'Recalling the treaty,\nNoting the report,\nChapter I. Opening\nArticle 1. First\nText.')
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:PreambleRecalling the treaty,Noting the report,', 'chapter:Opening', 'article:First', 'chapter:General', 'article:One', 'article:Two'])
  })

  it('over the whole text (select all, then paste a law): the title line is the title, then the preamble and the articles', () => {
    const state = stateFromJSON(law())
    const all = state.apply(state.tr.setSelection(new AllSelection(state.doc)))
    const text = 'МОДЕЛЬНЫЙ ЗАКОН\nО защите свидетелей\nПризнавая важность защиты,\nСтатья 1. Предмет\n1. Текст.\n2. Ещё:\n1) пункт.\nСтатья 2. Сфера\nТекст.'
    const tr = pasteFragment(all, recogniseLaw(textBlocks(text).blocks, { language: 'ru' }))!
    const next = all.apply(tr)
    expect(topLevel(next.doc)).toEqual(['lawTitle:Модельный закон о защите свидетелей', 'preamble:Признавая важность защиты,', 'article:Предмет', 'article:Сфера'])
    expect(bodyOf(article(next, 0))).toEqual(['clause:Текст.', 'clause:Ещё:', 'point:пункт.'])
    expect(() => next.doc.check()).not.toThrow()
    // The caret ends where the pasted text does, as after any paste.
    expect(next.selection.$from.parent.textContent).toBe('Текст.')
    expect(next.selection.$from.node(1).firstChild!.textContent).toBe('Сфера')
    // Without a title line, the title is left empty for the drafter, as select all and Delete left it.
    const untitled = all.apply(pasteFragment(all, recogniseLaw(textBlocks('Статья 1. Предмет\nТекст.').blocks, { language: 'ru' }))!)
    expect(topLevel(untitled.doc)).toEqual(['lawTitle:', 'preamble:', 'article:Предмет'])
  })

  it('a whole law with an adoption note, pasted into the empty title of a draft with articles: its conclusions close the law, in place of the draft\'s own', () => {
    const b = createBuilders('k')
    const untitled = stateFromJSON(b.law('', [], [b.article('Old', [b.clause('Old text.')]), b.conclusions(['Old note'])]))
    const state = withCursorIn(untitled, 'lawTitle', 0)
    const text = 'МОДЕЛЬНЫЙ ЗАКОН\nО защите свидетелей\nСтатья 1. Предмет\nТекст.\nПринят на тридцать первом пленарном заседании'
    const next = state.apply(pasteFragment(state, recogniseLaw(textBlocks(text).blocks, { language: 'ru' }))!)
    expect(() => next.doc.check()).not.toThrow()
    expect(topLevel(next.doc)).toEqual(['lawTitle:Модельный закон о защите свидетелей', 'preamble:', 'article:Предмет', 'article:Old', 'conclusions:Принят на тридцать первом пленарном заседании'])
  })
})
