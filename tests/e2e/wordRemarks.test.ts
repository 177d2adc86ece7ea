import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { ThreadView } from '../../shared/api'
import { textOfBlock } from '../../shared/comments/anchor'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createDocument, shareWithCast, type Cast } from '../helpers/accounts'
import { answeredInWord } from '../helpers/answeredInWord'
import { anchorOn, articleId } from '../helpers/anchorOn'
import { articleBlockText, connectClient, waitSynced, xmlString } from '../helpers/clients'
import { dropFile } from '../helpers/dropFile'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * In the browser, in the Russian interface: a ministry sends a draft back as a Word file — the
 * draft's own comment answered in the margin, a new remark, a tracked change — and a reviewer
 * adds them to the draft's review from the comments panel, seeing first what each becomes.
 */
describe('remarks from a Word file in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  let page: Page
  let errors: string[]
  let docId: string
  let asked: ThreadView
  let file: Buffer
  let commented: string
  let changed: string
  /** A word of Article 7 the ministry changes without tracking it. */
  let edited: string

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    docId = (await createDocument(cast.owner, { title: 'Модельный закон', template: 'sample', language: 'ru' })).id
    await shareWithCast(cast, docId)
    const client = connectClient(server.wsUrl, docId, { cookie: cast.reviewer.cookie })
    try {
      await waitSynced(client)
      const passage = textOfBlock(articleBlockText(client.ydoc, 2, 1)).split(' ').slice(0, 3).join(' ')
      const body = { articleId: articleId(client.ydoc, 2), anchor: anchorOn(client.ydoc, 2, 1, passage), body: 'Неясно, о чём речь.' }
      asked = await (await cast.reviewer.api(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify(body) })).json()
      commented = textOfBlock(articleBlockText(client.ydoc, 4, 1)).split(' ').slice(1, 4).join(' ')
      const whole = textOfBlock(articleBlockText(client.ydoc, 5, 1))
      changed = whole.split(' ').find((w) => /^\p{L}{5,}$/u.test(w))!
      const all = xmlString(client.ydoc)
      edited = textOfBlock(articleBlockText(client.ydoc, 6, 1)).split(' ').find((w) => /^\p{L}{6,}$/u.test(w) && all.split(w).length === 2)!
    } finally {
      client.destroy()
    }
    // What the ministry got (the draft with its open comments in Word's margin), and what it sent back.
    const exported = new Uint8Array(await (await cast.owner.api(`/api/documents/${docId}/export?format=docx&comments=1`)).arrayBuffer())
    file = Buffer.from(
      answeredInWord(exported, {
        replies: [{ to: 'Неясно, о чём речь.', author: 'МВД', text: 'Речь о жертвах торговли людьми.', done: true }],
        comments: [{ on: commented, author: 'МИД', text: 'Сослаться на Конвенцию <b>здесь</b>.' }],
        changes: [{ words: changed, by: 'ИСПРАВЛЕНО', author: 'Минюст' }],
      }),
    )
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, cast.reviewer)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    page = await context.newPage()
    page.context().setDefaultTimeout(10_000)
    errors = trackErrors(page)
    await page.goto(`${server.url}/d/${docId}`)
    await page.getByTestId('read-only-banner').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows what each remark of the file becomes in this draft, and adds them to its review', async () => {
    const panel = page.getByTestId('comments-panel')
    await expect.poll(() => panel.getByTestId('thread').count()).toBe(1)
    await panel.getByRole('button', { name: 'Замечания из файла Word…' }).click()
    const dialog = page.getByTestId('word-remarks-dialog')
    await dialog.getByLabel('Файл Word (.docx)').setInputFiles({ name: 'ответ МВД.docx', mimeType: DOCX_TYPE, buffer: file })
    await dialog.getByTestId('remarks-summary').waitFor()
    expect(await dialog.getByTestId('remarks-summary').locator('li').allTextContents()).toEqual([
      'Новых обсуждений к словам текста: 2',
      'Ответов в обсуждениях проекта: 1 (обсуждений: 1)',
    ])
    const items = dialog.getByTestId('preview-word-comment')
    expect(await items.count()).toBe(3)
    // Marked done in Word: said, and left open unless the adder ticks the box.
    expect(await items.nth(0).textContent()).toMatch(
      /Неясно, о чём речь\. \(ответов: 1\) → новые ответы в обсуждении проекта \(Статья 3\. [^)]+\): 1; в Word отмечено как выполненное \(обсуждение остаётся открытым, если не отметить «Закрыть» ниже\)$/,
    )
    expect(await dialog.getByTestId('remarks-resolve-done').isChecked()).toBe(false)
    expect(await dialog.getByText('Закрыть обсуждения проекта, отмеченные в файле как выполненные: 1').count()).toBe(1)
    expect(await items.nth(1).textContent()).toMatch(/— МИД: Сослаться на Конвенцию <b>здесь<\/b>\. → новое обсуждение к этим словам \(Статья 5\. [^)]+\)$/)
    expect(await items.nth(2).textContent()).toMatch(new RegExp(`^${changed} → ИСПРАВЛЕНО — Минюст → новое обсуждение к этим словам \\(Статья 6\\. [^)]+\\)$`))
    // Nothing is added before it is confirmed.
    expect(await cast.owner.json<ThreadView[]>(`/api/documents/${docId}/threads`)).toHaveLength(1)

    await dialog.getByRole('button', { name: 'Добавить к обсуждению' }).click()
    await dialog.getByTestId('remarks-done').waitFor()
    await dialog.getByRole('button', { name: 'Закрыть' }).click()
    expect(await dialog.count()).toBe(0)

    // Everyone's panel shows them: the answer under the draft's own thread, the new ones on their words.
    await expect.poll(() => panel.getByTestId('thread').count()).toBe(3)
    const answered = panel.locator(`[data-thread-id="${asked.id}"]`)
    expect(await answered.getByTestId('comment-body').allTextContents()).toEqual(['Неясно, о чём речь.', 'Из Word — МВД, 5 декабря 2026 г.:\nРечь о жертвах торговли людьми.'])
    expect((await cast.owner.json<ThreadView[]>(`/api/documents/${docId}/threads`)).find((t) => t.id === asked.id)?.status).toBe('open')
    const remark = panel.getByTestId('thread').filter({ hasText: 'Сослаться на Конвенцию' })
    const remarkId = (await remark.getAttribute('data-thread-id'))!
    await expect
      .poll(() => page.evaluate((id) => [...document.querySelectorAll(`.legal-text .comment-highlight[data-thread-id="${CSS.escape(id)}"]`)].map((s) => s.textContent).join(''), remarkId))
      .toBe(commented)
    expect(await page.locator('.legal-text b, [data-testid="comments-panel"] b').count()).toBe(0)
    const change = panel.getByTestId('thread').filter({ hasText: 'Исправление в Word — Минюст' })
    expect(await change.textContent()).toContain('ИСПРАВЛЕНО')

    // The same file again: nothing new, but the thread the file marks done is still open here; resolved only when asked.
    await panel.getByRole('button', { name: 'Замечания из файла Word…' }).click()
    await dialog.getByLabel('Файл Word (.docx)').setInputFiles({ name: 'ответ МВД.docx', mimeType: DOCX_TYPE, buffer: file })
    await dialog.getByTestId('remarks-summary').waitFor()
    expect(await dialog.getByTestId('remarks-summary').locator('li').allTextContents()).toEqual(['Уже есть в проекте, оставлены как есть: 3'])
    expect(await dialog.textContent()).toContain('Все замечания этого файла в проекте уже есть; открытых обсуждений, отмеченных в файле как выполненные: 1.')
    const confirm = dialog.getByRole('button', { name: 'Добавить к обсуждению' })
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.getByLabel('Закрыть обсуждения проекта, отмеченные в файле как выполненные: 1').check()
    expect(await items.nth(0).textContent()).toMatch(/; в Word отмечено как выполненное: будет закрыто при добавлении$/)
    expect(await confirm.isDisabled()).toBe(false)
    await confirm.click()
    await dialog.getByTestId('remarks-done').waitFor()
    expect(await dialog.getByTestId('remarks-done').locator('li').allTextContents()).toEqual(['Уже есть в проекте, оставлены как есть: 3', 'Закрыто обсуждений, отмеченных в файле как выполненные: 1'])
    await page.keyboard.press('Escape')
    expect(await dialog.count()).toBe(0)
    const all = await cast.owner.json<ThreadView[]>(`/api/documents/${docId}/threads`)
    expect(all.map((t) => [t.id, t.status])).toEqual(all.map((t) => [t.id, t.id === asked.id ? 'resolved' : 'open']))
    expect(all.find((t) => t.id === asked.id)?.resolvedBy?.id).toBe(cast.reviewer.user.id)
    expect(errors).toEqual([])
  })

  it('says that a reply in the file opens a thread resolved here again, and opens it', async () => {
    const panel = page.getByTestId('comments-panel')
    const exported = new Uint8Array(await (await cast.owner.api(`/api/documents/${docId}/export?format=docx&comments=1`)).arrayBuffer())
    // The ministry answers a remark of the file it was sent, which the draft has resolved since.
    const reply = answeredInWord(exported, { replies: [{ to: 'Сослаться на Конвенцию', author: 'МИД', text: 'Ещё не учтено.' }] })
    const remark = (await cast.owner.json<ThreadView[]>(`/api/documents/${docId}/threads`)).find((t) => t.comments[0].body.includes('Сослаться на Конвенцию'))!
    expect((await cast.owner.api(`/api/documents/${docId}/threads/${remark.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'resolved' }) })).status).toBe(200)
    await panel.getByRole('button', { name: 'Замечания из файла Word…' }).click()
    const dialog = page.getByTestId('word-remarks-dialog')
    await dialog.getByLabel('Файл Word (.docx)').setInputFiles({ name: 'ответ МИД.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(reply) })
    await dialog.getByTestId('remarks-summary').waitFor()
    const item = dialog.getByTestId('preview-word-comment').filter({ hasText: 'Сослаться на Конвенцию' })
    expect(await item.textContent()).toMatch(/→ новые ответы в обсуждении проекта \(Статья 5\. [^)]+\): 1; обсуждение закрыто в проекте и с ответами будет открыто снова$/)
    await dialog.getByRole('button', { name: 'Добавить к обсуждению' }).click()
    await dialog.getByTestId('remarks-done').waitFor()
    expect(await dialog.getByTestId('remarks-done').locator('li').allTextContents()).toContain('Открыто снова закрытых обсуждений, на которые ответили в файле: 1')
    await page.keyboard.press('Escape')
    // Open again: back in the panel's "Open" list, with the answer.
    const card = panel.locator(`[data-thread-id="${remark.id}"]`)
    await expect.poll(() => card.getAttribute('data-status')).toBe('open')
    expect(await card.getByTestId('comment-body').last().textContent()).toMatch(/Ещё не учтено\.$/)
    expect(errors).toEqual([])
  })

  it('proposes what a ministry changed in the text without tracked changes, each change on its words', async () => {
    const plain = new Uint8Array(await (await cast.owner.api(`/api/documents/${docId}/export?format=docx`)).arrayBuffer())
    const edits = Buffer.from(answeredInWord(plain, { edits: [{ words: edited, by: 'ПРАВКА' }] }))
    const panel = page.getByTestId('comments-panel')
    await panel.getByRole('button', { name: 'Замечания из файла Word…' }).click()
    const dialog = page.getByTestId('word-remarks-dialog')
    await dialog.getByLabel('Файл Word (.docx)').setInputFiles({ name: 'правки Минюста.docx', mimeType: DOCX_TYPE, buffer: edits })
    await dialog.getByTestId('remarks-summary').waitFor()
    expect(await dialog.getByTestId('remarks-edits').textContent()).toContain('изменений — 1')
    const items = dialog.getByTestId('preview-word-comment')
    expect(await items.count()).toBe(1)
    expect(await items.textContent()).toMatch(new RegExp(`^${edited} → ПРАВКА — правки Минюста\\.docx → новое обсуждение к этим словам \\(Статья 7\\. [^)]+\\)$`))
    await dialog.getByRole('button', { name: 'Добавить к обсуждению' }).click()
    await dialog.getByTestId('remarks-done').waitFor()
    await dialog.getByRole('button', { name: 'Закрыть' }).click()
    const card = panel.getByTestId('thread').filter({ hasText: 'без режима исправлений' })
    await expect.poll(() => card.count()).toBe(1)
    expect(await card.getByTestId('comment-body').textContent()).toBe('Изменено в файле «правки Минюста.docx» без режима исправлений: предложено как редакция ниже.')
    expect(await card.textContent()).toContain('ПРАВКА')
    expect(errors).toEqual([])
  })

  it('says in words when a file is not a Word file or has no remarks', async () => {
    await page.getByTestId('comments-panel').getByRole('button', { name: 'Замечания из файла Word…' }).click()
    const dialog = page.getByTestId('word-remarks-dialog')
    await dialog.getByLabel('Файл Word (.docx)').setInputFiles({ name: 'заметки.txt', mimeType: 'text/plain', buffer: Buffer.from('Статья 1.') })
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Замечания читаются только из файлов Word (.docx).')
    const plain = new Uint8Array(await (await cast.owner.api(`/api/documents/${docId}/export?format=docx`)).arrayBuffer())
    await dialog.getByLabel('Файл Word (.docx)').setInputFiles({ name: 'проект.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(plain) })
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('В файле нет примечаний, сносок или исправлений, а его текст совпадает с текстом проекта: добавлять к обсуждению нечего.')
    await dialog.getByRole('button', { name: 'Отмена' }).click()
    expect(errors).toEqual([])
  })

  it('takes a Word file dropped on the draft’s page into "Remarks from a Word file", the panel opening for it; other files are refused', async () => {
    const dialog = page.getByTestId('word-remarks-dialog')
    const hint = async () => {
      await page.waitForTimeout(100)
      return page.locator('.file-drop-hint').allTextContents()
    }
    // Another kind of file: no hint while it is over the page, and nothing opens when it is dropped.
    expect(await dropFile(page, '.legal-text', { name: 'проект.md', type: 'text/markdown', bytes: '# Проект\n' }, async () => expect(await hint()).toEqual([]))).toEqual({ taken: true })
    await page.waitForTimeout(200)
    expect(await dialog.count()).toBe(0)

    await page.getByTestId('toggle-comments').click()
    expect(await page.getByTestId('comments-panel').count()).toBe(0)
    const over = await dropFile(page, '.legal-text', { name: 'ответ МВД.docx', type: DOCX_TYPE, bytes: file }, async () =>
      expect(await hint()).toEqual(['Отпустите файл Word, чтобы добавить его замечания к обсуждению проекта']),
    )
    expect(over).toEqual({ taken: true })
    expect(await page.locator('.file-drop-hint').count()).toBe(0)
    await page.getByTestId('comments-panel').waitFor()
    await dialog.getByTestId('remarks-summary').waitFor()
    expect(await dialog.getByTestId('remarks-summary').locator('li').allTextContents()).toEqual(['Уже есть в проекте, оставлены как есть: 3'])

    // A file the system names no type for is taken, and read as one chosen: not a Word file, it is said in words.
    expect(await dropFile(page, '.word-remarks-dialog', { name: 'заметки.txt', type: '', bytes: 'Статья 1.' })).toEqual({ taken: true })
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Замечания читаются только из файлов Word (.docx).')
    await page.keyboard.press('Escape')
    expect(await dialog.count()).toBe(0)
    expect(errors).toEqual([])
  })
})
