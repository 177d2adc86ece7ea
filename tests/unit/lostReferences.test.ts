import { describe, expect, it } from 'vitest'
import { EditorState } from '@tiptap/pm/state'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { idsTouchedBy, lostReferences } from '../../shared/editor/lostReferences'
import { posOfNth } from '../helpers/editorState'
import { CONCLUSIONS_PLACE } from '../../shared/places'

const text = (value: string): DocJSON => ({ type: 'text', text: value })
const refTo = (target: string): DocJSON => ({ type: 'xref', attrs: { target } })
const articleOf = (id: string, heading: string, ...paragraphs: DocJSON[][]): DocJSON => ({
  type: 'article',
  attrs: { id },
  content: [{ type: 'articleHeading', content: [text(heading)] }, ...paragraphs.map((content, i) => ({ type: 'clause', attrs: { id: `${id}-${i + 1}` }, content }))],
})

/** Глава c1: статья x1 (two paragraphs); статья x2 refers to x1, its paragraph 2 and c1; the preamble to x1. */
const draft = (): EditorState =>
  EditorState.create({
    doc: docFromJSON({
      type: 'doc',
      content: [
        { type: 'lawTitle', content: [text('Закон')] },
        { type: 'preamble', content: [{ type: 'paragraph', content: [text('См. статью '), refTo('x1')] }] },
        { type: 'chapter', attrs: { id: 'c1' }, content: [text('Общие положения')] },
        articleOf('x1', 'Предмет', [text('Первое.')], [text('Второе.')]),
        articleOf('x2', 'Сфера', [text('Согласно статье '), refTo('x1'), text(', части '), refTo('x1-2'), text(' главы '), refTo('c1'), text('.')]),
      ],
    }),
  })

/** The whole of the top-level node at `n`'s place deleted, in one transaction. */
function deleteTop(state: EditorState, type: string, n = 0) {
  const from = posOfNth(state.doc, type, n)
  const tr = state.tr.delete(from, from + state.doc.nodeAt(from)!.nodeSize)
  return { tr, doc: tr.doc }
}

describe('references a deletion leaves pointing at nothing', () => {
  it('deleting an article: its references and its paragraph’s are lost, in the article now numbered 1 and in the preamble', () => {
    const { tr, doc } = deleteTop(draft(), 'article', 0)
    const touched = idsTouchedBy(tr)
    expect([...touched].sort()).toEqual(['x1', 'x1-1', 'x1-2'])
    expect(lostReferences(doc, touched, 'ru')).toEqual({ missing: ['x1', 'x1-2'], places: ['', 'Статья 1'] })
    expect(lostReferences(doc, touched, 'en').places).toEqual(['', 'Article 1'])
  })

  it('a reference in the conclusions is said to stand there, not in the preamble', () => {
    const json = draft().doc.toJSON()
    json.content.push({ type: 'conclusions', content: [{ type: 'paragraph', content: [text('Принят в соответствии со статьей '), refTo('x1')] }] })
    const state = EditorState.create({ doc: docFromJSON(json) })
    const { tr, doc } = deleteTop(state, 'article', 0)
    expect(lostReferences(doc, idsTouchedBy(tr), 'ru').places).toEqual(['', 'Статья 1', CONCLUSIONS_PLACE])
  })

  it('deleting a chapter heading loses the reference to the chapter only', () => {
    const { tr, doc } = deleteTop(draft(), 'chapter', 0)
    expect(lostReferences(doc, idsTouchedBy(tr), 'ru')).toEqual({ missing: ['c1'], places: ['Статья 2'] })
  })

  it('deleting an article nothing refers to loses nothing', () => {
    const { tr, doc } = deleteTop(draft(), 'article', 1)
    expect(idsTouchedBy(tr).has('x2')).toBe(true)
    expect(lostReferences(doc, idsTouchedBy(tr), 'ru')).toEqual({ missing: [], places: [] })
  })

  it('an article moved (cut and put back elsewhere in one step) keeps its id: nothing lost', () => {
    const state = draft()
    const from = posOfNth(state.doc, 'article', 0)
    const node = state.doc.nodeAt(from)!
    const tr = state.tr.delete(from, from + node.nodeSize)
    tr.insert(tr.doc.content.size, node)
    expect(lostReferences(tr.doc, idsTouchedBy(tr), 'ru').missing).toEqual([])
  })

  it('typing touches no block: nothing to look for', () => {
    const state = draft()
    const tr = state.tr.insertText('Новое ', posOfNth(state.doc, 'clause', 0) + 1)
    expect(idsTouchedBy(tr).size).toBe(0)
  })
})
