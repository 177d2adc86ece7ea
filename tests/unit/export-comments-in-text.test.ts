import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { toDocx } from '../../shared/export/docx'
import { toHtml } from '../../shared/export/html'
import type { ExportMeta } from '../../shared/export/meta'
import type { ExportComments } from '../../shared/export/positions'
import type { ReportThread } from '../../shared/review/reviewReport'
import { parseDocx } from '../../shared/import/docx'
import { placeWordComments } from '../../shared/import/placeWordComments'
import { resolveAnchor, textBetween } from '../../shared/comments/anchor'
import { encodeDocJSON } from '../../shared/ydoc'
import { comment, MOJ, thread } from '../helpers/reviewThreads'
import { unzipText } from '../helpers/zip'

/** The open threads of an exported text marked on their words: in a DOCX as Word comments in the margin (and read back by the import), in HTML highlighted with a link to the report. */

const meta: ExportMeta = { title: 'Закон', language: 'ru', status: 'draft', date: '2026-03-02T09:30:00Z', organizations: [{ name: 'Министерство юстиции', shortName: 'Минюст' }] }

const live = (t: ReturnType<typeof thread>, current: string): ReportThread => ({ thread: t, state: 'live', current, order: 0 })

/** Threads on the sample law (ru): words of a paragraph, of a point, of Article 2's heading, of the title and the preamble. */
function threads(): ExportComments {
  const list: ReportThread[] = [
    live(thread('t1', 'ru000b', 'наилучших интересов ребенка', [comment('Какого возраста?'), comment('До восемнадцати лет.', MOJ)], { blockId: 'ru0008' }), 'наилучших интересов ребенка'),
    live(
      thread('t2', 'ru0003', 'правовые и организационные основы', [comment('Добавить «экономические».')], {
        blockId: 'ru0002',
        proposal: { text: 'правовые, экономические и организационные основы', status: 'open', decidedBy: null, decidedAt: null, canDecide: false },
      }),
      'правовые и организационные основы',
    ),
    live(thread('t3', 'ru0005', 'Сфера действия', [comment('Короче.')]), 'Сфера действия'),
    live(thread('t4', 'title', 'противодействии', [comment('«О противодействии» или «О борьбе»?')]), 'противодействии'),
    live(thread('t5', 'preamble', 'грубо нарушает', [comment('Смягчить.')]), 'грубо нарушает'),
    // Across two points: marked on the first one's words.
    live(thread('t6', 'ru000b', '…', [comment('Объединить.')], { blockId: 'ru0007' }), 'уважение прав человека\nприоритет'),
    // Its paragraph split since: found in the block holding its words now.
    { ...live(thread('t11', 'ru000b', 'государственных органов', [comment('Каких?')], { blockId: 'ru0006' }), 'государственных органов'), block: 'ru000a' },
    // Not in the margin: resolved, on deleted words, on words no longer there. On a whole article: on its heading.
    live(thread('t7', 'ru000b', 'недопустимость', [comment('Решено.')], { blockId: 'ru0009', status: 'resolved' }), 'недопустимость'),
    { thread: thread('t8', 'ru0003', 'Цель', [comment('В целом.')], { anchor: null }), state: 'article', current: null, order: -1 },
    { thread: thread('t9', 'gone', 'старые слова', [comment('Удалено.')]), state: 'orphaned', current: null, order: 0 },
    live(thread('t10', 'ru0003', 'нет таких слов', [comment('Нет в тексте.')], { blockId: 'ru0002' }), 'нет таких слов'),
  ]
  return { generatedAt: '2026-03-02T09:30:00.000Z', threads: list }
}

