import { describe, expect, it } from 'vitest'
import { findDrafts, searchForm, titleMatches } from '../../shared/draftOrder'

const drafts = ['Яблоневый кодекс', 'ёлочный регламент', 'Beta act', 'Закон о связи', 'alpha act', 'Ёмкость хранилищ', 'Статья 10', 'Статья 2', 'Бюджетный кодекс', 'Ежегодный план', 'Йодированная соль', 'Изменения']
  .map((title, i) => ({ id: String(i), title }))

describe('finding drafts by title', () => {
  it('ignores case, "ё"/"е", accents and extra spaces, and keeps "й"', () => {
    expect(searchForm('  ЁЛОЧНЫЙ   Регламент ')).toBe('елочный регламент')
    expect(searchForm('Café')).toBe('cafe')
    expect(searchForm('Йод')).toBe('йод')
    expect(titleMatches('Ёмкость хранилищ', 'емкость')).toBe(true)
    expect(titleMatches('Емкость хранилищ', 'ЁМКОСТЬ')).toBe(true)
    expect(titleMatches('Йодированная соль', 'иод')).toBe(false)
  })

  it('finds titles holding every word of the query, in any order', () => {
    expect(findDrafts(drafts, 'кодекс', 'updated', 'ru').map((d) => d.title)).toEqual(['Яблоневый кодекс', 'Бюджетный кодекс'])
    expect(findDrafts(drafts, 'кодекс бюдж', 'updated', 'ru').map((d) => d.title)).toEqual(['Бюджетный кодекс'])
    expect(findDrafts(drafts, '   ', 'updated', 'ru')).toHaveLength(drafts.length)
    expect(findDrafts(drafts, 'нет такого', 'title', 'ru')).toEqual([])
  })

  it('matches the start of a word, not letters inside one: «закон о» is not every title with an «о»', () => {
    expect(findDrafts([...drafts, { id: 'x', title: 'Ёлочный закон' }], 'ЗАКОН О', 'updated', 'ru').map((d) => d.title)).toEqual(['Закон о связи'])
    expect(titleMatches('Статья 10', '1')).toBe(true)
    expect(titleMatches('Статья 10', '0')).toBe(false)
    expect(titleMatches('anna@example.org Секретариат (СЕК)', 'example')).toBe(true)
    expect(titleMatches('«Кавычки» закон', 'кавыч')).toBe(true)
  })

  it('sorts by title in Russian alphabetical order: "ё" with "е", "й" after "и", numbers by value', () => {
    expect(findDrafts(drafts, '', 'title', 'ru').map((d) => d.title)).toEqual([
      'Бюджетный кодекс',
      'Ежегодный план',
      'ёлочный регламент',
      'Ёмкость хранилищ',
      'Закон о связи',
      'Изменения',
      'Йодированная соль',
      'Статья 2',
      'Статья 10',
      'Яблоневый кодекс',
      'alpha act',
      'Beta act',
    ])
  })

  it('sorts Latin titles first in English, case-insensitively; keeps the given order for "updated"', () => {
    expect(findDrafts(drafts, 'act', 'title', 'en').map((d) => d.title)).toEqual(['alpha act', 'Beta act'])
    expect(findDrafts(drafts, '', 'title', 'en')[0].title).toBe('alpha act')
    expect(findDrafts(drafts, '', 'updated', 'ru')).toEqual(drafts)
  })
})
