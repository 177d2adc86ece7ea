import { describe, expect, it } from 'vitest'
import { compareDocuments, comparativeTable, renderComparativeTable, type ComparativeRow, type Segment } from '../../shared/diff'
import { comparativeTableDocx } from '../../shared/diff/comparativeTableDocx'
import { packDiff, unpackDiff, type WireDiff } from '../../shared/diff/wire'
import { article, chapter, clause, conclusions, law } from '../../shared/diff/testing/fixtures'
import type { DocJSON } from '../../shared/schema'
import { readZipEntry } from '../helpers/zip'

/**
 * The conclusions (what follows the last article: a model law's adoption note, a signature) in
 * the comparison and the comparative table, as the preamble is: free paragraphs compared word by
 * word, optional, so added or deleted as a whole.
 */

const ADOPTED = 'Adopted at the thirty-first plenary session of the Interparliamentary Assembly'
const RESOLUTION = '(Resolution No. 31-11 of 3 April 2008)'

/** A chapter and two articles, then the conclusions' paragraphs if any are given. */
const doc = (...closing: string[]): DocJSON =>
  law('Model Law', ['Preamble.'], [
    chapter('c1', 'General provisions'),
    article('a1', 'Purpose', clause('a1c1', 'This Law sets out measures.')),
    article('a2', 'Entry into force', clause('a2c1', 'It enters into force on adoption.')),
    ...(closing.length ? [conclusions(...closing)] : []),
  ])

/** Words as a reader sees the change: [-deleted-] and {+inserted+}. */
const marked = (segments: Segment[]) => segments.map((s) => (s.kind === 'delete' ? `[-${s.text}-]` : s.kind === 'insert' ? `{+${s.text}+}` : s.text)).join('')

/** The conclusions' paragraphs as "status words". */
const sketch = (diff: ReturnType<typeof compareDocuments>) => diff.conclusions.map((p) => `${p.status} ${marked(p.segments)}`)

/** A side of a row as "label words" lines. */
const lines = (side: ComparativeRow['before']) => side.map((l) => [l.label, marked(l.segments)].filter(Boolean).join(' '))

describe('the conclusions in the comparison', () => {
  it('are compared word by word, paragraph by paragraph, like the preamble', () => {
    const diff = compareDocuments(doc(ADOPTED, RESOLUTION), doc(ADOPTED, '(Resolution No. 31-12 of 3 April 2008)'), 'en')
    expect(sketch(diff)).toEqual([`unchanged ${ADOPTED}`, 'changed (Resolution No. 31-[-11-]{+12+} of 3 April 2008)'])
    expect(diff.summary).toMatchObject({ conclusionsChanged: true, preambleChanged: false, titleChanged: false })
    expect(diff.summary.articles.unchanged).toBe(2)
  })

  it('without a word (just added, not yet written) are none: nothing changed', () => {
    const diff = compareDocuments(doc(), doc(''), 'en')
    expect(diff.conclusions).toEqual([])
    expect(diff.summary.conclusionsChanged).toBe(false)
    expect(comparativeTable(diff, {})).toEqual([])
  })

  it('added where the earlier version had none: inserted, and a change', () => {
    const diff = compareDocuments(doc(), doc(ADOPTED, RESOLUTION), 'en')
    expect(sketch(diff)).toEqual([`added {+${ADOPTED}+}`, `added {+${RESOLUTION}+}`])
    expect(diff.summary.conclusionsChanged).toBe(true)
    expect(diff.structure.every((item) => item.status === 'unchanged')).toBe(true)
  })

  it('deleted ones are a change too; the same ones, or none on either side, are not', () => {
    expect(compareDocuments(doc(ADOPTED), doc(), 'en').summary.conclusionsChanged).toBe(true)
    expect(sketch(compareDocuments(doc(ADOPTED), doc(), 'en'))).toEqual([`deleted [-${ADOPTED}-]`])
    const same = compareDocuments(doc(ADOPTED), doc(ADOPTED), 'en')
    expect([same.summary.conclusionsChanged, sketch(same)]).toEqual([false, [`unchanged ${ADOPTED}`]])
    const none = compareDocuments(doc(), doc(), 'en')
    expect([none.summary.conclusionsChanged, none.conclusions]).toEqual([false, []])
  })

  it('go over the wire and come back the same; a comparison without them sends none, and a payload without them reads as none', () => {
    const diff = compareDocuments(doc(), doc(ADOPTED, RESOLUTION), 'ru')
    const viaJson = (wire: WireDiff) => unpackDiff(JSON.parse(JSON.stringify(wire)) as WireDiff)
    expect(viaJson(packDiff(diff))).toEqual(diff)
    const without = packDiff(compareDocuments(doc(), doc(), 'en'))
    expect(without).not.toHaveProperty('conclusions')
    expect(viaJson(without).conclusions).toEqual([])
  })
})

