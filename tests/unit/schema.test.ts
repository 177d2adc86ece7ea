import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docFromJSON, legalSchema, ID_NODE_TYPES, BODY_TYPES, isIdNodeType, isBodyType, type DocJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import { emptyLaw } from '../../shared/seed/emptyLaw'
import { encodeDocJSON, docJSONOf, docNodeOf, writeDocJSON } from '../../shared/ydoc'
import { allIds } from '../helpers/editorState'

/** A small but complete law: title, preamble, two chapters, articles, clauses, points, sub-points. */
function sampleLaw(): DocJSON {
  const b = createBuilders('t')
  return b.law('Model Law On Combating Human Trafficking', ['Recognizing the need…', 'Acting in accordance with…'], [
    b.chapter('General provisions'),
    b.article('Purpose of this Law', [b.clause('This Law aims to prevent trafficking.')]),
    b.article('Definitions', [
      b.clause('For the purposes of this Law:'),
      b.clause('The following terms are used:'),
      b.point('"child" means any person under eighteen;'),
      b.point('"exploitation" includes, at a minimum:'),
      b.subpoint('the exploitation of the prostitution of others;'),
      b.subpoint('forced labour [or services];'),
    ]),
    b.chapter('Защита жертв'),
    b.article('Невыдача жертв [непреследование]', [b.clause('Жертва торговли людьми не подлежит ответственности.')]),
  ])
}

describe('schema: JSON round trip', () => {
  it('keeps every level of the structure, its text and its ids', () => {
    const json = sampleLaw()
    const node = docFromJSON(json)
    expect(node.toJSON()).toEqual(json)

    const types: string[] = []
    node.descendants((n) => {
      types.push(n.type.name)
    })
    for (const t of ['lawTitle', 'preamble', 'paragraph', 'chapter', 'article', 'articleHeading', 'clause', 'point', 'subpoint']) {
      expect(types).toContain(t)
    }
    // Ids survive on chapters, articles and every body block.
    const ids = allIds(node)
    expect(ids).toHaveLength(13)
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps the flat order of body blocks (the hierarchy is derived, not nested)', () => {
    const node = docFromJSON(sampleLaw())
    const definitions = node.child(4)
    expect(definitions.type.name).toBe('article')
    const kinds: string[] = []
    definitions.forEach((c) => kinds.push(c.type.name))
    expect(kinds).toEqual(['articleHeading', 'clause', 'clause', 'point', 'point', 'subpoint', 'subpoint'])
    expect(definitions.child(6).textContent).toBe('forced labour [or services];')
  })

  it('keeps Cyrillic text and square-bracket alternatives untouched', () => {
    const json = sampleLaw()
    const node = docFromJSON(json)
    expect(node.child(6).firstChild!.textContent).toBe('Невыдача жертв [непреследование]')
    expect(JSON.parse(JSON.stringify(node.toJSON()))).toEqual(json)
  })

  it('accepts a block without id (null) and one with empty text', () => {
    const json: DocJSON = {
      type: 'doc',
      content: [
        { type: 'lawTitle' },
        { type: 'preamble', content: [{ type: 'paragraph' }] },
        { type: 'article', attrs: { id: 'a1' }, content: [{ type: 'articleHeading' }, { type: 'clause', attrs: { id: null } }] },
      ],
    }
    const node = docFromJSON(json)
    expect(node.toJSON()).toEqual(json)
    expect(node.child(2).child(1).attrs.id).toBeNull()
  })

  it('the empty law of a new draft is valid', () => {
    const node = docFromJSON(emptyLaw('New law', 'en'))
    expect(node.childCount).toBe(3)
    expect(node.child(0).textContent).toBe('New law')
    expect(node.child(2).type.name).toBe('article')
    expect(node.child(2).child(1).type.name).toBe('clause')
  })

  it('exposes the id-carrying and body node types consistently with the schema', () => {
    for (const t of ID_NODE_TYPES) {
      expect(isIdNodeType(t)).toBe(true)
      expect(legalSchema.nodes[t].spec.attrs?.id?.default).toBeNull()
      expect(legalSchema.nodes[t].create().attrs).toEqual({ id: null })
    }
    for (const t of BODY_TYPES) expect(isBodyType(t)).toBe(true)
    for (const t of ['doc', 'lawTitle', 'preamble', 'paragraph', 'articleHeading', 'text']) {
      expect(isIdNodeType(t)).toBe(false)
      expect(isBodyType(t)).toBe(false)
      expect(legalSchema.nodes[t].spec.attrs?.id).toBeUndefined()
    }
    expect(isBodyType('chapter')).toBe(false)
    expect(isBodyType('article')).toBe(false)
  })
})

