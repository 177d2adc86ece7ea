/**
 * Section 2b, continued: opening the 300-article law over a slower link than the loopback
 * (Chromium's network emulation), with the first sync gzipped as the client asks for it, and
 * as it was sent before (the client made not to ask). Where users are, the link is the cost.
 */
import zlib from 'node:zlib'
import type { Browser } from 'playwright-core'
import { MessageType } from '../shared/protocol'
import { openFresh } from './lib/editorReady'
import { median } from './lib/stats'

/** A ministry's office line, say. */
export const SLOW_LINK = { downloadMbps: 20, uploadMbps: 5, roundTripMs: 40 }
const RUNS = 3
/** Opens with the first sync as is: the comparison, not the figure; fewer, to fit the 5 minutes. */
const PLAIN_RUNS = 2

export interface SlowLinkResult {
  link: typeof SLOW_LINK
  /** The first sync of the law (the largest frame received): KB on the wire, and unpacked. */
  firstSyncKb: { gzipped: number; unpacked: number }
  /** navigation → editable over the link. */
  gzipped: { medianMs: number; samplesMs: number[] }
  /** The same with the first sync sent as is (the browser not asking for gzip, as before). */
  plain: { medianMs: number; samplesMs: number[] }
}

async function openOnce(browser: Browser, baseUrl: string, docUrl: string, cookie: string, gzip: boolean) {
  let largest: Buffer | null = null
  const { editable } = await openFresh(browser, baseUrl, docUrl, cookie, {
    prepare: async (page) => {
      // Without DecompressionStream the client does not ask for gzip (client/collab/gunzippingSocket.ts).
      if (!gzip) await page.addInitScript('delete window.DecompressionStream')
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: SLOW_LINK.roundTripMs,
        downloadThroughput: (SLOW_LINK.downloadMbps * 1e6) / 8,
        uploadThroughput: (SLOW_LINK.uploadMbps * 1e6) / 8,
      })
      page.on('websocket', (ws) =>
        ws.on('framereceived', ({ payload }) => {
          if (typeof payload !== 'string' && payload.byteLength > (largest?.byteLength ?? 0)) largest = payload
        }),
      )
    },
  })
  const frame = largest as Buffer | null
  if (!frame) throw new Error('slow link: no frame received')
  const unpacked = frame[0] === MessageType.gzipped ? zlib.gunzipSync(frame.subarray(1)).byteLength : frame.byteLength
  return { editable, wire: frame.byteLength, unpacked, gzipped: frame[0] === MessageType.gzipped }
}

export async function coldOpenOnSlowLink(browser: Browser, baseUrl: string, docUrl: string, cookie: string): Promise<SlowLinkResult> {
  // No warm-up: the browser and the server have just opened the law five times.
  const gzipped: number[] = []
  const plain: number[] = []
  let firstSyncKb = { gzipped: NaN, unpacked: NaN }
  for (let i = 0; i < RUNS; i++) {
    for (const gzip of (i % 2 ? [false, true] : [true, false]).filter((g) => g || i < PLAIN_RUNS)) {
      const run = await openOnce(browser, baseUrl, docUrl, cookie, gzip)
      if (run.gzipped !== gzip) throw new Error(`slow link: the first sync was ${run.gzipped ? '' : 'not '}gzipped`)
      ;(gzip ? gzipped : plain).push(run.editable)
      if (gzip) firstSyncKb = { gzipped: run.wire / 1024, unpacked: run.unpacked / 1024 }
    }
  }
  return {
    link: SLOW_LINK,
    firstSyncKb,
    gzipped: { medianMs: median(gzipped), samplesMs: gzipped },
    plain: { medianMs: median(plain), samplesMs: plain },
  }
}
