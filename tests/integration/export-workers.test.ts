import { afterEach, describe, expect, it } from 'vitest'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { encodeDocJSON } from '../../shared/ydoc'
import type { ExportMeta } from '../../shared/export/meta'
import { ExportWorkers, TaskTooHeavy } from '../../server/export/workers'
import { findSoffice, runBounded } from '../../server/export/pdf'
import { asciiFileStem, contentDisposition } from '../../server/export/filename'
import { unicodeFileStem } from '../../shared/fileName'
import { runTask, validImportedDoc } from '../../server/export/task'
import { createLogger } from '../../server/logger'
import { HttpError } from '../../server/errors'

/** The pieces behind the export endpoint: the worker pool, the PDF converter's helpers, file names. */

const log = createLogger('silent')
const meta: ExportMeta = { title: 'Model Law', language: 'en', status: 'draft', date: '2025-03-14', organizations: [] }

describe('export worker pool', () => {
  let pool: ExportWorkers | undefined
  afterEach(async () => {
    await pool?.close()
    pool = undefined
  })

  it('runs exports in a worker thread from Yjs updates or a tree, and the same bytes come back as in-process', async () => {
    pool = new ExportWorkers({ log, size: 1 })
    const fromUpdates = await pool.run({ kind: 'export', format: 'md', source: { updates: [encodeDocJSON(sampleLaw('en'))] }, meta })
    const fromTree = await pool.run({ kind: 'export', format: 'md', source: { doc: sampleLaw('en') }, meta })
    const inProcess = await runTask({ kind: 'export', format: 'md', source: { doc: sampleLaw('en') }, meta })
    expect(pool.threads).toBe(1)
    if (fromUpdates.kind !== 'export' || fromTree.kind !== 'export' || inProcess.kind !== 'export') throw new Error('not an export')
    expect(new TextDecoder().decode(fromUpdates.bytes)).toBe(new TextDecoder().decode(inProcess.bytes))
    expect(fromTree.bytes).toEqual(inProcess.bytes)
  })

  it('keeps the error name of a refused import (answered as 400 by the route)', async () => {
    pool = new ExportWorkers({ log, size: 1 })
    await expect(pool.run({ kind: 'importDoc', doc: { type: 'doc', content: [{ type: 'script' }] }, language: 'en' })).rejects.toMatchObject({ name: 'InvalidDocument' })
    // The worker survives a refused task.
    const ok = await pool.run({ kind: 'importDoc', doc: sampleLaw('ru'), language: 'ru' })
    expect(ok.kind).toBe('import')
  })

  it('stops a worker whose task takes too long, answers 503, and starts a fresh one for the next task', async () => {
    pool = new ExportWorkers({ log, size: 1, taskTimeoutMs: 5 })
    const slow = pool.run({ kind: 'export', format: 'docx', source: { doc: generateLaw({ articles: 300 }) }, meta })
    await expect(slow).rejects.toMatchObject({ status: 503 })
    expect(pool.threads).toBe(0)
    await pool.close()
    pool = new ExportWorkers({ log, size: 1 })
    const next = await pool.run({ kind: 'export', format: 'html', source: { doc: sampleLaw('en') }, meta })
    expect(next.kind).toBe('export')
  })

  it('fails a task that needs more memory than a worker has with TaskTooHeavy, and the next task gets a fresh worker', async () => {
    pool = new ExportWorkers({ log, size: 1, heapMb: 64 })
    // 90,000 articles with 200-letter headings (under MAX_IMPORT_BLOCKS): a tree far past 64 MB.
    const bytes = new TextEncoder().encode('Law\n\n' + `Article 1. ${'Heading '.repeat(25)}\n`.repeat(90_000))
    const heavy = pool.run({ kind: 'importFile', type: 'text', bytes })
    await expect(heavy).rejects.toBeInstanceOf(TaskTooHeavy)
    expect(pool.threads).toBe(0)
    const next = await pool.run({ kind: 'export', format: 'md', source: { doc: sampleLaw('en') }, meta })
    expect(next.kind).toBe('export')
  }, 60_000)

  it('refuses work beyond its queue with 503 and Retry-After', async () => {
    pool = new ExportWorkers({ log, size: 1, maxQueue: 1 })
    const doc = generateLaw({ articles: 100 })
    const first = pool.run({ kind: 'export', format: 'docx', source: { doc }, meta })
    const second = pool.run({ kind: 'export', format: 'docx', source: { doc }, meta })
    const third = pool.run({ kind: 'export', format: 'docx', source: { doc }, meta })
    await expect(third).rejects.toBeInstanceOf(HttpError)
    await expect(third).rejects.toMatchObject({ status: 503, headers: { 'Retry-After': '5' } })
    expect((await first).kind).toBe('export')
    expect((await second).kind).toBe('export')
  })

  it('fails what is queued when it closes', async () => {
    pool = new ExportWorkers({ log, size: 1 })
    const running = pool.run({ kind: 'export', format: 'docx', source: { doc: generateLaw({ articles: 100 }) }, meta })
    const queued = pool.run({ kind: 'export', format: 'md', source: { doc: sampleLaw('en') }, meta })
    const settled = Promise.allSettled([running, queued])
    await pool.close()
    for (const result of await settled) expect(result).toMatchObject({ status: 'rejected', reason: { status: 503 } })
    await expect(pool.run({ kind: 'export', format: 'md', source: { doc: sampleLaw('en') }, meta })).rejects.toMatchObject({ status: 503 })
  })
})

