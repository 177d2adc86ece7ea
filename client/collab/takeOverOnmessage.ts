/**
 * Stands in for `ws.onmessage` in a socket wrapper: the handler the provider sets is kept here
 * (never reaching the socket below), and the returned function gives a message to it, or to
 * nobody while it is null. `letGo` runs when the provider sets null (it is done with the socket).
 */
export function takeOverOnmessage(ws: WebSocket, letGo?: () => void): (event: MessageEvent) => void {
  let handler: WebSocket['onmessage'] = null
  Object.defineProperty(ws, 'onmessage', {
    get: () => handler,
    set: (next: WebSocket['onmessage']) => {
      handler = next
      if (next === null) letGo?.()
    },
    configurable: true,
  })
  return (event) => handler?.call(ws, event)
}