describe('schema: Yjs round trip', () => {
  it('encodeDocJSON → Y.Doc → docJSONOf gives back the same document', () => {
    const json = sampleLaw()
    const update = encodeDocJSON(json)
    expect(update).toBeInstanceOf(Uint8Array)
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, update)
    expect(docJSONOf(ydoc)).toEqual(json)
    expect(docNodeOf(ydoc).eq(docFromJSON(json))).toBe(true)
    ydoc.destroy()
  })

  it('an update merged into a second replica yields the same text and ids', () => {
    const json = sampleLaw()
    const a = new Y.Doc()
    writeDocJSON(a, json)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(docJSONOf(b)).toEqual(docJSONOf(a))
    expect(allIds(docNodeOf(b))).toEqual(allIds(docFromJSON(json)))
    a.destroy()
    b.destroy()
  })

  it('round-trips the empty law (empty text nodes) and null ids', () => {
    const json = docFromJSON(emptyLaw('', 'ru')).toJSON() as DocJSON
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, encodeDocJSON(json))
    expect(docJSONOf(ydoc)).toEqual(json)
    ydoc.destroy()

    const withNull: DocJSON = {
      type: 'doc',
      content: [
        { type: 'lawTitle', content: [{ type: 'text', text: 'T' }] },
        { type: 'preamble', content: [{ type: 'paragraph' }] },
        { type: 'article', attrs: { id: 'a1' }, content: [{ type: 'articleHeading' }, { type: 'clause', attrs: { id: null } }] },
      ],
    }
    const y2 = new Y.Doc()
    Y.applyUpdate(y2, encodeDocJSON(withNull))
    expect(docJSONOf(y2)).toEqual(withNull)
    y2.destroy()
  })
})

describe('schema: invalid structures are rejected by docFromJSON', () => {
  const title: DocJSON = { type: 'lawTitle', content: [{ type: 'text', text: 'Law' }] }
  const preamble: DocJSON = { type: 'preamble', content: [{ type: 'paragraph' }] }
  const heading: DocJSON = { type: 'articleHeading', content: [{ type: 'text', text: 'Scope' }] }
  const clause: DocJSON = { type: 'clause', attrs: { id: 'c1' }, content: [{ type: 'text', text: 'Text' }] }
  const doc = (...content: DocJSON[]): DocJSON => ({ type: 'doc', content: [title, preamble, ...content] })

  it('accepts the valid baseline used below', () => {
    expect(() => docFromJSON(doc({ type: 'article', attrs: { id: 'a' }, content: [heading, clause] }))).not.toThrow()
  })

  const cases: [string, DocJSON][] = [
    ['an article without heading', doc({ type: 'article', attrs: { id: 'a' }, content: [clause] })],
    ['an article with its heading after a clause', doc({ type: 'article', attrs: { id: 'a' }, content: [clause, heading] })],
    ['an article with two headings', doc({ type: 'article', attrs: { id: 'a' }, content: [heading, heading, clause] })],
    ['a clause at top level', doc(clause)],
    ['a point at top level', doc({ type: 'point', attrs: { id: 'p' }, content: [{ type: 'text', text: 'x' }] })],
    ['an article heading at top level', doc(heading)],
    ['a chapter inside an article', doc({ type: 'article', attrs: { id: 'a' }, content: [heading, { type: 'chapter', attrs: { id: 'ch' } }] })],
    ['an article nested in an article', doc({ type: 'article', attrs: { id: 'a' }, content: [heading, { type: 'article', attrs: { id: 'b' }, content: [heading] }] })],
    ['a clause inside a chapter heading', doc({ type: 'chapter', attrs: { id: 'ch' }, content: [clause] })],
    ['text directly in an article', doc({ type: 'article', attrs: { id: 'a' }, content: [heading, { type: 'text', text: 'loose' }] })],
    ['a document without title', { type: 'doc', content: [preamble, { type: 'article', attrs: { id: 'a' }, content: [heading] }] }],
    ['a document without preamble', { type: 'doc', content: [title, { type: 'article', attrs: { id: 'a' }, content: [heading] }] }],
    ['an empty preamble', { type: 'doc', content: [title, { type: 'preamble', content: [] }] }],
    ['a paragraph (preamble block) inside an article', doc({ type: 'article', attrs: { id: 'a' }, content: [heading, { type: 'paragraph' }] })],
    ['a clause in the preamble', { type: 'doc', content: [title, { type: 'preamble', content: [clause] }] }],
    ['an unknown node type', doc({ type: 'subsection', content: [] })],
    ['a section inside an article', doc({ type: 'article', attrs: { id: 'a' }, content: [heading, { type: 'section', attrs: { id: 's' } }] })],
    ['a bold mark in a clause', doc({ type: 'article', attrs: { id: 'a' }, content: [heading, { type: 'clause', attrs: { id: 'c' }, content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] } as DocJSON] }] })],
  ]

  it.each(cases)('rejects %s', (_name, json) => {
    expect(() => docFromJSON(json)).toThrow()
  })
})
