import { describe, expect, it } from 'vitest'
import { createBuilders } from '../../shared/seed/builders'
import { reviewReportModel, type ReportThread, type ReviewReportInput } from '../../shared/review/reviewReport'
import { reviewReportHtml } from '../../shared/review/reviewReportHtml'
import { reviewReportDocx } from '../../shared/review/reviewReportDocx'
import { comment, MOI, MOJ, thread } from '../helpers/reviewThreads'

function law() {
  const b = createBuilders('r')
  const withId = <T extends { attrs?: Record<string, unknown> }>(block: T, id: string): T => ({ ...block, attrs: { ...block.attrs, id } })
  return b.law('Model Law', [], [
    b.chapter('General'),
    withId(b.article('Purpose & scope', [b.clause('This Law sets out the framework.')]), 'a1'),
    withId(b.article('Principles', [b.clause('Measures shall be guided by principles.')]), 'a2'),
  ])
}

function input(threads: ReportThread[], status: 'open' | 'all' = 'all', language: 'en' | 'ru' = 'en'): ReviewReportInput {
  return { doc: law(), language, title: 'Draft <3>', generatedAt: '2026-03-02T09:30:00.000Z', status, threads }
}

const entries: ReportThread[] = [
  { thread: thread('t1', 'a2', 'guided by principles', [comment('Which ones? <img src=x onerror=alert(1)>'), comment('Points 1–4 & more.', MOJ)]), state: 'live', current: 'guided by the principles', order: 5 },
  { thread: thread('t2', 'a1', 'Purpose & scope', [comment('Too broad.')], { anchor: null }), state: 'article', current: null, order: -1 },
  { thread: thread('t3', 'a2', 'deleted words', [comment('Gone now.')], { status: 'resolved', resolvedBy: { id: 'u2', displayName: 'Boris Drafter' }, resolvedAt: '2026-03-01T12:00:00.000Z' }), state: 'orphaned', current: null, order: Number.MAX_SAFE_INTEGER },
  { thread: thread('t4', 'gone-article', 'old text', [comment('Article was removed.'), comment('', MOI, { deleted: true })]), state: 'orphaned', current: null, order: Number.MAX_SAFE_INTEGER },
  { thread: thread('t5', 'a2', 'Measures', [comment('Earlier in the article.')]), state: 'live', current: 'Measures', order: 0 },
]

describe('review report', () => {
  it('groups threads under their articles in the order of the text, deleted articles last', () => {
    const model = reviewReportModel(input(entries))
    expect(model.sections.map((s) => [s.label, s.heading, s.deleted])).toEqual([
      ['Article 1.', 'Purpose & scope', false],
      ['Article 2.', 'Principles', false],
      ['', '', true],
    ])
    expect(model.sections[1].threads.map((t) => t.thread.id)).toEqual(['t5', 't1', 't3'])
    expect(model.threadCount).toBe(5)
  })

  it('puts threads on the title, the preamble and a chapter heading before the articles, under their names', () => {
    const b = createBuilders('r')
    const doc = b.law('Model Law', ['Recognising…'], [{ ...b.chapter('General'), attrs: { id: 'ch1' } }, { ...b.article('Purpose', [b.clause('Text.')]), attrs: { id: 'a1' } }])
    const threads: ReportThread[] = [
      { thread: thread('t1', 'a1', 'Text', [comment('On the article.')]), state: 'live', current: 'Text', order: 0 },
      { thread: thread('t2', 'ch1', 'General', [comment('On the chapter.')]), state: 'live', current: 'General', order: 0 },
      { thread: thread('t3', 'preamble', 'Recognising', [comment('On the preamble.')]), state: 'live', current: 'Recognising', order: 0 },
      { thread: thread('t4', 'title', 'Model', [comment('On the title.')]), state: 'live', current: 'Model', order: 0 },
    ]
    const model = reviewReportModel({ ...input(threads, 'all', 'ru'), doc })
    expect(model.sections.map((s) => [s.label, s.heading, s.threads.map((t) => t.thread.id)])).toEqual([
      ['Название', '', ['t4']],
      ['Преамбула', '', ['t3']],
      ['Глава 1.', 'General', ['t2']],
      ['Статья 1.', 'Purpose', ['t1']],
    ])
  })

  it('leaves resolved threads out of an "open only" report', () => {
    const model = reviewReportModel(input(entries, 'open'))
    expect(model.sections.flatMap((s) => s.threads.map((t) => t.thread.id))).toEqual(['t2', 't5', 't1', 't4'])
  })

  it('writes HTML in which every user string is text, not markup', () => {
    const html = reviewReportHtml(input(entries))
    expect(html).not.toMatch(/<img|<b>|<3>|<Legal>/)
    expect(html).toContain('Which ones? &lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Rita &lt;b&gt;Reviewer&lt;/b&gt; (Ministry of Interior, MoI)')
    expect(html).toContain('Boris Drafter (Ministry of Justice &lt;Legal&gt;, MoJ)')
    expect(html).toContain('<title>Review report: Draft &lt;3&gt;</title>')
    expect(html).toContain('<h2 data-article-id="a1">Article 1. Purpose &amp; scope</h2>')
    expect(html).toContain('<blockquote>guided by principles</blockquote>')
    expect(html).toContain('Now reads: guided by the principles')
    expect(html).toContain('On deleted text')
    expect(html).toContain('Resolved (resolved by Boris Drafter, 1 March 2026, 12:00 (UTC))')
    expect(html).toContain('Articles and headings since deleted')
    expect(html).not.toContain('<script')
  })

  it('speaks the language of the draft', () => {
    const html = reviewReportHtml(input(entries, 'all', 'ru'))
    expect(html).toContain('<html lang="ru">')
    expect(html).toContain('Отчёт о замечаниях: Draft &lt;3&gt;')
    expect(html).toContain('Статья 2. Principles')
    expect(html).toContain('В целом')
    // Dates as Russian writes them, not "2026-03-02 09:30 UTC".
    expect(html).toContain('Сформирован: 2 марта 2026 г., 09:30 (UTC)')
    expect(html).toContain('Закрыто (закрыл(а) Boris Drafter, 1 марта 2026 г., 12:00 (UTC))')
    expect(html).toMatch(/<span class="time">1 марта 2026 г\., 10:0\d \(UTC\)<\/span>/)
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC(?!\))/)
  })

  it('writes its Word document\'s dates in the draft\'s language too', async () => {
    const { default: mammoth } = await import('mammoth')
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await reviewReportDocx(input(entries, 'all', 'ru'))) })
    expect(text).toContain('Сформирован: 2 марта 2026 г., 09:30 (UTC)')
    expect(text).toMatch(/ — 1 марта 2026 г\., 10:0\d \(UTC\)/)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  it('says so when there is nothing to report', () => {
    expect(reviewReportHtml(input([]))).toContain('There are no review threads to report.')
  })

  it('writes a Word document with the articles, passages, authors and comments', async () => {
    const bytes = await reviewReportDocx(input(entries))
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK')
    const { default: mammoth } = await import('mammoth')
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    for (const expected of [
      'Review report: Draft <3>',
      'Article 2. Principles',
      'guided by principles',
      'Now reads: guided by the principles',
      'Rita <b>Reviewer</b> (Ministry of Interior, MoI)',
      'Which ones? <img src=x onerror=alert(1)>',
      'Boris Drafter (Ministry of Justice <Legal>, MoJ)',
      'On deleted text',
      'Articles and headings since deleted',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text.indexOf('Article 1. Purpose & scope')).toBeLessThan(text.indexOf('Article 2. Principles'))
  })
})
