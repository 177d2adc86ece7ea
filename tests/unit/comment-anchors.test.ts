import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { blockWords, createAnchor, decodeAnchor, findPlace, resolveAnchor, textBetween, textOfBlock, type EncodedAnchor } from '../../shared/comments/anchor'
import { PREAMBLE_PLACE, TITLE_PLACE } from '../../shared/places'
import { xrefReaderOf } from '../../shared/comments/xrefQuote'
import { createBuilders } from '../../shared/seed/builders'
import { writeDocJSON } from '../../shared/ydoc'
import { TEXT_FIELD } from '../../shared/protocol'

/** Examples of what the property test covers at random, and the cases around it. */

function lawDoc(): Y.Doc {
  const b = createBuilders('x')
  const withId = <T extends { attrs?: Record<string, unknown> }>(block: T, id: string): T => ({ ...block, attrs: { ...block.attrs, id } })
  const doc = new Y.Doc()
  writeDocJSON(
    doc,
    b.law('Title', ['Preamble words'], [
      withId(b.chapter('General'), 'ch1'),
      withId(b.article('First', [withId(b.clause('Alpha beta gamma.'), 'c1'), withId(b.point('delta epsilon;'), 'p1')]), 'a1'),
      withId(b.article('Second', [withId(b.clause('Zeta eta theta.'), 'c2')]), 'a2'),
    ]),
  )
  return doc
}

function element(doc: Y.Doc, id: string): Y.XmlElement {
  const found: Y.XmlElement[] = []
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.getAttribute('id') === id) found.push(child)
      walk(child)
    }
  }
  walk(doc.getXmlFragment(TEXT_FIELD))
  return found[0]
}

const textOf = (el: Y.XmlElement) => el.get(0) as Y.XmlText

function anchorOn(doc: Y.Doc, id: string, words: string): EncodedAnchor {
  const text = textOf(element(doc, id))
  const index = textOfBlock(text).indexOf(words)
  return createAnchor({ text, index }, { text, index: index + words.length })
}

function words(doc: Y.Doc, anchor: EncodedAnchor, fallback?: Parameters<typeof resolveAnchor>[2]): string {
  const r = resolveAnchor(doc, anchor, fallback)
  return r.state === 'live' ? textBetween(r.start, r.end) : `(${r.state})`
}

