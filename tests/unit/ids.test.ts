import { describe, expect, it } from 'vitest'
import { EditorState, NodeSelection, type Transaction } from '@tiptap/pm/state'
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { createBuilders } from '../../shared/seed/builders'
import { docFromJSON, legalSchema } from '../../shared/schema'
import { stableIdPlugin, idHolders } from '../../shared/editor/idPlugin'
import { labelAt, numberingPlugin, numberingPluginKey } from '../../shared/editor/numberingPlugin'
import { isRemoteTransaction, isTextOnlyTransaction } from '../../shared/editor/changes'
import { splitStructural, insertArticle, insertChapter, insertBodyBlock, moveStructural, deleteStructural, shiftLevel } from '../../shared/editor/commands'
import { numberDocument } from '../../shared/numbering'
import type { Language } from '../../shared/language'
import {
  stateFromJSON, withCursorIn, posOfNth, allIds, nodeWithId, nodesOfType, run, withId, cursorBlock, fixtureLaw, pluginLabels, computedLabels,
} from '../helpers/editorState'

const law = () => fixtureLaw()

const ORIGINAL_IDS = ['ch1', 'art1', 'c1', 'c2', 'p1', 's1', 'art2', 'c3']

/** Applies a transaction through all plugins (appendTransaction included). */
function apply(state: EditorState, tr: Transaction): { state: EditorState; appended: Transaction[] } {
  const result = state.applyTransaction(tr)
  return { state: result.state, appended: result.transactions.slice(1) }
}

function expectUniqueIds(doc: PMNode): void {
  const ids = allIds(doc)
  expect(ids.every((id) => typeof id === 'string' && id.length > 0), `missing id in ${JSON.stringify(ids)}`).toBe(true)
  expect(new Set(ids).size, `duplicate id in ${JSON.stringify(ids)}`).toBe(ids.length)
}

/** Text of every original id's node, to check that ids still point at the same words. */
function textById(doc: PMNode, ids: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const id of ids) out[id] = nodeWithId(doc, id)?.node.textContent
  return out
}

function articleNode(doc: PMNode, id: string): PMNode {
  const found = nodeWithId(doc, id)
  if (!found || found.node.type.name !== 'article') throw new Error(`no article ${id}`)
  return found.node
}

