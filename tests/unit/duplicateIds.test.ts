import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { writeDocJSON } from '../../shared/ydoc'
import { TEXT_FIELD } from '../../shared/protocol'
import { applyUpdateAndRepair, idFromItemId, repairDuplicateIds } from '../../server/collab/duplicateIds'
import { fixtureLaw, nodeWithId } from '../helpers/editorState'
import { HeadlessEditor } from '../helpers/headlessEditor'
import { moveStructural, shiftLevel } from '../../shared/editor/commands'
import { legalTextProblems } from '../helpers/legalChecks'

/**
 * Two replicas of the fixture law, each having copied Article "One" (art1) to the end, as a move
 * would; with `edited`, the second one also changed its copy's heading.
 */
function twoCopies(edited = false): [Y.Doc, Y.Doc] {
  const base = new Y.Doc()
  writeDocJSON(base, fixtureLaw())
  const docs = [new Y.Doc(), new Y.Doc()] as [Y.Doc, Y.Doc]
  for (const doc of docs) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    const fragment = doc.getXmlFragment(TEXT_FIELD)
    const original = fragment.get(3) as Y.XmlElement // lawTitle, preamble, chapter, art1
    const copy = original.clone()
    doc.transact(() => {
      fragment.delete(3, 1)
      fragment.insert(fragment.length, [copy])
    })
    if (edited && doc === docs[1]) ((copy.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, ' (amended)')
  }
  // Each gets the other's change: two copies of art1 with all its blocks.
  const [a, b] = docs
  const fromA = Y.encodeStateAsUpdate(a)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, fromA)
  return docs
}

/** The elements of `doc` with stable id `id`. */
function withId(doc: Y.Doc, id: string): Y.XmlElement[] {
  const out: Y.XmlElement[] = []
  for (const top of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (!(top instanceof Y.XmlElement)) continue
    if (top.getAttribute('id') === id) out.push(top)
    for (const child of top.toArray()) if (child instanceof Y.XmlElement && child.getAttribute('id') === id) out.push(child)
  }
  return out
}

/** How many times `text` appears in the law. */
function occurrences(doc: Y.Doc, text: string): number {
  return doc.getXmlFragment(TEXT_FIELD).toString().split(text).length - 1
}

describe('repairing duplicate stable ids', () => {
  it('deletes a copy that is the same as the one kept (two people made the same move): the article appears once', () => {
    const [a] = twoCopies()
    expect(legalTextProblems(a).problems).toEqual(expect.arrayContaining(['duplicate id art1', 'duplicate id c1']))
    const [keeper] = withId(a, 'art1').sort((x, y) => x._item!.id.client - y._item!.id.client)
    expect(repairDuplicateIds(a)).toBe(1) // the article; its blocks go with it
    expect(withId(a, 'art1')).toEqual([keeper])
    expect(withId(a, 'c1')).toHaveLength(1)
    expect(occurrences(a, 'First paragraph.')).toBe(1)
    expect(legalTextProblems(a).problems).toEqual([])
    expect(repairDuplicateIds(a)).toBe(0)
  })

  it('keeps a copy that differs (someone edited theirs) under ids derived from its Yjs ids, its blocks too', () => {
    const [a] = twoCopies(true)
    const copies = withId(a, 'art1')
    const [keeper, other] = [...copies].sort((x, y) => x._item!.id.client - y._item!.id.client)
    expect(repairDuplicateIds(a)).toBe(5) // the article and its four blocks
    expect(keeper.getAttribute('id')).toBe('art1')
    expect(other.getAttribute('id')).toBe(idFromItemId(other._item!.id))
    expect(other.getAttribute('id')).toMatch(/^[0-9a-z]{12}$/)
    expect(a.getXmlFragment(TEXT_FIELD).toString()).toContain('One (amended)')
    expect(legalTextProblems(a).problems).toEqual([])
    expect(repairDuplicateIds(a)).toBe(0)
  })

  it.each([false, true])('replicas that repair independently agree (copies edited: %s)', (edited) => {
    const [a, b] = twoCopies(edited)
    repairDuplicateIds(a)
    repairDuplicateIds(b)
    const fromA = Y.encodeStateAsUpdate(a)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, fromA)
    expect(legalTextProblems(a).json).toEqual(legalTextProblems(b).json)
    expect(legalTextProblems(a).problems).toEqual([])
    expect(occurrences(a, 'First paragraph.')).toBe(edited ? 2 : 1)
  })

  it('repairs after a structural update, on a document only ever filled from updates', () => {
    const [a, b] = twoCopies()
    const server = new Y.Doc() // its root type is untyped until asked for: must not matter
    Y.applyUpdate(server, Y.encodeStateAsUpdate(new Y.Doc()))
    applyUpdateAndRepair(server, Y.encodeStateAsUpdate(a), 'a', () => true)
    applyUpdateAndRepair(server, Y.encodeStateAsUpdate(b), 'b', () => true)
    expect(legalTextProblems(server).problems).toEqual([])
    expect(occurrences(server, 'First paragraph.')).toBe(1)
  })

  it('shows an article two people moved at once, or a point two people re-levelled at once, once', () => {
    for (const [id, command, text] of [['art1', moveStructural(1), 'First paragraph.'], ['s1', shiftLevel(-1), 'a sub-point.']] as const) {
      const server = new Y.Doc()
      writeDocJSON(server, fixtureLaw(true))
      const docs = [new Y.Doc(), new Y.Doc()]
      for (const doc of docs) {
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
        const editor = new HeadlessEditor(doc)
        editor.select(nodeWithId(editor.state.doc, id)!.pos + 2)
        expect(editor.run(command)).toBe(true)
      }
      for (const doc of docs) applyUpdateAndRepair(server, Y.encodeStateAsUpdate(doc), 'client', () => true)
      for (const doc of docs) Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
      expect(occurrences(server, text)).toBe(1)
      expect(legalTextProblems(server).problems).toEqual([])
      for (const doc of docs) expect(legalTextProblems(doc).json).toEqual(legalTextProblems(server).json)
    }
  })

  it('leaves an article its id when a client gives a paragraph the same one: the paragraph is renamed', () => {
    const doc = new Y.Doc()
    doc.clientID = 2 ** 31 // the law's items sort after the script's
    writeDocJSON(doc, fixtureLaw())
    const script = new Y.Doc()
    script.clientID = 1
    Y.applyUpdate(script, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(script)
    const paragraph = new Y.XmlElement('clause')
    paragraph.setAttribute('id', 'art1')
    paragraph.insert(0, [new Y.XmlText('Claims the article’s id.')])
    const art2 = withId(script, 'art2')[0]
    art2.insert(art2.length, [paragraph])
    applyUpdateAndRepair(doc, Y.encodeStateAsUpdate(script, before), 'script', () => true)
    expect(withId(doc, 'art1').map((el) => el.nodeName)).toEqual(['article'])
    expect(doc.getXmlFragment(TEXT_FIELD).toString()).toContain('Claims the article’s id.')
  })
})
