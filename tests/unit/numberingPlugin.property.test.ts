import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection, type Command } from '@tiptap/pm/state'
import { joinBackward } from '@tiptap/pm/commands'
import { docFromJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import { stableIdPlugin } from '../../shared/editor/idPlugin'
import { numberingPlugin } from '../../shared/editor/numberingPlugin'
import { deleteStructural, insertArticle, insertBodyBlock, insertChapter, moveStructural, shiftLevel, splitStructural } from '../../shared/editor/commands'
import type { Language } from '../../shared/language'
import { computedLabels, nodesOfType, pluginLabels, posOfNth, run, withCursorIn } from '../helpers/editorState'

/**
 * The numbering plugin renumbers only the article a structural change stayed inside, and the
 * whole law otherwise. Whatever the edits, its labels must be numberDocument's: random
 * sequences of the editor's structural commands (and raw joins and cross-block deletions) at
 * random places in a law of several chapters and articles, with typing and erasing inside
 * lines between them (which only moves the labels), checked after every step.
 *
 * Seeded: ACCORD_PROPERTY_SEED=<n> replays a run; the seed is printed when a property fails.
 */

const SEED = Number(process.env.ACCORD_PROPERTY_SEED ?? 7_2026)
const RUNS = Number(process.env.ACCORD_PROPERTY_RUNS ?? 200)

function law() {
  const b = createBuilders('n')
  const body = (n: number) => [
    b.clause(`Article ${n}, first paragraph.`),
    b.clause('Second paragraph, with points:'),
    b.point('one;'),
    b.point('two, with sub-points:'),
    b.subpoint('first;'),
    b.subpoint('second.'),
  ]
  return b.law('Law', ['Preamble'], [
    b.chapter('General'),
    b.article('One', body(1)),
    b.article('Two', [b.clause('Only paragraph.')]),
    b.chapter('Protection'),
    b.article('Three', body(3)),
    b.article('Four', body(4)),
  ])
}

const TEXTBLOCKS = ['clause', 'point', 'subpoint', 'articleHeading'] as const

type Op =
  | { kind: 'split' | 'join' | 'point' | 'subpoint' | 'clause' | 'deeper' | 'shallower' | 'delete' | 'article' | 'chapter' | 'up' | 'down'; block: (typeof TEXTBLOCKS)[number]; n: number; at: number }
  | { kind: 'deleteAcross'; n: number; at: number }
  | { kind: 'type' | 'erase'; block: (typeof TEXTBLOCKS)[number]; n: number; at: number; text: string }
  | { kind: 'typeInTwo'; n: number; m: number; at: number; text: string }

const COMMANDS: Record<Exclude<Op['kind'], 'deleteAcross' | 'join' | 'type' | 'erase' | 'typeInTwo'>, Command> = {
  split: splitStructural,
  point: insertBodyBlock('point'),
  subpoint: insertBodyBlock('subpoint'),
  clause: insertBodyBlock('clause'),
  deeper: shiftLevel(1),
  shallower: shiftLevel(-1),
  delete: deleteStructural,
  article: insertArticle,
  chapter: insertChapter,
  up: moveStructural(-1),
  down: moveStructural(1),
}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('split', 'split', 'join', 'point', 'subpoint', 'clause', 'deeper', 'shallower', 'delete', 'article', 'chapter', 'up', 'down'),
    block: fc.constantFrom(...TEXTBLOCKS),
    n: fc.nat(40),
    at: fc.nat(30),
  }),
  fc.record({ kind: fc.constant('deleteAcross' as const), n: fc.nat(40), at: fc.nat(30) }),
  fc.record({
    kind: fc.constantFrom('type' as const, 'erase' as const),
    block: fc.constantFrom(...TEXTBLOCKS),
    n: fc.nat(40),
    at: fc.nat(30),
    text: fc.constantFrom('a', 'word ', 'пункт ', ' and a longer phrase'),
  }),
  // Text typed in two lines by one transaction (a co-author's changes applied together).
  fc.record({ kind: fc.constant('typeInTwo' as const), n: fc.nat(40), m: fc.nat(40), at: fc.nat(30), text: fc.constantFrom('a', 'aa', 'word ') }),
)

function step(state: EditorState, o: Op): EditorState {
  if (o.kind === 'deleteAcross') {
    // From inside one body block to inside the next one: joins them, in one article or across two.
    const blocks = nodesOfType(state.doc, 'clause').concat(nodesOfType(state.doc, 'point')).sort((a, b) => a.pos - b.pos)
    if (blocks.length < 2) return state
    const i = o.n % (blocks.length - 1)
    const from = blocks[i].pos + 1 + Math.min(o.at, blocks[i].node.content.size)
    const to = blocks[i + 1].pos + 1 + Math.min(1, blocks[i + 1].node.content.size)
    return state.apply(state.tr.delete(from, to))
  }
  if (o.kind === 'typeInTwo') {
    const lines = TEXTBLOCKS.flatMap((type) => nodesOfType(state.doc, type)).sort((a, b) => a.pos - b.pos)
    const tr = state.tr
    for (const i of [o.n % lines.length, o.m % lines.length]) {
      const { pos, node } = lines[i]
      tr.insertText(o.text, tr.mapping.map(pos + 1 + Math.min(o.at, node.content.size)))
    }
    return state.apply(tr)
  }
  const count = nodesOfType(state.doc, o.block).length
  if (count === 0) return state
  const n = o.n % count
  const start = posOfNth(state.doc, o.block, n) + 1
  const size = state.doc.nodeAt(start - 1)!.content.size
  if (o.kind === 'type') return state.apply(state.tr.insertText(o.text, start + Math.min(o.at, size)))
  if (o.kind === 'erase') {
    const from = start + Math.min(o.at, size)
    return state.apply(state.tr.delete(from, Math.min(from + o.text.length, start + size)))
  }
  const placed = withCursorIn(state, o.block, n, o.kind === 'join' ? 'start' : Math.min(o.at, size))
  if (o.kind === 'join') return run(placed, joinBackward).state
  return run(placed, COMMANDS[o.kind]).state
}

function expectNumbered(state: EditorState, language: Language, context: string): void {
  expect(pluginLabels(state), context).toEqual(computedLabels(state, language))
}

describe('numbering plugin, incremental renumbering (property)', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`keeps every label equal to numberDocument's through random structural edits (${language})`, () => {
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
          let state = EditorState.create({ doc: docFromJSON(law()), plugins: [stableIdPlugin(), numberingPlugin(language)] })
          ops.forEach((o, i) => {
            state = step(state, o)
            expectNumbered(state, language, `after step ${i} ${JSON.stringify(o)}`)
          })
        }),
        { seed: SEED, numRuns: RUNS },
      )
    })
  }

  it('keeps the numbers right after a change inside one article, typing after it, and an added article', () => {
    const create = () => EditorState.create({ doc: docFromJSON(law()), plugins: [stableIdPlugin(), numberingPlugin('en')] })
    const split = run(withCursorIn(create(), 'clause', 1, 4), splitStructural).state
    expectNumbered(split, 'en', 'after the split')
    const typed = split.apply(split.tr.setSelection(TextSelection.create(split.doc, 3)).insertText('Long '))
    expectNumbered(typed, 'en', 'after typing before the article')
    const added = run(withCursorIn(create(), 'articleHeading', 1), insertArticle).state
    expectNumbered(added, 'en', 'after inserting an article')
  })
})
