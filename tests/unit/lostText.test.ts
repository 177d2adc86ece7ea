import { describe, expect, it } from 'vitest'
import type { Command } from '@tiptap/pm/state'
import { Fragment, Slice } from '@tiptap/pm/model'
import { legalSchema } from '../../shared/schema'
import { joinBackward } from '@tiptap/pm/commands'
import { docJSONOf } from '../../shared/ydoc'
import { deleteStructural, moveStructural, shiftLevel, splitStructural } from '../../shared/editor/commands'
import { insertXref } from '../../shared/editor/xrefCommands'
import { nodeWithId } from '../helpers/editorState'
import { HeadlessEditor } from '../helpers/headlessEditor'
import { Network, caretAtEnd, expectConverged, moveArticleOneDown, textOf, typeAtEnd, type Replica } from '../helpers/replicas'

describe('words typed into an element that someone else moves or re-levels meanwhile', () => {
  it('are kept when the server had them before the change of level (the server restores them)', () => {
    const net = new Network(['mover', 'typist'])
    typeAtEnd(net.get('typist').editor, 's1', ' NEW')
    net.send('typist') // the server has the words; the mover has not seen them yet
    caretAtEnd(net.get('mover').editor, 's1')
    expect(net.get('mover').editor.run(shiftLevel(-1))).toBe(true)
    net.send('mover')
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 's1')).toEqual({ type: 'point', text: 'a sub-point. NEW' })
    expectConverged(net)
    expect(net.get('typist').restored).toEqual([]) // the server did it, once
  })

  it('are kept when typed offline while another moved the article (the typist restores them)', () => {
    const net = new Network(['mover', 'typist'])
    const typist = net.get('typist')
    typeAtEnd(typist.editor, 'c2', ' more')
    typeAtEnd(typist.editor, 'art1', ' heading')
    moveArticleOneDown(net)
    net.receive('typist') // the move arrives before the typist's words left
    expect(typist.restored.flat().map((l) => l.text).sort()).toEqual([' heading', ' more'])
    net.settle()
    for (const r of net.replicas.values()) {
      expect(textOf(r, 'c2').text).toBe('Second paragraph: more')
      expect(textOf(r, 'art1').text).toBe('One heading')
    }
    const law = docJSONOf(net.server)
    expect(law.content!.map((n) => n.attrs?.id ?? null).filter(Boolean)).toEqual(['ch1', 'art2', 'art1'])
    expectConverged(net)
  })

  it('go back where they were typed, in the middle of a paragraph the mover also changed', () => {
    const net = new Network(['mover', 'typist'])
    const typist = net.get('typist')
    const found = nodeWithId(typist.editor.state.doc, 'c1')!
    typist.editor.select(found.pos + 1 + 'First'.length)
    typist.editor.run((state, dispatch) => (dispatch?.(state.tr.insertText(' short')), true))
    typeAtEnd(net.get('mover').editor, 'c1', ' Amended.')
    moveArticleOneDown(net)
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 'c1').text).toBe('First short paragraph. Amended.')
    expectConverged(net)
  })

  it('stay deleted when the mover had seen them and deleted them first', () => {
    const net = new Network(['mover', 'typist'])
    typeAtEnd(net.get('typist').editor, 's1', ' NEW')
    net.settle() // the mover sees them
    const mover = net.get('mover').editor
    const found = nodeWithId(mover.state.doc, 's1')!
    const end = found.pos + found.node.nodeSize - 1
    mover.run((state, dispatch) => (dispatch?.(state.tr.delete(end - 4, end)), true))
    caretAtEnd(mover, 's1')
    expect(mover.run(shiftLevel(-1))).toBe(true)
    net.send('mover')
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 's1')).toEqual({ type: 'point', text: 'a sub-point.' })
    expectConverged(net)
  })

  it('are not brought back when the element itself was deleted', () => {
    const net = new Network(['mover', 'typist'])
    typeAtEnd(net.get('typist').editor, 'c3', ' and more')
    net.send('typist')
    caretAtEnd(net.get('mover').editor, 'art2')
    expect(net.get('mover').editor.run(deleteStructural)).toBe(true)
    net.send('mover')
    net.settle()
    for (const r of net.replicas.values()) expect(nodeWithId(r.editor.state.doc, 'art2')).toBeUndefined()
    expectConverged(net)
  })

  it('are kept into a paragraph that was empty when it was moved', () => {
    const net = new Network(['mover', 'typist'])
    // An empty paragraph in Article One, known to both.
    const typist = net.get('typist').editor
    const c1 = nodeWithId(typist.state.doc, 'c1')!
    typist.run((state, dispatch) => (dispatch?.(state.tr.insert(c1.pos + c1.node.nodeSize, state.schema.nodes.clause.create({ id: 'c9' }))), true))
    net.settle()
    typeAtEnd(typist, 'c9', 'Fresh words.')
    moveArticleOneDown(net)
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 'c9').text).toBe('Fresh words.')
    expectConverged(net)
  })
})

