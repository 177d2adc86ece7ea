import { documentDate } from '../../shared/dates'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { AgreementOverview, ApiError, DocumentSummary, ProposalView, VersionDetail, VersionSummary } from '../../shared/api'
import { DB_FILE } from '../../server/db/connection'
import type { TestServer } from '../helpers/server'
import { createDocument, createMember, grant, organization, shareWithCast, type Account, type Cast } from '../helpers/accounts'
import { connectClient, textField, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { validateAkn } from '../helpers/tools'
import { unzipText } from '../helpers/zip'
import { castSuite } from '../helpers/castSuite'

/** Agreement on a version over the real HTTP API: proposals, positions, the agreed state, freezing and exports of versions. */

const docUrl = (id: string) => `/api/documents/${id}`
const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) })
const errorCode = async (res: Response) => ((await res.json()) as ApiError).error.code
const today = () => new Date().toISOString().slice(0, 10)
/** A day as the English exports write it: "1 December 2026". */
const day = (iso: string) => documentDate(iso, 'en')

/** Inserts a new article (with a paragraph) before every other article: the ones after it are renumbered. */
function insertArticleFirst(ydoc: Y.Doc, heading: string): void {
  ydoc.transact(() => {
    const article = new Y.XmlElement('article')
    article.setAttribute('id', 'inserted0001')
    const h = new Y.XmlElement('articleHeading')
    h.insert(0, [new Y.XmlText(heading)])
    const clause = new Y.XmlElement('clause')
    clause.setAttribute('id', 'inserted0001c')
    clause.insert(0, [new Y.XmlText('New words.')])
    article.insert(0, [h, clause])
    const fragment = textField(ydoc)
    const first = fragment.toArray().findIndex((c) => c instanceof Y.XmlElement && (c.nodeName === 'chapter' || c.nodeName === 'article'))
    fragment.insert(first + 1, [article])
  })
}


/** A proposal's articles alone (its provisions also hold the title, the preamble and headings). */
const articlesOnly = (proposal: ProposalView) => proposal.articles.filter((a) => a.label.startsWith('Article'))

