import { describe, expect, it } from 'vitest'
import { chunksByArticle } from '../../client/comments/panelChunks'

/** Groups as the panel has them: the article's position in the text, or null for deleted articles. */
const groups = (...orders: (number | null)[]) => orders.map((order, i) => ({ id: `g${i}`, order }))
const cut = (items: { id: string; order: number | null }[], perChunk = 4) =>
  chunksByArticle(items, (g) => g.order, perChunk).map((c) => `${c.key}:${c.items.map((g) => g.id).join(',')}`)

describe('chunksByArticle', () => {
  it('cuts the groups by the article they belong to, in order, with deleted articles last', () => {
    expect(cut(groups(0, 3, 4, 9, 11, 12, null))).toEqual(['0:g0,g1', '1:g2', '2:g3,g4', '3:g5', 'none:g6'])
  })

  it('moves no group into another chunk when a group is added', () => {
    const before = cut(groups(0, 5, 9))
    const after = cut([...groups(0, 5, 9), { id: 'new', order: 6 }].sort((a, b) => a.order! - b.order!))
    expect(before).toEqual(['0:g0', '1:g1', '2:g2'])
    expect(after).toEqual(['0:g0', '1:g1,new', '2:g2'])
  })

  it('moves at most the group at each boundary when an article is inserted before the others', () => {
    // Every article after the inserted one is one further down the text.
    const shifted = groups(0, 3, 4, 7, 8).map((g) => ({ ...g, order: g.order! + 1 }))
    expect(cut(groups(0, 3, 4, 7, 8))).toEqual(['0:g0,g1', '1:g2,g3', '2:g4'])
    expect(cut(shifted)).toEqual(['0:g0', '1:g1,g2', '2:g3,g4'])
  })

  it('gives nothing for no groups', () => {
    expect(cut([])).toEqual([])
  })
})
