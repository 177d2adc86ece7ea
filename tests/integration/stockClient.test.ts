import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DocJSON } from '../../shared/schema'
import { MessageType } from '../../shared/protocol'
import { onSampleLaw } from '../helpers/sampleLaw'
import { clauseText, insertText, nthElement, waitSaved, waitSynced } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

describe('a stock y-websocket client', () => {
  const law = onSampleLaw()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('hears plain y-websocket only: it edits with the others, and nothing it cannot read reaches it', async () => {
    const unknown = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Accord's browser asks for Accord's own messages; this one does not, and has no handlers for them.
    const stock = law.connect(law.cast.drafter, { accord: false })
    for (const type of [MessageType.stored, MessageType.role, MessageType.threads]) delete stock.provider.messageHandlers[type]
    const witness = law.connect(law.cast.owner)
    await Promise.all([waitSynced(stock), waitSynced(witness)])

    // An edit from each side, stored, and a review thread opened: the witness hears Accord's messages for them.
    insertText(stock.ydoc, 'Stock says: ', { index: 0 })
    insertText(witness.ydoc, 'Witness says: ', { index: 0 })
    await waitSaved(witness)
    const articleId = nthElement(witness.ydoc, 'article', 0).getAttribute('id')
    const res = await law.cast.reviewer.api(`/api/documents/${law.docId}/threads`, {
      method: 'POST',
      body: JSON.stringify({ articleId, anchor: null, body: 'Read by Accord clients only' }),
    })
    expect(res.status).toBe(201)
    await waitFor(() => witness.threadEvents.length === 1)
    expect(witness.roles).toEqual(['owner'])
    // Whatever the server sent the stock client before this edit has reached it once the edit has.
    insertText(witness.ydoc, 'Last word. ', { index: 0 })
    await waitFor(() => clauseText(stock.ydoc).startsWith('Last word. '))
    expect(clauseText(stock.ydoc)).toBe(clauseText(witness.ydoc))
    expect(unknown.mock.calls.filter((call) => String(call[0]).includes('Unable to compute message'))).toEqual([])

    // Its edit is stored, though it is never told so.
    const content = await law.cast.owner.json<DocJSON>(`/api/documents/${law.docId}/content`)
    expect(JSON.stringify(content)).toContain('Stock says: ')
  })
})
