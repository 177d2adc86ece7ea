import { describe, expect, it } from 'vitest'
import { compareDocuments, comparativeTable } from '../../shared/diff'
import { flattenDocument, textOf } from '../../shared/diff/flatten'
import { wordsOf } from '../../shared/diff/tokenize'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { editLaw } from '../../shared/diff/testing/editLaw'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { numberDocument } from '../../shared/numbering'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { LANGUAGES } from '../../shared/language'

/** The diff on whole laws: the sample law and the generated 300-article law of the benchmark. */

/** Labels as the diff reads them, in document order. */
function flatLabels(doc: DocJSON, language: 'en' | 'ru'): string[] {
  return flattenDocument(doc, language).structure.flatMap((item) =>
    item.kind === 'article' ? [item.label, ...item.blocks.map((b) => b.label)] : [item.label],
  )
}

describe('labels', () => {
  for (const language of LANGUAGES) {
    it(`are the editor's own (numberDocument) for the ${language} sample law and a generated law`, () => {
      for (const doc of [sampleLaw(language), generateLaw({ language, articles: 45, seed: 9 })]) {
        const expected = numberDocument(docFromJSON(doc), language).map((n) => n.label)
        expect(flatLabels(doc, language)).toEqual(expected)
      }
    })
  }
})

describe('generateLaw / editLaw', () => {
  it('is deterministic and about 600 KB of text with the defaults', () => {
    const law = generateLaw()
    expect(law).toEqual(generateLaw())
    const length = textOf(law).length
    expect(length).toBeGreaterThan(550_000)
    expect(length).toBeLessThan(700_000)
    const flat = flattenDocument(law, 'en')
    expect(flat.structure.filter((x) => x.kind === 'article')).toHaveLength(300)
    expect(flat.structure.filter((x) => x.kind === 'chapter')).toHaveLength(15)
    expect(editLaw(law)).toEqual(editLaw(law))
  })
})

describe('compareDocuments on the generated law', () => {
  const before = generateLaw()

  it('finds nothing between identical copies, and the table is empty', () => {
    const diff = compareDocuments(before, structuredClone(before), 'en')
    expect(diff.summary.articles).toEqual({ added: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0, unchanged: 300 })
    expect(comparativeTable(diff)).toEqual([])
  })

  it('reports the benchmark edits exactly: 15 edited, 1 inserted at the top, 1 moved', () => {
    const diff = compareDocuments(before, editLaw(before), 'en')
    expect(diff.summary.articles).toEqual({ added: 1, deleted: 0, changed: 15, moved: 1, renumbered: 246, unchanged: 38 })
    const moved = diff.articles.filter((a) => a.moved)
    expect(moved.map((a) => [a.labelBefore, a.labelAfter])).toEqual([['Article 11.', 'Article 52.']])
    expect(diff.articles[0]).toMatchObject({ status: 'added', labelAfter: 'Article 1.', splitFrom: null })
    const rows = comparativeTable(diff)
    expect(rows.map((r) => r.status)).toEqual(['added', ...Array(15).fill('changed')])
    // Each edit replaces, inserts and deletes one word in one block: 1–2 words in, 1–2 words out.
    for (const a of diff.articles.filter((x) => x.status === 'changed')) {
      const changed = a.blocks.filter((b) => b.status !== 'unchanged')
      expect(changed).toHaveLength(1)
      const words = (kind: string) => wordsOf(changed[0].segments.filter((s) => s.kind === kind).map((s) => s.text).join(' ')).length
      expect([words('insert'), words('delete')].every((n) => n >= 1 && n <= 2)).toBe(true)
    }
  })

  it('when every id changed, each new article is traced to its old self', () => {
    const small = generateLaw({ articles: 40, seed: 4 })
    const reissued = JSON.parse(JSON.stringify(small).replace(/"g4-/g, '"z-')) as DocJSON
    const diff = compareDocuments(small, reissued, 'en')
    expect(diff.summary.articles).toMatchObject({ added: 40, deleted: 40 })
    const added = diff.articles.filter((a) => a.status === 'added')
    expect(added.map((a) => a.splitFrom?.label)).toEqual(added.map((a) => a.labelAfter))
    const deleted = diff.articles.filter((a) => a.status === 'deleted')
    expect(deleted.map((a) => a.mergedInto?.label)).toEqual(deleted.map((a) => a.labelBefore))
  })
})