describe('the conclusions in the comparative table', () => {
  const moj = { id: 'o1', name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' }

  it('are a row after the last article’s, named in the law’s language, proposed by who edited them', () => {
    const before = doc(ADOPTED, RESOLUTION)
    const after = law('Model Law', ['Preamble.'], [
      chapter('c1', 'General provisions'),
      article('a1', 'Purpose', clause('a1c1', 'This Law sets out measures.')),
      article('a2', 'Entry into force', clause('a2c1', 'It enters into force on signature.')),
      conclusions(ADOPTED, '(Resolution No. 31-12 of 3 April 2008)'),
    ])
    const rows = comparativeTable(compareDocuments(before, after, 'en'), { a2: [moj], conclusions: [moj] })
    expect(rows.map((r) => [r.kind, r.id, r.status, r.proposedBy.map((o) => o.shortName)])).toEqual([
      ['article', 'a2', 'changed', ['MoJ']],
      ['conclusions', null, 'changed', ['MoJ']],
    ])
    expect([lines(rows[1].before), lines(rows[1].after)]).toEqual([
      ['Closing formula', ADOPTED, '(Resolution No. 31-[-11-] of 3 April 2008)'],
      ['Closing formula', ADOPTED, '(Resolution No. 31-{+12+} of 3 April 2008)'],
    ])
    expect(rows[1].after.map((l) => l.role)).toEqual(['heading', 'conclusions', 'conclusions'])
    const ru = comparativeTable(compareDocuments(before, after, 'ru'))
    expect(lines(ru[1].after)[0]).toBe('Реквизиты')
  })

  it('added ones: nothing on the previous side, the name and the inserted words on the new', () => {
    const rows = comparativeTable(compareDocuments(doc(), doc(ADOPTED), 'en'))
    expect(rows.map((r) => [r.kind, r.status, lines(r.before), lines(r.after)])).toEqual([['conclusions', 'added', [], ['Closing formula', `{+${ADOPTED}+}`]]])
    expect(renderComparativeTable(rows, { language: 'en' })).toContain(
      '<tr data-kind="conclusions" data-status="added"><td><p class="note">(none)</p></td>' +
        `<td><p class="heading">Closing formula </p><p class="conclusions"><ins>${ADOPTED}</ins></p></td>`,
    )
    const deleted = comparativeTable(compareDocuments(doc(ADOPTED), doc(), 'en'))
    expect(deleted.map((r) => [r.kind, r.status, lines(r.before), lines(r.after)])).toEqual([['conclusions', 'deleted', ['Closing formula', `[-${ADOPTED}-]`], []]])
  })

  it('are a row of the DOCX table, named in bold, their words in plain paragraphs', async () => {
    const bytes = await comparativeTableDocx(comparativeTable(compareDocuments(doc('Принят в Санкт-Петербурге'), doc('Принят в Москве'), 'ru')), { language: 'ru' })
    const xml = readZipEntry(bytes, 'word/document.xml')
    const row = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]).find((r) => r.includes('Реквизиты'))!
    const [old, now] = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1])
    for (const side of [old, now]) expect(side).toMatch(/<w:b\/>[\s\S]*<w:t[^>]*>Реквизиты <\/w:t>/)
    expect(old).toMatch(/<w:t[^>]*>Санкт-Петербурге<\/w:t>/)
    expect(now).toMatch(/<w:t[^>]*>Москве<\/w:t>/)
  })
})