describe('comment anchors', () => {
  it('follow their words through edits before, after, at the edges of and inside them', () => {
    const doc = lawDoc()
    const anchor = anchorOn(doc, 'c1', 'beta')
    const text = textOf(element(doc, 'c1'))
    text.insert(0, 'Before ') // before
    text.insert(textOfBlock(text).indexOf('beta'), '[') // at the start edge
    text.insert(textOfBlock(text).indexOf('beta') + 4, ']') // at the end edge
    text.insert(textOfBlock(text).indexOf('beta') + 2, '-') // inside
    expect(textOfBlock(text)).toBe('Before Alpha [be-ta] gamma.')
    expect(words(doc, anchor)).toBe('be-ta')
    expect(resolveAnchor(doc, anchor)).toMatchObject({ state: 'live', articleId: 'a1', relocated: null })
  })

  it('span blocks of one article, in document order', () => {
    const doc = lawDoc()
    const from = textOf(element(doc, 'c1'))
    const to = textOf(element(doc, 'p1'))
    const anchor = createAnchor({ text: from, index: 6 }, { text: to, index: 5 })
    expect(words(doc, anchor)).toBe('beta gamma.\ndelta')
    // The other way round is not a passage.
    expect(resolveAnchor(doc, createAnchor({ text: to, index: 1 }, { text: from, index: 3 })).state).toBe('orphaned')
  })

  it('are orphaned, not lost, when their words or their block are deleted', () => {
    const doc = lawDoc()
    const wordsAnchor = anchorOn(doc, 'c1', 'beta')
    const blockAnchor = anchorOn(doc, 'p1', 'epsilon')
    const text = textOf(element(doc, 'c1'))
    text.delete(textOfBlock(text).indexOf('beta'), 4)
    const article = element(doc, 'a1')
    article.delete(article.toArray().indexOf(element(doc, 'p1')), 1)
    expect(resolveAnchor(doc, wordsAnchor).state).toBe('orphaned')
    expect(resolveAnchor(doc, blockAnchor).state).toBe('orphaned')
    // Retyping the same words does not bring a comment on deleted words back.
    text.insert(6, 'beta')
    expect(resolveAnchor(doc, wordsAnchor, { blockId: 'c1', articleId: 'a1', quote: 'beta' }).state).toBe('orphaned')
  })

  it('are found again by their quote when their block was recreated with the same id (an article moved)', () => {
    const doc = lawDoc()
    const anchor = anchorOn(doc, 'c2', 'eta theta')
    const headingAnchor = (() => {
      const heading = element(doc, 'a2').get(0) as Y.XmlElement
      const text = heading.get(0) as Y.XmlText
      return createAnchor({ text, index: 0 }, { text, index: 6 })
    })()
    const fragment = doc.getXmlFragment(TEXT_FIELD)
    const moved = element(doc, 'a2')
    const index = fragment.toArray().indexOf(moved)
    const copy = moved.clone()
    doc.transact(() => {
      fragment.delete(index, 1)
      fragment.insert(index - 1, [copy])
    })
    expect(resolveAnchor(doc, anchor).state).toBe('orphaned')
    const found = resolveAnchor(doc, anchor, { blockId: 'c2', articleId: 'a2', quote: 'eta theta' })
    expect(found.state).toBe('live')
    if (found.state !== 'live') return
    expect(textBetween(found.start, found.end)).toBe('eta theta')
    expect(found.relocated).not.toBeNull()
    // The new anchor works on its own, and follows edits like any other.
    textOf(element(doc, 'c2')).insert(0, 'Now ')
    expect(words(doc, found.relocated!)).toBe('eta theta')
    expect(words(doc, headingAnchor, { blockId: null, articleId: 'a2', quote: 'Second' })).toBe('Second')
  })

  it('are found again when their words were edited, or split, before their block was recreated', () => {
    const doc = lawDoc()
    const fallback = { blockId: 'c1', articleId: 'a1', quote: 'Alpha beta gamma' }
    const anchor = anchorOn(doc, 'c1', 'Alpha beta gamma')
    const fragment = doc.getXmlFragment(TEXT_FIELD)
    /** Article a1 made again with its paragraph reading `words` (a move after an edit). */
    const recreate = (words: string) => {
      const copy = element(doc, 'a1').clone()
      const index = fragment.toArray().indexOf(element(doc, 'a1'))
      doc.transact(() => {
        fragment.delete(index, 1)
        fragment.insert(index, [copy])
        const text = textOf(element(doc, 'c1'))
        text.delete(0, text.length)
        text.insert(0, words)
      })
    }
    // Words added inside: the passage holds them.
    recreate('Alpha and omega beta gamma.')
    expect(words(doc, anchor, fallback)).toBe('Alpha and omega beta gamma')
    // Its end split off into another paragraph: its start stays under the thread.
    recreate('Alpha beta')
    expect(words(doc, anchor, fallback)).toBe('Alpha beta')
    // Nothing of it left worth the name: on deleted text.
    recreate('Something else entirely.')
    expect(words(doc, anchor, fallback)).toBe('(orphaned)')
  })

  it('name their place outside the articles: the title, the preamble, a division heading', () => {
    const doc = lawDoc()
    const fragment = doc.getXmlFragment(TEXT_FIELD)
    const [title, preamble] = fragment.toArray() as Y.XmlElement[]
    const titleText = title.get(0) as Y.XmlText
    const preambleText = (preamble.get(0) as Y.XmlElement).get(0) as Y.XmlText
    const onTitle = createAnchor({ text: titleText, index: 0 }, { text: titleText, index: 5 })
    const onPreamble = createAnchor({ text: preambleText, index: 9 }, { text: preambleText, index: 14 })
    expect(resolveAnchor(doc, onTitle)).toMatchObject({ state: 'live', articleId: TITLE_PLACE })
    expect(resolveAnchor(doc, onPreamble)).toMatchObject({ state: 'live', articleId: PREAMBLE_PLACE })
    expect(words(doc, onPreamble)).toBe('words')
    expect(resolveAnchor(doc, anchorOn(doc, 'ch1', 'General'))).toMatchObject({ state: 'live', articleId: 'ch1' })
    expect(findPlace(doc, TITLE_PLACE)).toBe(title)
    expect(findPlace(doc, PREAMBLE_PLACE)).toBe(preamble)
    expect(findPlace(doc, 'ch1')).toBe(element(doc, 'ch1'))
    expect(findPlace(doc, 'a1')).toBe(element(doc, 'a1'))
    expect(findPlace(doc, 'gone')).toBeNull()
  })

  it('outside the articles, are found again by their quote when their words were written anew (a restore)', () => {
    const doc = lawDoc()
    const fragment = doc.getXmlFragment(TEXT_FIELD)
    const preamble = fragment.get(1) as Y.XmlElement
    const paragraph = preamble.get(0) as Y.XmlElement
    const old = paragraph.get(0) as Y.XmlText
    const anchor = createAnchor({ text: old, index: 9 }, { text: old, index: 14 })
    const chapterAnchor = anchorOn(doc, 'ch1', 'General')
    // The preamble's paragraphs have no ids: a second paragraph, then the first written anew.
    doc.transact(() => {
      const second = new Y.XmlElement('paragraph')
      second.insert(0, [new Y.XmlText('Other text here')])
      const first = new Y.XmlElement('paragraph')
      first.insert(0, [new Y.XmlText('Preamble words')])
      preamble.delete(0, 1)
      preamble.insert(0, [second, first])
      const chapter = element(doc, 'ch1')
      const copy = chapter.clone()
      const at = fragment.toArray().indexOf(chapter)
      fragment.delete(at, 1)
      fragment.insert(at, [copy])
    })
    expect(resolveAnchor(doc, anchor).state).toBe('orphaned')
    expect(words(doc, anchor, { blockId: null, articleId: PREAMBLE_PLACE, quote: 'words' })).toBe('words')
    const found = resolveAnchor(doc, anchor, { blockId: null, articleId: PREAMBLE_PLACE, quote: 'words' })
    expect(found.state === 'live' && found.start.text.parent).toBe(preamble.get(1))
    expect(words(doc, chapterAnchor, { blockId: null, articleId: 'ch1', quote: 'General' })).toBe('General')
    // Words no longer anywhere in the place stay on deleted text.
    expect(words(doc, anchor, { blockId: null, articleId: PREAMBLE_PLACE, quote: 'vanished' })).toBe('(orphaned)')
  })

  it('are pending on a copy that has not received their words yet, and live once it has', () => {
    const doc = lawDoc()
    const late = new Y.Doc()
    Y.applyUpdate(late, Y.encodeStateAsUpdate(doc))
    const text = textOf(element(doc, 'c1'))
    text.insert(0, 'New words. ')
    const anchor = anchorOn(doc, 'c1', 'New words')
    expect(resolveAnchor(late, anchor).state).toBe('pending')
    Y.applyUpdate(late, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(late)))
    expect(words(late, anchor)).toBe('New words')
  })

  it('refuse what is not an anchor of ours', () => {
    const doc = lawDoc()
    expect(decodeAnchor({ start: '!!!', end: '???' })).toBeNull()
    expect(resolveAnchor(doc, { start: '!!!', end: '???' }).state).toBe('orphaned')
    // A position naming a root type (not a character) would create that type when resolved.
    const byName = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getMap('other'), 0))).toString('base64')
    expect(resolveAnchor(doc, { start: byName, end: byName }).state).toBe('orphaned')
  })
})

