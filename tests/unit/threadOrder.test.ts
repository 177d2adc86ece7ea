import { describe, expect, it } from 'vitest'
import type { Placement } from '../../client/comments/anchors'
import { samePanelPlacements } from '../../client/comments/threadOrder'
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
})