describe('imported trees', () => {
  it('are normalised by the schema and get fresh ids', () => {
    const doc = validImportedDoc(sampleLaw('en'))
    const article = doc.content!.find((n) => n.type === 'article')!
    expect(article.attrs?.id).toMatch(/^[0-9a-z]{12}$/)
    expect(article.attrs?.id).not.toBe(sampleLaw('en').content!.find((n) => n.type === 'article')!.attrs?.id)
  })
})

describe('PDF helpers', () => {
  it('finds soffice on PATH, takes a configured path, and can be switched off', () => {
    expect(findSoffice('off')).toBeNull()
    expect(findSoffice('/opt/lo/soffice')).toBe('/opt/lo/soffice')
    expect(findSoffice(undefined, '/nonexistent')).toBeNull()
    expect(findSoffice(undefined)).toMatch(/(soffice|libreoffice)$/)
  })

  it('kills a command that runs past its time, with its process group', async () => {
    const started = Date.now()
    await expect(runBounded('sh', ['-c', 'sleep 30 & sleep 30'], 200)).rejects.toMatchObject({ status: 503 })
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('download file names', () => {
  it('are safe ASCII with a transliterated fallback and the real title in filename*', () => {
    expect(asciiFileStem('Модельный закон «О противодействии торговле людьми»')).toBe('Modelnyi_zakon_O_protivodeistvii_torgovle_liudmi')
    expect(asciiFileStem('Щит и Ёж')).toBe('Shchit_i_Ezh')
    expect(asciiFileStem('../../etc/passwd')).toBe('etc_passwd')
    expect(asciiFileStem('"; filename=evil.exe')).toBe('filename_evil.exe')
    expect(asciiFileStem('国')).toBe('draft')
    expect(unicodeFileStem('a/b\\c:d*e?f"g<h>i|j\u0000k\r\nl')).toBe('a b c d e f g h i j k l')
    expect(unicodeFileStem('..hidden')).toBe('hidden')
    expect(unicodeFileStem('x'.repeat(500)).length).toBe(120)
    expect(contentDisposition('Закон (проект)', 'pdf')).toBe(`attachment; filename="Zakon_proekt.pdf"; filename*=UTF-8''%D0%97%D0%B0%D0%BA%D0%BE%D0%BD%20%28%D0%BF%D1%80%D0%BE%D0%B5%D0%BA%D1%82%29.pdf`)
  })
})