describe('open threads in the margin of an exported DOCX', () => {
  it('are Word comments on their words, replies as replies, authors and texts escaped', async () => {
    const bytes = await toDocx(sampleLaw('ru'), meta, { comments: threads() })
    const comments = unzipText(bytes, 'word/comments.xml')
    expect(comments).toContain('w:author="Rita &lt;b&gt;Reviewer&lt;/b&gt; (Ministry of Interior, MoI)"')
    expect(comments).toContain('Какого возраста?')
    expect(comments).toContain('Предложенная редакция: «правовые, экономические и организационные основы»')
    for (const absent of ['Решено.', 'Удалено.', 'Нет в тексте.']) expect(comments).not.toContain(absent)
    expect(unzipText(bytes, 'word/commentsExtended.xml')).toContain('w15:paraIdParent')
    const text = unzipText(bytes, 'word/document.xml')
    expect(text.match(/<w:commentRangeStart /g)).toHaveLength(8)
    // Without comments asked for, none.
    expect(unzipText(await toDocx(sampleLaw('ru'), meta), 'word/document.xml')).not.toContain('commentRangeStart')
  })

  it('come back as threads on the same words when the file is imported, replies in their thread', async () => {
    const result = await parseDocx(await toDocx(sampleLaw('ru'), meta, { comments: threads() }), 'ru')
    const read = result.wordComments!
    expect(read.map((t) => [t.quote, t.comments.map((c) => c.text)])).toEqual([
      ['противодействии', ['«О противодействии» или «О борьбе»?']],
      ['грубо нарушает', ['Смягчить.']],
      // On Article 1 as a whole: on its heading's words.
      ['Цель настоящего Закона', ['В целом.']],
      ['правовые и организационные основы', ['Добавить «экономические».\nПредложенная редакция: «правовые, экономические и организационные основы» (ожидает решения)']],
      ['Сфера действия', ['Короче.']],
      ['уважение прав человека', ['Объединить.']],
      ['наилучших интересов ребенка', ['Какого возраста?', 'До восемнадцати лет.']],
      ['государственных органов', ['Каких?']],
    ])
    expect(read[6].comments.map((c) => c.author)).toEqual(['Rita <b>Reviewer</b> (Ministry of Interior, MoI)', 'Boris Drafter (Ministry of Justice <Legal>, MoJ)'])
    // The appendix (the review report) is not read as text.
    expect(JSON.stringify(result.doc)).not.toContain('Какого возраста?')
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, encodeDocJSON(result.doc))
    const placed = placeWordComments(ydoc, read, 'ru')
    expect(
      placed.map((t) => {
        const r = resolveAnchor(ydoc, t.anchor!)
        return r.state === 'live' ? textBetween(r.start, r.end) : r.state
      }),
    ).toEqual(['противодействии', 'грубо нарушает', 'Цель настоящего Закона', 'правовые и организационные основы', 'Сфера действия', 'уважение прав человека', 'наилучших интересов ребенка', 'государственных органов'])
  })
})

describe('open threads in an exported HTML file', () => {
  it('highlights their words, each followed by its number linking to it in the report', () => {
    const html = toHtml(sampleLaw('ru'), meta, { comments: threads() })
    const law = html.slice(0, html.indexOf('<section class="appendix review">'))
    const marked = [...law.matchAll(/<mark class="commented">([^<]*)<\/mark>(?:<sup class="thread-ref"><a href="#thread-(\w+)">(\d+)<\/a><\/sup>)?/g)].map((m) => [m[1], m[2], m[3]])
    expect(marked).toEqual([
      ['противодействии', 't4', '1'],
      ['грубо нарушает', 't5', '2'],
      ['Цель настоящего Закона', 't8', '3'],
      ['правовые и организационные основы', 't2', '4'],
      ['Сфера действия', 't3', '5'],
      ['уважение прав человека', 't6', '6'],
      ['наилучших интересов ребенка', 't1', '7'],
      ['государственных органов', 't11', '8'],
    ])
    for (const [, id] of marked) expect(html).toContain(`<div class="thread" id="thread-${id}"`)
    expect(law).not.toContain('недопустимость</mark>') // resolved: in no mark, and not in the report
    expect(toHtml(sampleLaw('ru'), meta)).not.toContain('<mark')
  })
})