describe('agreement on a version', () => {
  let server: TestServer
  let cast: Cast
  /** A second member of the Ministry of Interior (reviewer and observer are its members too). */
  const clients: TestClient[] = []

  const save = (account: Account, docId: string, name: string) => account.json<VersionSummary>(`${docUrl(docId)}/versions`, json({ name }))
  const propose = (account: Account, docId: string, body: Record<string, unknown>) => account.api(`${docUrl(docId)}/agreement/proposals`, json(body))
  const record = (account: Account, docId: string, pid: string, body: Record<string, unknown>) => account.api(`${docUrl(docId)}/agreement/proposals/${pid}/positions`, json(body))
  const withdraw = (account: Account, docId: string, pid: string) => account.api(`${docUrl(docId)}/agreement/proposals/${pid}/withdraw`, { method: 'POST' })
  const overview = (account: Account, docId: string) => account.json<AgreementOverview>(`${docUrl(docId)}/agreement`)
  const exported = (account: Account, docId: string, format: string, extra = '') => account.api(`${docUrl(docId)}/export?format=${format}${extra}`)

  /** A sample draft shared with the cast, a saved "Round 1" and a proposal of it to the Ministries of Justice and Interior. */
  async function proposedDraft(options: { language?: 'en' | 'ru' } = {}) {
    const doc = await createDocument(cast.owner, { title: options.language === 'ru' ? 'Модельный закон' : 'Model law', template: 'sample', language: options.language ?? 'en' })
    await shareWithCast(cast, doc.id)
    const version = await save(cast.owner, doc.id, 'Round 1')
    const res = await propose(cast.owner, doc.id, { versionId: version.id, organizationIds: [cast.justice.id, cast.interior.id], note: 'For the council' })
    expect(res.status).toBe(201)
    return { doc, version, proposal: (await res.json()) as ProposalView }
  }

  castSuite(clients, (started, people) => {
    server = started
    cast = people
  })

  it('only owners propose; the proposal names the version and the required organizations', async () => {
    const doc = await createDocument(cast.owner, { title: 'Model law', template: 'sample' })
    await shareWithCast(cast, doc.id)
    const version = await save(cast.owner, doc.id, 'Round 1')
    const body = { versionId: version.id, organizationIds: [cast.justice.id, cast.interior.id, cast.health.id] }
    for (const account of [cast.drafter, cast.reviewer, cast.observer, cast.stranger]) {
      const res = await propose(account, doc.id, body)
      expect(res.status, account.user.displayName).toBe(403)
      expect(await errorCode(res)).toBe('forbidden')
    }
    // The existing CSRF guard applies.
    const noCsrf = await fetch(`${server.url}${docUrl(doc.id)}/agreement/proposals`, {
      method: 'POST',
      headers: { Cookie: cast.owner.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(noCsrf.status).toBe(403)
    expect(await errorCode(noCsrf)).toBe('csrf_token_invalid')
    expect((await overview(cast.observer, doc.id)).proposals).toEqual([])

    const res = await propose(cast.owner, doc.id, { ...body, note: 'For the council' })
    expect(res.status).toBe(201)
    const proposal = (await res.json()) as ProposalView
    expect(proposal).toMatchObject({
      status: 'proposed',
      note: 'For the council',
      version: { id: version.id, name: 'Round 1' },
      proposedBy: { id: cast.owner.user.id },
      proposedByOrganization: { shortName: 'SEC' },
      agreedAt: null,
      canWithdraw: true,
      canRecord: false,
    })
    expect(proposal.organizations.map((o) => [o.organization.shortName, o.hasAccess, o.current])).toEqual([
      ['MoJ', true, null],
      ['MoI', true, null],
      ['MoH', false, null],
    ])
    // Positions may be stated on every provision: the title, the preamble, headings and articles, in the order of the text.
    expect(proposal.articles.slice(0, 4).map((a) => [a.id.length === 12 ? '(id)' : a.id, a.label, a.heading])).toEqual([
      ['title', 'Title', ''],
      ['preamble', 'Preamble', ''],
      [proposal.articles[2].id, 'Chapter I.', 'General provisions'],
      [proposal.articles[3].id, 'Article 1.', 'Purpose of this Law'],
    ])

    // Everyone who reads the draft sees it, with what they may do; strangers do not.
    const seen = await overview(cast.observer, doc.id)
    expect(seen.canPropose).toBe(false)
    expect(seen.proposals).toHaveLength(1)
    expect(seen.proposals[0]).toMatchObject({ id: proposal.id, canRecord: true, canWithdraw: false })
    expect((await cast.stranger.api(`${docUrl(doc.id)}/agreement`)).status).toBe(403)
    expect((await cast.reviewer.api(`${docUrl(doc.id)}/agreement/proposals/${proposal.id}`)).status).toBe(200)
    expect((await cast.reviewer.api(`${docUrl(doc.id)}/agreement/proposals/nosuchproposal`)).status).toBe(404)
  })

  it('refuses unknown organizations and versions, a second open proposal, and proposing an agreed version again', async () => {
    const { doc, version } = await proposedDraft()
    const other = await save(cast.owner, doc.id, 'Round 2')
    const cases: [Record<string, unknown>, number, string][] = [
      [{ versionId: other.id, organizationIds: [] }, 400, 'validation_failed'],
      [{ versionId: other.id, organizationIds: ['nosuchorg'] }, 400, 'validation_failed'],
      [{ versionId: other.id, organizationIds: [cast.justice.id, cast.justice.id] }, 400, 'validation_failed'],
      [{ versionId: other.id, saveVersion: { name: 'x' }, organizationIds: [cast.justice.id] }, 400, 'validation_failed'],
      [{ organizationIds: [cast.justice.id] }, 400, 'validation_failed'],
      [{ versionId: 'nosuchversion', organizationIds: [cast.justice.id] }, 409, 'agreement_already_open'],
      [{ versionId: other.id, organizationIds: [cast.justice.id] }, 409, 'agreement_already_open'],
    ]
    for (const [body, status, code] of cases) {
      const res = await propose(cast.owner, doc.id, body)
      expect([res.status, await errorCode(res)], JSON.stringify(body)).toEqual([status, code])
    }
    // After a withdrawal, the same version may be proposed again.
    const { proposals } = await overview(cast.owner, doc.id)
    expect((await withdraw(cast.owner, doc.id, proposals[0].id)).status).toBe(200)
    const unknown = await propose(cast.owner, doc.id, { versionId: 'nosuchversion', organizationIds: [cast.justice.id] })
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'version_not_found'])
    expect((await propose(cast.owner, doc.id, { versionId: version.id, organizationIds: [cast.justice.id] })).status).toBe(201)
  })

  it('saves a version on the spot and proposes it', async () => {
    const doc = await createDocument(cast.owner, { title: 'Model law', template: 'sample' })
    const res = await propose(cast.owner, doc.id, { saveVersion: { name: 'Final draft', note: 'As discussed' }, organizationIds: [cast.justice.id] })
    expect(res.status).toBe(201)
    const proposal = (await res.json()) as ProposalView
    expect(proposal.version).toMatchObject({ name: 'Final draft', note: 'As discussed', kind: 'named', author: { id: cast.owner.user.id } })
    const versions = await cast.owner.json<VersionSummary[]>(`${docUrl(doc.id)}/versions`)
    expect(versions.map((v) => v.id)).toEqual([proposal.version.id])
  })

  it('only members of a required organization record its position, attributed to them and their organization', async () => {
    const { doc, proposal } = await proposedDraft()
    // The owner's Secretariat is not required; the Ministry of Health has no access at all.
    const owner = await record(cast.owner, doc.id, proposal.id, { position: 'agree' })
    expect([owner.status, await errorCode(owner)]).toEqual([403, 'not_a_required_organization'])
    expect((await record(cast.stranger, doc.id, proposal.id, { position: 'agree' })).status).toBe(403)
    // Texts: needed for reservations and objections, none with an agreement.
    for (const body of [{ position: 'reservations' }, { position: 'object', text: '   ' }, { position: 'agree', text: 'but' }, { position: 'maybe' }]) {
      const res = await record(cast.drafter, doc.id, proposal.id, body)
      expect([res.status, await errorCode(res)], JSON.stringify(body)).toEqual([400, 'validation_failed'])
    }
    // The details name the field and the problem, for the browser to say in its own words (shared/validation).
    const unwritten = await record(cast.drafter, doc.id, proposal.id, { position: 'object', text: '   ' })
    expect(((await unwritten.json()) as { error: { details: unknown } }).error.details).toEqual([{ path: 'text', problem: 'empty', message: 'a reservation or objection needs its text' }])
    const noCsrf = await fetch(`${server.url}${docUrl(doc.id)}/agreement/proposals/${proposal.id}/positions`, {
      method: 'POST',
      headers: { Cookie: cast.drafter.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ position: 'agree' }),
    })
    expect(noCsrf.status).toBe(403)

    // A drafter of the Ministry of Justice, and an observer of the Ministry of Interior: any role that reads.
    const byJustice = await record(cast.drafter, doc.id, proposal.id, { position: 'object', text: 'Article 2 goes too far.' })
    expect(byJustice.status).toBe(201)
    const view = (await byJustice.json()) as ProposalView
    expect(view.status).toBe('proposed')
    expect(view.organizations[0].current).toMatchObject({ position: 'object', text: 'Article 2 goes too far.', recordedBy: { id: cast.drafter.user.id, displayName: 'Boris Drafter' } })
    expect(view.organizations[1].current).toBeNull()
    const byInterior = await record(cast.observer, doc.id, proposal.id, { position: 'agree' })
    expect(byInterior.status).toBe(201)
    expect(((await byInterior.json()) as ProposalView).organizations[1].current).toMatchObject({ position: 'agree', recordedBy: { displayName: 'Oleg Observer' } })
  })

  it('a later position of the same organization replaces its earlier one; the history is kept', async () => {
    const { doc, proposal } = await proposedDraft()
    expect((await record(cast.reviewer, doc.id, proposal.id, { position: 'object', text: 'Not yet.' })).status).toBe(201)
    expect((await record(cast.observer, doc.id, proposal.id, { position: 'reservations', text: 'Subject to translation.' })).status).toBe(201)
    const view = (await overview(cast.owner, doc.id)).proposals[0]
    const interior = view.organizations[1]
    expect(interior.current).toMatchObject({ position: 'reservations', text: 'Subject to translation.', recordedBy: { displayName: 'Oleg Observer' } })
    expect(interior.earlier).toHaveLength(1)
    expect(interior.earlier[0]).toMatchObject({ position: 'object', text: 'Not yet.', recordedBy: { displayName: 'Rita Reviewer' } })
    expect(interior.earlier[0].recordedAt <= interior.current!.recordedAt).toBe(true)
    // The Ministry of Justice has not spoken: still proposed.
    expect(view.status).toBe('proposed')
  })

  it('per-article positions are labelled by the version’s numbering, checked against its articles', async () => {
    const { doc, proposal } = await proposedDraft()
    const [first, second] = articlesOnly(proposal)
    // The live text changes after the proposal: a new first article renumbers the rest. The version does not.
    const client = connectClient(server.wsUrl, doc.id, { cookie: cast.drafter.cookie })
    clients.push(client)
    await waitSynced(client)
    insertArticleFirst(client.ydoc, 'Inserted later')
    await waitSaved(client)

    const articles = [
      { articleId: second.id, position: 'reservations', text: 'Replace “shall” with “may”.' },
      { articleId: first.id, position: 'agree' },
    ]
    // The whole version's position must be at least as reserved as any article's.
    const tooMild = await record(cast.reviewer, doc.id, proposal.id, { position: 'agree', articles })
    expect([tooMild.status, await errorCode(tooMild)]).toEqual([400, 'validation_failed'])
    const unknown = await record(cast.reviewer, doc.id, proposal.id, { position: 'reservations', text: 'See articles.', articles: [{ articleId: 'inserted0001', position: 'agree' }] })
    expect([unknown.status, await errorCode(unknown)]).toEqual([400, 'validation_failed'])
    const twice = await record(cast.reviewer, doc.id, proposal.id, { position: 'reservations', text: 'x', articles: [articles[1], articles[1]] })
    expect(twice.status).toBe(400)

    const res = await record(cast.reviewer, doc.id, proposal.id, { position: 'reservations', text: 'See the articles.', articles })
    expect(res.status).toBe(201)
    const view = (await res.json()) as ProposalView
    expect(view.organizations[1].current!.articles).toEqual([
      { id: second.id, label: 'Article 2.', heading: second.heading, position: 'reservations', text: 'Replace “shall” with “may”.' },
      { id: first.id, label: 'Article 1.', heading: 'Purpose of this Law', position: 'agree', text: '' },
    ])
  })

  it('is agreed, with the date, when every required organization agrees (reservations count); then it is final', async () => {
    const { doc, proposal } = await proposedDraft()
    expect((await record(cast.drafter, doc.id, proposal.id, { position: 'agree' })).status).toBe(201)
    const res = await record(cast.reviewer, doc.id, proposal.id, { position: 'reservations', text: 'Subject to translation.' })
    const view = (await res.json()) as ProposalView
    expect(view.status).toBe('agreed')
    expect(view.agreedAt!.slice(0, 10)).toBe(today())
    expect(view.canRecord).toBe(false)
    expect(view.canWithdraw).toBe(false)
    // Agreed is final: no more positions, no withdrawal.
    const late = await record(cast.drafter, doc.id, proposal.id, { position: 'object', text: 'Changed our mind.' })
    expect([late.status, await errorCode(late)]).toEqual([409, 'agreement_closed'])
    const pulled = await withdraw(cast.owner, doc.id, proposal.id)
    expect([pulled.status, await errorCode(pulled)]).toEqual([409, 'agreement_closed'])
    // The agreed version cannot be proposed again; another version may be proposed now.
    const again = await propose(cast.owner, doc.id, { versionId: proposal.version.id, organizationIds: [cast.justice.id] })
    expect([again.status, await errorCode(again)]).toEqual([409, 'version_already_proposed'])
    const next = await save(cast.owner, doc.id, 'Round 2')
    expect((await propose(cast.owner, doc.id, { versionId: next.id, organizationIds: [cast.justice.id] })).status).toBe(201)
  })

  it('the drafts list says where each draft stands in agreement, and whose position it awaits', async () => {
    const { doc, proposal } = await proposedDraft()
    const standing = async (account: Account) => (await account.json<DocumentSummary[]>('/api/documents')).find((d) => d.id === doc.id)?.agreement
    const proposed = { status: 'proposed', version: expect.objectContaining({ id: proposal.version.id, name: 'Round 1' }), proposedAt: proposal.proposedAt, agreedAt: null, required: 2 }
    expect(await standing(cast.drafter)).toEqual({ ...proposed, agreeing: 0, yours: 'awaiting' })
    // The Ministry of Health's member… is not required (and has no access: the draft is not listed).
    expect(await standing(cast.stranger)).toBeUndefined()
    // The owner's organization is not required.
    expect(await standing(cast.owner)).toEqual({ ...proposed, agreeing: 0, yours: null })

    expect((await record(cast.reviewer, doc.id, proposal.id, { position: 'object', text: 'Too broad.' })).status).toBe(201)
    expect(await standing(cast.reviewer)).toEqual({ ...proposed, agreeing: 0, yours: 'object' })
    expect((await record(cast.drafter, doc.id, proposal.id, { position: 'reservations', text: 'Subject to translation.' })).status).toBe(201)
    expect(await standing(cast.drafter)).toEqual({ ...proposed, agreeing: 1, yours: 'reservations' })
    // The observer's organization (Interior) changes its mind: agreed.
    const last = await record(cast.reviewer, doc.id, proposal.id, { position: 'agree' })
    const agreed = (await last.json()) as ProposalView
    expect(await standing(cast.observer)).toEqual({ ...proposed, status: 'agreed', agreedAt: agreed.agreedAt, agreeing: 2, yours: 'agree' })

    // A new round proposed: that is what the list shows, until it is withdrawn; then the last agreed again.
    const next = await save(cast.owner, doc.id, 'Round 2')
    const res = await propose(cast.owner, doc.id, { versionId: next.id, organizationIds: [cast.justice.id] })
    const round2 = (await res.json()) as ProposalView
    expect(await standing(cast.reviewer)).toEqual({ status: 'proposed', version: expect.objectContaining({ name: 'Round 2' }), proposedAt: round2.proposedAt, agreedAt: null, required: 1, agreeing: 0, yours: null })
    expect((await withdraw(cast.owner, doc.id, round2.id)).status).toBe(200)
    expect((await standing(cast.reviewer))?.version.name).toBe('Round 1')
  })

  it('an objection or a missing position keeps it proposed; an owner may withdraw it, and then it takes no positions', async () => {
    const { doc, proposal } = await proposedDraft()
    await record(cast.drafter, doc.id, proposal.id, { position: 'agree' })
    let view = (await (await record(cast.reviewer, doc.id, proposal.id, { position: 'object', text: 'Article 3 conflicts with our code.' })).json()) as ProposalView
    expect(view.status).toBe('proposed')
    expect(view.agreedAt).toBeNull()
    expect((await withdraw(cast.drafter, doc.id, proposal.id)).status).toBe(403)
    expect((await withdraw(cast.reviewer, doc.id, proposal.id)).status).toBe(403)
    const res = await withdraw(cast.owner, doc.id, proposal.id)
    expect(res.status).toBe(200)
    view = (await res.json()) as ProposalView
    expect(view).toMatchObject({ status: 'withdrawn', withdrawnBy: { id: cast.owner.user.id } })
    // The positions stay as they were recorded.
    expect(view.organizations[1].current).toMatchObject({ position: 'object' })
    const late = await record(cast.reviewer, doc.id, proposal.id, { position: 'agree' })
    expect([late.status, await errorCode(late)]).toEqual([409, 'agreement_closed'])
    expect((await withdraw(cast.owner, doc.id, proposal.id)).status).toBe(409)
  })

  it('a proposed version is frozen: no route changes or deletes it, nor does the database', async () => {
    const { doc, version, proposal } = await proposedDraft()
    const before = await cast.owner.json<VersionDetail>(`${docUrl(doc.id)}/versions/${version.id}`)
    for (const method of ['DELETE', 'PATCH', 'PUT']) {
      const res = await cast.owner.api(`${docUrl(doc.id)}/versions/${version.id}`, { method, body: JSON.stringify({ name: 'Renamed' }) })
      expect(res.status, method).toBe(405)
    }
    // Restoring another version changes the live text, never the proposed version.
    const other = await save(cast.owner, doc.id, 'Round 2')
    expect((await cast.owner.api(`${docUrl(doc.id)}/versions/${other.id}/restore`, { method: 'POST' })).status).toBe(200)
    expect(await cast.owner.json<VersionDetail>(`${docUrl(doc.id)}/versions/${version.id}`)).toEqual(before)

    await record(cast.drafter, doc.id, proposal.id, { position: 'agree' })
    const db = new Database(path.join(server.dataDir, DB_FILE))
    try {
      db.pragma('foreign_keys = ON')
      expect(() => db.prepare("UPDATE versions SET name = 'Renamed' WHERE id = ?").run(version.id)).toThrow(/version_frozen/)
      expect(() => db.prepare('DELETE FROM versions WHERE id = ?').run(version.id)).toThrow(/version_frozen/)
      expect(() => db.prepare("UPDATE agreement_positions SET position = 'object'").run()).toThrow(/agreement_frozen/)
      expect(() => db.prepare('DELETE FROM agreement_positions').run()).toThrow(/agreement_frozen/)
      expect(() => db.prepare("UPDATE agreement_proposals SET note = 'changed' WHERE id = ?").run(proposal.id)).toThrow(/agreement_closed/)
      expect(() => db.prepare('DELETE FROM agreement_required WHERE proposal_id = ?').run(proposal.id)).toThrow(/agreement_frozen/)
      // An unproposed version is as it always was (nothing stops an operator there).
      expect(db.prepare("UPDATE versions SET note = note WHERE id = ?").run(other.id).changes).toBe(1)
    } finally {
      db.close()
    }
    // Deleting the whole draft (its owner's call) takes its proposals and positions with it.
    expect((await cast.owner.api(docUrl(doc.id), { method: 'DELETE' })).status).toBe(204)
    const check = new Database(path.join(server.dataDir, DB_FILE), { readonly: true })
    try {
      expect(check.prepare('SELECT COUNT(*) AS n FROM agreement_proposals WHERE doc_id = ?').get(doc.id)).toEqual({ n: 0 })
      expect(check.prepare('SELECT COUNT(*) AS n FROM agreement_positions WHERE proposal_id = ?').get(proposal.id)).toEqual({ n: 0 })
    } finally {
      check.close()
    }
  })

  it('exports a version with its name, status, date and the required organizations on the cover', async () => {
    const { doc, version, proposal } = await proposedDraft()
    // The live text moves on; the export of the version does not.
    const client = connectClient(server.wsUrl, doc.id, { cookie: cast.drafter.cookie })
    clients.push(client)
    await waitSynced(client)
    insertArticleFirst(client.ydoc, 'Inserted after the proposal')
    await waitSaved(client)

    const cover = async (format: 'html', extra = `&version=${version.id}`) => {
      const html = await (await exported(cast.observer, doc.id, format, extra)).text()
      return { html, cover: html.slice(html.indexOf('<section class="cover">'), html.indexOf('</section>')) }
    }
    const proposed = await cover('html')
    expect(proposed.cover).toContain(`<dt>Version</dt><dd>Round 1 (${day(version.createdAt)})</dd>`)
    expect(proposed.cover).toContain('<dt>Status</dt><dd>Proposed for agreement</dd>')
    expect(proposed.cover).toContain('<li>Ministry of Justice (MoJ)</li>')
    expect(proposed.cover).toContain('<li>Ministry of Interior (MoI)</li>')
    expect(proposed.cover).not.toContain('Secretariat')
    expect(proposed.html).not.toContain('Inserted after the proposal')
    expect((await cover('html', '')).html).toContain('Inserted after the proposal')

    await record(cast.drafter, doc.id, proposal.id, { position: 'agree' })
    const agreed = (await (await record(cast.reviewer, doc.id, proposal.id, { position: 'agree' })).json()) as ProposalView
    const { cover: agreedCover } = await cover('html')
    expect(agreedCover).toContain('<dt>Status</dt><dd>Agreed</dd>')
    expect(agreedCover).toContain(`<dt>Date</dt><dd>${day(agreed.agreedAt!)}</dd>`)

    const docx = new Uint8Array(await (await exported(cast.reviewer, doc.id, 'docx', `&version=${version.id}`)).arrayBuffer())
    const xml = unzipText(docx, 'word/document.xml')
    expect(xml).toContain('Status: </w:t>')
    expect(xml).toContain('>Agreed<')
    expect(xml).toContain('Round 1 (')
    expect(xml).toContain('Ministry of Justice (MoJ)')
    expect(xml).not.toContain('Inserted after the proposal')

    const md = await (await exported(cast.owner, doc.id, 'md', `&version=${version.id}`)).text()
    expect(md).not.toContain('Inserted after the proposal')
    expect(md).not.toContain('Positions of the organizations')

    // A version never proposed is a draft, with the organizations that have access.
    const plain = await save(cast.owner, doc.id, 'Round 3')
    const { cover: draftCover } = await cover('html', `&version=${plain.id}`)
    expect(draftCover).toContain('<dt>Status</dt><dd>Draft</dd>')
    expect(draftCover).toContain('Secretariat (SEC)')
    expect((await exported(cast.owner, doc.id, 'html', '&version=nosuchversion')).status).toBe(404)
    expect((await exported(cast.stranger, doc.id, 'html', `&version=${version.id}`)).status).toBe(403)
  })

  it('appends the positions table on request, every user string escaped', async () => {
    const { doc, version, proposal } = await proposedDraft()
    const hostile = '<script>alert(1)</script> | **not bold** & "quotes"'
    await record(cast.reviewer, doc.id, proposal.id, {
      position: 'object',
      text: hostile,
      articles: [
        { articleId: articlesOnly(proposal)[1].id, position: 'object', text: 'Article 2: <b>no</b>' },
        { articleId: 'preamble', position: 'reservations', text: 'Cite the Protocol.' },
      ],
    })
    const html = await (await exported(cast.owner, doc.id, 'html', `&version=${version.id}&positions=1`)).text()
    const table = html.slice(html.indexOf('<section class="appendix positions">'))
    expect(table).toContain('<h2>Positions of the organizations</h2>')
    expect(table).toContain('<td>Ministry of Justice (MoJ)</td><td>Whole text</td><td>No position yet</td>')
    expect(table).toContain('<td>Ministry of Interior (MoI)</td><td>Whole text</td><td>Objects</td><td>&lt;script&gt;alert(1)&lt;/script&gt; | **not bold** &amp; &quot;quotes&quot;</td>')
    expect(table).toContain(`<td>Rita Reviewer, ${day(new Date().toISOString())}</td>`)
    expect(table).toContain(`<td>Article 2. ${articlesOnly(proposal)[1].heading}</td><td>Objects</td><td>Article 2: &lt;b&gt;no&lt;/b&gt;</td>`)
    expect(table).toContain('<td>Preamble</td><td>Agrees with reservations</td><td>Cite the Protocol.</td>')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>no')

    const md = await (await exported(cast.owner, doc.id, 'md', `&version=${version.id}&positions=1`)).text()
    expect(md).toContain('## Positions of the organizations')
    expect(md).toContain('| Organization | Provision | Position | Reservation or objection | Recorded |')
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\| \\*\\*not bold\\*\\* \\& "quotes"')

    const docx = unzipText(new Uint8Array(await (await exported(cast.owner, doc.id, 'docx', `&version=${version.id}&positions=1`)).arrayBuffer()), 'word/document.xml')
    expect(docx).toContain('<w:tbl>')
    expect(docx).toContain('Positions of the organizations')
    expect(docx).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // Not for the current text, nor in Akoma Ntoso.
    expect(await (await exported(cast.owner, doc.id, 'html', '&positions=1')).text()).not.toContain('Positions of the organizations')
    const akn = await (await exported(cast.owner, doc.id, 'akn', `&version=${version.id}&positions=1`)).text()
    expect(akn).not.toContain('Positions of the organizations')
    expect((await exported(cast.owner, doc.id, 'html', `&version=${version.id}&positions=yes`)).status).toBe(400)
  })

  it('Akoma Ntoso of an agreed version validates against the OASIS schema, in English and in Russian', async () => {
    for (const language of ['en', 'ru'] as const) {
      const { doc, version, proposal } = await proposedDraft({ language })
      await record(cast.drafter, doc.id, proposal.id, { position: 'agree' })
      await record(cast.reviewer, doc.id, proposal.id, { position: 'agree' })
      const xml = await (await exported(cast.owner, doc.id, 'akn', `&version=${version.id}`)).text()
      expect(xml).toContain('status="agreed"')
      expect(xml).toContain('<FRBRversionNumber value="Round 1"/>')
      await validateAkn(xml)
      if (language === 'ru') {
        const html = await (await exported(cast.owner, doc.id, 'html', `&version=${version.id}`)).text()
        expect(html).toContain('<dt>Статус</dt><dd>Согласовано</dd>')
      }
    }
  })

  it('a member added to a required organization later may record its position too', async () => {
    const { doc, proposal } = await proposedDraft()
    const colleague: Account = await createMember(cast.owner, cast.justice.id, 'Nina Colleague')
    const res = await record(colleague, doc.id, proposal.id, { position: 'agree' })
    expect(res.status).toBe(201)
    expect(((await res.json()) as ProposalView).organizations[0].current).toMatchObject({ recordedBy: { displayName: 'Nina Colleague' } })
    // An organization granted access after the proposal shows as having access.
    const other: DocumentSummary = await createDocument(cast.owner, { title: 'Other', template: 'sample' })
    const v = await save(cast.owner, other.id, 'R1')
    const p = (await (await propose(cast.owner, other.id, { versionId: v.id, organizationIds: [cast.health.id] })).json()) as ProposalView
    expect(p.organizations[0].hasAccess).toBe(false)
    await grant(cast.owner, other.id, organization(cast.health), 'observer')
    expect((await overview(cast.owner, other.id)).proposals[0].organizations[0].hasAccess).toBe(true)
    expect((await record(cast.stranger, other.id, p.id, { position: 'agree' })).status).toBe(201)
  })
})