describe('words typed into a paragraph that someone else joins to the one before it meanwhile', () => {
  /** Deletes the last `length` characters of block `id`'s text. */
  function deleteAtEnd(editor: HeadlessEditor, id: string, length: number): void {
    const found = nodeWithId(editor.state.doc, id)!
    const end = found.pos + found.node.nodeSize - 1
    editor.run((state, dispatch) => (dispatch?.(state.tr.delete(end - length, end)), true))
  }

  /** The joiner presses Backspace at the start of `id`'s text: its words join the block before it. */
  function joinIntoPrevious(net: Network, id: string): void {
    const joiner = net.get('joiner').editor
    joiner.select(nodeWithId(joiner.state.doc, id)!.pos + 1)
    expect(joiner.run(joinBackward)).toBe(true)
    net.send('joiner')
  }

  it('are kept when the server had them (the server restores them)', () => {
    const net = new Network(['joiner', 'typist'])
    typeAtEnd(net.get('typist').editor, 'c2', ' NEW')
    net.send('typist')
    joinIntoPrevious(net, 'c2')
    net.settle()
    for (const r of net.replicas.values()) {
      expect(textOf(r, 'c1').text).toBe('First paragraph.Second paragraph: NEW')
      expect(nodeWithId(r.editor.state.doc, 'c2')).toBeUndefined()
    }
    expectConverged(net)
    expect(net.get('typist').restored).toEqual([])
  })

  it('are kept when typed offline (the typist restores them), in the middle as well as at the end', () => {
    const net = new Network(['joiner', 'typist'])
    const typist = net.get('typist')
    typeAtEnd(typist.editor, 'c2', ' end')
    const c2 = nodeWithId(typist.editor.state.doc, 'c2')!
    typist.editor.select(c2.pos + 1 + 'Second'.length)
    typist.editor.run((state, dispatch) => (dispatch?.(state.tr.insertText(' middle')), true))
    joinIntoPrevious(net, 'c2')
    net.receive('typist')
    expect(typist.restored.flat().map((l) => l.text.trim()).sort()).toEqual(['end', 'middle'])
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 'c1').text).toBe('First paragraph.Second middle paragraph: end')
    expectConverged(net)
  })

  it('are kept when the block is joined into the article heading, and words the joiner deleted stay deleted', () => {
    const net = new Network(['joiner', 'typist'])
    typeAtEnd(net.get('typist').editor, 'c3', ' kept')
    net.settle()
    deleteAtEnd(net.get('joiner').editor, 'c3', ' kept'.length)
    net.send('joiner')
    typeAtEnd(net.get('typist').editor, 'c3', ' late')
    net.send('typist')
    joinIntoPrevious(net, 'c3')
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 'art2').text).toBe('TwoOnly paragraph. late')
    expectConverged(net)
  })

  it('are not brought back when the block was emptied and removed, not joined', () => {
    const net = new Network(['joiner', 'typist'])
    deleteAtEnd(net.get('joiner').editor, 'c3', 'Only paragraph.'.length)
    net.settle()
    typeAtEnd(net.get('typist').editor, 'c3', 'typed')
    net.send('typist')
    joinIntoPrevious(net, 'c3')
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 'art2').text).toBe('Two')
    expectConverged(net)
  })
})