describe('stableIdPlugin: splitting a block', () => {
  it('splitStructural in the middle of a paragraph: the original keeps its id, the new one gets a fresh id', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 0, 5) // "First| paragraph."
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    const clauses = nodesOfType(res.state.doc, 'clause').map((c) => `${c.node.attrs.id}:${c.node.textContent}`)
    expect(clauses[0]).toBe('c1:First')
    const fresh = nodesOfType(res.state.doc, 'clause')[1].node
    expect(fresh.textContent).toBe(' paragraph.')
    expect(ORIGINAL_IDS).not.toContain(fresh.attrs.id)
    expectUniqueIds(res.state.doc)
    expect(cursorBlock(res.state)).toEqual({ type: 'clause', text: ' paragraph.', offset: 0 })
  })

  it.each([
    ['clause', 0, 'c1'],
    ['point', 0, 'p1'],
    ['subpoint', 0, 's1'],
  ] as const)('a raw tr.split of a %s (which copies the id) is fixed: the second part gets a fresh id', (type, n, id) => {
    const state = withCursorIn(stateFromJSON(law()), type, n, 2)
    const split = state.tr.split(state.selection.from)
    // Precondition: ProseMirror copies the attributes, so the id is duplicated before the plugin runs.
    expect(allIds(split.doc).filter((x) => x === id)).toHaveLength(2)
    const { state: next, appended } = apply(state, split)
    expect(appended).toHaveLength(1)
    // Undone with the change that needed it: not kept out of the history (which would keep the change out too).
    expect(appended[0].getMeta('addToHistory')).toBeUndefined()
    const text = nodeWithId(state.doc, id)!.node.textContent
    const original = nodeWithId(next.doc, id)!
    expect(original.pos).toBe(nodeWithId(state.doc, id)!.pos)
    expect(original.node.textContent).toBe(text.slice(0, 2))
    const second = next.doc.nodeAt(original.pos + original.node.nodeSize)!
    expect(second.type.name).toBe(type)
    expect(second.textContent).toBe(text.slice(2))
    expect(ORIGINAL_IDS).not.toContain(second.attrs.id)
    expectUniqueIds(next.doc)
  })

  it('a raw split of a chapter heading gives the second heading a fresh id', () => {
    const state = withCursorIn(stateFromJSON(law()), 'chapter', 0, 3)
    const { state: next } = apply(state, state.tr.split(state.selection.from))
    const chapters = nodesOfType(next.doc, 'chapter').map((c) => c.node)
    expect(chapters.map((c) => c.textContent)).toEqual(['Gen', 'eral'])
    expect(chapters[0].attrs.id).toBe('ch1')
    expect(chapters[1].attrs.id).not.toBe('ch1')
    expectUniqueIds(next.doc)
  })

  it('Enter at the start of a paragraph keeps the id with its words (the empty block above is new)', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 1, 'start')
    const res = run(state, splitStructural)
    expect(res.ok).toBe(true)
    const body = nodesOfType(res.state.doc, 'clause').map((c) => c.node)
    expect(body.map((c) => c.textContent)).toEqual(['First paragraph.', '', 'Second paragraph:', 'Only paragraph.'])
    expect(textById(res.state.doc, ORIGINAL_IDS)).toEqual(textById(state.doc, ORIGINAL_IDS))
    expect(ORIGINAL_IDS).not.toContain(body[1].attrs.id)
    expectUniqueIds(res.state.doc)
    // The cursor stays with the text, as with a plain Enter.
    expect(cursorBlock(res.state)).toEqual({ type: 'clause', text: 'Second paragraph:', offset: 0 })
  })

  it('a raw split at the start of a block keeps the id with its words too', () => {
    const state = withCursorIn(stateFromJSON(law()), 'point', 0, 'start')
    const { state: next } = apply(state, state.tr.split(state.selection.from))
    expect(nodeWithId(next.doc, 'p1')!.node.textContent).toBe('a point,')
    const points = nodesOfType(next.doc, 'point').map((p) => p.node)
    expect(points.map((p) => p.textContent)).toEqual(['', 'a point,'])
    expect(points[0].attrs.id).not.toBe('p1')
    expectUniqueIds(next.doc)
  })

  it('many successive splits never produce a duplicate', () => {
    let state = withCursorIn(stateFromJSON(law()), 'clause', 0, 'end')
    for (let i = 0; i < 40; i++) {
      state = run(state, splitStructural).state
      state = state.apply(state.tr.insertText(`line ${i}`))
    }
    expect(nodesOfType(state.doc, 'clause')).toHaveLength(43)
    expectUniqueIds(state.doc)
    expect(nodeWithId(state.doc, 'c1')!.node.textContent).toBe('First paragraph.')
  })
})

