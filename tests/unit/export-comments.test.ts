import { describe, expect, it } from 'vitest'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import { toDocx } from '../../shared/export/docx'
import { toHtml } from '../../shared/export/html'
import { toMarkdown } from '../../shared/export/markdown'
import type { ExportMeta } from '../../shared/export/meta'
import type { ExportComments, ExportPositions } from '../../shared/export/positions'
import { articlesOf, lawStructure } from '../../shared/export/structure'
import type { ReportThread } from '../../shared/review/reviewReport'
import { comment, MOJ, thread } from '../helpers/reviewThreads'
import { unzipText } from '../helpers/zip'

const XSS = '<img src=x onerror=alert(1)>'
const meta = (language: 'en' | 'ru'): ExportMeta => ({
  title: 'Model law',
  language,
  status: 'draft',
  date: '2026-03-02T09:30:00Z',
  organizations: [{ name: 'Ministry of Justice', shortName: 'MoJ' }],
})

/** Threads on the sample law's second and third articles, one resolved (never exported), one on an article the text lacks. */
function comments(language: 'en' | 'ru'): ExportComments {
  const [, second, third] = articlesOf(lawStructure(sampleLaw(language), language)).map((a) => a.article.id!)
  const threads: ReportThread[] = [
    {
      thread: thread('t1', third, '1. <quoted> passage', [comment(`Which ones? ${XSS}`, undefined, { createdAt: '2026-03-01T10:05:00.000Z' }), comment('Points *1–4* & more.', MOJ, { createdAt: '2026-03-01T10:05:00.000Z', editedAt: '2026-03-01T11:00:00.000Z' })], {
        proposal: { text: '1. <new> passage', status: 'open', decidedBy: null, decidedAt: null, canDecide: false },
      }),
      state: 'live',
      current: '1. <quoted> passage',
      order: 5,
    },
    { thread: thread('t2', second, 'Scope', [comment('Too broad.')], { anchor: null }), state: 'article', current: null, order: -1 },
    {
      thread: thread('t3', second, 'settled words', [comment('Resolved remark')], { status: 'resolved', resolvedBy: { id: 'u2', displayName: 'Boris Drafter' }, resolvedAt: '2026-03-01T12:00:00.000Z' }),
      state: 'live',
      current: 'settled words',
      order: 1,
    },
    { thread: thread('t4', 'not-in-this-text', 'old words', [comment('About an article since removed')]), state: 'orphaned', current: null, order: Number.MAX_SAFE_INTEGER },
  ]
  return { generatedAt: '2026-03-02T09:30:00.000Z', threads }
}

const positions: ExportPositions = { organizations: [{ name: 'Ministry of Justice', shortName: 'MoJ', position: null }] }

