import { describe, expect, it } from 'vitest'
import { mentionCandidates, mentionedIn, mentionParts, mentionQuery, mentionsViewer, newMentionsOf, organizationMention, personMention } from '../../shared/comments/mentions'

const anna = personMention({ id: 'a', displayName: 'Анна Иванова' })
const annaLong = personMention({ id: 'b', displayName: 'Анна Иванова-Петрова' })
const fyodor = personMention({ id: 'f', displayName: 'Фёдор Сидоров' })
const moj = organizationMention({ id: 'o1', name: 'Министерство юстиции', shortName: 'МЮ' })
const unnamed = organizationMention({ id: 'o2', name: 'Секретариат', shortName: '' })

describe('mentions', () => {
  it('cuts a comment at each "@Name" it mentions, the longest name first, and leaves the rest as typed', () => {
    expect(mentionParts('@Анна Иванова-Петрова, см. <b>ст. 4</b>; @Анна Иванова тоже', [anna, annaLong])).toEqual([
      { text: '@Анна Иванова-Петрова', mentioned: annaLong },
      { text: ', см. <b>ст. 4</b>; ' },
      { text: '@Анна Иванова', mentioned: anna },
      { text: ' тоже' },
    ])
    // A name not mentioned, without its "@", or the start of a longer word, is plain text.
    expect(mentionParts('Фёдор Сидоров and anna@example.org', [anna])).toEqual([{ text: 'Фёдор Сидоров and anna@example.org' }])
    expect(mentionParts('@МЮЩ', [moj])).toEqual([{ text: '@МЮЩ' }])
    expect(mentionParts('no one', [])).toEqual([{ text: 'no one' }])
  })

  it('names an organization by its short name, else its name', () => {
    expect(mentionParts('@МЮ, @Секретариат: прошу учесть', [moj, unnamed])).toEqual([
      { text: '@МЮ', mentioned: moj },
      { text: ', ' },
      { text: '@Секретариат', mentioned: unnamed },
      { text: ': прошу учесть' },
    ])
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

  it('offers those with a word of the name starting with the query, case and ё/е aside', () => {
    const all = [anna, annaLong, fyodor, moj]
    expect(mentionCandidates(all, 'фе', 8)).toEqual([fyodor])
    expect(mentionCandidates(all, 'петр', 8)).toEqual([annaLong])
    expect(mentionCandidates(all, 'ИВА', 8)).toEqual([anna, annaLong])
    expect(mentionCandidates(all, 'мю', 8)).toEqual([moj])
    expect(mentionCandidates(all, '', 2)).toEqual([anna, annaLong])
    expect(mentionCandidates(all, 'x', 8)).toEqual([])
  })

  it('keeps only those picked whose "@Name" is still in the words, people and organizations apart', () => {
    expect(mentionedIn('@Фёдор Сидоров и @МЮ, посмотрите', [fyodor, anna, fyodor, moj])).toEqual({ people: ['f'], organizations: ['o1'] })
    expect(mentionedIn('Фёдор Сидоров, @МЮЩ', [fyodor, moj])).toEqual({ people: [], organizations: [] })
  })

  it('tells whether a comment mentions someone, by name or through their organization', () => {
    const comment = { mentions: [{ id: 'a', displayName: 'Анна Иванова' }], mentionedOrganizations: [{ id: 'o1', name: 'Министерство юстиции', shortName: 'МЮ' }] }
    expect(mentionsViewer(comment, { id: 'a', organizationId: 'o9' })).toBe(true)
    expect(mentionsViewer(comment, { id: 'z', organizationId: 'o1' })).toBe(true)
    expect(mentionsViewer(comment, { id: 'z', organizationId: 'o9' })).toBe(false)
  })
})

describe('newMentionsOf', () => {
  const c = (id: string, author: string, mentions: string[], deleted = false, orgs: string[] = []) => ({
    id,
    author: { id: author, displayName: author },
    deleted,
    mentions: mentions.map((m) => ({ id: m, displayName: m })),
    mentionedOrganizations: orgs.map((o) => ({ id: o, name: o, shortName: o })),
  })
  const me = { id: 'me', organizationId: 'moi' }
  it('finds the comments others wrote since that mention one or one\'s organization, not those seen, one\'s own, deleted ones or others\' mentions', () => {
    const threads = [
      { id: 't1', comments: [c('a', 'boris', ['me']), c('b', 'boris', ['me'])] },
      { id: 't2', comments: [c('d', 'me', ['me']), c('e', 'vera', ['me'], true), c('f', 'vera', ['oleg']), c('g', 'vera', ['oleg', 'me'])] },
      { id: 't3', comments: [c('h', 'vera', [], false, ['moi']), c('i', 'vera', [], false, ['moj'])] },
    ]
    expect(newMentionsOf(threads, new Set(['a']), me).map((m) => [m.thread.id, m.comment.id])).toEqual([['t1', 'b'], ['t2', 'g'], ['t3', 'h']])
    expect(newMentionsOf(threads, new Set(['a', 'b', 'g', 'h']), me)).toEqual([])
  })
})