describe('words typed into the part of a paragraph that someone else splits off meanwhile', () => {
  /** The splitter presses Enter in `id` after its first `offset` characters. */
  function splitAt(net: Network, id: string, offset: number): void {
    const splitter = net.get('splitter').editor
    splitter.select(nodeWithId(splitter.state.doc, id)!.pos + 1 + offset)
    expect(splitter.run(splitStructural)).toBe(true)
    net.send('splitter')
  }

  /** The texts of article One's body blocks, in order. */
  function bodyOf(r: Replica): string[] {
    const article = nodeWithId(r.editor.state.doc, 'art1')!.node
    const out: string[] = []
    article.forEach((child, _offset, index) => {
      if (index > 0) out.push(child.textContent)
    })
    return out
  }

  it.each([true, false])('follow the split-off words into the new paragraph (the server had them: %s)', (sent) => {
    const net = new Network(['splitter', 'typist'])
    typeAtEnd(net.get('typist').editor, 'c2', ' NEW')
    if (sent) net.send('typist')
    splitAt(net, 'c2', 'Second'.length)
    net.settle()
    for (const r of net.replicas.values()) {
      expect(bodyOf(r)).toEqual(['First paragraph.', 'Second', ' paragraph: NEW', 'a point,', 'a sub-point.'])
      expect(textOf(r, 'c2').text).toBe('Second')
    }
    expectConverged(net)
    // Moved once, by the typist's browser.
    expect(net.get('typist').restored.flat().map((l) => l.text)).toEqual([' NEW'])
    expect(net.get('splitter').restored.flat()).toEqual([])
  })

  it('keep their place inside the split-off words, and words typed before the split point stay', () => {
    const net = new Network(['splitter', 'typist'])
    const typist = net.get('typist').editor
    typeAtEnd(typist, 'c2', ' end')
    const c2 = nodeWithId(typist.state.doc, 'c2')!
    typist.select(c2.pos + 1 + 'Second para'.length)
    typist.run((state, dispatch) => (dispatch?.(state.tr.insertText('[mid]')), true))
    typist.select(c2.pos + 1 + 'Sec'.length)
    typist.run((state, dispatch) => (dispatch?.(state.tr.insertText('(head)')), true))
    splitAt(net, 'c2', 'Second'.length)
    net.settle()
    for (const r of net.replicas.values()) expect(bodyOf(r).slice(1, 3)).toEqual(['Sec(head)ond', ' para[mid]graph: end'])
    expectConverged(net)
  })

  it('follow them too when the split is a paste of two paragraphs', () => {
    const net = new Network(['splitter', 'typist'])
    typeAtEnd(net.get('typist').editor, 'c2', ' NEW')
    const splitter = net.get('splitter').editor
    const at = nodeWithId(splitter.state.doc, 'c2')!.pos + 1 + 'Second'.length
    const { clause } = legalSchema.nodes
    const pasted = new Slice(Fragment.from([clause.create({ id: 'x1' }, legalSchema.text(' one')), clause.create({ id: 'x2' }, legalSchema.text('two'))]), 1, 1)
    expect(splitter.run((state, dispatch) => (dispatch?.(state.tr.replace(at, at, pasted)), true))).toBe(true)
    net.send('splitter')
    net.settle()
    for (const r of net.replicas.values()) expect(bodyOf(r).slice(1, 3)).toEqual(['Second one', 'two paragraph: NEW'])
    expectConverged(net)
  })

  it('are left alone when the splitter knew them, or split at the very end', () => {
    const net = new Network(['splitter', 'typist'])
    typeAtEnd(net.get('typist').editor, 'c2', ' seen')
    net.settle()
    splitAt(net, 'c2', 'Second'.length)
    net.settle()
    expect(bodyOf(net.get('typist')).slice(1, 3)).toEqual(['Second', ' paragraph: seen'])
    typeAtEnd(net.get('typist').editor, 'c1', ' more')
    net.send('typist')
    splitAt(net, 'c1', 'First paragraph.'.length)
    net.settle()
    for (const r of net.replicas.values()) expect(bodyOf(r).slice(0, 2)).toEqual(['First paragraph. more', ''])
    expectConverged(net)
    expect(net.get('typist').restored.flat()).toEqual([])
  })
})

describe('words typed into a copy that two people made at once', () => {
  it.each([true, false])('are kept once whichever copy the server keeps (the typist\'s copy deleted: %s)', (deleted) => {
    const net = new Network(['mover', 'other', 'typist'])
    for (const name of ['mover', 'other']) {
      const editor = net.get(name).editor
      caretAtEnd(editor, 'art1')
      expect(editor.run(moveStructural(1))).toBe(true)
    }
    // The server keeps the copy with the smaller Yjs item id: the one of the smaller client id.
    const [kept, dropped] = ['mover', 'other'].sort((a, b) => net.get(a).doc.clientID - net.get(b).doc.clientID)
    const first = deleted ? dropped : kept
    net.send(first)
    net.receive('typist') // the typist sees the first move only
    typeAtEnd(net.get('typist').editor, 'c1', ' typed')
    net.send(first === kept ? dropped : kept)
    net.settle()
    for (const r of net.replicas.values()) expect(textOf(r, 'c1').text).toBe('First paragraph. typed')
    expect(JSON.stringify(docJSONOf(net.server)).split('First paragraph.').length - 1).toBe(1)
    expectConverged(net)
    // When the server deleted the copy the typist typed into, the typist's browser typed the words again.
    expect(net.get('typist').restored.flat().map((l) => l.text)).toEqual(deleted ? [' typed'] : [])
  })
})