describe('open comments after an exported text', () => {
  it('HTML: a section per article with the passage and the thread, every user string escaped', () => {
    const html = toHtml(sampleLaw('en'), meta('en'), { comments: comments('en') })
    const section = html.slice(html.indexOf('<section class="appendix review">'))
    expect(section).toContain('<h2>Review report</h2>')
    expect(section).toContain('Threads: open only · Number of threads: 3')
    expect(section).toMatch(/<h3 data-article-id="[^"]+">Article 2\. /)
    expect(section).toMatch(/<h3 data-article-id="[^"]+">Article 3\. /)
    expect(section).toContain('<blockquote>1. &lt;quoted&gt; passage</blockquote>')
    expect(section).toContain(`Which ones? &lt;img src=x onerror=alert(1)&gt;`)
    expect(section).toContain('Rita &lt;b&gt;Reviewer&lt;/b&gt; (Ministry of Interior, MoI)')
    expect(section).toContain('Boris Drafter (Ministry of Justice &lt;Legal&gt;, MoJ)')
    expect(section).toContain('1 March 2026, 10:05 (UTC), edited 1 March 2026, 11:00 (UTC)')
    expect(section).toContain('As a whole')
    expect(section).toContain('<h3>Articles and headings since deleted</h3>')
    expect(section).not.toContain('Resolved remark')
    expect(section.indexOf('Article 2.')).toBeLessThan(section.indexOf('Article 3.'))
    expect(html).not.toMatch(/<img|<b>|<quoted>|<Legal>/)
    expect(html).toContain('.thread {')
    // After the positions table when both are asked for; absent when not.
    const both = toHtml(sampleLaw('en'), meta('en'), { positions, comments: comments('en') })
    expect(both.indexOf('appendix positions')).toBeGreaterThan(0)
    expect(both.indexOf('appendix positions')).toBeLessThan(both.indexOf('appendix review'))
    expect(toHtml(sampleLaw('en'), meta('en'))).not.toContain('appendix review')
  })

  it('Markdown: headings, quoted passage and one item per comment, escaped', () => {
    const md = toMarkdown(sampleLaw('en'), meta('en'), { positions, comments: comments('en') })
    const section = md.slice(md.indexOf('## Review report'))
    expect(md.indexOf('## Positions of the organizations')).toBeLessThan(md.indexOf('## Review report'))
    expect(section).toMatch(/\n### Article 3\. /)
    expect(section).toContain('> 1\\. \\<quoted\\> passage')
    // The proposed wording, as the HTML and Word reports give it.
    expect(section).toContain('**Proposed wording:** 1\\. \\<new\\> passage *(awaiting a decision)*')
    expect(section).toContain('- **Rita \\<b\\>Reviewer\\</b\\> (Ministry of Interior, MoI)** — 1 March 2026, 10:05 (UTC): Which ones? \\<img src=x onerror=alert(1)\\>')
    expect(section).toContain('Points \\*1–4\\* \\& more.')
    expect(section).toContain('### Articles and headings since deleted')
    expect(section).toContain('> ~~old words~~')
    expect(section).not.toContain('Resolved remark')
    expect(md).not.toMatch(/(?<!\\)<img/)
    expect(toMarkdown(sampleLaw('en'), meta('en'))).not.toContain('Review report')
  })

  it('DOCX: after the text on its own page, bold article lines (not Headings), text escaped', async () => {
    const xml = unzipText(await toDocx(sampleLaw('en'), meta('en'), { positions, comments: comments('en') }), 'word/document.xml')
    expect(xml).toContain('Which ones? &lt;img src=x onerror=alert(1)&gt;')
    expect(xml).toContain('Rita &lt;b&gt;Reviewer&lt;/b&gt; (Ministry of Interior, MoI)')
    expect(xml).toContain('<w:pStyle w:val="AccordQuote"/>')
    expect(xml.indexOf('Positions of the organizations')).toBeLessThan(xml.indexOf('Review report'))
    expect(xml).not.toContain('<img')
    expect(xml).not.toContain('Resolved remark')
    // The article lines of the appendix do not join the text's outline (Heading 2 = the articles).
    const headings = (xml.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length
    const plain = unzipText(await toDocx(sampleLaw('en'), meta('en')), 'word/document.xml')
    expect(headings).toBe((plain.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length)
    expect(plain).not.toContain('Review report')
    const { default: mammoth } = await import('mammoth')
    const bytes = await toDocx(sampleLaw('ru'), meta('ru'), { comments: comments('ru') })
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(text).toContain('Отчёт о замечаниях')
    expect(text).toMatch(/Статья 3\. /)
    expect(text).toContain('В целом')
    expect(text).toContain(`Which ones? ${XSS}`)
  })

  it('says so when no thread is open, and Akoma Ntoso carries none', () => {
    const none = { generatedAt: '2026-03-02T09:30:00.000Z', threads: [] }
    expect(toHtml(sampleLaw('en'), meta('en'), { comments: none })).toContain('There are no review threads to report.')
    expect(toMarkdown(sampleLaw('ru'), meta('ru'), { comments: none })).toContain('Замечаний для отчёта нет.')
    expect(toAkomaNtoso(sampleLaw('en'), meta('en'))).not.toContain('Review report')
  })
})
