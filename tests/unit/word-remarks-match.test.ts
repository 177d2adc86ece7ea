import { describe, expect, it } from 'vitest'
import { matchWordRemarks, type KnownThread } from '../../shared/import/matchWordRemarks'
import type { WordCommentThread } from '../../shared/import/wordComments'

const remark = (quote: string, ...texts: [string, string][]): WordCommentThread => ({
  quote,
  paragraph: '',
  resolved: false,
  comments: texts.map(([author, text]) => ({ author, date: '2026-12-05T09:00:00Z', text })),
})

describe('matchWordRemarks: a Word file’s threads against the draft’s own', () => {
  const known: KnownThread[] = [
    { id: 't1', quote: 'within thirty days', proposal: null, bodies: ['Unclear:  say\n\nwhich days.', 'We will rephrase it.'] },
    { id: 't2', quote: 'shall', proposal: 'must', bodies: ['Stronger.'] },
  ]

  it('knows an exported comment by its text (spaces and empty lines as Word keeps them), and its proposed wording’s line', () => {
    const [first, second] = matchWordRemarks(
      [remark('within thirty days', ['Rita (MoI)', 'Unclear: say\nwhich days.'], ['Boris (MoJ)', 'We will rephrase it.']), remark('shall', ['Rita (MoI)', 'Stronger.\nProposed wording: «must» (awaiting a decision)'])],
      known,
      'en',
    )
    expect(first).toEqual({ kind: 'already', threadId: 't1' })
    expect(second).toEqual({ kind: 'already', threadId: 't2' })
  })

  it('takes only the replies the thread does not have, headed by their Word author', () => {
    const [match] = matchWordRemarks([remark('within thirty days', ['Rita', 'Unclear: say\nwhich days.'], ['Boris', 'We will rephrase it.'], ['МВД', 'Agreed.'])], known, 'en')
    expect(match).toEqual({ kind: 'replies', threadId: 't1', bodies: ['From Word — МВД, 5 December 2026:\nAgreed.'] })
  })

  it('knows a remark it took in before by its heading, and its replies', () => {
    const before: KnownThread = { id: 't3', quote: 'terms', proposal: null, bodies: ['Из Word — МИД, 5 декабря 2026 г.:\nКакие?', 'Из Word — МВД, 5 декабря 2026 г.:\nЭти.'] }
    const [match] = matchWordRemarks([remark('terms', ['МИД', 'Какие?'], ['МВД', 'Эти.'])], [before], 'ru')
    expect(match).toEqual({ kind: 'already', threadId: 't3' })
  })

  it('gives each of the draft’s threads to one Word thread, the one on the same words first; the rest are new', () => {
    const twice: KnownThread[] = [
      { id: 'a', quote: 'first words', proposal: null, bodies: ['Agreed.'] },
      { id: 'b', quote: 'second words', proposal: null, bodies: ['Agreed.'] },
    ]
    const matches = matchWordRemarks([remark('second words', ['X', 'Agreed.']), remark('first words', ['X', 'Agreed.']), remark('third words', ['X', 'Agreed.'])], twice, 'en')
    expect(matches.map((m) => (m.kind === 'new' ? 'new' : m.threadId))).toEqual(['b', 'a', 'new'])
  })

  it('tells two tracked changes of one author apart by the words they propose; a comment that merely starts alike is new', () => {
    const change = (proposal: string): WordCommentThread => ({ ...remark('shall', ['MoJ', '']), proposal })
    const taken: KnownThread = { id: 'c', quote: 'shall', proposal: 'must', bodies: ['Tracked change in Word — MoJ, 5 December 2026: proposed as the wording below.'] }
    const [same, other] = matchWordRemarks([change('must'), change('may')], [taken], 'en')
    expect(same).toEqual({ kind: 'already', threadId: 'c' })
    expect(other.kind).toBe('new')
    const [longer] = matchWordRemarks([remark('shall', ['Rita', 'Stronger.\nAnd shorter.'])], known, 'en')
    expect(longer.kind).toBe('new')
  })
})
