import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Placement } from '../../client/comments/anchors'
import { byPlace, samePanelPlacements } from '../../client/comments/threadOrder'
import type { ThreadView } from '../../shared/api'
import { comment, thread } from '../helpers/reviewThreads'

/** Whether the comments panel needs a new snapshot: only what it shows counts, not positions. */

const anchor = {} as Extract<Placement, { kind: 'passage' }>['anchor']
const threads = [thread('t1', 'a1', 'first words', [comment('One')]), thread('t2', 'a1', 'later words', [comment('Two')]), thread('t3', 'a2', '', [comment('Three')])]
const passage = (from: number, articleId = 'a1'): Placement => ({ kind: 'passage', from, to: from + 5, articleId, anchor })
const placements = (t1: Placement, t2: Placement, t3: Placement = { kind: 'article', pos: 500, articleId: 'a2' }) =>
  new Map<string, Placement>([['t1', t1], ['t2', t2], ['t3', t3]])

describe('samePanelPlacements', () => {
  const before = placements(passage(100), passage(200))

  it('holds when every passage moved by what was typed before it', () => {
    expect(samePanelPlacements(threads, before, placements(passage(140), passage(260), { kind: 'article', pos: 580, articleId: 'a2' }))).toBe(true)
  })

  it('fails when two passages of an article changed places', () => {
    expect(samePanelPlacements(threads, before, placements(passage(300), passage(200)))).toBe(false)
  })

  it('fails when a thread changed kind or article', () => {
    expect(samePanelPlacements(threads, before, placements({ kind: 'orphaned', articleId: 'a1' }, passage(200)))).toBe(false)
    expect(samePanelPlacements(threads, before, placements(passage(100), passage(200, 'a3')))).toBe(false)
    expect(samePanelPlacements(threads, before, new Map([...before].slice(0, 2)))).toBe(false)
  })
  it('agrees with sorting every thread as the panel lists them', () => {
    // The panel: by article, then byPlace, the sort stable (threads' own order breaks ties).
    const shown = (all: readonly ThreadView[], placements: ReadonlyMap<string, Placement>) => {
      const within = byPlace(placements)
      const article = (t: ThreadView) => placements.get(t.id)!.articleId
      return [...all].sort((x, y) => (article(x) < article(y) ? -1 : article(x) > article(y) ? 1 : within(x, y))).map((t) => t.id)
    }
    const place = fc.record({ kind: fc.constantFrom('passage', 'passage', 'article', 'orphaned'), article: fc.constantFrom('a1', 'a2', 'a3'), from: fc.nat(6), to: fc.nat(6), minute: fc.nat(2) })
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 9 }), (spec) => {
        const all = spec.map((p, i) => thread(`t${i}`, p.article, '', [comment('x', undefined, { createdAt: `2026-03-01T10:0${p.minute}:00.000Z` })]))
        const at = (pick: 'from' | 'to') => new Map<string, Placement>(spec.map((p, i) => [`t${i}`, p.kind === 'passage' ? passage(p[pick], p.article) : p.kind === 'article' ? { kind: 'article', pos: 0, articleId: p.article } : { kind: 'orphaned', articleId: p.article }]))
        const a = at('from')
        const b = at('to')
        expect(samePanelPlacements(all, a, b)).toBe(shown(all, a).join() === shown(all, b).join())
      }),
      { seed: 1130, numRuns: 2000 },
    )
  })
})
