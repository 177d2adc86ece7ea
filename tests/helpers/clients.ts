import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { readAuthMessage } from 'y-protocols/auth'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { accordParams, MessageType, TEXT_FIELD, type ThreadsChanged } from '../../shared/protocol'
import { docJSONOf } from '../../shared/ydoc'
import type { DocJSON } from '../../shared/schema'
import { waitFor } from './waitFor'

/** A stock y-websocket client, as the browser uses it, plus what the server told it. */
export interface TestClient {
  ydoc: Y.Doc
  provider: WebsocketProvider
  /** The state vector of the last "stored" acknowledgement (null before the first). */
  storedSV: Uint8Array | null
  /** Number of "stored" acknowledgements received. */
  acks: number
  /** Close codes of every connection the server (or we) closed, in order (null = closed locally). */
  closeCodes: (number | null)[]
  /** The role the server last announced (message type 101), null before the first. */
  role: string | null
  /** Every role message received, in order. */
  roles: string[]
  /** Reasons of every "permission denied" auth message received. */
  denied: string[]
  /** Every "threads changed" notification (message type 102) received, in order. */
  threadEvents: ThreadsChanged[]
  /** How many "preferences changed" notices (type 105) arrived. */
  preferenceNotices: number
  destroy(): void
}

export interface ConnectOptions {
  /** Start connecting at once (default true). */
  connect?: boolean
  /** The session cookie (`accord_session=…`, e.g. Account.cookie), sent with the upgrade. */
  cookie?: string
  /** Ask for Accord's own messages (stored, role, threads), as Accord's browser does (default true). */
  accord?: boolean
}

/**
 * The sync URL of `docId` (which may carry a query already), asking for Accord's own messages as
 * Accord's browser does, or, with `accord` false, as a stock y-websocket client.
 */
export function syncUrlOf(wsUrl: string, docId: string, accord = true): string {
  if (!accord) return `${wsUrl}/${docId}`
  return `${wsUrl}/${docId}${docId.includes('?') ? '&' : '?'}${new URLSearchParams(accordParams())}`
}

/** `ws` with a Cookie header on the upgrade, in the shape y-websocket's WebSocketPolyfill wants. */
export function webSocketWithCookie(cookie: string | undefined): typeof WebSocket {
  if (!cookie) return WebSocket
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols ?? [], { headers: { Cookie: cookie } })
    }
  } as typeof WebSocket
}

/** Connects a stock WebsocketProvider (no BroadcastChannel, so everything goes through the server). */
export function connectClient(wsUrl: string, docId: string, options: ConnectOptions = {}): TestClient {
  const ydoc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, docId, ydoc, {
    WebSocketPolyfill: webSocketWithCookie(options.cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
    params: options.accord === false ? {} : accordParams(),
  })
  const client: TestClient = {
    ydoc,
    provider,
    storedSV: null,
    acks: 0,
    closeCodes: [],
    role: null,
    roles: [],
    denied: [],
    threadEvents: [],
    preferenceNotices: 0,
    destroy: () => {
      provider.destroy()
      ydoc.destroy()
    },
  }
  // Our "stored" message (type 100): it starts with the state vector the server has stored.
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
    client.storedSV = decoding.readVarUint8Array(decoder)
    client.acks++
  }
  provider.messageHandlers[MessageType.role] = (_encoder, decoder) => {
    client.role = decoding.readVarString(decoder)
    client.roles.push(client.role)
  }
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    readAuthMessage(decoder, ydoc, (_doc, reason) => client.denied.push(reason))
  }
  provider.messageHandlers[MessageType.threads] = (_encoder, decoder) => {
    client.threadEvents.push(JSON.parse(decoding.readVarString(decoder)) as ThreadsChanged)
  }
  provider.messageHandlers[MessageType.preferences] = () => {
    client.preferenceNotices++
  }
  provider.on('connection-close', (event) => {
    client.closeCodes.push(event?.code ?? null)
  })
  return client
}

export async function waitSynced(client: TestClient, timeoutMs = 5000): Promise<void> {
  await waitFor(() => client.provider.synced, timeoutMs)
}

/** The clock of `ydoc`'s own changes: how many it has made (0: none). */
export function ownClock(ydoc: Y.Doc): number {
  return Y.decodeStateVector(Y.encodeStateVector(ydoc)).get(ydoc.clientID) ?? 0
}

