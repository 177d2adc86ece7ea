import { describe, expect, it } from 'vitest'
import { parseText } from '../../shared/import/text'
import { noteText } from '../../shared/import/notes'
import { en } from '../../client/i18n/en'
import { ru } from '../../client/i18n/ru'
import type { DocJSON } from '../../shared/schema'

/** What the preview shows beyond the structure: notes as codes (translated) and the unplaced text. */

function findById(doc: DocJSON, id: string): DocJSON | undefined {
  if (doc.attrs?.id === id) return doc
  for (const c of doc.content ?? []) {
    const found = findById(c, id)
    if (found) return found
  }
  return undefined
}

describe('import notes', () => {
  it('come as codes with values, and as the same English sentences in warnings', () => {
    const result = parseText('Law\n\nArticle 4. First\n1. One.\nA stray line without a number\nArticle 9. Second\nText.')
    expect(result.notes).toEqual([
      { code: 'renumbered', typed: '4', computed: '1' },
      { code: 'unrecognised', count: 1, first: 'A stray line without a number' },
    ])
    expect(result.warnings).toEqual(result.notes.map(noteText))
    expect(result.warnings[0]).toBe('Typed article numbers differ from the computed ones (4 → 1); Accord numbers articles itself.')
  })

  it('mark the blocks made from unrecognised text by id', () => {
    const result = parseText('Law\n\nArticle 1. First\n1. One.\nA stray line without a number\nChapter II. Later\nText before any article.\nArticle 2. Second\nText.')
    expect(result.unrecognisedIds).toHaveLength(2)
    expect(result.unrecognisedIds.map((id) => findById(result.doc, id)?.content?.[0]?.text)).toEqual(['A stray line without a number', 'Text before any article.'])
  })

  it('every note code has an English and a Russian sentence in the interface', () => {
    const codes = ['imagesLeftOut', 'tablesFlattened', 'docxMessage', 'noArticles', 'noTitle', 'renumbered', 'relabelled', 'nestedTooDeep', 'strayAfterChapter', 'unrecognised', 'aknFlattened'] as const
    for (const code of codes) {
      expect(en[`import.note.${code}`]).toBeTruthy()
      expect(ru[`import.note.${code}`]).toBeTruthy()
      expect(ru[`import.note.${code}`]).not.toBe(en[`import.note.${code}`])
    }
  })
})