describe('comment anchors across a cross-reference', () => {
  it('quote the words on both sides of the reference, and only the passage', () => {
    const doc = new Y.Doc()
    const b = createBuilders('x')
    const clause = {
      type: 'clause',
      attrs: { id: 'c1' },
      content: [{ type: 'text', text: 'As in Article ' }, { type: 'xref', attrs: { target: 'a2' } }, { type: 'text', text: ' of this Law.' }],
    }
    writeDocJSON(doc, b.law('Title', [''], [{ ...b.article('First', [clause, { ...b.clause('Next block.'), attrs: { id: 'c2' } }]), attrs: { id: 'a1' } }, { ...b.article('Second', []), attrs: { id: 'a2' } }]))
    const el = element(doc, 'c1')
    const [before, , after] = el.toArray() as [Y.XmlText, Y.XmlElement, Y.XmlText]
    expect(textOfBlock(before)).toBe('As in Article ')
    const anchor = createAnchor({ text: before, index: 3 }, { text: after, index: 3 })
    expect(words(doc, anchor)).toBe('in Article  of')
    // As the server quotes it: the reference as its target's number (Article Second is Article 2).
    const r = resolveAnchor(doc, anchor)
    expect(r.state === 'live' && textBetween(r.start, r.end, xrefReaderOf(doc, 'en'))).toBe('in Article 2 of')
    expect(blockWords(el, xrefReaderOf(doc, 'ru'))).toBe('As in Article 2 of this Law.')
  })
})
