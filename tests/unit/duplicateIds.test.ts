import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { writeDocJSON } from '../../shared/ydoc'
import { TEXT_FIELD } from '../../shared/protocol'
import { applyUpdateAndRepair, idFromItemId, repairDuplicateIds } from '../../server/collab/duplicateIds'
import { fixtureLaw } from '../helpers/editorState'
import { legalTextProblems } from '../helpers/legalChecks'

/** Two replicas of the fixture law, each having copied Article "One" (art1) to the end, as a move would. */
function twoCopies(): [Y.Doc, Y.Doc] {
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
  }
  // Each gets the other's change: two copies of art1 with all its blocks.
  const [a, b] = docs
  const fromA = Y.encodeStateAsUpdate(a)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, fromA)
  return docs
}

describe('repairing duplicate stable ids', () => {
  it('keeps the id on the copy with the smallest Yjs id and renames the others from their Yjs ids', () => {
    const [a] = twoCopies()
    expect(legalTextProblems(a).problems).toEqual(expect.arrayContaining(['duplicate id art1', 'duplicate id c1']))
    const copies = a.getXmlFragment(TEXT_FIELD).toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute('id') === 'art1')
    const [keeper, other] = [...copies].sort((x, y) => x._item!.id.client - y._item!.id.client)
    expect(repairDuplicateIds(a)).toBe(5) // the article and its four blocks
    expect(keeper.getAttribute('id')).toBe('art1')
    expect(other.getAttribute('id')).toBe(idFromItemId(other._item!.id))
    expect(other.getAttribute('id')).toMatch(/^[0-9a-z]{12}$/)
    expect(legalTextProblems(a).problems).toEqual([])
    expect(repairDuplicateIds(a)).toBe(0)
  })

  it('replicas that repair independently agree', () => {
    const [a, b] = twoCopies()
    repairDuplicateIds(a)
    repairDuplicateIds(b)
    const fromA = Y.encodeStateAsUpdate(a)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, fromA)
    expect(legalTextProblems(a).json).toEqual(legalTextProblems(b).json)
    expect(legalTextProblems(a).problems).toEqual([])
  })

  it('repairs after a structural update, on a document only ever filled from updates', () => {
    const [a, b] = twoCopies()
    const server = new Y.Doc() // its root type is untyped until asked for: must not matter
    Y.applyUpdate(server, Y.encodeStateAsUpdate(new Y.Doc()))
    applyUpdateAndRepair(server, Y.encodeStateAsUpdate(a), 'a', () => true)
    applyUpdateAndRepair(server, Y.encodeStateAsUpdate(b), 'b', () => true)
    expect(legalTextProblems(server).problems).toEqual([])
  })
})