describe('stableIdPlugin: pasting a copy of an article', () => {
  /** What ProseMirror's paste does with a single copied node: replaceSelectionWith. */
  function pasteArticleCopy(state: EditorState, id: string): EditorState {
    const copy = articleNode(state.doc, id) // same ids as the original
    return apply(state, state.tr.replaceSelectionWith(copy)).state
  }

  function expectCopyOfArt1(before: EditorState, after: EditorState): void {
    // The original's ids still sit on the original's words, each exactly once.
    expect(textById(after.doc, ORIGINAL_IDS)).toEqual(textById(before.doc, ORIGINAL_IDS))
    expectUniqueIds(after.doc)
    // There are now two articles "One" with the same text; the copy has only new ids.
    const ones = nodesOfType(after.doc, 'article').filter((a) => a.node.firstChild!.textContent === 'One')
    expect(ones).toHaveLength(2)
    expect(ones[0].node.textContent).toBe(ones[1].node.textContent)
    const copy = ones.find((a) => a.node.attrs.id !== 'art1')!
    const copyIds: string[] = [copy.node.attrs.id]
    copy.node.forEach((child) => {
      if (child.type.name !== 'articleHeading') copyIds.push(child.attrs.id)
    })
    expect(copyIds).toHaveLength(5)
    for (const id of copyIds) expect(ORIGINAL_IDS).not.toContain(id)
  }

  it('pasted below the original (cursor at the end of its last block)', () => {
    const state = withCursorIn(stateFromJSON(law()), 'subpoint', 0, 'end')
    const next = pasteArticleCopy(state, 'art1')
    expect(nodesOfType(next.doc, 'article').map((a) => a.node.firstChild!.textContent)).toEqual(['One', 'One', 'Two'])
    expect(nodesOfType(next.doc, 'article')[0].node.attrs.id).toBe('art1')
    expectCopyOfArt1(state, next)
  })

  it('pasted above the original (cursor at the start of its heading)', () => {
    const state = withCursorIn(stateFromJSON(law()), 'articleHeading', 0, 'start')
    const next = pasteArticleCopy(state, 'art1')
    expect(nodesOfType(next.doc, 'article').map((a) => a.node.firstChild!.textContent)).toEqual(['One', 'One', 'Two'])
    // The copy is the first one; the original (second) keeps its id.
    expect(nodesOfType(next.doc, 'article')[1].node.attrs.id).toBe('art1')
    expect(nodesOfType(next.doc, 'article')[0].node.attrs.id).not.toBe('art1')
    expectCopyOfArt1(state, next)
  })

  it('pasted after another article', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 2, 'end') // end of Article Two
    const next = pasteArticleCopy(state, 'art1')
    expect(nodesOfType(next.doc, 'article').map((a) => a.node.firstChild!.textContent)).toEqual(['One', 'Two', 'One'])
    expect(nodesOfType(next.doc, 'article')[0].node.attrs.id).toBe('art1')
    expectCopyOfArt1(state, next)
  })

  it.each(['above', 'below'] as const)('inserted as a node directly %s the original (tr.insert)', (where) => {
    const state = stateFromJSON(law())
    const pos = posOfNth(state.doc, 'article', 0)
    const original = state.doc.nodeAt(pos)!
    const at = where === 'above' ? pos : pos + original.nodeSize
    const next = apply(state, state.tr.insert(at, original)).state
    const articles = nodesOfType(next.doc, 'article')
    expect(articles[where === 'above' ? 1 : 0].node.attrs.id).toBe('art1')
    expectCopyOfArt1(state, next)
  })

  it.each(['above', 'below'] as const)('inserted as a closed slice %s the original (tr.replace)', (where) => {
    const state = stateFromJSON(law())
    const pos = posOfNth(state.doc, 'article', 0)
    const slice = NodeSelection.create(state.doc, pos).content()
    const at = where === 'above' ? pos : pos + state.doc.nodeAt(pos)!.nodeSize
    const next = apply(state, state.tr.replace(at, at, slice)).state
    expect(nodesOfType(next.doc, 'article')[where === 'above' ? 1 : 0].node.attrs.id).toBe('art1')
    expectCopyOfArt1(state, next)
  })

  it('a copy of two articles pasted at the start of the first one keeps the originals on their words', () => {
    const state = withCursorIn(stateFromJSON(law()), 'articleHeading', 0, 'start')
    const slice = new Slice(Fragment.from([articleNode(state.doc, 'art1'), articleNode(state.doc, 'art2')]), 0, 0)
    const next = apply(state, state.tr.replaceSelection(slice)).state
    expect(textById(next.doc, ORIGINAL_IDS)).toEqual(textById(state.doc, ORIGINAL_IDS))
    expectUniqueIds(next.doc)
  })

  it('a copy of two articles pasted after the last one gives both copies new ids', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 2, 'end')
    const slice = new Slice(Fragment.from([articleNode(state.doc, 'art1'), articleNode(state.doc, 'art2')]), 0, 0)
    const next = apply(state, state.tr.replaceSelection(slice)).state
    const articles = nodesOfType(next.doc, 'article').map((a) => a.node)
    expect(articles.map((a) => a.firstChild!.textContent)).toEqual(['One', 'Two', 'One', 'Two'])
    expect(articles.slice(0, 2).map((a) => a.attrs.id)).toEqual(['art1', 'art2'])
    expect(textById(next.doc, ORIGINAL_IDS)).toEqual(textById(state.doc, ORIGINAL_IDS))
    expectUniqueIds(next.doc)
  })

  it('a copied paragraph pasted into another article gets a fresh id', () => {
    const state = withCursorIn(stateFromJSON(law()), 'clause', 2, 'end')
    const c1 = nodeWithId(state.doc, 'c1')!.node
    const next = apply(state, state.tr.replaceSelectionWith(c1)).state
    const two = articleNode(next.doc, 'art2')
    expect(two.childCount).toBe(3)
    expect(two.child(2).textContent).toBe('First paragraph.')
    expect(two.child(2).attrs.id).not.toBe('c1')
    expect(nodeWithId(next.doc, 'c1')!.pos).toBe(nodeWithId(state.doc, 'c1')!.pos)
    expectUniqueIds(next.doc)
  })

  it('a copied chapter heading pasted elsewhere gets a fresh id', () => {
    const state = stateFromJSON(law())
    const ch = nodeWithId(state.doc, 'ch1')!.node
    const next = apply(state, state.tr.insert(state.doc.content.size, ch)).state
    const chapters = nodesOfType(next.doc, 'chapter').map((c) => c.node.attrs.id)
    expect(chapters[0]).toBe('ch1')
    expect(chapters[1]).not.toBe('ch1')
    expectUniqueIds(next.doc)
  })
})

