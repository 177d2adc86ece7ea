import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleEdits, DocumentSummary, Grant, LanguageVersion } from '../../shared/api'
import type { DocJSON } from '../../shared/schema'
import { alignLanguageVersions } from '../../shared/languageVersions'
import { startTestServer, type TestServer } from '../helpers/server'
import { createCast, createDocument, grant, organization, shareWithCast, type Account, type Cast } from '../helpers/accounts'
import { connectClient, insertText, waitSaved, waitSynced } from '../helpers/clients'
import { idsOf as ids } from '../helpers/docIds'

const post = (account: Account, path: string, body: unknown) => account.api(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error

describe('language versions over the real server', () => {
  let server: TestServer
  let cast: Cast
  let russian: DocumentSummary
  let english: DocumentSummary
  const versionsOf = (account: Account, docId: string) => account.json<LanguageVersion[]>(`/api/documents/${docId}/language-versions`)
  const frbr = async (docId: string) => {
    const xml = await (await cast.owner.api(`/api/documents/${docId}/export?format=akn`)).text()
    const work = /<FRBRWork>[\s\S]*?<FRBRuri value="([^"]+)"/.exec(xml)?.[1]
    const expression = /<FRBRExpression>[\s\S]*?<FRBRuri value="([^"]+)"/.exec(xml)?.[1]
    return { work, expression }
  }
  let workAlone: string | undefined

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    russian = await createDocument(cast.owner, { title: 'Модельный закон', language: 'ru', template: 'sample' })
    await shareWithCast(cast, russian.id)
  })

  afterAll(async () => {
    await server?.close()
  })

  it('a draft alone is its only language version', async () => {
    expect(await versionsOf(cast.reviewer, russian.id)).toEqual([
      { id: russian.id, title: 'Модельный закон', language: 'ru', updatedAt: expect.any(String), role: 'reviewer', original: false },
    ])
    // Its Akoma Ntoso work, named after its title and dated by its creation.
    workAlone = (await frbr(russian.id)).work
    expect(workAlone).toBe(`/akn/xx/act/${new Date().toISOString().slice(0, 10)}/modelnyi-zakon`)
  })

  it('refuses bad requests in words and creates nothing', async () => {
    const path = `/api/documents/${russian.id}/language-versions`
    for (const who of [cast.reviewer, cast.observer]) {
      const res = await post(who, path, { language: 'en' })
      expect(res.status).toBe(403)
    }
    expect((await post(cast.stranger, path, { language: 'en' })).status).toBe(403)
    expect((await post(cast.owner, '/api/documents/nope/language-versions', { language: 'en' })).status).toBe(404)
    const same = await post(cast.owner, path, { language: 'ru' })
    expect(same.status).toBe(409)
    expect(await errorOf(same)).toMatchObject({ code: 'language_version_exists', message: expect.stringContaining(russian.id) })
    for (const body of [{ language: 'fr' }, {}, { language: 'en', title: 'x'.repeat(1000) }, '{"language":']) {
      const res = await post(cast.owner, path, body)
      expect(res.status).toBe(400)
    }
    expect((await cast.owner.json<DocumentSummary[]>('/api/documents')).map((d) => d.id)).toEqual([russian.id])
  })

  it('a drafter creates the English version: the same text and ids, numbered in English, shared as the source is, owned by its maker', async () => {
    const res = await post(cast.drafter, `/api/documents/${russian.id}/language-versions`, { language: 'en', title: 'Model Law' })
    expect(res.status).toBe(201)
    english = (await res.json()) as DocumentSummary
    expect(english).toMatchObject({ title: 'Model Law', language: 'en', role: 'owner' })
    expect(res.headers.get('location')).toBe(`/api/documents/${english.id}`)

    const source = await cast.owner.json<DocJSON>(`/api/documents/${russian.id}/content`)
    const copy = await cast.drafter.json<DocJSON>(`/api/documents/${english.id}/content`)
    expect(ids(copy)).toEqual(ids(source))
    expect(ids(copy).length).toBeGreaterThan(50)
    const { rows, counts } = alignLanguageVersions(source, 'ru', copy, 'en')
    // Nothing is translated yet, and nothing else differs; each side is numbered in its language.
    expect(counts).toEqual({ missing: 0, numberDiffers: 0, blocksDiffer: 0, changedInOriginal: 0, untranslated: rows.filter((r) => r.left?.heading || r.left?.blocks.length).length })
    expect(rows.find((r) => r.kind === 'article')).toMatchObject({ left: { label: 'Статья 1.' }, right: { label: 'Article 1.' } })

    // The same people work on it, with the same roles; the maker owns it.
    const grants = await cast.drafter.json<Grant[]>(`/api/documents/${english.id}/access`)
    const roles = Object.fromEntries(grants.map((g) => [g.principalType === 'user' ? g.user.displayName : g.organization.shortName, g.role]))
    expect(roles).toEqual({ 'Boris Drafter': 'owner', [cast.owner.user.displayName]: 'owner', MoJ: 'drafter', 'Rita Reviewer': 'reviewer', 'Oleg Observer': 'observer' })
    expect((await cast.stranger.api(`/api/documents/${english.id}`)).status).toBe(403)
  })

  it('lists both from either draft, for those who can open them, and refuses a second English version', async () => {
    const both = [
      { id: russian.id, language: 'ru', role: 'reviewer', original: true },
      { id: english.id, language: 'en', role: 'reviewer', original: false },
    ]
    expect(await versionsOf(cast.reviewer, russian.id)).toMatchObject(both)
    expect(await versionsOf(cast.reviewer, english.id)).toMatchObject(both)
    const again = await post(cast.owner, `/api/documents/${english.id}/language-versions`, { language: 'en' })
    expect(again.status).toBe(409)
    expect((await post(cast.owner, `/api/documents/${english.id}/language-versions`, { language: 'ru' })).status).toBe(409)

    // Someone given the Russian draft only sees only that one.
    await grant(cast.owner, russian.id, organization(cast.health), 'observer')
    expect((await versionsOf(cast.stranger, russian.id)).map((v) => v.language)).toEqual(['ru'])
  })

  it('exports both as expressions of one Akoma Ntoso work, each in its language: the work the Russian draft was alone', async () => {
    const ru = await frbr(russian.id)
    const en = await frbr(english.id)
    expect(ru.work).toBe(workAlone)
    expect(en.work).toBe(ru.work)
    expect(ru.expression).toMatch(/\/rus@/)
    expect(en.expression).toMatch(/\/eng@/)
  })

  it('the versions are separate texts: an edit to one leaves the other as it was', async () => {
    const client = connectClient(server.wsUrl, russian.id, { cookie: cast.drafter.cookie })
    await waitSynced(client)
    insertText(client.ydoc, 'Только по-русски. ')
    await waitSaved(client)
    client.destroy()
    const ru = await cast.owner.json<DocJSON>(`/api/documents/${russian.id}/content`)
    const en = await cast.owner.json<DocJSON>(`/api/documents/${english.id}/content`)
    expect(JSON.stringify(ru)).toContain('Только по-русски.')
    expect(JSON.stringify(en)).not.toContain('Только по-русски.')

    // Each draft says when its articles were last edited: the Russian first article just now, nothing in the English one yet.
    const ruEdits = await cast.reviewer.json<ArticleEdits>(`/api/documents/${russian.id}/article-edits`)
    const enEdits = await cast.reviewer.json<ArticleEdits>(`/api/documents/${english.id}/article-edits`)
    const firstArticle = ru.content!.find((n) => n.type === 'article')!.attrs!.id as string
    expect(Object.keys(ruEdits.articles)).toEqual([firstArticle])
    expect(ruEdits.articles[firstArticle] > enEdits.createdAt).toBe(true)
    expect(enEdits).toEqual({ createdAt: english.createdAt, articles: {} })
    // So the side-by-side view says the original changed it since it was translated.
    const { rows } = alignLanguageVersions(ru, 'ru', en, 'en', { left: ruEdits, right: enEdits, original: 'left' })
    expect(rows.find((r) => r.id === firstArticle)!.issues).toEqual(['changedInOriginal'])
    expect((await cast.stranger.api(`/api/documents/${english.id}/article-edits`)).status).toBe(403)
  })

  it('deleting one version leaves the other, alone again', async () => {
    const res = await cast.owner.api(`/api/documents/${russian.id}`, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect((await versionsOf(cast.drafter, english.id)).map((v) => v.id)).toEqual([english.id])
    // The law can have a Russian version again.
    const ru = await post(cast.drafter, `/api/documents/${english.id}/language-versions`, { language: 'ru', title: 'Модельный закон' })
    expect(ru.status).toBe(201)
    expect((await versionsOf(cast.drafter, english.id)).map((v) => v.language)).toEqual(['en', 'ru'])
  })
})