describe('blocks holding a cross-reference (several Y.XmlTexts with an element between them)', () => {
  /** A reference to Article Two inserted at the end of `id`, then the words " after". */
  function referTo(editor: HeadlessEditor, id: string): void {
    caretAtEnd(editor, id)
    expect(editor.run(insertXref('art2'))).toBe(true)
    const insert: Command = (state, dispatch) => (dispatch?.(state.tr.insertText(' after')), true)
    editor.run(insert)
  }

  const count = (text: string, words: string) => text.split(words).length - 1
  const refsIn = (replica: Replica, id: string) => {
    const found = nodeWithId(replica.editor.state.doc, id)!
    const refs: string[] = []
    found.node.descendants((n) => void (n.type.name === 'xref' && refs.push(n.attrs.target as string)))
    return refs
  }

  it('keep words typed into them offline while the article was moved, once, and the reference', () => {
    const net = new Network(['mover', 'typist'])
    referTo(net.get('typist').editor, 'c1')
    net.settle()
    typeAtEnd(net.get('typist').editor, 'c1', ' offline')
    moveArticleOneDown(net)
    expect(() => net.settle()).not.toThrow()
    expectConverged(net)
    for (const r of net.replicas.values()) {
      expect(refsIn(r, 'c1')).toEqual(['art2'])
      expect(textOf(r, 'c1').text).toBe('First paragraph. after offline')
      expect(count(textOf(r, 'c1').text, ' after')).toBe(1)
    }
  })

  it('keep words typed while the block changed level, and survive a join', () => {
    const net = new Network(['mover', 'typist'])
    referTo(net.get('typist').editor, 's1')
    net.settle()
    typeAtEnd(net.get('typist').editor, 's1', ' NEW')
    net.send('typist')
    caretAtEnd(net.get('mover').editor, 's1')
    expect(net.get('mover').editor.run(shiftLevel(-1))).toBe(true)
    net.send('mover')
    expect(() => net.settle()).not.toThrow()
    expectConverged(net)
    for (const r of net.replicas.values()) {
      expect(refsIn(r, 's1')).toEqual(['art2'])
      expect(textOf(r, 's1').text).toBe('a sub-point. after NEW')
    }
    const mover = net.get('mover').editor
    const found = nodeWithId(mover.state.doc, 'c2')!
    mover.select(found.pos + 1)
    expect(() => mover.run(joinBackward)).not.toThrow()
    expect(() => net.settle()).not.toThrow()
    expectConverged(net)
  })

  it.each([true, false])('keep words typed after the reference while a co-author split the block before it, once (the server had them: %s)', (sent) => {
    const net = new Network(['splitter', 'typist'])
    referTo(net.get('typist').editor, 'c2')
    net.settle()
    typeAtEnd(net.get('typist').editor, 'c2', ' NEW')
    if (sent) net.send('typist')
    const splitter = net.get('splitter').editor
    splitter.select(nodeWithId(splitter.state.doc, 'c2')!.pos + 1 + 'Second'.length)
    expect(splitter.run(splitStructural)).toBe(true)
    net.send('splitter')
    expect(() => net.settle()).not.toThrow()
    expectConverged(net)
    const body = JSON.stringify(docJSONOf(net.server))
    expect(body.split(' NEW').length - 1).toBe(1)
    expect(body.split('"target":"art2"').length - 1).toBe(1)
    for (const r of net.replicas.values()) {
      const article = nodeWithId(r.editor.state.doc, 'art1')!.node
      const texts: string[] = []
      article.forEach((child, _offset, index) => void (index > 0 && texts.push(child.textContent)))
      // The split-off half: " paragraph:", the reference (no text of its own here), " after NEW".
      expect(texts.slice(1, 3)).toEqual(['Second', ' paragraph: after NEW'])
    }
  })
})
