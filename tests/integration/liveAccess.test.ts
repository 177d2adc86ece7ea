import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { CloseCode, MessageType, READ_ONLY_REASON } from '../../shared/protocol'
import type { TestServer } from '../helpers/server'
import {
  createDocument,
  grant,
  organization,
  person,
  revoke,
  shareWithCast,
  signIn,
  signOut,
  type Cast,
} from '../helpers/accounts'
import { clauseText, connectClient, insertText, openRawSocket, waitClosedWith, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { castSuite } from '../helpers/castSuite'

describe('access changes reach open connections at once', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []
  const stored = async (docId: string) => JSON.stringify(await cast.owner.json(`/api/documents/${docId}/content`))

  /** A shared document with the owner and the drafter connected and synced. */
  async function editing() {
    const { id } = await createDocument(cast.owner)
    await shareWithCast(cast, id)
    const owner = connect(id, cast.owner.cookie)
    const drafter = connect(id, cast.drafter.cookie)
    await Promise.all([waitSynced(owner), waitSynced(drafter)])
    insertText(drafter.ydoc, 'drafted ')
    await waitFor(() => expect(clauseText(owner.ydoc)).toBe('drafted '))
    return { id, owner, drafter }
  }

  const { connect } = castSuite(clients, (started, people) => {
    server = started
    cast = people
  })

  it('a revoked drafter is closed with 4403 and their next edit is applied nowhere', async () => {
    const { id, owner, drafter } = await editing()
    await revoke(cast.owner, id, organization(cast.justice))
    // Typed the moment the revocation returned, before the close frame may have arrived.
    insertText(drafter.ydoc, 'after revocation ')
    await waitClosedWith(drafter, CloseCode.forbidden)
    expect(drafter.provider.shouldConnect).toBe(false) // final: no reconnect

    insertText(owner.ydoc, 'owner ')
    await waitSaved(owner)
    expect(clauseText(owner.ydoc)).not.toContain('after revocation')
    expect(await stored(id)).not.toContain('after revocation')
    // A new attempt is refused too, and the list no longer shows the draft.
    await waitClosedWith(connect(id, cast.drafter.cookie), CloseCode.forbidden)
    const list = await cast.drafter.json<{ id: string }[]>('/api/documents')
    expect(list.map((d) => d.id)).not.toContain(id)
  })

  it('a drafter downgraded to reviewer gets the new role and their next edit is dropped; promoted back, their copy catches up at once', async () => {
    const { id, owner, drafter } = await editing()
    expect(drafter.roles).toEqual(['drafter'])
    await grant(cast.owner, id, organization(cast.justice), 'reviewer')
    await waitFor(() => expect(drafter.roles).toEqual(['drafter', 'reviewer']))

    insertText(drafter.ydoc, 'as reviewer ')
    await waitFor(() => expect(drafter.denied).toEqual([READ_ONLY_REASON]))
    expect(drafter.closeCodes).toEqual([]) // still connected, still reading
    insertText(owner.ydoc, 'owner ')
    await waitFor(() => expect(clauseText(drafter.ydoc)).toContain('owner '))
    await waitSaved(owner)
    expect(clauseText(owner.ydoc)).not.toContain('as reviewer')
    expect(await stored(id)).not.toContain('as reviewer')

    // Promoted back: told at once. The words refused meanwhile, still in the drafter's copy, and
    // those typed on top of them now, reach everyone without a reload (the server asks for what it lacks).
    await grant(cast.owner, id, organization(cast.justice), 'drafter')
    await waitFor(() => expect(drafter.roles).toEqual(['drafter', 'reviewer', 'drafter']))
    insertText(drafter.ydoc, 'drafter again ')
    await waitFor(() => expect(clauseText(owner.ydoc)).toContain('drafter again '))
    expect(clauseText(owner.ydoc)).toContain('as reviewer ')
    expect(clauseText(owner.ydoc)).toBe(clauseText(drafter.ydoc))
    await waitSaved(drafter)
    expect(await stored(id)).toContain('drafter again')
  })

  it('a personal grant keeps a person in when their organization loses access', async () => {
    const { id, drafter } = await editing()
    await grant(cast.owner, id, person(cast.drafter), 'observer')
    await revoke(cast.owner, id, organization(cast.justice))
    await waitFor(() => expect(drafter.roles).toEqual(['drafter', 'observer']))
    expect(drafter.closeCodes).toEqual([])
  })

  it('signing out closes that session’s connections with 4401, and only those', async () => {
    const { id } = await createDocument(cast.owner)
    await shareWithCast(cast, id)
    const second = await signIn(server.url, cast.reviewer.email, cast.reviewer.password)
    const first = connect(id, cast.reviewer.cookie)
    const other = connect(id, second.cookie)
    await Promise.all([waitSynced(first), waitSynced(other)])
    await signOut(second)
    await waitClosedWith(other, CloseCode.unauthorized)
    expect(first.closeCodes).toEqual([])
    // The signed-out cookie opens nothing any more.
    expect((await second.api('/api/documents')).status).toBe(401)
    await waitClosedWith(connect(id, second.cookie), CloseCode.unauthorized)
  })

  it('a deleted document closes its connections with 4404', async () => {
    const { id, drafter } = await editing()
    await cast.owner.json(`/api/documents/${id}`, { method: 'DELETE' })
    await waitClosedWith(drafter, CloseCode.unknownDocument)
  })
})

