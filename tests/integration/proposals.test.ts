import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { ActivitySession, ThreadView } from '../../shared/api'
import { createAnchor, resolveAnchor, textBetween, textOfBlock } from '../../shared/comments/anchor'
import type { Account } from '../helpers/accounts'
import { onSampleLaw } from '../helpers/sampleLaw'
import { articleBlockText, waitSaved, waitSynced, xmlString } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { anchorOn, articleId } from '../helpers/anchorOn'
import { readZipEntry } from '../helpers/zip'
import { createDocument, shareWithCast } from '../helpers/accounts'
import { connectClient, nthElement } from '../helpers/clients'

const XSS = '<img src=x onerror=alert(1)>'

describe('proposed wordings over the real server', () => {
  const law = onSampleLaw()
  const threadsPath = () => `/api/documents/${law.docId}/threads`
  const post = (account: Account, path: string, body: unknown) => account.api(path, { method: 'POST', body: JSON.stringify(body) })
  const decide = (account: Account, threadId: string, decision: string) => post(account, `${threadsPath()}/${threadId}/proposal`, { decision })
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code
  const propose = async (account: Account, ydoc: Y.Doc, article: number, block: number, words: string, proposal: string) => {
    const res = await post(account, threadsPath(), { articleId: articleId(ydoc, article), anchor: anchorOn(ydoc, article, block, words), body: 'Clearer', proposal })
    expect(res.status).toBe(201)
    return (await res.json()) as ThreadView
  }

  it('lets a reviewer propose a wording and a drafter accept it: the text changes for everyone, attributed to the drafter', async () => {
    const drafter = law.connect(law.cast.drafter)
    const reviewer = law.connect(law.cast.reviewer)
    await Promise.all([waitSynced(drafter), waitSynced(reviewer)])
    const before = (await (await post(law.cast.owner, `/api/documents/${law.docId}/versions`, { name: 'Before the proposal' })).json()) as { id: string }
    const thread = await propose(law.cast.reviewer, reviewer.ydoc, 2, 1, 'shall be guided by the following principles', 'shall follow these principles')
    expect(thread.quote).toBe('shall be guided by the following principles')
    expect(thread.proposal).toEqual({ text: 'shall follow these principles', status: 'open', decidedBy: null, decidedAt: null, canDecide: false })
    await waitFor(() => expect(drafter.threadEvents).toContainEqual({ threadId: thread.id, change: 'created' }))
    const seen = (await law.cast.drafter.json<ThreadView[]>(threadsPath())).find((t) => t.id === thread.id)!
    expect(seen.proposal).toMatchObject({ status: 'open', canDecide: true })

    // Reviewers and observers do not decide.
    for (const who of [law.cast.reviewer, law.cast.observer]) {
      const refused = await decide(who, thread.id, 'accept')
      expect(refused.status).toBe(403)
      expect(await errorCode(refused)).toBe('forbidden')
    }

    const res = await decide(law.cast.drafter, thread.id, 'accept')
    expect(res.status).toBe(200)
    const accepted = (await res.json()) as ThreadView
    expect(accepted).toMatchObject({ status: 'resolved', resolvedBy: { id: law.cast.drafter.user.id } })
    expect(accepted.proposal).toMatchObject({ status: 'accepted', decidedBy: { id: law.cast.drafter.user.id }, canDecide: false })
    expect(accepted.proposal!.decidedAt).not.toBeNull()

    // Every connected copy reads the new wording; the rest of the paragraph is as it was.
    const expected = 'Measures taken under this Law shall follow these principles:'
    for (const client of [reviewer, drafter]) await waitFor(() => expect(textOfBlock(articleBlockText(client.ydoc, 2, 1))).toBe(expected))
    expect(textOfBlock(articleBlockText(reviewer.ydoc, 2, 2))).toBe('respect for human rights and for the dignity of every person;')
    await waitFor(() => expect(reviewer.threadEvents.filter((e) => e.threadId === thread.id).map((e) => e.change)).toEqual(['created', 'updated']))

    // Stored: a client connecting now gets it; the activity names the drafter and their organization.
    const late = law.connect(law.cast.observer)
    await waitSynced(late)
    expect(textOfBlock(articleBlockText(late.ydoc, 2, 1))).toBe(expected)
    const activity = await law.cast.owner.json<ActivitySession[]>(`/api/documents/${law.docId}/activity`)
    const bySession = activity.find((s) => s.user.id === law.cast.drafter.user.id)
    expect(bySession?.organization.shortName).toBe('MoJ')
    expect(bySession?.articles.map((a) => a.id)).toContain(articleId(late.ydoc, 2))

    // "Proposed by": the reviewer's organization, which proposed the words, beside the drafter's, which wrote them.
    const compared = await law.cast.owner.json<{ organizations: Record<string, { shortName: string }[]> }>(
      `/api/documents/${law.docId}/compare?from=${before.id}&to=current`,
    )
    expect(compared.organizations[articleId(late.ydoc, 2)].map((o) => o.shortName)).toEqual(['MoI', 'MoJ'])
    const table = await (await law.cast.owner.api(`/api/documents/${law.docId}/comparative-table?from=${before.id}&to=current&format=html`)).text()
    expect(table).toContain('MoI')

    // Once decided, never again.
    for (const decision of ['accept', 'decline']) {
      const again = await decide(law.cast.owner, thread.id, decision)
      expect(again.status).toBe(409)
      expect(await errorCode(again)).toBe('wording_already_decided')
    }
  })

  it('keeps the thread on the accepted words when they share none with those replaced, not «on deleted text»', async () => {
    const reviewer = law.connect(law.cast.reviewer)
    await waitSynced(reviewer)
    const thread = await propose(law.cast.reviewer, reviewer.ydoc, 2, 2, 'respect for human rights', 'full regard to')
    const res = await decide(law.cast.drafter, thread.id, 'accept')
    expect(res.status).toBe(200)
    await waitFor(() => expect(textOfBlock(articleBlockText(reviewer.ydoc, 2, 2))).toBe('full regard to and for the dignity of every person;'))
    const stored = (await law.cast.reviewer.json<ThreadView[]>(threadsPath())).find((t) => t.id === thread.id)!
    const where = resolveAnchor(reviewer.ydoc, stored.anchor!)
    expect(where.state).toBe('live')
    if (where.state === 'live') expect(textBetween(where.start, where.end)).toBe('full regard to')
  })

  it('refuses to accept once the words have changed (409, nothing changed); declining keeps the thread open', async () => {
    const owner = law.connect(law.cast.owner)
    await waitSynced(owner)
    const thread = await propose(law.cast.reviewer, owner.ydoc, 1, 1, 'all forms of human trafficking', 'every form of human trafficking')
    const text = articleBlockText(owner.ydoc, 1, 1)
    text.insert(textOfBlock(text).indexOf('human trafficking'), 'organized ')
    await waitSaved(owner)
    const before = xmlString(owner.ydoc)

    const refused = await decide(law.cast.drafter, thread.id, 'accept')
    expect(refused.status).toBe(409)
    expect(await errorCode(refused)).toBe('wording_changed')
    const after = (await law.cast.drafter.json<ThreadView[]>(threadsPath())).find((t) => t.id === thread.id)!
    expect(after).toMatchObject({ status: 'open', proposal: { status: 'open' } })
    // Nothing reached the text: a fresh copy reads what the owner wrote.
    const fresh = law.connect(law.cast.observer)
    await waitSynced(fresh)
    expect(xmlString(fresh.ydoc)).toBe(before)

    const declined = await decide(law.cast.owner, thread.id, 'decline')
    expect(declined.status).toBe(200)
    expect((await declined.json()) as ThreadView).toMatchObject({ status: 'open', resolvedBy: null, proposal: { status: 'declined', decidedBy: { id: law.cast.owner.user.id } } })
    expect((await decide(law.cast.drafter, thread.id, 'accept')).status).toBe(409)
    expect(xmlString(fresh.ydoc)).toBe(before)
  })

  it('refuses to accept over a cross-reference put into the passage since (409)', async () => {
    const owner = law.connect(law.cast.owner)
    await waitSynced(owner)
    const thread = await propose(law.cast.reviewer, owner.ydoc, 5, 1, 'have jurisdiction over the offences', 'are competent for the offences')
    // What the editor binding does for a reference typed inside the words: the text is split around the element.
    const text = articleBlockText(owner.ydoc, 5, 1)
    const block = text.parent as Y.XmlElement
    const words = textOfBlock(text)
    const at = words.indexOf('over the offences')
    owner.ydoc.transact(() => {
      const tail = words.slice(at)
      text.delete(at, tail.length)
      const xref = new Y.XmlElement('xref')
      xref.setAttribute('target', articleId(owner.ydoc, 0))
      const rest = new Y.XmlText()
      rest.insert(0, tail)
      block.insert(block.toArray().indexOf(text) + 1, [xref, rest])
    })
    await waitSaved(owner)
    const before = xmlString(owner.ydoc)
    const refused = await decide(law.cast.drafter, thread.id, 'accept')
    expect(refused.status).toBe(409)
    expect(['wording_changed', 'wording_not_plain']).toContain(await errorCode(refused))
    const fresh = law.connect(law.cast.observer)
    await waitSynced(fresh)
    expect(xmlString(fresh.ydoc)).toBe(before)
  })

  it('validates proposals: length, line breaks, whole articles, passages across blocks; observers may not propose', async () => {
    const client = law.connect(law.cast.reviewer)
    await waitSynced(client)
    const id = articleId(client.ydoc, 3)
    const anchor = anchorOn(client.ydoc, 3, 1, 'the following terms')
    const expectRefused = async (who: Account, body: Record<string, unknown>, status: number, code: string) => {
      const res = await post(who, threadsPath(), { articleId: id, anchor, body: 'Why', ...body })
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      expect(await errorCode(res)).toBe(code)
    }
    await expectRefused(law.cast.reviewer, { proposal: 'x'.repeat(5001) }, 400, 'validation_failed')
    await expectRefused(law.cast.reviewer, { proposal: '   ' }, 400, 'validation_failed')
    await expectRefused(law.cast.reviewer, { proposal: 'two\nlines' }, 400, 'validation_failed')
    await expectRefused(law.cast.reviewer, { anchor: null, proposal: 'A new heading' }, 400, 'wording_not_in_block')
    const across = createAnchor({ text: articleBlockText(client.ydoc, 3, 1), index: 4 }, { text: articleBlockText(client.ydoc, 3, 2), index: 6 })
    await expectRefused(law.cast.reviewer, { anchor: across, proposal: 'Merged' }, 400, 'wording_not_in_block')
    await expectRefused(law.cast.observer, { proposal: 'the terms' }, 403, 'forbidden')
    // Nothing was started by the refusals.
    const threads = await law.cast.owner.json<ThreadView[]>(threadsPath())
    expect(threads.filter((t) => t.articleId === id)).toEqual([])

    // 5,000 characters are allowed; a thread without a proposal has nothing to decide.
    const long = await post(law.cast.reviewer, threadsPath(), { articleId: id, anchor, body: 'Why', proposal: 'y'.repeat(5000) })
    expect(long.status).toBe(201)
    const plain = await post(law.cast.reviewer, threadsPath(), { articleId: id, anchor, body: 'Just a remark' })
    const plainThread = (await plain.json()) as ThreadView
    expect(plainThread.proposal).toBeNull()
    const nothing = await decide(law.cast.drafter, plainThread.id, 'accept')
    expect(nothing.status).toBe(404)
    expect(await errorCode(nothing)).toBe('wording_not_found')
    const unknown = await decide(law.cast.drafter, 'no-such-thread', 'accept')
    expect(unknown.status).toBe(404)
    expect(await errorCode(unknown)).toBe('thread_not_found')
    const bad = await decide(law.cast.drafter, plainThread.id, 'maybe')
    expect(bad.status).toBe(400)
    const noDoc = await post(law.cast.drafter, `/api/documents/no-such-doc/threads/${plainThread.id}/proposal`, { decision: 'accept' })
    expect(noDoc.status).toBe(404)
  })

  it("gives the reasons accepted wordings were proposed with in the comparative table's Justification column, as text", async () => {
    const client = law.connect(law.cast.drafter)
    await waitSynced(client)
    const before = (await (await post(law.cast.owner, `/api/documents/${law.docId}/versions`, { name: 'Before the reasons' })).json()) as { id: string }
    const make = async (article: number, block: number, words: string, proposal: string, body: string) => {
      const res = await post(law.cast.reviewer, threadsPath(), { articleId: articleId(client.ydoc, article), anchor: anchorOn(client.ydoc, article, block, words), body, proposal })
      expect(res.status).toBe(201)
      return (await res.json()) as ThreadView
    }
    const reason = `Shorter ${XSS}\nand one body only`
    const accepted = await make(7, 1, 'designate or establish a national body', 'establish a national body', reason)
    const declined = await make(8, 1, 'approved by the government', 'adopted by the government', 'Declined, so no reason')
    // Its first comment deleted, the reply after it is no reason: only what the wording was proposed with is.
    const unexplained = await make(7, 2, 'and shall make it public', 'and shall publish it', 'Soon deleted')
    const reply = await post(law.cast.drafter, `${threadsPath()}/${unexplained.id}/comments`, { body: 'A reply is no reason' })
    expect(reply.status).toBe(201)
    expect((await law.cast.reviewer.api(`${threadsPath()}/${unexplained.id}/comments/${unexplained.comments[0].id}`, { method: 'DELETE' })).status).toBe(200)
    await post(law.cast.reviewer, `${threadsPath()}/${accepted.id}/comments`, { body: 'A later word is no reason either' })
    for (const [thread, decision] of [[accepted, 'accept'], [unexplained, 'accept'], [declined, 'decline']] as const) {
      expect((await decide(law.cast.drafter, thread.id, decision)).status).toBe(200)
    }
    await waitFor(() => expect(textOfBlock(articleBlockText(client.ydoc, 7, 2))).toContain('and shall publish it'))

    const coordinating = articleId(client.ydoc, 7)
    const compared = await law.cast.owner.json<{ reasons: Record<string, { organization: { shortName: string }; text: string }[]> }>(
      `/api/documents/${law.docId}/compare?from=${before.id}&to=current`,
    )
    expect(compared.reasons[coordinating]).toEqual([{ organization: expect.objectContaining({ shortName: 'MoI' }), text: reason }])
    expect(compared.reasons[articleId(client.ydoc, 8)]).toBeUndefined()

    const base = `/api/documents/${law.docId}/comparative-table?from=${before.id}&to=current`
    const html = await (await law.cast.owner.api(`${base}&format=html&justification=1`)).text()
    expect(html).toMatch(/<td class="justification"><p><b><abbr title="[^"]+">MoI<\/abbr>:<\/b> Shorter &lt;img src=x onerror=alert\(1\)&gt;<br>and one body only<\/p><\/td><\/tr>/)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/no reason|Soon deleted/)
    expect(await (await law.cast.owner.api(`${base}&format=html`)).text()).not.toContain('Shorter')

    const docx = async (query: string) => readZipEntry(new Uint8Array(await (await law.cast.owner.api(`${base}&format=docx${query}`)).arrayBuffer()), 'word/document.xml')
    const asked = await docx('&justification=1')
    expect(asked).toMatch(/<w:t[^>]*>MoI: <\/w:t>[\s\S]*?<w:t[^>]*>Shorter &lt;img src=x onerror=alert\(1\)&gt;<\/w:t>[\s\S]*?<w:br\/>[\s\S]*?<w:t[^>]*>and one body only<\/w:t>/)
    expect(asked).not.toMatch(/no reason|Soon deleted/)
    expect(await docx('')).not.toContain('Shorter')
  })

  it('lists the open proposed wordings as a table of amendments, in the order of the text: each provision now and as proposed, who and why', async () => {
    const { id: docId } = await createDocument(law.cast.owner, { title: 'Amended law', template: 'sample' })
    await shareWithCast(law.cast, docId)
    const client = connectClient(law.server.wsUrl, docId, { cookie: law.cast.drafter.cookie })
    law.clients.push(client)
    await waitSynced(client)
    const path = `/api/documents/${docId}/threads`
    const make = async (article: number, words: string, proposal: string, body: string) => {
      const res = await post(law.cast.reviewer, path, { articleId: articleId(client.ydoc, article), anchor: anchorOn(client.ydoc, article, 1, words), body, proposal })
      expect(res.status).toBe(201)
      return (await res.json()) as ThreadView
    }
    const table = (format: string, account = law.cast.observer) => account.api(`/api/documents/${docId}/amendments-table?format=${format}`)
    expect(await (await table('html')).text()).toContain('<td colspan="5">No proposed wording is awaiting a decision.</td>')
    // Proposed in the reverse of the text's order; one declined, one accepted: neither awaits a decision.
    await make(8, 'approved by the government', 'adopted by the government', `Per the Constitution ${XSS}\nArticle 12.`)
    await make(2, 'guided by the following principles', 'guided by these principles', 'Shorter.')
    const declined = await make(7, 'designate or establish', 'establish', 'Declined')
    const accepted = await make(0, 'legal and organizational framework', 'legal framework', 'Accepted')
    expect((await post(law.cast.drafter, `${path}/${declined.id}/proposal`, { decision: 'decline' })).status).toBe(200)
    expect((await post(law.cast.drafter, `${path}/${accepted.id}/proposal`, { decision: 'accept' })).status).toBe(200)

    // On the title, a preamble paragraph and a chapter heading: each under its own name, first in the text's order.
    const on = (text: Y.XmlText, words: string) => {
      const index = textOfBlock(text).indexOf(words)
      return createAnchor({ text, index }, { text, index: index + words.length })
    }
    const chapter = nthElement(client.ydoc, 'chapter', 0)
    const places = [
      { articleId: 'title', anchor: on(nthElement(client.ydoc, 'lawTitle', 0).get(0) as Y.XmlText, 'Model Law'), proposal: 'Model Act' },
      { articleId: 'preamble', anchor: on(nthElement(client.ydoc, 'paragraph', 0).get(0) as Y.XmlText, 'human dignity'), proposal: 'the dignity of the person' },
      { articleId: chapter.getAttribute('id') as string, anchor: on(chapter.get(0) as Y.XmlText, 'General'), proposal: 'Common' },
    ]
    for (const place of places) expect((await post(law.cast.reviewer, path, { ...place, body: 'Style.' })).status).toBe(201)
    const whole = await (await table('html')).text()
    expect([...whole.matchAll(/<tr data-kind="(\w+)"/g)].map((m) => m[1])).toEqual(['title', 'preamble', 'chapter', 'article', 'article'])
    const [title, preamble, heading] = [...whole.matchAll(/<tr data-kind[\s\S]*?<\/tr>/g)].map((m) => [...m[0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]))
    // Numbered as a meeting refers to them, in the order of the text.
    expect([title[0], preamble[0], heading[0]]).toEqual(['1.', '2.', '3.'])
    expect(title[2]).toBe('<p class="title">Model <ins>Act</ins> On Combating Human Trafficking</p>')
    expect(preamble[1]).toMatch(/^<p class="preamble">Preamble <\/p><p class="preamble">Recognizing that human trafficking gravely violates <del>human<\/del> dignity/)
    expect(heading[2]).toBe('<p class="chapter">Chapter I. <ins>Common</ins> provisions</p>')
    for (const thread of (await law.cast.owner.json<ThreadView[]>(path)).filter((t) => t.comments[0].body === 'Style.')) {
      expect((await post(law.cast.drafter, `${path}/${thread.id}/proposal`, { decision: 'decline' })).status).toBe(200)
    }

    const res = await table('html')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Amended%20law%20%E2%80%94%20table%20of%20amendments.html")
    const html = await res.text()
    expect(html).toContain('<thead><tr><th class="number">No.</th><th>Text of the draft</th><th>Proposed wording</th><th class="proposed-by">Proposed by</th><th class="justification">Justification</th></tr></thead>')
    const rows = [...html.matchAll(/<tr data-kind="article"[\s\S]*?<\/tr>/g)].map((m) => m[0])
    expect(rows).toHaveLength(2)
    const cells = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1])
    const [principles, plan] = rows.map(cells).map(([number, ...rest]) => {
      expect(number).toMatch(/^\d\.$/)
      return rest
    })
    expect(rows.map((row) => cells(row)[0])).toEqual(['1.', '2.'])
    expect(principles[0]).toBe('<p class="heading">Article 3. Guiding principles</p><p class="clause">Measures taken under this Law shall be guided by <del>the following</del> principles:</p>')
    expect(principles[1]).toBe('<p class="heading">Article 3. Guiding principles</p><p class="clause">Measures taken under this Law shall be guided by <ins>these</ins> principles:</p>')
    expect(principles[2]).toBe('<p><abbr title="Ministry of Interior">MoI</abbr></p>')
    expect(principles[3]).toBe('<p><b><abbr title="Ministry of Interior">MoI</abbr>:</b> Shorter.</p>')
    expect(plan[0]).toMatch(/^<p class="heading">Article 9\. National action plan<\/p><p class="clause">The national action plan against human trafficking is <del>approved<\/del> by the government/)
    expect(plan[3]).toBe('<p><b><abbr title="Ministry of Interior">MoI</abbr>:</b> Per the Constitution &lt;img src=x onerror=alert(1)&gt;<br>Article 12.</p>')
    expect(html).not.toMatch(/<img|Declined|Accepted/)

    const docx = await table('docx')
    expect(docx.status).toBe(200)
    const xml = readZipEntry(new Uint8Array(await docx.arrayBuffer()), 'word/document.xml')
    expect(xml).toMatch(/<w:t[^>]*>Table of amendments<\/w:t>/)
    expect(xml).toMatch(/<w:t[^>]*>No\.<\/w:t>[\s\S]*?<w:t[^>]*>Text of the draft<\/w:t>/)
    expect(xml).toMatch(/<w:t[^>]*>2\.<\/w:t>[\s\S]*?National action plan/)
    expect(xml).toMatch(/<w:t[^>]*>MoI: <\/w:t>[\s\S]*?<w:t[^>]*>Shorter\.<\/w:t>/)
    expect(xml.indexOf('Guiding principles')).toBeLessThan(xml.indexOf('National action plan'))
    // Read access, and a format it knows.
    expect((await table('html', law.cast.stranger)).status).toBe(403)
    const wrong = await table('pdf')
    expect(wrong.status).toBe(400)
    expect(await errorCode(wrong)).toBe('validation_failed')
    expect((await law.cast.observer.api('/api/documents/no-such-doc/amendments-table')).status).toBe(404)
  })

  it('keeps a hostile proposal as text: in the thread, in the accepted text and in the report', async () => {
    const client = law.connect(law.cast.drafter)
    await waitSynced(client)
    const thread = await propose(law.cast.reviewer, client.ydoc, 0, 1, 'legal and organizational framework', `  legal ${XSS} framework  `)
    expect(thread.proposal!.text).toBe(`legal ${XSS} framework`)
    const report = await (await law.cast.observer.api(`/api/documents/${law.docId}/review-report?format=html&status=all`)).text()
    expect(report).toContain('Proposed wording')
    expect(report).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(report).not.toMatch(/<img/i)

    expect((await decide(law.cast.drafter, thread.id, 'accept')).status).toBe(200)
    await waitFor(() => expect(textOfBlock(articleBlockText(client.ydoc, 0, 1))).toContain(`sets out the legal ${XSS} framework for preventing`))
    const after = await (await law.cast.observer.api(`/api/documents/${law.docId}/review-report?format=html&status=all`)).text()
    expect(after).toMatch(/accepted by Boris Drafter/)
    expect(after).not.toMatch(/<img/i)
  })
})
