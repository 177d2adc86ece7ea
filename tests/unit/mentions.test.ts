import { describe, expect, it } from 'vitest'
import { mentionCandidates, mentionedIn, mentionParts, mentionQuery, newMentionsOf } from '../../shared/comments/mentions'

const anna = { id: 'a', displayName: 'Анна Иванова' }
const annaLong = { id: 'b', displayName: 'Анна Иванова-Петрова' }
const fyodor = { id: 'f', displayName: 'Фёдор Сидоров' }

describe('mentions', () => {
  it('cuts a comment at each "@Name" it mentions, the longest name first, and leaves the rest as typed', () => {
    expect(mentionParts('@Анна Иванова-Петрова, см. <b>ст. 4</b>; @Анна Иванова тоже', [anna, annaLong])).toEqual([
      { text: '@Анна Иванова-Петрова', person: annaLong },
      { text: ', см. <b>ст. 4</b>; ' },
      { text: '@Анна Иванова', person: anna },
      { text: ' тоже' },
    ])
    // A name not mentioned, or without its "@", is plain text.
    expect(mentionParts('Фёдор Сидоров and anna@example.org', [anna])).toEqual([{ text: 'Фёдор Сидоров and anna@example.org' }])
    expect(mentionParts('no one', [])).toEqual([{ text: 'no one' }])
  })

  it('finds the "@…" typed before the caret, not an e-mail address', () => {
    expect(mentionQuery('Прошу @Фё', 9)).toEqual({ start: 6, query: 'Фё' })
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionQuery('(«@an', 5)).toEqual({ start: 2, query: 'an' })
    expect(mentionQuery('anna@example', 12)).toBeNull()
    expect(mentionQuery('@Фёдор Сидоров', 14)).toBeNull()
    // Only what is before the caret counts.
    expect(mentionQuery('@Фё and more', 3)).toEqual({ start: 0, query: 'Фё' })
  })

  it('offers the people with a word of the name starting with the query, case and ё/е aside', () => {
    expect(mentionCandidates([anna, annaLong, fyodor], 'фе', 8)).toEqual([fyodor])
    expect(mentionCandidates([anna, annaLong, fyodor], 'петр', 8)).toEqual([annaLong])
    expect(mentionCandidates([anna, annaLong, fyodor], 'ИВА', 8)).toEqual([anna, annaLong])
    expect(mentionCandidates([anna, annaLong, fyodor], '', 2)).toEqual([anna, annaLong])
    expect(mentionCandidates([anna, annaLong, fyodor], 'x', 8)).toEqual([])
  })

  it('keeps only the people picked whose "@Name" is still in the words', () => {
    expect(mentionedIn('@Фёдор Сидоров, посмотрите', [fyodor, anna, fyodor])).toEqual(['f'])
    expect(mentionedIn('Фёдор Сидоров', [fyodor])).toEqual([])
  })
})

describe('newMentionsOf', () => {
  const c = (id: string, author: string, mentions: string[], deleted = false) => ({ id, author: { id: author, displayName: author }, deleted, mentions: mentions.map((m) => ({ id: m })) })
  it('finds the comments others wrote since that mention one, not those seen, one\'s own, deleted ones or others\' mentions', () => {
    const threads = [
      { id: 't1', comments: [c('a', 'boris', ['me']), c('b', 'boris', ['me'])] },
      { id: 't2', comments: [c('d', 'me', ['me']), c('e', 'vera', ['me'], true), c('f', 'vera', ['oleg']), c('g', 'vera', ['oleg', 'me'])] },
    ]
    expect(newMentionsOf(threads, new Set(['a']), 'me').map((m) => [m.thread.id, m.comment.id])).toEqual([['t1', 'b'], ['t2', 'g']])
    expect(newMentionsOf(threads, new Set(['a', 'b', 'g']), 'me')).toEqual([])
  })
})
