import { beforeAll, describe, expect, it } from 'vitest'
import type { ImportCreated, ThreadView, VersionSummary } from '../../shared/api'
import { createAnchor, textOfBlock } from '../../shared/comments/anchor'
import type { Account } from '../helpers/accounts'
import { onSampleLaw } from '../helpers/sampleLaw'
import { articleBlockText, connectClient, nthElement, waitSynced } from '../helpers/clients'
import { unzipText } from '../helpers/zip'

const XSS = '<img src=x onerror=alert(1)>'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

describe('export with the open comments (comments=1)', () => {
  const law = onSampleLaw()
  let passage: string
  let heading: string
  const exported = (account: Account, format: string, extra = '') => account.api(`/api/documents/${law.docId}/export?format=${format}${extra}`)
  const post = (account: Account, path: string, body: unknown) => account.api(path, { method: 'POST', body: JSON.stringify(body) })

  beforeAll(async () => {
    const client = connectClient(law.server.wsUrl, law.docId, { cookie: law.cast.reviewer.cookie })
    try {
      await waitSynced(client)
      const article = nthElement(client.ydoc, 'article', 2)
      heading = textOfBlock(articleBlockText(client.ydoc, 2, 0))
      const text = articleBlockText(client.ydoc, 2, 1)
      passage = textOfBlock(text).slice(0, 30)
      const anchor = createAnchor({ text, index: 0 }, { text, index: passage.length })
      const threadsPath = `/api/documents/${law.docId}/threads`
      const open = await post(law.cast.reviewer, threadsPath, { articleId: article.getAttribute('id'), anchor, body: `Unclear. ${XSS}` })
      expect(open.status).toBe(201)
      const thread = (await open.json()) as ThreadView
      expect((await post(law.cast.drafter, `${threadsPath}/${thread.id}/comments`, { body: 'We will *rephrase* it.' })).status).toBe(201)
      // A thread on the whole first article, then resolved: never exported.
      const first = nthElement(client.ydoc, 'article', 0).getAttribute('id')
      const settled = (await (await post(law.cast.reviewer, threadsPath, { articleId: first, anchor: null, body: 'Settled remark' })).json()) as ThreadView
      const resolved = await law.cast.owner.api(`${threadsPath}/${settled.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'resolved' }) })
      expect(resolved.status).toBe(200)
    } finally {
      client.destroy()
    }
  })

  it('HTML carries the open thread under its article, escaped, after the text; not without the flag', async () => {
    const res = await exported(law.cast.owner, 'html', '&comments=1')
    expect(res.status).toBe(200)
    const html = await res.text()
    const section = html.slice(html.indexOf('<section class="appendix review">'))
    expect(html.indexOf('</main>')).toBeLessThan(html.indexOf('<section class="appendix review">'))
    expect(section).toContain(`Article 3. ${heading}</h3>`)
    expect(section).toContain(`<blockquote>${passage}</blockquote>`)
    expect(section).toContain('Rita Reviewer (Ministry of Interior, MoI)')
    expect(section).toContain('Boris Drafter (Ministry of Justice, MoJ)')
    expect(section).toContain('Unclear. &lt;img src=x onerror=alert(1)&gt;')
    expect(section).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(UTC\)/)
    expect(section).not.toContain('Settled remark')
    expect(html).not.toMatch(/<img/i)
    expect(await (await exported(law.cast.owner, 'html')).text()).not.toContain('Unclear.')
  })

  it('Markdown and DOCX carry it too; Akoma Ntoso ignores the flag', async () => {
    const md = await (await exported(law.cast.owner, 'md', '&comments=1')).text()
    expect(md).toContain('## Review report')
    expect(md).toContain(`### Article 3. ${heading}`)
    expect(md).toContain('Unclear. \\<img src=x onerror=alert(1)\\>')
    expect(md).toContain('We will \\*rephrase\\* it.')
    expect(md).not.toContain('Settled remark')
    expect(await (await exported(law.cast.owner, 'md')).text()).not.toContain('Review report')

    const docx = unzipText(new Uint8Array(await (await exported(law.cast.owner, 'docx', '&comments=1')).arrayBuffer()), 'word/document.xml')
    expect(docx).toContain('Review report')
    expect(docx).toContain('Unclear. &lt;img src=x onerror=alert(1)&gt;')
    expect(docx).toContain('Rita Reviewer (Ministry of Interior, MoI)')
    expect(docx).not.toContain('Settled remark')
    const plain = unzipText(new Uint8Array(await (await exported(law.cast.owner, 'docx')).arrayBuffer()), 'word/document.xml')
    expect(plain).not.toContain('Unclear.')

    const akn = await exported(law.cast.owner, 'akn', '&comments=1')
    expect(akn.status).toBe(200)
    expect(await akn.text()).not.toContain('Unclear.')
    expect((await exported(law.cast.owner, 'html', '&comments=yes')).status).toBe(400)
  })

  it('DOCX also carries the open thread as a Word comment on its words, reply as a reply; imported, it is a thread on them again', async () => {
    const bytes = new Uint8Array(await (await exported(law.cast.owner, 'docx', '&comments=1')).arrayBuffer())
    const comments = unzipText(bytes, 'word/comments.xml')
    expect(comments).toContain('Unclear. &lt;img src=x onerror=alert(1)&gt;')
    expect(comments).toContain('w:author="Boris Drafter (Ministry of Justice, MoJ)"')
    expect(comments).not.toContain('Settled remark')
    expect(unzipText(bytes, 'word/document.xml')).toMatch(new RegExp(`<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">${passage}</w:t></w:r><w:commentRangeEnd w:id="0"/>`))
    // A ministry without Accord sends the file back: the import brings the thread back, on the same words.
    const res = await law.cast.drafter.api('/api/documents/import', { method: 'POST', headers: { 'Content-Type': DOCX }, body: Buffer.from(bytes) })
    expect(res.status).toBe(201)
    const { document } = (await res.json()) as ImportCreated
    const [thread, ...others] = await law.cast.drafter.json<ThreadView[]>(`/api/documents/${document.id}/threads`)
    expect(others).toEqual([])
    expect(thread.quote).toBe(passage.trim()) // Word's quote is read with its spaces collapsed and trimmed
    expect(thread.anchor).not.toBeNull()
    expect(thread.comments.map((c) => c.body)).toEqual([
      expect.stringMatching(new RegExp(`^From Word — Rita Reviewer \\(Ministry of Interior, MoI\\), \\d{1,2} [A-Z][a-z]+ \\d{4}:\nUnclear\\. <img src=x onerror=alert\\(1\\)>$`)),
      expect.stringMatching(/^From Word — Boris Drafter \(Ministry of Justice, MoJ\), .*:\nWe will \*rephrase\* it\.$/),
    ])
  })

  it('lets an observer export with the open comments; a stranger gets 403', async () => {
    const html = await (await exported(law.cast.observer, 'html', '&comments=1')).text()
    expect(html).toContain('Unclear. &lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('Settled remark')
    expect((await exported(law.cast.stranger, 'html', '&comments=1')).status).toBe(403)
  })

  it('a saved version’s export carries the threads open now', async () => {
    const saved = await post(law.cast.owner, `/api/documents/${law.docId}/versions`, { name: 'Round 1' })
    expect(saved.status).toBe(201)
    const version = (await saved.json()) as VersionSummary
    const html = await (await exported(law.cast.owner, 'html', `&version=${version.id}&comments=1`)).text()
    expect(html).toContain('<dt>Version</dt><dd>Round 1')
    expect(html).toContain('Unclear. &lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('Settled remark')
  })
})
