import { describe, expect, it } from 'vitest'
import type { ApiError, PreferencesOverview } from '../../shared/api'
import { alternativesIn, groupKeyOf, WITHOUT } from '../../shared/alternatives/recognise'
import { onSampleLaw } from '../helpers/sampleLaw'
import { clauseText, insertText, nthElement, waitSaved, waitSynced } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { unzipText } from '../helpers/zip'
import type { Account } from '../helpers/accounts'

const WORDING = 'Non-liability [non-punishment] [non-prosecution] '

describe('preferences among alternative wordings over the real server', () => {
  const law = onSampleLaw()
  const path = (docId = law.docId) => `/api/documents/${docId}/alternatives/preferences`
  const post = (account: Account, url: string, body: unknown) => account.api(url, { method: 'POST', body: JSON.stringify(body) })
  const errorOf = async (res: Response) => ((await res.json()) as ApiError).error

  /** The first paragraph of the law, with a group of alternatives typed at its start. */
  async function groupInText() {
    const client = law.connect(law.cast.drafter)
    await waitSynced(client)
    if (!clauseText(client.ydoc).startsWith(WORDING)) {
      insertText(client.ydoc, WORDING)
      await waitSaved(client)
    }
    const blockId = nthElement(client.ydoc, 'clause', 0).getAttribute('id') as string
    const [group] = alternativesIn(clauseText(client.ydoc))
    return { blockId, groupKey: group.key, client }
  }

  it('records each organization\'s preference, attributed; changes and withdraws it', async () => {
    const { client, ...group } = await groupInText()
    expect(group.groupKey).toBe(groupKeyOf(['Non-liability', 'non-punishment', 'non-prosecution']))

    // The reviewer (Ministry of Interior) and the drafter (Ministry of Justice) state theirs.
    let res = await post(law.cast.reviewer, path(), { ...group, option: 'non-punishment' })
    expect(res.status).toBe(200)
    res = await post(law.cast.drafter, path(), { ...group, option: '  Non-liability ' })
    expect(res.status).toBe(200)
    // Everyone with the draft open is told, so that an open panel asks again.
    await waitFor(() => client.preferenceNotices >= 2)
    let seen = await law.cast.observer.json<PreferencesOverview>(path())
    expect(seen.canState).toBe(false)
    expect(seen.preferences.map((p) => [p.organization.shortName, p.option, p.statedBy.displayName]).sort()).toEqual([
      ['MoI', 'non-punishment', 'Rita Reviewer'],
      ['MoJ', 'Non-liability', 'Boris Drafter'],
    ])
    expect(seen.preferences.every((p) => p.blockId === group.blockId && p.groupKey === group.groupKey && !Number.isNaN(Date.parse(p.statedAt)))).toBe(true)

    // The owner, of another organization (Secretariat), changes nothing of theirs; a second
    // statement by the Ministry of Interior replaces its first.
    res = await post(law.cast.reviewer, path(), { ...group, option: 'non-prosecution' })
    expect(res.status).toBe(200)
    seen = (await res.json()) as PreferencesOverview
    expect(seen.canState).toBe(true)
    expect(seen.preferences.filter((p) => p.organization.shortName === 'MoI').map((p) => p.option)).toEqual(['non-prosecution'])

    res = await post(law.cast.reviewer, `${path()}/withdraw`, group)
    expect(res.status).toBe(200)
    seen = await law.cast.owner.json<PreferencesOverview>(path())
    expect(seen.preferences.map((p) => p.organization.shortName)).toEqual(['MoJ'])
    // Withdrawing again is no error and changes nothing.
    expect((await post(law.cast.reviewer, `${path()}/withdraw`, group)).status).toBe(200)

    // The review report lists them after the threads.
    const report = await (await law.cast.observer.api(`/api/documents/${law.docId}/review-report?format=html`)).text()
    expect(report).toContain('<h2>Stated preferences among alternative wordings</h2>')
    expect(report).toContain('<li>Non-liability: MoJ</li>')
    expect(report).toContain('<li>[non-punishment]: —</li>')
  })

  it('refuses observers and strangers; only people with access read', async () => {
    const { client: _client, ...group } = await groupInText()
    for (const who of [law.cast.observer, law.cast.stranger]) {
      const res = await post(who, path(), { ...group, option: 'non-punishment' })
      expect(res.status).toBe(403)
      expect((await errorOf(res)).code).toBe('forbidden')
      expect((await post(who, `${path()}/withdraw`, group)).status).toBe(403)
    }
    expect((await law.cast.stranger.api(path())).status).toBe(403)
    expect((await fetch(`${law.server.url}${path()}`)).status).toBe(401)
    const seen = await law.cast.owner.json<PreferencesOverview>(path())
    expect(seen.preferences.some((p) => p.organization.shortName === 'MoI' && p.option === 'non-punishment')).toBe(false)
  })

  it('answers bad input as the other routes do: 404 for an unknown draft, validation_failed with the field and problem', async () => {
    const { client: _client, ...group } = await groupInText()
    const unknown = await post(law.cast.reviewer, path('d'.repeat(21)), { ...group, option: 'non-punishment' })
    expect(unknown.status).toBe(404)
    expect((await errorOf(unknown)).code).toBe('document_not_found')

    const cases: [unknown, { path: string; problem: string; limit?: number }][] = [
      [{ ...group, option: '   ' }, { path: 'option', problem: 'empty' }],
      [{ ...group, option: 'x'.repeat(1001) }, { path: 'option', problem: 'tooLong', limit: 1000 }],
      [{ ...group, blockId: 'b'.repeat(65), option: 'non-punishment' }, { path: 'blockId', problem: 'tooLong', limit: 64 }],
      [{ ...group, option: 'impunity' }, { path: 'option', problem: 'invalid' }],
      [{ ...group, groupKey: 'not a key', option: 'non-punishment' }, { path: 'groupKey', problem: 'invalid' }],
      [{ groupKey: group.groupKey, option: 'non-punishment' }, { path: 'blockId', problem: 'invalid' }],
    ]
    for (const [body, issue] of cases) {
      const res = await post(law.cast.reviewer, path(), body)
      expect(res.status, JSON.stringify(issue)).toBe(400)
      const error = await errorOf(res)
      expect(error.code).toBe('validation_failed')
      expect(error.details).toContainEqual(expect.objectContaining(issue))
    }
    const seen = await law.cast.owner.json<PreferencesOverview>(path())
    expect(seen.preferences.some((p) => p.organization.shortName === 'MoI')).toBe(false)
    // Leaving a lone bracket's words out is a choice where the group offers it, and only there.
    const lone = { blockId: group.blockId, groupKey: groupKeyOf([WITHOUT, ', if the victim is a child']) }
    expect((await post(law.cast.reviewer, path(), { ...lone, option: WITHOUT })).status).toBe(200)
    await post(law.cast.reviewer, path() + '/withdraw', lone)
  })

  it('keeps the brackets as typed in the HTML, Markdown and DOCX exports', async () => {
    await groupInText()
    const exported = (format: string) => law.cast.observer.api(`/api/documents/${law.docId}/export?format=${format}`)
    expect(await (await exported('html')).text()).toContain(WORDING.trim())
    // Markdown escapes them, so that they read as brackets, not as a link.
    expect(await (await exported('md')).text()).toContain('Non-liability \\[non-punishment\\] \\[non-prosecution\\]')
    const docx = unzipText(new Uint8Array(await (await exported('docx')).arrayBuffer()), 'word/document.xml')
    expect(docx).toContain(WORDING.trim())
  })
})
