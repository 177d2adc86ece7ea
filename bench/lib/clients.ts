/**
 * One collaboration client per server kind, behind one interface: the stock y-websocket
 * WebsocketProvider for Accord (with the session cookie) and @y/websocket-server, and
 * @hocuspocus/provider for Hocuspocus (its protocol differs). No BroadcastChannel: every
 * change goes through the server.
 */
import * as Y from 'yjs'
import WebSocket from 'ws'
import { messageAwareness, messageSync, WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider } from '@hocuspocus/provider'
import type { Awareness } from 'y-protocols/awareness'
import * as decoding from 'lib0/decoding'
import { accordParams, MessageType } from '../../shared/protocol'
import { readStoredAck } from '../../shared/storedAck'
import type { ServerKind } from '../servers/protocol'

export interface ClientSpec {
  kind: ServerKind
  port: number
  /** Document id (Accord) or name (references). */
  doc: string
  /** Accord's session cookie, `accord_session=…`. */
  cookie?: string
}

export interface BenchClient {
  ydoc: Y.Doc
  awareness: Awareness
  /** Resolves once the first sync with the server is complete. */
  synced: Promise<void>
  destroy(): void
}

function webSocketWithCookie(cookie: string | undefined): typeof WebSocket {
  if (!cookie) return WebSocket
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols ?? [], { headers: { Cookie: cookie } })
    }
  } as typeof WebSocket
}

export interface ConnectOptions {
  /**
   * Once synced, leave what others write and where their carets are unapplied (y-websocket
   * protocol only). For clients that stand in for people on other machines, writing into
   * passages of their own: applying everyone's edits to their copies of a long law is their
   * machines' work, not the machine under test's (the browser benchmark's five remote writers
   * spent ~2.3 CPU-s of a 21 s typing run on it, beside the page being measured).
   */
  ignoreOthers?: boolean
}

export function connect(spec: ClientSpec, { ignoreOthers = false }: ConnectOptions = {}): BenchClient {
  const ydoc = new Y.Doc()
  if (spec.kind === 'hocuspocus') {
    if (ignoreOthers) throw new Error('ignoreOthers: for the y-websocket protocol only')
    let resolve!: () => void
    const synced = new Promise<void>((r) => (resolve = r))
    // With `url`, the provider makes (and owns) its socket from this same configuration, so
    // the polyfill reaches it; the declared type does not list it.
    const configuration = {
      url: `ws://127.0.0.1:${spec.port}`,
      name: spec.doc,
      document: ydoc,
      WebSocketPolyfill: WebSocket,
      onSynced: () => resolve(),
    }
    const provider = new HocuspocusProvider(configuration as ConstructorParameters<typeof HocuspocusProvider>[0])
    return {
      ydoc,
      awareness: provider.awareness!,
      synced,
      destroy: () => {
        provider.destroy()
        ydoc.destroy()
      },
    }
  }
  const url = spec.kind === 'accord' ? `ws://127.0.0.1:${spec.port}/sync` : `ws://127.0.0.1:${spec.port}`
  const provider = new WebsocketProvider(url, spec.doc, ydoc, {
    WebSocketPolyfill: webSocketWithCookie(spec.cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
    // As Accord's browser: acknowledgements and all (the server does that work for it).
    params: spec.kind === 'accord' ? accordParams() : {},
  })
  if (spec.kind === 'accord') {
    // Accord's own frames (as the browser client reads them): "stored", the role, "threads changed".
    provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => void readStoredAck(decoder)
    provider.messageHandlers[MessageType.role] = (_encoder, decoder) => void decoding.readVarString(decoder)
    provider.messageHandlers[MessageType.threads] = (_encoder, decoder) => void decoding.readVarString(decoder)
  }
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      provider.off('sync', onSync)
      if (ignoreOthers) provider.messageHandlers[messageSync] = provider.messageHandlers[messageAwareness] = () => {}
      resolve()
    }
    provider.on('sync', onSync)
  })
  return {
    ydoc,
    awareness: provider.awareness,
    synced,
    destroy: () => {
      provider.destroy()
      ydoc.destroy()
    },
  }
}