describe('stableIdPlugin: missing ids, typing, remote changes', () => {
  it('a block inserted with id null gets an id', () => {
    const state = stateFromJSON(law())
    const pos = posOfNth(state.doc, 'clause', 0) + nodeWithId(state.doc, 'c1')!.node.nodeSize
    const tr = state.tr.insert(pos, legalSchema.nodes.clause.create({ id: null }, legalSchema.text('New')))
    const { state: next, appended } = apply(state, tr)
    expect(appended).toHaveLength(1)
    const inserted = nodesOfType(next.doc, 'clause')[1].node
    expect(inserted.textContent).toBe('New')
    expect(inserted.attrs.id).toMatch(/^[0-9a-z]{12}$/)
    expectUniqueIds(next.doc)
  })

  it('an article, its paragraphs and a chapter inserted without ids all get ids', () => {
    const state = stateFromJSON(law())
    const { nodes } = legalSchema
    const article = nodes.article.create(null, [
      nodes.articleHeading.create(null, legalSchema.text('New')),
      nodes.clause.create(null, legalSchema.text('x')),
      nodes.point.create(null),
      nodes.subpoint.create(null),
    ])
    const tr = state.tr.insert(state.doc.content.size, [nodes.chapter.create(null), article])
    const next = apply(state, tr).state
    expect(allIds(next.doc)).toHaveLength(ORIGINAL_IDS.length + 5)
    expectUniqueIds(next.doc)
    expect(allIds(next.doc).slice(0, ORIGINAL_IDS.length)).toEqual(ORIGINAL_IDS)
  })

  it('typing and deleting text never touches ids (no appended transaction)', () => {
    let state = withCursorIn(stateFromJSON(law()), 'point', 0, 'end')
    const before = allIds(state.doc)
    for (const tr of [
      state.tr.insertText(' and more'),
      state.tr.delete(state.selection.from - 3, state.selection.from),
      state.tr.insertText('X', posOfNth(state.doc, 'articleHeading', 0) + 1),
      state.tr.insertText('Y', posOfNth(state.doc, 'chapter', 0) + 1),
    ]) {
      const { state: next, appended } = apply(state, tr)
      expect(appended).toHaveLength(0)
      expect(allIds(next.doc)).toEqual(before)
    }
    state = apply(state, state.tr.insertText(' and more')).state
    expect(nodeWithId(state.doc, 'p1')!.node.textContent).toBe('a point, and more')
  })

  it('typing does not "repair" a duplicate that is already there (text edits never rename)', () => {
    const b = createBuilders('t')
    const json = b.law('L', [], [withId(b.article('A', [withId(b.clause('x'), 'dup'), withId(b.clause('y'), 'dup')]), 'a')])
    const state = withCursorIn(stateFromJSON(json), 'clause', 1, 'end')
    const { state: next, appended } = apply(state, state.tr.insertText('z'))
    expect(appended).toHaveLength(0)
    expect(allIds(next.doc)).toEqual(['a', 'dup', 'dup'])
  })

  it('a remote (Yjs) transaction is not rewritten, even with duplicates or missing ids', () => {
    const state = stateFromJSON(law())
    const pos = posOfNth(state.doc, 'article', 0)
    const original = state.doc.nodeAt(pos)!
    const tr = state.tr
      .insert(pos + original.nodeSize, original)
      .insert(state.doc.content.size + original.nodeSize, legalSchema.nodes.chapter.create({ id: null }))
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(isRemoteTransaction(tr)).toBe(true)
    const { state: next, appended } = apply(state, tr)
    expect(appended).toHaveLength(0)
    const ids = allIds(next.doc)
    expect(ids.filter((id) => id === 'art1')).toHaveLength(2)
    expect(ids[ids.length - 1]).toBeNull()

    // Control: the same change made locally is repaired.
    const local = state.tr.insert(pos + original.nodeSize, original)
    expect(isRemoteTransaction(local)).toBe(false)
    const { appended: repaired } = apply(state, local)
    expect(repaired).toHaveLength(1)
  })

  it('a transaction with an unrelated y-sync meta (not a change origin) is treated as local', () => {
    const state = stateFromJSON(law())
    const pos = posOfNth(state.doc, 'article', 0)
    const tr = state.tr.insert(pos, state.doc.nodeAt(pos)!).setMeta(ySyncPluginKey, { isChangeOrigin: false })
    expect(isRemoteTransaction(tr)).toBe(false)
    expectUniqueIds(apply(state, tr).state.doc)
  })

  it('idHolders lists chapters, articles and body blocks in order, with positions', () => {
    const doc = docFromJSON(law())
    const holders = idHolders(doc)
    expect(holders.map((h) => h.id)).toEqual(ORIGINAL_IDS)
    for (const h of holders) expect(doc.nodeAt(h.pos)!.attrs.id).toBe(h.id)
  })
})

