import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { HeadlessEditor } from '../helpers/headlessEditor'
import { writeDocJSON } from '../../shared/ydoc'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { findById, moveStructural } from '../../shared/editor/commands'
import { touchedPlaces } from '../../server/collab/touchedPlaces'
import { outlineOf } from '../../shared/numbering'

/** The sample law in a headless editor, the caret in the place `n`th of `kind`; and what a command touches there. */
function sample(kind: 'article' | 'chapter', n: number) {
  const ydoc = new Y.Doc()
  writeDocJSON(ydoc, sampleLaw('ru'))
  const editor = new HeadlessEditor(ydoc)
  const places = outlineOf(editor.state.doc, 'ru').filter((e) => e.kind === kind)
  const found = findById(editor.state.doc, places[n].id!)!
  editor.select(found.pos + (kind === 'article' ? 3 : 2))
  let touched: string[] = []
  ydoc.on('afterTransaction', (tr: Y.Transaction) => (touched = touchedPlaces(tr)))
  const run = (direction: -1 | 1) => {
    editor.run(moveStructural(direction))
    return touched
  }
  const order = () => outlineOf(editor.state.doc, 'ru').filter((e) => e.kind === kind).map((e) => e.id)
  return { id: places[n].id, next: places[n + 1].id, previous: places[n - 1].id, run, order, ydoc, editor }
}

describe('a unit moved past its neighbour, in Yjs', () => {
  it('is the one deleted and created again, moved down or up: the activity and the comparison name it, not the one it passed', () => {
    const down = sample('article', 13)
    expect(down.run(1)).toEqual([down.id])
    expect(down.order().indexOf(down.id)).toBe(14)
    const up = sample('article', 13)
    expect(up.run(-1)).toEqual([up.id])
    expect(up.order().indexOf(up.id)).toBe(12)
    // A chapter moved up with its articles: its heading and articles, not the chapter it passed.
    const chapter = sample('chapter', 2)
    const touched = chapter.run(-1)
    expect(touched[0]).toBe(chapter.id)
    expect(touched).not.toContain(chapter.previous)
    expect(chapter.order().indexOf(chapter.id)).toBe(1)
  })

  it('leaves the text as ProseMirror has it', () => {
    const up = sample('article', 5)
    up.run(-1)
    const again = new HeadlessEditor(up.ydoc)
    expect(again.state.doc.toJSON()).toEqual(up.editor.state.doc.toJSON())
  })
})
