import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { ThreadView } from '../../shared/api'
import { contentDisposition } from '../../server/export/filename'
import { createAnchor, resolveAnchor, textBetween, textOfBlock } from '../../shared/comments/anchor'
import { TEXT_FIELD } from '../../shared/protocol'
import { removeDir, startTestServer, tempDataDir } from '../helpers/server'
import { bindAccount, createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { onSampleLaw } from '../helpers/sampleLaw'
import { articleBlockText, connectClient, nthElement, waitSaved, waitSynced } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { anchorOn, articleId } from '../helpers/anchorOn'

const XSS = '<img src=x onerror=alert(1)>'

/** The words a thread's anchor covers in `ydoc` now, or its state when it is not live. */
function wordsOf(ydoc: Y.Doc, thread: ThreadView): string {
  const resolution = resolveAnchor(ydoc, thread.anchor!)
  return resolution.state === 'live' ? textBetween(resolution.start, resolution.end) : `(${resolution.state})`
}

describe('review threads over the real server', () => {
  const law = onSampleLaw()
  const threadsPath = () => `/api/documents/${law.docId}/threads`
  const post = (account: Account, path: string, body: unknown) => account.api(path, { method: 'POST', body: JSON.stringify(body) })
  const patch = (account: Account, path: string, body: unknown) => account.api(path, { method: 'PATCH', body: JSON.stringify(body) })
  const list = (account: Account) => account.json<ThreadView[]>(threadsPath())
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

  it('lets a reviewer comment on a passage of Article 3; the drafter is told at once', async () => {
    const drafter = law.connect(law.cast.drafter)
    const reviewer = law.connect(law.cast.reviewer)
    await Promise.all([waitSynced(drafter), waitSynced(reviewer)])
    const words = 'guided by the following principles'
    const res = await post(law.cast.reviewer, threadsPath(), { articleId: articleId(reviewer.ydoc, 2), anchor: anchorOn(reviewer.ydoc, 2, 1, words), body: 'Which principles exactly?' })
    expect(res.status).toBe(201)
    const thread = (await res.json()) as ThreadView
    expect(thread).toMatchObject({ articleId: articleId(reviewer.ydoc, 2), quote: words, status: 'open', createdBy: { displayName: 'Rita Reviewer' } })
    expect(thread.organization.shortName).toBe('MoI')
    expect(thread.comments).toHaveLength(1)
    expect(thread.comments[0]).toMatchObject({ body: 'Which principles exactly?', author: { id: law.cast.reviewer.user.id }, canEdit: true, canDelete: true, deleted: false })

    await waitFor(() => expect(drafter.threadEvents).toContainEqual({ threadId: thread.id, change: 'created' }))
    const seen = (await list(law.cast.drafter)).find((t) => t.id === thread.id)!
    // The drafter may not edit or delete the reviewer's comment, and is told so by the server.
    expect(seen.comments[0]).toMatchObject({ canEdit: false, canDelete: false })
    expect(wordsOf(drafter.ydoc, seen)).toBe(words)
  })

  it('refuses observers and strangers (403); an observer still reads the threads', async () => {
    const client = law.connect(law.cast.observer)
    await waitSynced(client)
    const body = { articleId: articleId(client.ydoc, 0), anchor: null, body: 'I should not be able to say this' }
    for (const who of [law.cast.observer, law.cast.stranger]) {
      const res = await post(who, threadsPath(), body)
      expect(res.status).toBe(403)
      expect(await errorCode(res)).toBe('forbidden')
    }
    expect((await law.cast.observer.api(threadsPath())).status).toBe(200)
    expect((await law.cast.stranger.api(threadsPath())).status).toBe(403)
    expect((await fetch(`${law.server.url}${threadsPath()}`)).status).toBe(401)
    const threads = await list(law.cast.owner)
    expect(threads.flatMap((t) => t.comments.map((c) => c.body))).not.toContain(body.body)
  })

  it('stores a body with markup verbatim, returns it as text, and escapes it in the HTML report', async () => {
    const client = law.connect(law.cast.reviewer)
    await waitSynced(client)
    const res = await post(law.cast.reviewer, threadsPath(), { articleId: articleId(client.ydoc, 0), anchor: null, body: `  ${XSS}  ` })
    expect(res.status).toBe(201)
    const thread = (await res.json()) as ThreadView
    expect(thread.comments[0].body).toBe(XSS) // trimmed, otherwise untouched
    expect(thread.anchor).toBeNull()
    expect(thread.quote).toBe('Purpose of this Law')
    expect((await list(law.cast.owner)).find((t) => t.id === thread.id)!.comments[0].body).toBe(XSS)

    const report = await law.cast.owner.api(`/api/documents/${law.docId}/review-report?format=html&status=all`)
    expect(report.status).toBe(200)
    expect(report.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Named after the draft, as the other downloads are (it was review-report-<id>.html).
    const { title } = await law.cast.owner.json<{ title: string }>(`/api/documents/${law.docId}`)
    expect(report.headers.get('content-disposition')).toBe(contentDisposition(`${title} — Review report`, 'html'))
    expect(report.headers.get('content-disposition')).toMatch(/^attachment; filename="Sample_law_/)
    const html = await report.text()
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toMatch(/<img/i)
    expect(html).toContain('Article 1. Purpose of this Law')
    expect(html).toContain('Rita Reviewer (Ministry of Interior, MoI)')
  })

  it('lets authors edit their comments, authors and owners delete them; deleting the last comment deletes the thread', async () => {
    const client = law.connect(law.cast.reviewer)
    await waitSynced(client)
    const created = (await (await post(law.cast.reviewer, threadsPath(), { articleId: articleId(client.ydoc, 1), anchor: null, body: 'First' })).json()) as ThreadView
    const threadPath = `${threadsPath()}/${created.id}`
    const reply = (await (await post(law.cast.drafter, `${threadPath}/comments`, { body: 'Answer' })).json()) as ThreadView
    const [first, answer] = reply.comments
    expect(answer).toMatchObject({ body: 'Answer', canEdit: true, canDelete: true })

    // Editing: only the author.
    expect((await patch(law.cast.drafter, `${threadPath}/comments/${first.id}`, { body: 'Hijacked' })).status).toBe(403)
    expect((await patch(law.cast.owner, `${threadPath}/comments/${first.id}`, { body: 'Hijacked' })).status).toBe(403)
    const edited = await patch(law.cast.reviewer, `${threadPath}/comments/${first.id}`, { body: 'First, clarified' })
    expect(edited.status).toBe(200)
    const afterEdit = ((await edited.json()) as ThreadView).comments[0]
    expect(afterEdit.body).toBe('First, clarified')
    expect(afterEdit.editedAt).not.toBeNull()

    // Deleting: the author, or an owner; nobody else.
    expect((await law.cast.drafter.api(`${threadPath}/comments/${first.id}`, { method: 'DELETE' })).status).toBe(403)
    expect((await law.cast.observer.api(`${threadPath}/comments/${answer.id}`, { method: 'DELETE' })).status).toBe(403)
    const byOwner = await law.cast.owner.api(`${threadPath}/comments/${first.id}`, { method: 'DELETE' })
    expect(byOwner.status).toBe(200)
    expect(((await byOwner.json()) as ThreadView).comments[0]).toMatchObject({ deleted: true, body: '', canEdit: false, canDelete: false })
    // A deleted comment cannot be edited or deleted again.
    expect((await patch(law.cast.reviewer, `${threadPath}/comments/${first.id}`, { body: 'Back' })).status).toBe(404)
    expect(await errorCode(await patch(law.cast.reviewer, `${threadPath}/comments/${first.id}`, { body: 'Back' }))).toBe('comment_not_found')

    const last = await law.cast.drafter.api(`${threadPath}/comments/${answer.id}`, { method: 'DELETE' })
    expect(last.status).toBe(204)
    expect((await list(law.cast.owner)).map((t) => t.id)).not.toContain(created.id)
    const gone = await post(law.cast.drafter, `${threadPath}/comments`, { body: 'Anyone?' })
    expect(gone.status).toBe(404)
    expect(await errorCode(gone)).toBe('thread_not_found')
  })

  it('lets anyone who may comment resolve and reopen a thread, live for the others; a reply reopens it too', async () => {
    const watcher = law.connect(law.cast.observer)
    await waitSynced(watcher)
    const created = (await (await post(law.cast.reviewer, threadsPath(), { articleId: articleId(watcher.ydoc, 3), anchor: null, body: 'Resolve me' })).json()) as ThreadView
    const threadPath = `${threadsPath()}/${created.id}`
    const resolved = await patch(law.cast.drafter, threadPath, { status: 'resolved' })
    expect(resolved.status).toBe(200)
    expect((await resolved.json()) as ThreadView).toMatchObject({ status: 'resolved', resolvedBy: { id: law.cast.drafter.user.id } })
    await waitFor(() => expect(watcher.threadEvents.filter((e) => e.threadId === created.id).map((e) => e.change)).toEqual(['created', 'updated']))
    expect((await patch(law.cast.observer, threadPath, { status: 'open' })).status).toBe(403)
    const reopened = (await (await patch(law.cast.reviewer, threadPath, { status: 'open' })).json()) as ThreadView
    expect(reopened).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null })
    // Who resolved it and who opened it again are kept, in order, and the report says who reopened it.
    expect(reopened.history.map((e) => [e.kind, e.by.id])).toEqual([['resolved', law.cast.drafter.user.id], ['reopened', law.cast.reviewer.user.id]])
    expect(reopened.history[0].at <= reopened.history[1].at).toBe(true)
    expect((await list(law.cast.observer)).find((t) => t.id === created.id)?.history).toEqual(reopened.history)
    expect(await (await law.cast.observer.api(`/api/documents/${law.docId}/review-report?status=open&format=html`)).text()).toContain(`Open (reopened by ${law.cast.reviewer.user.displayName}, `)

    // The report of open threads has it; resolved, only the report of all threads does.
    const openReport = async () => (await law.cast.observer.api(`/api/documents/${law.docId}/review-report?status=open`)).text()
    expect(await openReport()).toContain('Resolve me')
    await patch(law.cast.owner, threadPath, { status: 'resolved' })
    expect(await openReport()).not.toContain('Resolve me')
    expect(await (await law.cast.observer.api(`/api/documents/${law.docId}/review-report?status=all&format=html`)).text()).toContain('Resolve me')

    // A reply to the resolved thread opens it again, live, in the same write; a reply to an open one leaves it open.
    const events = () => watcher.threadEvents.filter((e) => e.threadId === created.id).length
    const seen = events()
    const answered = await post(law.cast.reviewer, `${threadPath}/comments`, { body: 'Not settled for us' })
    expect(answered.status).toBe(201)
    const answeredView = (await answered.json()) as ThreadView
    expect(answeredView).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null, comments: [{ body: 'Resolve me' }, { body: 'Not settled for us' }] })
    expect(answeredView.history.map((e) => e.kind)).toEqual(['resolved', 'reopened', 'resolved', 'reopened'])
    expect(answeredView.history.at(-1)).toMatchObject({ by: { id: law.cast.reviewer.user.id }, at: answeredView.comments[1].createdAt })
    await waitFor(() => expect(events()).toBe(seen + 1))
    expect((await list(law.cast.observer)).find((t) => t.id === created.id)).toMatchObject({ status: 'open' })
    expect(await openReport()).toContain('Not settled for us')
    const again = await post(law.cast.drafter, `${threadPath}/comments`, { body: 'Looking at it' })
    expect((await again.json()) as ThreadView).toMatchObject({ status: 'open', resolvedBy: null })
    // An observer's refused reply opens nothing.
    await patch(law.cast.owner, threadPath, { status: 'resolved' })
    expect((await post(law.cast.observer, `${threadPath}/comments`, { body: 'Me too' })).status).toBe(403)
    const last = (await list(law.cast.owner)).find((t) => t.id === created.id)!
    expect(last).toMatchObject({ status: 'resolved', resolvedBy: { id: law.cast.owner.user.id } })
    expect(last.history.map((e) => e.kind)).toEqual(['resolved', 'reopened', 'resolved', 'reopened', 'resolved'])
  })

  it('serves the review report as DOCX, and refuses unknown formats', async () => {
    const res = await law.cast.reviewer.api(`/api/documents/${law.docId}/review-report?format=docx&status=all`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK')
    const bad = await law.cast.reviewer.api(`/api/documents/${law.docId}/review-report?format=pdf`)
    expect(bad.status).toBe(400)
    expect(await errorCode(bad)).toBe('validation_failed')
    expect((await law.cast.stranger.api(`/api/documents/${law.docId}/review-report`)).status).toBe(403)
  })

  it('validates bodies and anchors, and requires the CSRF token', async () => {
    const client = law.connect(law.cast.drafter)
    await waitSynced(client)
    const id = articleId(client.ydoc, 0)
    const expectRefused = async (body: unknown, status: number, code: string) => {
      const res = await post(law.cast.drafter, threadsPath(), body)
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      expect(await errorCode(res)).toBe(code)
    }
    await expectRefused({ articleId: id, anchor: null, body: '   ' }, 400, 'validation_failed')
    await expectRefused({ articleId: id, anchor: null, body: 'x'.repeat(5001) }, 400, 'validation_failed')
    await expectRefused({ articleId: id, anchor: { start: 'not base64!', end: 'AAAA' }, body: 'Hello' }, 400, 'validation_failed')
    await expectRefused({ articleId: 'no-such-article', anchor: null, body: 'Hello' }, 400, 'anchor_invalid')
    // A passage in Article 2 claimed for Article 1; a passage in a chapter heading; one spanning two articles.
    await expectRefused({ articleId: id, anchor: anchorOn(client.ydoc, 1, 1, 'This Law applies'), body: 'Hello' }, 400, 'anchor_invalid')
    const chapter = nthElement(client.ydoc, 'chapter', 0).get(0) as Y.XmlText
    await expectRefused({ articleId: id, anchor: createAnchor({ text: chapter, index: 0 }, { text: chapter, index: 3 }), body: 'Hello' }, 400, 'anchor_invalid')
    const across = createAnchor({ text: articleBlockText(client.ydoc, 0, 1), index: 2 }, { text: articleBlockText(client.ydoc, 1, 1), index: 4 })
    await expectRefused({ articleId: id, anchor: across, body: 'Hello' }, 400, 'anchor_invalid')

    // Words the server has not received yet: "try again once saved".
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(client.ydoc))
    articleBlockText(local, 0, 1).insert(0, 'Unsent words. ')
    await expectRefused({ articleId: id, anchor: anchorOn(local, 0, 1, 'Unsent words'), body: 'Hello' }, 409, 'anchor_not_synced')

    const noCsrf = await law.cast.drafter.api(threadsPath(), { method: 'POST', body: JSON.stringify({ articleId: id, anchor: null, body: 'Hello' }), headers: { 'x-csrf-token': 'wrong' } })
    expect(noCsrf.status).toBe(403)
    expect(await errorCode(noCsrf)).toBe('csrf_token_invalid')
  })

  it('takes comments on words of the title, the preamble and a chapter heading, and on each as a whole, and a wording proposed for the preamble', async () => {
    const drafter = law.connect(law.cast.drafter)
    const reviewer = law.connect(law.cast.reviewer)
    await Promise.all([waitSynced(drafter), waitSynced(reviewer)])
    const textIn = (name: string) => nthElement(reviewer.ydoc, name, 0).get(0) as Y.XmlText
    const on = (text: Y.XmlText, words: string) => {
      const index = textOfBlock(text).indexOf(words)
      return createAnchor({ text, index }, { text, index: index + words.length })
    }
    const preamble = nthElement(reviewer.ydoc, 'paragraph', 0).get(0) as Y.XmlText
    const chapter = nthElement(reviewer.ydoc, 'chapter', 0)
    const cases = [
      { articleId: 'title', anchor: on(textIn('lawTitle'), 'Model Law'), quote: 'Model Law' },
      { articleId: 'preamble', anchor: on(preamble, 'human dignity'), quote: 'human dignity' },
      { articleId: chapter.getAttribute('id') as string, anchor: on(chapter.get(0) as Y.XmlText, 'General'), quote: 'General' },
    ]
    for (const { articleId: place, anchor, quote } of cases) {
      const res = await post(law.cast.reviewer, threadsPath(), { articleId: place, anchor, body: `On ${quote}` })
      expect(res.status, place).toBe(201)
      expect((await res.json()) as ThreadView).toMatchObject({ articleId: place, quote })
    }
    // Words of the preamble claimed for the title.
    const refused = await post(law.cast.reviewer, threadsPath(), { articleId: 'title', anchor: cases[1].anchor, body: 'Hello' })
    expect([refused.status, await errorCode(refused)]).toEqual([400, 'anchor_invalid'])
    // Threads on a whole place: quoting its heading (the title's words; nothing of the preamble).
    for (const [place, quote] of [['title', textOfBlock(textIn('lawTitle'))], ['preamble', ''], [cases[2].articleId, 'General provisions']]) {
      const res = await post(law.cast.reviewer, threadsPath(), { articleId: place, anchor: null, body: `All of ${place}` })
      expect(res.status, place).toBe(201)
      expect((await res.json()) as ThreadView).toMatchObject({ articleId: place, anchor: null, quote })
    }

    const proposed = await post(law.cast.reviewer, threadsPath(), { articleId: 'preamble', anchor: on(preamble, 'gravely violates'), body: 'Stronger', proposal: 'grossly violates' })
    expect(proposed.status).toBe(201)
    const thread = (await proposed.json()) as ThreadView
    const accepted = await post(law.cast.drafter, `${threadsPath()}/${thread.id}/proposal`, { decision: 'accept' })
    expect(accepted.status).toBe(200)
    await waitFor(() => expect(textOfBlock(nthElement(drafter.ydoc, 'paragraph', 0).get(0) as Y.XmlText)).toMatch(/^Recognizing that human trafficking grossly violates human dignity/))
    // The thread on "human dignity", next to the words replaced, still reads them.
    const onDignity = (await list(law.cast.drafter)).find((t) => t.quote === 'human dignity')!
    expect(wordsOf(drafter.ydoc, onDignity)).toBe('human dignity')

    const report = await (await law.cast.owner.api(`/api/documents/${law.docId}/review-report?format=html&status=open`)).text()
    const order = ['<h2 data-article-id="title">Title</h2>', '<h2 data-article-id="preamble">Preamble</h2>', `data-article-id="${chapter.getAttribute('id')}">Chapter I. General provisions</h2>`]
    const at = order.map((h) => report.indexOf(h))
    expect(at.every((i) => i >= 0), at.join()).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(at[2]).toBeLessThan(report.indexOf('Article 1.'))
  })

  it('keeps two overlapping comments on the same words, through edits and a server restart', async () => {
    const dataDir = await tempDataDir()
    let own = await startTestServer({ dataDir })
    try {
      const owner = await setupAdmin(own.url)
      const { id } = await createDocument(owner, { title: 'Overlaps', template: 'sample' })
      const path = `/api/documents/${id}/threads`
      let client = connectClient(own.wsUrl, id, { cookie: owner.cookie })
      law.clients.push(client)
      await waitSynced(client)
      const sentence = 'respect for human rights and for the dignity of every person'
      const wide = anchorOn(client.ydoc, 2, 2, sentence)
      const narrow = anchorOn(client.ydoc, 2, 2, 'human rights and for the dignity')
      const article = articleId(client.ydoc, 2)
      for (const [anchor, body] of [[wide, 'On the whole point'], [narrow, 'On the middle words']] as const) {
        expect((await owner.api(path, { method: 'POST', body: JSON.stringify({ articleId: article, anchor, body }) })).status).toBe(201)
      }
      // Edits before, inside and after both passages.
      const text = articleBlockText(client.ydoc, 2, 2)
      client.ydoc.transact(() => {
        text.insert(textOfBlock(text).indexOf('dignity'), 'inherent ')
        text.insert(0, 'full ')
        text.insert(text.length - 1, ' without exception')
      })
      await waitSaved(client)
      const check = async (account: Account, baseUrl: string, ydoc: Y.Doc) => {
        const threads = (await bindAccount(baseUrl, account).json<ThreadView[]>(path)).sort((a, b) => a.quote.length - b.quote.length)
        expect(threads.map((t) => t.comments[0].body)).toEqual(['On the middle words', 'On the whole point'])
        expect(threads.map((t) => wordsOf(ydoc, t))).toEqual([
          'human rights and for the inherent dignity',
          'respect for human rights and for the inherent dignity of every person',
        ])
      }
      await check(owner, own.url, client.ydoc)

      client.destroy()
      await own.close()
      own = await startTestServer({ dataDir })
      client = connectClient(own.wsUrl, id, { cookie: owner.cookie })
      law.clients.push(client)
      await waitSynced(client)
      await check(owner, own.url, client.ydoc)
    } finally {
      await own.close()
      await removeDir(dataDir)
    }
  })

  it('finds a passage again when its article was moved (deleted and inserted again with the same ids)', async () => {
    const client = law.connect(law.cast.drafter)
    await waitSynced(client)
    const words = 'whether national or transnational'
    const created = (await (await post(law.cast.drafter, threadsPath(), { articleId: articleId(client.ydoc, 1), anchor: anchorOn(client.ydoc, 1, 1, words), body: 'Moved?' })).json()) as ThreadView
    // What the editor binding does for "move article up": the element goes, a copy comes back.
    const fragment = client.ydoc.getXmlFragment(TEXT_FIELD)
    const moved = nthElement(client.ydoc, 'article', 1)
    const index = fragment.toArray().indexOf(moved)
    const copy = moved.clone()
    client.ydoc.transact(() => {
      fragment.delete(index, 1)
      fragment.insert(index - 1, [copy])
    })
    await waitSaved(client)
    expect(resolveAnchor(client.ydoc, created.anchor!).state).toBe('orphaned')
    const found = (await list(law.cast.drafter)).find((t) => t.id === created.id)!
    expect(found.anchor).not.toEqual(created.anchor)
    expect(wordsOf(client.ydoc, found)).toBe(words)
  })

  it('finds a passage again when a restore brings back its deleted words, where they were, and only then', async () => {
    const client = law.connect(law.cast.drafter)
    await waitSynced(client)
    const text = articleBlockText(client.ydoc, 4, 1)
    // "the" of "the member states"; the block has "the" (and "they", "their") before it too.
    const index = textOfBlock(text).indexOf('the member states')
    const anchor = createAnchor({ text, index }, { text, index: index + 3 })
    const created = (await (await post(law.cast.drafter, threadsPath(), { articleId: articleId(client.ydoc, 4), anchor, body: 'Which states?' })).json()) as ThreadView
    const versionsPath = `/api/documents/${law.docId}/versions`
    const version = await law.cast.drafter.json<{ id: string }>(versionsPath, { method: 'POST', body: JSON.stringify({ name: 'Before the cut' }) })
    client.ydoc.transact(() => text.delete(index, 'the '.length))
    // Words added after the version, and a thread on them that the restore will delete.
    client.ydoc.transact(() => text.insert(text.length, ' So do the member states.'))
    await waitSaved(client)
    const added = textOfBlock(text).lastIndexOf('the member states')
    const later = createAnchor({ text, index: added }, { text, index: added + 'the member states'.length })
    const doomed = (await (await post(law.cast.drafter, threadsPath(), { articleId: articleId(client.ydoc, 4), anchor: later, body: 'Which?' })).json()) as ThreadView
    // Words deleted by an edit are not searched for: the thread is on deleted text.
    expect(wordsOf(client.ydoc, (await list(law.cast.drafter)).find((t) => t.id === created.id)!)).toBe('(orphaned)')

    expect((await post(law.cast.drafter, `${versionsPath}/${version.id}/restore`, {})).status).toBe(200)
    await waitFor(() => expect(client.threadEvents).toContainEqual({ threadId: created.id, change: 'updated' }))
    await waitFor(() => expect(textOfBlock(articleBlockText(client.ydoc, 4, 1))).toContain('the member states'))
    const found = (await list(law.cast.drafter)).find((t) => t.id === created.id)!
    expect(found.anchor).not.toEqual(created.anchor)
    const resolution = resolveAnchor(client.ydoc, found.anchor!)
    if (resolution.state !== 'live') throw new Error(`the thread is ${resolution.state} after the restore`)
    expect(textBetween(resolution.start, resolution.end)).toBe('the')
    expect(resolution.start.index).toBe(textOfBlock(resolution.start.text).indexOf('the member states'))
    // A thread whose words the restore deleted stays on deleted text, though its quote is in the block.
    const gone = (await list(law.cast.drafter)).find((t) => t.id === doomed.id)!
    expect(gone.anchor).toEqual(doomed.anchor)
    expect(wordsOf(client.ydoc, gone)).toBe('(orphaned)')
  })

  it('limits how fast one person comments (429 with Retry-After)', async () => {
    const client = law.connect(law.cast.owner)
    await waitSynced(client)
    const thread = (await (await post(law.cast.owner, threadsPath(), { articleId: articleId(client.ydoc, 0), anchor: null, body: 'Rate 1' })).json()) as ThreadView
    for (let i = 2; i <= 30; i++) expect((await post(law.cast.owner, `${threadsPath()}/${thread.id}/comments`, { body: `Rate ${i}` })).status).toBe(201)
    const refused = await post(law.cast.owner, `${threadsPath()}/${thread.id}/comments`, { body: 'Rate 31' })
    expect(refused.status).toBe(429)
    expect(await errorCode(refused)).toBe('rate_limited')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // Others are not held back by it.
    expect((await post(law.cast.reviewer, `${threadsPath()}/${thread.id}/comments`, { body: 'Still here' })).status).toBe(201)
  })
})
