import { describe, expect, it } from 'vitest'
import { keepUnchanged } from '../../client/comments/keepUnchanged'
import { comment, thread } from '../helpers/reviewThreads'

describe('keepUnchanged', () => {
  it('keeps the objects of threads fetched again unchanged, takes the changed and new ones', () => {
    const first = [thread('t1', 'a1', 'words', [comment('One')]), thread('t2', 'a1', 'more', [comment('Two')])]
    const fetched = structuredClone(first)
    fetched[1] = { ...fetched[1], status: 'resolved' }
    fetched.push(thread('t3', 'a2', '', [comment('Three')]))
    const kept = keepUnchanged(first, fetched)
    expect(kept).toEqual(fetched)
    expect(kept[0]).toBe(first[0])
    expect(kept[1]).toBe(fetched[1])
    expect(kept[2]).toBe(fetched[2])
  })
})