describe('presence shows who the server knows, never a made-up name', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []

  castSuite(clients, (started, people) => {
    server = started
    cast = people
  })

  it('replaces a spoofed awareness name with the server’s identity', async () => {
    const { id } = await createDocument(cast.owner)
    await shareWithCast(cast, id)
    const spoofer = connectClient(server.wsUrl, id, { cookie: cast.reviewer.cookie })
    const viewer = connectClient(server.wsUrl, id, { cookie: cast.owner.cookie })
    clients.push(spoofer, viewer)
    spoofer.provider.awareness.setLocalStateField('user', { name: 'The Minister', organization: 'Cabinet', color: '#000000' })
    spoofer.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    await Promise.all([waitSynced(spoofer), waitSynced(viewer)])
    const expected = { name: 'Rita Reviewer', organization: 'MoI', color: '#2a7d4f', userId: cast.reviewer.user.id }
    await waitFor(() =>
      expect(viewer.provider.awareness.getStates().get(spoofer.ydoc.clientID)).toEqual({ user: expected, cursor: { anchor: 1 } }),
    )
    // A later change of the claimed name is rewritten too.
    spoofer.provider.awareness.setLocalStateField('user', { name: 'Someone Else' })
    spoofer.provider.awareness.setLocalStateField('cursor', { anchor: 2 })
    await waitFor(() => expect(viewer.provider.awareness.getStates().get(spoofer.ydoc.clientID)).toEqual({ user: expected, cursor: { anchor: 2 } }))
  })

  it('does not let one connection overwrite another person’s awareness state', async () => {
    const { id } = await createDocument(cast.owner)
    await shareWithCast(cast, id)
    const owner = connectClient(server.wsUrl, id, { cookie: cast.owner.cookie })
    const viewer = connectClient(server.wsUrl, id, { cookie: cast.drafter.cookie })
    clients.push(owner, viewer)
    owner.provider.awareness.setLocalStateField('cursor', { anchor: 7 })
    await Promise.all([waitSynced(owner), waitSynced(viewer)])
    await waitFor(() => expect(viewer.provider.awareness.getStates().get(owner.ydoc.clientID)?.cursor).toEqual({ anchor: 7 }))

    // The reviewer claims the owner's client id with a newer clock.
    const raw = openRawSocket(server.wsUrl, id, { cookie: cast.reviewer.cookie })
    await raw.opened
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, owner.ydoc.clientID)
    encoding.writeVarUint(update, 1_000_000)
    encoding.writeVarString(update, JSON.stringify({ cursor: { anchor: 99 } }))
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
    raw.ws.send(encoding.toUint8Array(encoder))

    // Then the owner moves: the viewer follows the owner, never the impostor.
    owner.provider.awareness.setLocalStateField('cursor', { anchor: 8 })
    await waitFor(() => expect(viewer.provider.awareness.getStates().get(owner.ydoc.clientID)?.cursor).toEqual({ anchor: 8 }))
    expect(viewer.provider.awareness.getStates().get(owner.ydoc.clientID)?.user?.name).toBe('Ada Admin')
    raw.ws.close()
  })
})