describe('isTextOnlyTransaction', () => {
  const base = () => withCursorIn(stateFromJSON(law()), 'clause', 1, 6) // "Second| paragraph:"

  it('typing inside a line is text-only', () => {
    const state = base()
    expect(isTextOnlyTransaction(state.tr.insertText('x'))).toBe(true)
    expect(isTextOnlyTransaction(state.tr.insertText('Статья'))).toBe(true)
  })

  it('deleting inside a line, or replacing a word, is text-only', () => {
    const state = base()
    const { from } = state.selection
    expect(isTextOnlyTransaction(state.tr.delete(from - 3, from))).toBe(true)
    expect(isTextOnlyTransaction(state.tr.insertText('Third', from - 6, from))).toBe(true)
    expect(isTextOnlyTransaction(state.tr.delete(from - 6, from).insertText('Other', from - 6))).toBe(true)
  })

  it('typing in a title, preamble, chapter or article heading is text-only', () => {
    const state = stateFromJSON(law())
    for (const type of ['lawTitle', 'paragraph', 'chapter', 'articleHeading']) {
      expect(isTextOnlyTransaction(state.tr.insertText('x', posOfNth(state.doc, type, 0) + 1)), type).toBe(true)
    }
  })

  it('splitting a block is structural', () => {
    const state = base()
    expect(isTextOnlyTransaction(state.tr.split(state.selection.from))).toBe(false)
    const res = run(state, splitStructural)
    expect(isTextOnlyTransaction(res.trs[0])).toBe(false)
  })

  it('inserting a node is structural', () => {
    const state = base()
    const pos = posOfNth(state.doc, 'clause', 1)
    expect(isTextOnlyTransaction(state.tr.insert(pos, legalSchema.nodes.clause.create({ id: 'n' })))).toBe(false)
    expect(isTextOnlyTransaction(run(state, insertArticle).trs[0])).toBe(false)
    expect(isTextOnlyTransaction(run(state, insertBodyBlock('point')).trs[0])).toBe(false)
  })

  it('joining two blocks (Backspace at the start of a paragraph) is structural', () => {
    const state = base()
    const pos = posOfNth(state.doc, 'clause', 1) // boundary between c1 and c2
    expect(isTextOnlyTransaction(state.tr.join(pos))).toBe(false)
  })

  it('changing a block type (setNodeMarkup) is structural', () => {
    const state = base()
    const pos = posOfNth(state.doc, 'clause', 1)
    expect(isTextOnlyTransaction(state.tr.setNodeMarkup(pos, legalSchema.nodes.point))).toBe(false)
    expect(isTextOnlyTransaction(run(state, shiftLevel(1)).trs[0])).toBe(false)
  })

  it('deleting across two blocks or a whole block is structural', () => {
    const state = base()
    const c1 = posOfNth(state.doc, 'clause', 0)
    const c2 = posOfNth(state.doc, 'clause', 1)
    expect(isTextOnlyTransaction(state.tr.delete(c1 + 3, c2 + 3))).toBe(false)
    expect(isTextOnlyTransaction(state.tr.insertText('x', c1 + 3, c2 + 3))).toBe(false)
    expect(isTextOnlyTransaction(state.tr.delete(c2, c2 + state.doc.nodeAt(c2)!.nodeSize))).toBe(false)
    expect(isTextOnlyTransaction(run(state, deleteStructural).trs[0])).toBe(false)
  })

  it('a move of an article is structural', () => {
    const state = withCursorIn(stateFromJSON(law()), 'article', 1)
    expect(isTextOnlyTransaction(run(state, moveStructural(-1)).trs[0])).toBe(false)
  })

  it('a text step followed by a structural step is structural', () => {
    const state = base()
    const tr = state.tr.insertText('x')
    tr.split(tr.selection.from)
    expect(isTextOnlyTransaction(tr)).toBe(false)
  })

  it('changing only an attribute is not a structural change', () => {
    const state = base()
    expect(isTextOnlyTransaction(state.tr.setNodeAttribute(posOfNth(state.doc, 'clause', 1), 'id', 'other'))).toBe(true)
  })
})

