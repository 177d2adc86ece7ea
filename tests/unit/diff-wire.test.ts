import { describe, expect, it } from 'vitest'
import { compareDocuments } from '../../shared/diff'
import { packDiff, unpackDiff } from '../../shared/diff/wire'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { editLaw } from '../../shared/diff/testing/editLaw'
import { article, chapter, clause, law, section } from '../../shared/diff/testing/fixtures'
import { LANGUAGES } from '../../shared/language'

/** The comparison as the server sends it: packed, it unpacks to the very diff, and is smaller. */

const viaJson = (diff: ReturnType<typeof compareDocuments>) => unpackDiff(JSON.parse(JSON.stringify(packDiff(diff))))

describe('packed diff', () => {
  for (const language of LANGUAGES) {
    it(`unpacks to the same diff (${language}: words edited, an article inserted and one moved, every article reworded)`, () => {
      const before = generateLaw({ language, articles: 60, seed: 4 })
      for (const after of [editLaw(before, { language, editShare: 0.2 }), editLaw(before, { language, editShare: 1, seed: 7 }), before]) {
        const diff = compareDocuments(before, after, language)
        const unpacked = viaJson(diff)
        expect(unpacked).toEqual(diff)
        // `articles` and `chapters` are the objects of `structure`, as compareDocuments gives them.
        expect(unpacked.articles.every((a) => unpacked.structure.includes(a))).toBe(true)
      }
    })
  }

  it('keeps added and deleted texts (absent on one side), empty texts and spaces as they were', () => {
    const before = law('Title', ['  Preamble  '], [article('a1', 'Gone', clause('c1', 'Old  text ')), article('a2', '', clause('c2', ''))])
    const after = law('Title', [], [article('a2', 'Heading', clause('c2', ' new')), article('a3', 'New', clause('c3', 'Added text.'))])
    const diff = compareDocuments(before, after, 'en')
    expect(viaJson(diff)).toEqual(diff)
  })

  it('carries section headings: added, renamed, deleted, renumbered, and the articles gone to another section', () => {
    const a = (id: string) => article(id, `Heading ${id}`, clause(`${id}c`, `Text ${id}.`))
    const before = law('Title', [], [chapter('c1', 'General'), section('s1', 'Scope'), a('a1'), section('s2', 'Terms'), a('a2'), section('s3', 'Gone'), a('a3')])
    const after = law('Title', [], [chapter('c1', 'General'), section('s0', 'New'), section('s1', 'Scope'), a('a1'), section('s2', 'Terms used'), a('a2'), a('a3')])
    const diff = compareDocuments(before, after, 'ru')
    const unpacked = viaJson(diff)
    expect(unpacked).toEqual(diff)
    expect(unpacked.sections.map((s) => `${s.id} ${s.status} ${s.labelBefore}→${s.labelAfter}`)).toEqual(['s0 added null→§ 1.', 's1 unchanged § 1.→§ 2.', 's2 changed § 2.→§ 3.', 's3 deleted § 3.→null'])
    expect(unpacked.sections.every((s) => unpacked.structure.includes(s))).toBe(true)
    expect(unpacked.summary.sections).toEqual({ added: 1, deleted: 1, changed: 1, moved: 0 })
    expect(unpacked.articles.find((x) => x.id === 'a3')).toMatchObject({ sectionChanged: true, sectionAfter: { id: 's2', label: '§ 3.' } })
  })

  it('is a fraction of the diff in JSON for a long law with a few changes', () => {
    const before = generateLaw({ language: 'en', articles: 300 })
    const diff = compareDocuments(before, editLaw(before), 'en')
    const full = JSON.stringify(diff).length
    const packed = JSON.stringify(packDiff(diff)).length
    expect(packed).toBeLessThan(full / 3)
  })
})
