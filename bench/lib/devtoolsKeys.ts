/**
 * Keys for the typing benchmarks, sent to the page over a DevTools connection of the harness's
 * own: the same `Input.dispatchKeyEvent` commands Playwright's keyboard sends (so Chromium gets
 * the same trusted key events), without Playwright's client around each. That client cost the
 * harness ~7 ms of CPU a key (a CPU profile of 200 typed keys: stack capture and source-mapping
 * for every API call, protocol validation, its in-process dispatch), on one of the machine's two
 * cores and in the very milliseconds the page handled the key; here a key costs it a few
 * tens of microseconds. Everything else the benchmarks do in the browser stays with Playwright.
 */
import net from 'node:net'
import type { Browser, Page } from 'playwright-core'
import WebSocket from 'ws'
import { launchBrowser } from '../../tests/helpers/browser'

const debuggingPorts = new WeakMap<Browser, number>()

/** A benchmark's Chromium (tests/helpers/browser.ts's), with a DevTools port on loopback for DevtoolsKeys. */
export async function launchBenchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const port = await freePort()
  const browser = await launchBrowser([...extraArgs, `--remote-debugging-address=127.0.0.1`, `--remote-debugging-port=${port}`])
  debuggingPorts.set(browser, port)
  return browser
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

interface KeyEvent {
  type: 'keyDown' | 'rawKeyDown' | 'keyUp'
  key: string
  code: string
  windowsVirtualKeyCode: number
  text?: string
  unmodifiedText?: string
}

/** What Playwright's US keyboard layout sends for the keys the benchmarks type. */
function keyDescription(key: string): { code: string; keyCode: number; text?: string } {
  if (/^[a-z]$/.test(key)) return { code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0), text: key }
  if (/^[0-9]$/.test(key)) return { code: `Digit${key}`, keyCode: key.charCodeAt(0), text: key }
  if (key === ' ') return { code: 'Space', keyCode: 32, text: ' ' }
  if (key === 'Enter') return { code: 'Enter', keyCode: 13, text: '\r' }
  if (key === 'Backspace') return { code: 'Backspace', keyCode: 8 }
  throw new Error(`typing benchmark: no key description for ${JSON.stringify(key)} (lower-case letters, digits, space, Enter and Backspace)`)
}

function keyEvents(key: string): [KeyEvent, KeyEvent] {
  const { code, keyCode, text } = keyDescription(key)
  const common = { key, code, windowsVirtualKeyCode: keyCode }
  return [{ type: text ? 'keyDown' : 'rawKeyDown', ...common, ...(text ? { text, unmodifiedText: text } : {}) }, { type: 'keyUp', ...common }]
}

interface Reply {
  id?: number
  result?: Record<string, unknown>
  error?: { message: string }
}

/** One page's DevTools session: keys pressed, expressions evaluated. */
export class DevtoolsKeys {
  private nextId = 1
  /** The page's session on the browser's connection (flat: its commands carry this id). */
  private sessionId: string | undefined
  private readonly pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const reply = JSON.parse(String(data)) as Reply
      const waiting = reply.id === undefined ? undefined : this.pending.get(reply.id)
      if (!waiting) return // an event: none is asked for
      this.pending.delete(reply.id!)
      if (reply.error) waiting.reject(new Error(`DevTools: ${reply.error.message}`))
      else waiting.resolve(reply.result ?? {})
    })
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('DevTools connection closed'))
      this.pending.clear()
    })
  }

  static async attach(page: Page): Promise<DevtoolsKeys> {
    const browser = page.context().browser()
    const port = browser && debuggingPorts.get(browser)
    if (!port) throw new Error('typing benchmark: the page\'s browser has no DevTools port (launch it with launchBenchBrowser)')
    const cdp = await page.context().newCDPSession(page)
    const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } }
    await cdp.detach()
    const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string }
    const socket = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false })
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    const keys = new DevtoolsKeys(socket)
    const { sessionId } = (await keys.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: true })) as { sessionId: string }
    keys.sessionId = sessionId
    return keys
  }

  private send(method: string, params: object): Promise<Record<string, unknown>> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.socket.send(JSON.stringify({ id, method, params, ...(this.sessionId ? { sessionId: this.sessionId } : {}) }))
    })
  }

  /** Presses and releases `key`, each answered once the page has handled it (as Playwright's keyboard does). */
  async press(key: string): Promise<void> {
    const [down, up] = keyEvents(key)
    await this.send('Input.dispatchKeyEvent', down)
    await this.send('Input.dispatchKeyEvent', up)
  }

  /** Evaluates `expression` in the page; resolves when its promise (if it is one) settles. */
  async evaluate(expression: string): Promise<unknown> {
    const reply = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })
    const thrown = reply.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined
    if (thrown) throw new Error(`typing benchmark: the page threw: ${thrown.exception?.description ?? thrown.text}`)
    return (reply.result as { value?: unknown } | undefined)?.value
  }

  close(): void {
    this.socket.close()
  }
}
