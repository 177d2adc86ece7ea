/** A fresh document on any of the servers, and the client spec that opens it. */
import { randomUUID } from 'node:crypto'
import { createDocument, setupAdmin, type Account } from '../../tests/helpers/accounts'
import type { ClientSpec } from './clients'
import type { ServerTarget } from '../servers/target'
import type { DocJSON } from '../../shared/schema'
import { topLevelCount } from './law'
import { sleep } from './stats'

const admins = new WeakMap<ServerTarget, Promise<Account>>()

/** Accord needs an account to sync: the first administrator of the fresh server. */
export function accordAdmin(target: ServerTarget): Promise<Account> {
  let admin = admins.get(target)
  if (!admin) admins.set(target, (admin = setupAdmin(`http://127.0.0.1:${target.port}`)))
  return admin
}

export async function newDocument(target: ServerTarget, title = 'Benchmark law'): Promise<ClientSpec> {
  if (target.kind !== 'accord') return { kind: target.kind, port: target.port, doc: `bench-${randomUUID()}` }
  const admin = await accordAdmin(target)
  const doc = await createDocument(admin, { title, language: 'en', template: 'empty' })
  return { kind: 'accord', port: target.port, doc: doc.id, cookie: admin.cookie }
}

/** Waits until the server's copy of the draft has `json`'s top-level blocks (loadLaw writes it in one update). */
export async function serverHas(admin: Account, docId: string, json: DocJSON): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) {
    const content = await admin.json<DocJSON>(`/api/documents/${docId}/content`)
    if (content.content?.length === topLevelCount(json)) return
  }
  throw new Error(`document ${docId}: the server never had the law`)
}
