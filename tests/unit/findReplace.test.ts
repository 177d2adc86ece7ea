import { describe, expect, it } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import type { DocJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import { findMatches, replaceMatches, type FindOptions } from '../../shared/editor/findReplace'
import { stateFromJSON } from '../helpers/editorState'

const b = createBuilders('unused')
const withXref = (before: string, target: string, after: string): DocJSON => ({
  ...b.clause('x'),
  content: [{ type: 'text', text: before }, { type: 'xref', attrs: { target } }, { type: 'text', text: after }],
})

const law = b.law('Закон о ПЕРЕВОЗЧИКАХ', ['Перевозчик обязан'], [
  b.chapter('Общие положения'),
  b.article('Перевозчик и его обязанности', [
    b.clause('Перевозчиком признаётся лицо; перевозчики отвечают за всё.'),
    withXref('Перевозчик указан в статье ', 'a1', ' (перевозчик).'),
  ]),
  b.article('Ёлки и елки', [b.clause('Ёлка, ёлка, ЕЛКА.')]),
])
const state = stateFromJSON(law)
const ANY: FindOptions = { matchCase: false, wholeWord: false }

const texts = (s: EditorState, query: string, options = ANY) => findMatches(s.doc, query, options).map((m) => s.doc.textBetween(m.from, m.to))

describe('finding words in the law', () => {
  it('finds every occurrence in the order of the text, in the title, preamble, headings and blocks, whatever the case', () => {
    expect(texts(state, 'перевозчик')).toEqual(['ПЕРЕВОЗЧИК', 'Перевозчик', 'Перевозчик', 'Перевозчик', 'перевозчик', 'Перевозчик', 'перевозчик'])
  })

  it('takes ё for е, as the rest of Accord does, unless the case must match', () => {
    expect(texts(state, 'елка')).toEqual(['Ёлка', 'ёлка', 'ЕЛКА'])
    expect(texts(state, 'ёлки')).toEqual(['Ёлки', 'елки'])
    expect(texts(state, 'ёлка', { matchCase: true, wholeWord: false })).toEqual(['ёлка'])
  })

  it('with whole words, leaves out the words inside longer ones', () => {
    // The preamble's, the heading's and the two beside the cross-reference; not "Перевозчиком", "перевозчики", "ПЕРЕВОЗЧИКАХ".
    expect(texts(state, 'перевозчик', { matchCase: false, wholeWord: true })).toEqual(['Перевозчик', 'Перевозчик', 'Перевозчик', 'перевозчик'])
  })

  it('never across a cross-reference or two blocks', () => {
    expect(texts(state, 'статье  (')).toEqual([])
    expect(texts(state, 'всё.Перевозчик')).toEqual([])
    expect(texts(state, ' (перевозчик)')).toEqual([' (перевозчик)'])
  })

  it('finds typographic quotation marks for straight ones typed in the find box, whatever the case option', () => {
    const quoted = stateFromJSON(b.law('L', [], [b.article('A', [b.clause('Закон «О перевозчиках» и „Ромашка“; the State’s “victim”.')])]))
    expect(texts(quoted, '"о перевозчиках"')).toEqual(['«О перевозчиках»'])
    expect(texts(quoted, '"Ромашка"', { matchCase: true, wholeWord: false })).toEqual(['„Ромашка“'])
    expect(texts(quoted, `State's "victim"`)).toEqual(['State’s “victim”'])
  })

  it('with all word forms, finds the words in whatever case and number the text has them, whole words only', () => {
    const forms = { ...ANY, wordForms: true }
    expect(texts(state, 'перевозчика', forms)).toEqual(['ПЕРЕВОЗЧИКАХ', 'Перевозчик', 'Перевозчик', 'Перевозчиком', 'перевозчики', 'Перевозчик', 'перевозчик'])
    expect(texts(state, 'ёлками', forms)).toEqual(['Ёлки', 'елки', 'Ёлка', 'ёлка', 'ЕЛКА'])
    const law = stateFromJSON(b.law('О противодействии торговле людьми', [], [b.article('A', [
      b.clause('Жертвы торговли людьми, в том числе торговли — людьми, и торговли детьми; государства-участника; помощь жертве торговли,людьми.'),
    ])]))
    // Several words: one after another, spaces or a dash between (not a comma), each in any form.
    expect(texts(law, 'торговля людьми', forms)).toEqual(['торговле людьми', 'торговли людьми', 'торговли — людьми'])
    expect(texts(law, 'государство-участник', forms)).toEqual(['государства-участника'])
    expect(texts(law, 'жертва', forms)).toEqual(['Жертвы', 'жертве'])
    expect(texts(law, ' , ', forms)).toEqual([])
  })

  it('finds nothing for nothing', () => {
    expect(findMatches(state.doc, '', ANY)).toEqual([])
  })
})

describe('replacing what was found', () => {
  it('replaces every match in one transaction, the cross-reference and the structure kept', () => {
    const matches = findMatches(state.doc, 'перевозчик', { matchCase: false, wholeWord: true })
    const next = state.apply(replaceMatches(state.tr, matches, 'оператор'))
    expect(texts(next, 'оператор')).toHaveLength(4)
    expect(texts(next, 'перевозчик', { matchCase: false, wholeWord: true })).toEqual([])
    expect(next.doc.child(3).textContent).toBe('оператор и его обязанностиПеревозчиком признаётся лицо; перевозчики отвечают за всё.оператор указан в статье  (оператор).')
    let xrefs = 0
    next.doc.descendants((node) => {
      if (node.type.name === 'xref') xrefs++
    })
    expect(xrefs).toBe(1)
  })

  it('changes only the characters that differ, so the words kept at either end keep their identity', () => {
    const [first] = findMatches(state.doc, 'Перевозчик и его', ANY)
    const tr = replaceMatches(state.tr, [first], 'Перевозчик и её')
    // One step, over the two letters that differ.
    expect(tr.steps).toHaveLength(1)
    const map = tr.mapping
    expect(map.map(first.from)).toBe(first.from)
    expect(map.map(first.from + 'Перевозчик и '.length, -1)).toBe(first.from + 'Перевозчик и '.length)
    expect(state.apply(tr).doc.child(3).child(0).textContent).toBe('Перевозчик и её обязанности')
  })

  it('deletes the words when the replacement is empty', () => {
    const matches = findMatches(state.doc, ' и его обязанности', ANY)
    expect(state.apply(replaceMatches(state.tr, matches, '')).doc.child(3).child(0).textContent).toBe('Перевозчик')
  })
})