/** How far the server's last "stored" state vector covers this client's own changes (0: none yet). */
export function storedClock(client: TestClient): number {
  return client.storedSV ? (Y.decodeStateVector(client.storedSV).get(client.ydoc.clientID) ?? 0) : 0
}

/** True when the server's last "stored" state vector covers every change this client made. */
export function isSaved(client: TestClient): boolean {
  const own = ownClock(client.ydoc)
  return own === 0 || storedClock(client) >= own
}

export async function waitSaved(client: TestClient, timeoutMs = 5000): Promise<void> {
  await waitFor(() => isSaved(client), timeoutMs)
}

/** Waits until the server closed this client's connection with `code`. */
export async function waitClosedWith(client: TestClient, code: number, timeoutMs = 5000): Promise<void> {
  await waitFor(() => {
    if (!client.closeCodes.includes(code)) throw new Error(`close codes so far: ${JSON.stringify(client.closeCodes)}`)
    return true
  }, timeoutMs)
}

// ---- reading and editing the legal text through Y.XmlFragment 'default' ----

function elements(node: Y.XmlFragment | Y.XmlElement, name: string, out: Y.XmlElement[] = []): Y.XmlElement[] {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) {
      if (child.nodeName === name) out.push(child)
      elements(child, name, out)
    }
  }
  return out
}

export function textField(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment(TEXT_FIELD)
}

/** The n-th (0-based) element named `name` in document order, e.g. 'clause' or 'lawTitle'. */
export function nthElement(ydoc: Y.Doc, name: string, n = 0): Y.XmlElement {
  const found = elements(textField(ydoc), name)[n]
  if (!found) throw new Error(`no ${name} #${n} in the document`)
  return found
}

/** The plain text of the n-th element named `name` ('' if it has no text yet). */
/** The Y.XmlText of block `block` (0 = heading) of the n-th article. */
export function articleBlockText(ydoc: Y.Doc, article: number, block: number): Y.XmlText {
  const element = nthElement(ydoc, 'article', article).toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)[block]
  const text = element?.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
  if (!text) throw new Error(`no text in block ${block} of article ${article}`)
  return text
}

export function elementText(ydoc: Y.Doc, name = 'clause', n = 0): string {
  return nthElement(ydoc, name, n)
    .toArray()
    .filter((c): c is Y.XmlText => c instanceof Y.XmlText)
    .map((t) => t.toString())
    .join('')
}

/** Inserts `text` at `index` in the n-th element named `name` (a clause by default). */
export function insertText(ydoc: Y.Doc, text: string, opts: { name?: string; n?: number; index?: number } = {}): void {
  const element = nthElement(ydoc, opts.name ?? 'clause', opts.n ?? 0)
  ydoc.transact(() => {
    let xmlText = element.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
    if (!xmlText) {
      // An empty paragraph has no Y.XmlText yet; the editor binding would create one too.
      xmlText = new Y.XmlText()
      element.insert(0, [xmlText])
    }
    xmlText.insert(Math.min(opts.index ?? 0, xmlText.length), text)
  })
}

export function clauseText(ydoc: Y.Doc, n = 0): string {
  return elementText(ydoc, 'clause', n)
}

export function xmlString(ydoc: Y.Doc): string {
  return textField(ydoc).toString()
}

export function contentOf(ydoc: Y.Doc): DocJSON {
  return docJSONOf(ydoc)
}

// ---- raw sockets, for frames a stock client would never send ----

export interface RawSocket {
  ws: WebSocket
  opened: Promise<void>
  closed: Promise<{ code: number; reason: string }>
  /** Every binary frame received, in order. */
  messages: Uint8Array[]
}

export function openRawSocket(wsUrl: string, docId: string, options: Pick<ConnectOptions, 'cookie' | 'accord'> = {}): RawSocket {
  const ws = new WebSocket(syncUrlOf(wsUrl, docId, options.accord), options.cookie ? { headers: { Cookie: options.cookie } } : {})
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  ws.on('error', () => {}) // the close event carries what the tests check
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('close', (code) => reject(new Error(`closed before open (${code})`)))
  })
  opened.catch(() => {})
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  return { ws, opened, closed, messages }
}