describe('numberingPlugin', () => {
  function numberedState(language: Language = 'en'): EditorState {
    return EditorState.create({ doc: docFromJSON(law()), plugins: [stableIdPlugin(), numberingPlugin(language)] })
  }

  const version = (state: EditorState) => numberingPluginKey.getState(state)!.structureVersion

  /** `position:label` of every label (positions are node starts). */
  const labelsOf = (state: EditorState) => pluginLabels(state).sort()

  /** What numberDocument says, placed where the plugin should put it (article label on its heading). */
  const expectedLabels = (state: EditorState, language: Language) => computedLabels(state, language).sort()

  function expectInSync(state: EditorState, language: Language = 'en'): void {
    expect(labelsOf(state)).toEqual(expectedLabels(state, language))
    // Each label sits on a node of the kind it numbers.
    for (const n of numberDocument(state.doc, language)) {
      const at = n.kind === 'article' ? n.pos + 1 : n.pos
      expect(state.doc.nodeAt(at)!.type.name).toBe(n.kind === 'article' ? 'articleHeading' : n.kind)
    }
  }

  it('starts with labels for every numbered node and structureVersion 0', () => {
    const state = numberedState()
    expect(version(state)).toBe(0)
    expectInSync(state)
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'articleHeading', 1)}:Article 2.`)
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'chapter', 0)}:Chapter I.`)
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'subpoint', 0)}:(i)`)
  })

  it('labelAt finds the label of the node that shows it', () => {
    const state = numberedState()
    expect(labelAt(state, posOfNth(state.doc, 'articleHeading', 1))).toBe('Article 2.')
    expect(labelAt(state, posOfNth(state.doc, 'chapter', 0))).toBe('Chapter I.')
    expect(labelAt(state, posOfNth(state.doc, 'article', 1))).toBeUndefined()
  })

  it('typing keeps structureVersion and moves the labels with the text', () => {
    let state = withCursorIn(numberedState(), 'articleHeading', 0, 'end')
    for (const text of [' and more words', 'X']) {
      state = state.apply(state.tr.insertText(text))
      expect(version(state)).toBe(0)
      expectInSync(state)
    }
    // Deleting text before everything else (in the title) shifts all positions.
    state = state.apply(state.tr.delete(1, 3))
    expect(version(state)).toBe(0)
    expectInSync(state)
    // Typing into an empty block.
    state = state.apply(state.tr.insertText('Long law title ', 1))
    expect(version(state)).toBe(0)
    expectInSync(state)
  })

  it('a transaction that changes nothing keeps the same plugin state', () => {
    const state = numberedState()
    const next = state.apply(state.tr.setMeta('x', 1))
    expect(numberingPluginKey.getState(next)).toBe(numberingPluginKey.getState(state))
  })

  it('structural edits bump structureVersion and relabel everything', () => {
    let state = withCursorIn(numberedState(), 'clause', 0, 5)
    const steps: [string, (s: EditorState) => EditorState][] = [
      ['split a paragraph', (s) => run(s, splitStructural).state],
      ['insert an article', (s) => run(s, insertArticle).state],
      ['insert a chapter', (s) => run(withCursorIn(s, 'clause', 0), insertChapter).state],
      ['insert a point', (s) => run(withCursorIn(s, 'clause', 0, 'end'), insertBodyBlock('point')).state],
      ['shift the point back to a paragraph', (s) => run(s, shiftLevel(-1)).state],
      ['move an article up', (s) => run(withCursorIn(s, 'article', 2), moveStructural(-1)).state],
      ['delete a paragraph', (s) => run(withCursorIn(s, 'clause', 1), deleteStructural).state],
      ['raw split (plugin appends an id fix)', (s) => {
        const t = withCursorIn(s, 'clause', 0, 2)
        return t.apply(t.tr.split(t.selection.from))
      }],
    ]
    let expected = 0
    for (const [name, step] of steps) {
      const before = version(state)
      state = step(state)
      expected += 1
      expect(version(state), name).toBe(before + 1)
      expectInSync(state)
    }
    expect(version(state)).toBe(expected)
  })

  it('after inserting an article the following ones are relabelled', () => {
    let state = withCursorIn(numberedState(), 'articleHeading', 0)
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'articleHeading', 1)}:Article 2.`)
    state = run(state, insertArticle).state
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'articleHeading', 1)}:Article 2.`)
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'articleHeading', 2)}:Article 3.`)
    expect(state.doc.nodeAt(posOfNth(state.doc, 'articleHeading', 2))!.textContent).toBe('Two')
    expectInSync(state)
  })

  it('uses Russian labels for a Russian draft', () => {
    let state = withCursorIn(numberedState('ru'), 'clause', 0, 'end')
    expectInSync(state, 'ru')
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'chapter', 0)}:Глава 1.`)
    expect(labelsOf(state)).toContain(`${posOfNth(state.doc, 'subpoint', 0)}:а)`)
    state = state.apply(state.tr.insertText('текст'))
    expectInSync(state, 'ru')
    state = run(state, splitStructural).state
    expectInSync(state, 'ru')
  })
})
