import { beforeAll, describe, expect, it } from 'vitest'
import type { ThreadView, WordRemarksInput, WordRemarksResult } from '../../shared/api'
import { textOfBlock } from '../../shared/comments/anchor'
import { bytesSource } from '../../shared/import/fileKind'
import { parseSource } from '../../shared/import/source'
import type { Account } from '../helpers/accounts'
import { answeredInWord } from '../helpers/answeredInWord'
import { anchorOn, articleId } from '../helpers/anchorOn'
import { articleBlockText, connectClient, waitSynced, xmlString } from '../helpers/clients'
import { onSampleLaw } from '../helpers/sampleLaw'

/** The remarks of a Word file, read as the browser reads them (tracked changes proposed). */
async function remarksOf(bytes: Uint8Array): Promise<WordRemarksInput['wordComments']> {
  return (await parseSource(bytesSource('docx', bytes), undefined, undefined, 'propose')).wordComments ?? []
}

describe('remarks from a Word file sent back on a draft (POST /api/documents/:id/word-remarks)', () => {
  const law = onSampleLaw()
  const path = (docId = law.docId, dryRun = false) => `/api/documents/${docId}/word-remarks${dryRun ? '?dryRun=1' : ''}`
  const send = (account: Account, body: unknown, dryRun = false, docId?: string) => account.api(path(docId, dryRun), { method: 'POST', body: JSON.stringify(body) })
  const threads = () => law.cast.owner.json<ThreadView[]>(`/api/documents/${law.docId}/threads`)
  let asked: ThreadView
  let proposing: ThreadView
  /** Words of Article 5 a ministry comments on, and of Article 6 it changes. */
  let commented: string
  let changed: string
  let article5: string
  let article6: string
  let exported: Uint8Array

  beforeAll(async () => {
    const client = connectClient(law.server.wsUrl, law.docId, { cookie: law.cast.reviewer.cookie })
    try {
      await waitSynced(client)
      const passage = textOfBlock(articleBlockText(client.ydoc, 2, 1)).split(' ').slice(0, 4).join(' ')
      const post = (account: Account, p: string, body: unknown) => account.api(p, { method: 'POST', body: JSON.stringify(body) })
      const threadsPath = `/api/documents/${law.docId}/threads`
      asked = await (await post(law.cast.reviewer, threadsPath, { articleId: articleId(client.ydoc, 2), anchor: anchorOn(client.ydoc, 2, 1, passage), body: 'Unclear.' })).json()
      expect((await post(law.cast.drafter, `${threadsPath}/${asked.id}/comments`, { body: 'We will rephrase it.' })).status).toBe(201)
      const words = textOfBlock(articleBlockText(client.ydoc, 3, 1)).split(' ').slice(0, 2).join(' ')
      proposing = await (await post(law.cast.reviewer, threadsPath, { articleId: articleId(client.ydoc, 3), anchor: anchorOn(client.ydoc, 3, 1, words), body: 'Shorter.', proposal: 'Each' })).json()
      expect(proposing.proposal?.text).toBe('Each')
      commented = textOfBlock(articleBlockText(client.ydoc, 4, 1)).split(' ').slice(1, 4).join(' ')
      // A word nowhere before Article 6 (the change is made on its first occurrence in the file).
      const whole = xmlString(client.ydoc)
      changed = textOfBlock(articleBlockText(client.ydoc, 5, 1)).split(' ').find((w) => /^\p{L}{4,}$/u.test(w) && whole.split(w).length === 2)!
      article5 = articleId(client.ydoc, 4)
      article6 = articleId(client.ydoc, 5)
    } finally {
      client.destroy()
    }
    const res = await law.cast.owner.api(`/api/documents/${law.docId}/export?format=docx&comments=1`)
    exported = new Uint8Array(await res.arrayBuffer())
  })

  it('shows, without storing, then adds: replies in Word join the draft’s threads, new remarks and tracked changes become threads on the draft’s words', async () => {
    const answered = answeredInWord(exported, {
      replies: [{ to: 'We will rephrase it.', author: 'МВД', text: 'Agreed, rephrase.' }],
      comments: [{ on: commented, author: 'MFA', text: 'Cite the Convention. <b>here</b>' }],
      changes: [{ words: changed, by: 'UPDATED', author: 'MoJ' }],
    })
    const remarks = await remarksOf(answered)
    expect(remarks).toHaveLength(4)

    const before = await threads()
    const dry = await send(law.cast.reviewer, { wordComments: remarks }, true)
    expect(dry.status).toBe(200)
    const plan = (await dry.json()) as WordRemarksResult
    expect(plan.stored).toBe(false)
    const byFate = (result: WordRemarksResult) => Object.fromEntries(result.outcomes.map((o) => [o.fate === 'replies' || o.fate === 'already' ? o.threadId : o.placeId, o.fate]))
    expect(byFate(plan)).toEqual({ [asked.id]: 'replies', [proposing.id]: 'already', [article5]: 'onWords', [article6]: 'onWords' })
    expect(plan.outcomes.find((o) => o.fate === 'replies')?.replies).toBe(1)
    expect(await threads()).toEqual(before)

    const res = await send(law.cast.reviewer, { wordComments: remarks })
    expect(res.status).toBe(201)
    const result = (await res.json()) as WordRemarksResult
    expect(result.stored).toBe(true)
    expect(byFate(result)).toEqual(byFate(plan))
    const after = await threads()
    expect(after).toHaveLength(before.length + 2)
    const answeredThread = after.find((t) => t.id === asked.id)!
    expect(answeredThread.comments.map((c) => c.body)).toEqual(['Unclear.', 'We will rephrase it.', expect.stringMatching(/^From Word — МВД, 5 December 2026:\nAgreed, rephrase\.$/)])
    expect(answeredThread.comments[2].author.displayName).toBe('Rita Reviewer')
    const remark = after.find((t) => t.articleId === article5 && !before.some((b) => b.id === t.id))!
    expect(remark.quote).toBe(commented)
    expect(remark.anchor).not.toBeNull()
    expect(remark.comments[0].body).toBe('From Word — MFA, 5 December 2026:\nCite the Convention. <b>here</b>')
    const change = after.find((t) => t.articleId === article6 && !before.some((b) => b.id === t.id))!
    expect(change.quote).toContain(changed)
    expect(change.proposal?.text).toContain('UPDATED')
    expect(change.comments[0].body).toMatch(/^Tracked change in Word — MoJ/)

    // The same file again: nothing new.
    const again = (await (await send(law.cast.reviewer, { wordComments: remarks })).json()) as WordRemarksResult
    expect(again.outcomes.map((o) => o.fate)).toEqual(['already', 'already', 'already', 'already'])
    expect(await threads()).toHaveLength(after.length)
  })

  it('resolves the draft’s open threads the file marks done only when asked, and says which they are', async () => {
    const done = await remarksOf(answeredInWord(exported, { replies: [{ to: 'Unclear.', author: 'МВД', text: 'Done, thank you.', done: true }] }))
    const asked1 = (result: WordRemarksResult) => result.outcomes.find((o) => o.threadId === asked.id)!
    const plan = (await (await send(law.cast.reviewer, { wordComments: done, resolveDone: true }, true)).json()) as WordRemarksResult
    expect(asked1(plan)).toMatchObject({ fate: 'replies', doneInWord: true })
    expect(plan.outcomes.filter((o) => o.doneInWord)).toHaveLength(1)
    expect(plan.resolved).toBe(0)
    const status = async () => (await threads()).find((t) => t.id === asked.id)!.status
    expect(await status()).toBe('open')

    // Not asked: the reply is added, the thread stays open.
    const kept = (await (await send(law.cast.reviewer, { wordComments: done })).json()) as WordRemarksResult
    expect(kept.resolved).toBe(0)
    expect(await status()).toBe('open')
    // Asked: resolved, in the adder's name, and the thread is no longer "done in Word" to the next file.
    const resolved = (await (await send(law.cast.owner, { wordComments: done, resolveDone: true })).json()) as WordRemarksResult
    expect(asked1(resolved)).toMatchObject({ fate: 'already', doneInWord: true })
    expect(resolved.resolved).toBe(1)
    const thread = (await threads()).find((t) => t.id === asked.id)!
    expect(thread.status).toBe('resolved')
    expect(thread.resolvedBy?.id).toBe(law.cast.owner.user.id)
    expect(thread.comments.map((c) => c.body).at(-1)).toMatch(/Done, thank you\.$/)
    const again = (await (await send(law.cast.reviewer, { wordComments: done, resolveDone: true }, true)).json()) as WordRemarksResult
    expect(asked1(again).doneInWord).toBe(false)
    // Reopened for the tests after.
    expect((await law.cast.owner.api(`/api/documents/${law.docId}/threads/${asked.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'open' }) })).status).toBe(200)
  })

  it('opens a thread resolved in the draft again when the file answers it, as a reply in Accord does, unless the file marks it done', async () => {
    const patch = (status: string) => law.cast.owner.api(`/api/documents/${law.docId}/threads/${asked.id}`, { method: 'PATCH', body: JSON.stringify({ status }) })
    const thread = async () => (await threads()).find((t) => t.id === asked.id)!
    const outcomeOf = (result: WordRemarksResult) => result.outcomes.find((o) => o.threadId === asked.id)!
    expect((await patch('resolved')).status).toBe(200)
    const answered = await remarksOf(answeredInWord(exported, { replies: [{ to: 'Unclear.', author: 'МВД', text: 'Still unclear to us.' }] }))
    const plan = (await (await send(law.cast.reviewer, { wordComments: answered }, true)).json()) as WordRemarksResult
    expect(outcomeOf(plan)).toMatchObject({ fate: 'replies', replies: 1, reopens: true, doneInWord: false })
    expect(plan.reopened).toBe(0)
    expect((await thread()).status).toBe('resolved')

    const added = (await (await send(law.cast.reviewer, { wordComments: answered })).json()) as WordRemarksResult
    expect(outcomeOf(added)).toMatchObject({ fate: 'replies', reopens: true })
    expect(added.reopened).toBe(1)
    expect(await thread()).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null })
    expect((await thread()).comments.at(-1)?.body).toMatch(/Still unclear to us\.$/)
    // Whoever added the file reopened it, and the thread says so.
    expect((await thread()).history.at(-1)).toMatchObject({ kind: 'reopened', by: { id: law.cast.reviewer.user.id } })

    // Answered and marked done in Word: the reply is added, the thread stays resolved.
    expect((await patch('resolved')).status).toBe(200)
    const settled = await remarksOf(answeredInWord(exported, { replies: [{ to: 'Unclear.', author: 'МВД', text: 'Fine now.', done: true }] }))
    const kept = (await (await send(law.cast.reviewer, { wordComments: settled })).json()) as WordRemarksResult
    expect(outcomeOf(kept)).toMatchObject({ fate: 'replies', reopens: false })
    expect(kept.reopened).toBe(0)
    expect(await thread()).toMatchObject({ status: 'resolved', resolvedBy: { id: law.cast.owner.user.id } })
    expect((await thread()).comments.at(-1)?.body).toMatch(/Fine now\.$/)
    // Open again for the tests after.
    expect((await patch('open')).status).toBe(200)
  })

  it('puts a remark whose words the draft no longer has on the title, quoting them', async () => {
    const wordComments = [{ quote: 'words the draft never had', paragraph: '', resolved: true, comments: [{ author: 'MoI', date: null, text: 'Delete.' }] }]
    const result = (await (await send(law.cast.drafter, { wordComments })).json()) as WordRemarksResult
    expect(result.outcomes).toEqual([{ fate: 'notFound', placeId: 'title', threadId: expect.any(String), replies: 0, doneInWord: false, reopens: false }])
    const thread = (await threads()).find((t) => t.id === result.outcomes[0].threadId)!
    expect(thread.anchor).toBeNull()
    expect(thread.status).toBe('resolved')
    expect(thread.comments[0].body).toBe('On the words “words the draft never had”, not found in the draft.\nFrom Word — MoI:\nDelete.')
  })

  it('refuses those who may not comment, unknown drafts and malformed remarks, storing nothing', async () => {
    const before = await threads()
    const one = { wordComments: [{ quote: 'x', paragraph: '', resolved: false, comments: [{ author: 'A', date: null, text: 'B' }] }] }
    expect((await send(law.cast.observer, one)).status).toBe(403)
    expect((await send(law.cast.stranger, one)).status).toBe(403)
    expect((await send(law.cast.owner, one, false, 'no-such-draft')).status).toBe(404)
    expect((await send(law.cast.owner, { wordComments: [] })).status).toBe(400)
    expect((await send(law.cast.owner, { wordComments: [{ quote: 'x', comments: [] }] })).status).toBe(400)
    expect((await law.cast.owner.api(`${path()}?dryRun=maybe`, { method: 'POST', body: JSON.stringify(one) })).status).toBe(400)
    expect(await threads()).toEqual(before)
  })

  it('answers 429 to a person sending more than a dozen files of remarks a minute (dry runs too), others unaffected', async () => {
    const one = { wordComments: [{ quote: 'x', paragraph: '', resolved: false, comments: [{ author: 'A', date: null, text: 'B' }] }] }
    const statuses: number[] = []
    for (let i = 0; i < 13; i++) statuses.push((await send(law.cast.drafter, one, true)).status)
    // The drafter sent one already, above.
    expect(statuses.slice(0, 11)).toEqual(Array(11).fill(200))
    expect(statuses.slice(11)).toEqual([429, 429])
    const refused = await send(law.cast.drafter, one, true)
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect((await send(law.cast.owner, one, true)).status).toBe(200)
  })
})
