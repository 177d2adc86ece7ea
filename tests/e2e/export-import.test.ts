import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, caretAtEnd, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { englishDocx, russianDocx } from '../helpers/draftDocx'
import { ministryDraft } from '../helpers/commentedDocx'
import { amended } from '../helpers/amendedDocx'
import { unzipText, zipEntries, zipStored } from '../helpers/zip'
import { dropFile as dropOn } from '../helpers/dropFile'

/**
 * In the browser: importing a .docx with a preview, exporting (the download arrives), importing
 * our own Akoma Ntoso export back, files that cannot be imported answered in words, pasting a
 * passage from Word into the editor, and hostile markup staying inert text.
 */

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Blocks of the editor's articles as "kind:label text" (remote caret labels left out). */
async function articleBlocks(page: Page, n: number): Promise<string[]> {
  return page.$$eval(
    '.legal-text article.article',
    (articles, index) =>
      [...(articles[index]?.querySelectorAll('p') ?? [])].map((p) => `${p.className.split(' ')[0]}:${p.getAttribute('data-label') ?? ''} ${p.textContent ?? ''}`.trim()),
    n,
  )
}

/** Records every progress text the page shows (they come and go too fast to wait for). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = [])
    const note = () => {
      for (const el of document.querySelectorAll('[data-testid="import-progress"], [data-testid="export-status"]')) {
        const text = `${el.getAttribute('data-testid')}:${el.getAttribute('data-state') ?? ''}:${el.textContent ?? ''}`
        if (seen.at(-1) !== text) seen.push(text)
      }
    }
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)

/** Fires a paste on the editor with the given clipboard contents, as the browser does for Ctrl+V. */
async function paste(page: Page, data: { html?: string; text: string }): Promise<void> {
  await page.evaluate((d) => {
    const transfer = new DataTransfer()
    if (d.html) transfer.setData('text/html', d.html)
    transfer.setData('text/plain', d.text)
    const target = document.querySelector('.legal-text')!
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, data)
}

describe('export and import in the browser', () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]
  let owner: Account

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url, { displayName: 'Ada', organization: { name: 'Secretariat', shortName: 'SEC', color: '#1f5fa8' } })
    browser = await launchBrowser()
    context = await contextFor(browser, server.url, owner)
    page = await context.newPage()
    errors = trackErrors(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A Word file chosen in the import dialog of the Russian interface, up to its preview. */
  async function previewInRussian(name: string, bytes: Uint8Array): Promise<void> {
    await page.goto(server.url)
    await page.evaluate(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Импортировать проект' }).click()
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: DOCX_TYPE, buffer: Buffer.from(bytes) })
    await page.getByTestId('import-preview').waitFor()
  }

  it('imports an English .docx: progress, a preview of the recognised structure, then the draft with computed numbers', async () => {
    const fixture = await englishDocx()
    await page.goto(server.url)
    await recordProgress(page)
    // The reader starts while the person picks a file, not once it is chosen.
    const readerStarted = page.waitForEvent('worker', { timeout: 10_000 })
    await page.getByTestId('import-document').click()
    await readerStarted
    await page.getByTestId('import-file').setInputFiles({ name: 'Assistance to victims.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(fixture.bytes) })
    const preview = page.getByTestId('import-preview')
    await preview.waitFor()
    expect(await page.getByTestId('preview-title').textContent()).toBe(fixture.title)
    expect(await page.getByTestId('import-title').inputValue()).toBe(fixture.title)
    expect(await page.getByTestId('preview-article-label').allTextContents()).toEqual(fixture.articleLabels)
    expect(await page.getByTestId('preview-article-heading').allTextContents()).toEqual(['Definitions', 'Scope', 'Shelters'])
    expect(await page.getByTestId('preview-chapter').count()).toBe(2)
    const counts = page.getByTestId('preview-counts')
    expect(await counts.locator('[data-count="articles"] dd').textContent()).toBe('3')
    expect(await counts.locator('[data-count="unrecognised"] dd').textContent()).toBe('1')
    // The line that matched nothing is shown in place, as plain text.
    const plain = page.locator('.preview-plain')
    expect(await plain.count()).toBe(1)
    expect(await plain.textContent()).toContain('NOTE: consult the Council before adoption')
    expect(await page.getByTestId('preview-notes').textContent()).toContain('Typed article numbers differ from the computed ones (7 → 2)')
    const blocks = await page.getByTestId('preview-block').evaluateAll((els) => els.slice(0, 5).map((e) => `${e.getAttribute('data-kind')}:${e.textContent}`))
    expect(blocks).toEqual([
      'clause:1. For the purposes of this Law:',
      'point:(a) “victim” means a natural person who has suffered harm;',
      'point:(b) “assistance” means:',
      'subpoint:(i) shelter;',
      'subpoint:(ii) medical care.',
    ])

    expect(await progressSeen(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^import-progress::Reading the file/), 'import-progress::Reading the Word document…']))

    await page.getByTestId('import-confirm').click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector(SAVED)
    await expect.poll(async () => (await articleLabels(page)).map((a) => `${a.label} ${a.heading}`)).toEqual(['Article 1. Definitions', 'Article 2. Scope', 'Article 3. Shelters'])
    expect(await articleBlocks(page, 0)).toEqual([
      'clause:1. For the purposes of this Law:',
      'point:(a) “victim” means a natural person who has suffered harm;',
      'point:(b) “assistance” means:',
      'subpoint:(i) shelter;',
      'subpoint:(ii) medical care.',
      'clause:2. Other terms have their ordinary meaning.',
    ])
    expect(await page.locator('.doc-title').textContent()).toBe(fixture.title)
  })

  it('exports the draft: DOCX and PDF downloads arrive, the DOCX is a Word package', async () => {
    await page.getByTestId('export').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()])
    expect(download.suggestedFilename()).toBe('Model Law on Assistance to Victims.docx')
    const bytes = new Uint8Array(await readFile((await download.path())!))
    expect(zipEntries(bytes)).toContain('word/document.xml')
    const xml = unzipText(bytes, 'word/document.xml')
    expect(xml).toContain('Article 3. Shelters')
    expect(xml).toContain('Status: </w:t>')
    await page.getByTestId('export-status').filter({ hasText: 'is downloaded' }).waitFor()
    // "Preparing…" while the server writes the file, then done; the page stayed live throughout.
    expect(await progressSeen(page)).toEqual(expect.arrayContaining(['export-status:preparing:Preparing the Word (DOCX) file…Cancel']))

    await page.getByTestId('export').click()
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-pdf').click()])
    expect(pdf.suggestedFilename()).toBe('Model Law on Assistance to Victims.pdf')
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    await page.getByTestId('export').click()
    const [akn] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-akn').click()])
    expect(akn.suggestedFilename()).toBe('Model Law on Assistance to Victims.xml')
  })

  it('imports its own Akoma Ntoso export back: the same title, chapters, article numbers, headings and text', async () => {
    const title = await page.locator('.doc-title').textContent()
    const labels = (await articleLabels(page)).map((a) => `${a.label} ${a.heading}`)
    const blocks = await Promise.all(labels.map((_, i) => articleBlocks(page, i)))
    await page.getByTestId('export').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-akn').click()])
    const xml = await readFile((await download.path())!)

    await page.goto(server.url)
    await recordProgress(page)
    await page.getByTestId('import-document').click()
    await page.getByTestId('import-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/xml', buffer: xml })
    await page.getByTestId('import-preview').waitFor()
    expect(await page.getByTestId('preview-title').textContent()).toBe(title)
    expect(await page.getByTestId('import-title').inputValue()).toBe(title)
    const previewLabels = await page.getByTestId('preview-article-label').allTextContents()
    const previewHeadings = await page.getByTestId('preview-article-heading').allTextContents()
    expect(previewLabels.map((label, i) => `${label} ${previewHeadings[i]}`)).toEqual(labels)
    expect(await page.getByTestId('preview-chapter').count()).toBe(2)
    // The reader's own stage line can be replaced before it is painted on a file this small: only the first line is sure to show.
    expect(await progressSeen(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^import-progress::Reading the file/)]))

    await page.getByTestId('import-confirm').click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector(SAVED)
    await expect.poll(async () => (await articleLabels(page)).map((a) => `${a.label} ${a.heading}`)).toEqual(labels)
    expect(await Promise.all(labels.map((_, i) => articleBlocks(page, i)))).toEqual(blocks)
    expect(await page.locator('.doc-title').textContent()).toBe(title)
  })

  it('imports a Russian .docx in the Russian interface, with notes in Russian', async () => {
    const fixture = await russianDocx()
    await page.evaluate(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Импортировать проект' }).click()
    await page.getByTestId('import-file').setInputFiles({ name: 'закон.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(fixture.bytes) })
    await page.getByTestId('import-preview').waitFor()
    expect(await page.getByTestId('preview-article-label').allTextContents()).toEqual(fixture.articleLabels)
    expect(await page.getByTestId('preview-notes').textContent()).toContain('Набранные номера статей расходятся с вычисленными (5 → 2)')
    expect(await page.getByLabel('русский').isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Создать проект' }).click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector(SAVED)
    await expect.poll(async () => (await articleLabels(page)).map((a) => `${a.label} ${a.heading}`)).toEqual(['Статья 1. Основные понятия', 'Статья 2. Сфера действия', 'Статья 3. Приюты'])
    expect(await articleBlocks(page, 2)).toEqual([
      'clause:1. Приюты предоставляются бесплатно.',
      'point:1) для взрослых;',
      'subpoint:а) мужчин;',
      'subpoint:б) женщин;',
      'point:2) для детей.',
      'clause:2. Приюты безопасны.',
    ])
    await page.evaluate(() => localStorage.setItem('accord.uiLanguage', 'en'))
  })

  it('imports a ministry’s .docx with comments in the margin: the preview says so, and the draft opens with them as review threads on their words', async () => {
    await previewInRussian('замечания министерств.docx', await ministryDraft())
    const notes = await page.getByTestId('preview-notes').textContent()
    expect(notes).toContain('Примечаний Word и ответов на них: 7. Они станут замечаниями к тем словам, к которым сделаны')
    expect(notes).toContain('Сносок (обычных и концевых): 1.')
    // Each listed before the draft is made: its words, its Word author and first comment, replies, done.
    const listed = page.getByTestId('preview-word-comment')
    expect(await listed.count()).toBe(7)
    expect(await listed.nth(1).textContent()).toBe('не более тридцати дней — МВД: Предлагаем «пятнадцать дней». (ответов: 1) (выполнено: будет закрыто)')
    expect(await listed.nth(6).textContent()).toBe('обращений — Сноска 1: Обращения — письменные и электронные.')
    await page.getByRole('button', { name: 'Создать проект' }).click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector(SAVED)
    // Open ones shown, in the order of the text; each word of theirs highlighted where it was made.
    const panel = page.getByTestId('comments-panel')
    await expect.poll(() => panel.getByTestId('thread-quote').allTextContents()).toEqual([
      expect.stringContaining('Предмет закона'),
      expect.stringContaining('обращений'),
      expect.stringContaining('тот же срок.'),
      expect.stringContaining('Решение направляется заявителю в письменной форме.'),
      expect.stringContaining('Старая редакция'),
      expect.stringContaining('срок'),
    ])
    const term = panel.getByTestId('thread').filter({ hasText: 'Какой именно?' })
    expect(await term.getByTestId('comment-body').textContent()).toBe('Из Word — МИД, 1 декабря 2026 г.:\nКакой именно?')
    const threadId = (await term.getAttribute('data-thread-id'))!
    await expect.poll(() =>
      page.evaluate((id) => {
        const spans = [...document.querySelectorAll(`.legal-text .comment-highlight[data-thread-id="${CSS.escape(id)}"]`)]
        return [spans.map((s) => s.textContent).join(''), spans[0]?.closest('p')?.textContent, spans[0]?.closest('article.article')?.querySelector('.article-heading')?.getAttribute('data-label')]
      }, threadId),
    ).toEqual(['срок', 'Этот срок исчисляется со дня регистрации.', 'Статья 2.'])
    // The one marked done in Word, with its reply, under "Resolved".
    await page.getByLabel('Показать').selectOption('resolved')
    const done = panel.getByTestId('thread')
    await expect.poll(() => done.count()).toBe(1)
    expect(await done.getByTestId('comment-body').allTextContents()).toEqual(['Из Word — МВД, 1 декабря 2026 г.:\nПредлагаем «пятнадцать дней».', 'Из Word — Минюст, 1 декабря 2026 г.:\nСогласны.'])
    await page.evaluate(() => localStorage.setItem('accord.uiLanguage', 'en'))
    expect(errors).toEqual([])
  })

  it('imports a .docx with tracked changes as proposed wordings when asked, and a drafter accepts one in the draft', async () => {
    await previewInRussian('правки Минюста.docx', await amended())
    const preview = page.getByTestId('import-preview')
    await page.getByTestId('import-title').fill('Закон о сроках, правки Минюста')
    expect(await preview.textContent()).toContain('Закон вступает в силу через шесть месяцев.')
    await page.getByLabel('Предложить как редакции к тексту, каким он был до них').check()
    await expect.poll(async () => (await page.getByTestId('preview-notes').textContent()) ?? '').toContain('исправления внутри абзацев (6) предложены как редакции')
    expect(await page.getByTestId('import-title').inputValue()).toBe('Закон о сроках, правки Минюста')
    expect(await preview.textContent()).toContain('Закон вступает в силу через три месяцев.')
    expect(await page.getByTestId('preview-word-comment').nth(1).textContent()).toBe('три → шесть — Минюст')
    await page.getByRole('button', { name: 'Создать проект' }).click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector(SAVED)
    const card = page.getByTestId('thread').filter({ hasText: 'шесть' })
    await card.getByTestId('proposal-accept').click()
    await expect.poll(() => page.locator('.legal-text').textContent()).toContain('через шесть месяцев.')
    await page.evaluate(() => localStorage.setItem('accord.uiLanguage', 'en'))
    expect(errors).toEqual([])
  })

  it('files that cannot be imported are answered in words in the Russian interface, never with a library message', async () => {
    const notDocx = 'Файл не является документом Word (.docx) или повреждён.'
    const empty = 'Нет текста для импорта.'
    const cp1251 = Buffer.from([...'Статья 1. Цель'].map((ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))))
    const cases: { name: string; mimeType: string; buffer: Buffer; message: string }[] = [
      { name: 'пустой.docx', mimeType: DOCX_TYPE, buffer: Buffer.alloc(0), message: notDocx },
      { name: 'скан.docx', mimeType: DOCX_TYPE, buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]), message: notDocx },
      { name: 'архив.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(zipStored({ '[Content_Types].xml': '<Types/>', 'readme.txt': 'no Word document' })), message: notDocx },
      { name: 'повреждён.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(zipStored({ 'word/document.xml': 'not XML <<<' })), message: notDocx },
      { name: 'odt.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(zipStored({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' })), message: notDocx },
      { name: 'страница.xml', mimeType: 'text/xml', buffer: Buffer.from('<?xml version="1.0"?><html><body><p>Не закон</p></body></html>'), message: 'Этот XML-файл не является актом Akoma Ntoso (нет документа <akomaNtoso> с разделом <body>).' },
      { name: 'обрезан.xml', mimeType: 'application/xml', buffer: Buffer.from('<akomaNtoso><act><body><article>'), message: 'Файл не является корректным XML: возможно, он повреждён или обрезан.' },
      { name: 'пусто.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\n\t\r\n'), message: empty },
      { name: 'пусто.md', mimeType: 'text/markdown', buffer: Buffer.from('\n   \n'), message: empty },
      { name: 'закон-1251.txt', mimeType: 'text/plain', buffer: cp1251, message: 'Файл не читается как текст. Сохраните его как текст в кодировке UTF-8 (.txt, .md) или как документ Word (.docx).' },
    ]
    await page.evaluate(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    try {
      await page.goto(server.url)
      const shown: string[] = []
      for (const file of cases) {
        await page.getByTestId('import-document').click()
        await page.getByTestId('import-file').setInputFiles(file)
        const alert = page.locator('.import-dialog [role="alert"]')
        // Either an answer, or (what an empty file got before) a preview of an empty draft.
        await alert.or(page.getByTestId('import-preview')).waitFor()
        // An answer leaves the dialog at the choice of a file, with nothing to create.
        const state = (await page.getByTestId('import-confirm').count()) ? 'preview, "Create the draft"' : (await page.getByTestId('import-file').count()) ? '' : 'no file input'
        shown.push(`${file.name}: ${(await alert.count()) ? await alert.textContent() : ''}${state}`)
        await page.getByRole('button', { name: 'Отмена' }).click()
      }
      expect(shown).toEqual(cases.map((c) => `${c.name}: ${c.message}`))
    } finally {
      await page.evaluate(() => localStorage.setItem('accord.uiLanguage', 'en'))
    }
  })

  it('imports a file dropped on the drafts page, with a hint while it is over the page; on a draft (which takes Word files of remarks only) or in administration a dropped Markdown file is left alone', async () => {
    /** Drops a Markdown file on `selector`; while it is over the page, the page shows `hint` (or no hint, for null). */
    const dropFile = (selector: string, name: string, text: string, hint?: string | null) =>
      dropOn(page, selector, { name, type: 'text/markdown', bytes: text }, async () => {
        if (hint) expect(await page.locator('.file-drop-hint').textContent()).toBe(hint)
        else if (hint === null) {
          await page.waitForTimeout(200)
          expect(await page.locator('.file-drop-hint').count()).toBe(0)
        }
      })
    await page.goto(server.url)
    await page.getByTestId('import-document').waitFor()
    const dropped = await dropFile('main', 'Law on drops.md', '# Law on drops\n\n### Article 1. Dropped\n\n1. Dropped on the page.\n', 'Drop the file to import it as a new draft')
    expect(dropped).toEqual({ taken: true })
    await page.getByTestId('import-preview').waitFor()
    expect(await page.locator('.file-drop-hint').count()).toBe(0)
    expect(await page.getByTestId('import-title').inputValue()).toBe('Law on drops')
    expect(await page.getByTestId('preview-article-heading').allTextContents()).toEqual(['Dropped'])
    // Another file dropped on the preview replaces it.
    expect((await dropFile('.import-dialog', 'Second.md', '# Second law\n\n### Article 1. Again\n\nText.\n')).taken).toBe(true)
    await expect.poll(() => page.getByTestId('import-title').inputValue()).toBe('Second law')
    await page.getByTestId('import-confirm').click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector(SAVED)
    expect((await articleLabels(page)).map((a) => `${a.label} ${a.heading}`)).toEqual(['Article 1. Again'])

    // On a draft: no hint, nothing imported into it, and the browser does not open the file instead.
    // (Its text as the document holds it: innerText leaves out what a busy machine has not laid out yet.)
    const before = await page.locator('.legal-text').textContent()
    expect(await dropFile('.legal-text', 'Other.md', '# Other\n', null)).toEqual({ taken: true })
    await page.waitForTimeout(200)
    expect(await page.locator('.legal-text').textContent()).toBe(before)
    expect(await page.locator('.import-dialog').count()).toBe(0)
    // Nor on the administration page.
    await page.getByRole('link', { name: 'Administration' }).click()
    await page.getByRole('heading', { name: 'Administration' }).waitFor()
    expect(await dropFile('main', 'Other.md', '# Other\n', null)).toEqual({ taken: true })
    expect(await page.locator('.import-dialog').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('previews a long law up to its 150th article: no chapter heading after it, and how many articles are not listed', async () => {
    const chapters = Array.from({ length: 20 }, (_, c) =>
      [`## Chapter ${c + 1}. Part ${c + 1}`, ...Array.from({ length: 8 }, (_, a) => `### Article ${c * 8 + a + 1}. Heading ${c * 8 + a + 1}\n\nText.`)].join('\n\n'))
    await page.goto(server.url)
    await page.getByTestId('import-document').waitFor()
    const dropped = await dropOn(page, 'main', { name: 'Long law.md', type: 'text/markdown', bytes: `# Long law\n\n${chapters.join('\n\n')}\n` }, async () => {})
    expect(dropped).toEqual({ taken: true })
    await page.getByTestId('import-preview').waitFor()
    expect(await page.getByTestId('preview-article').count()).toBe(150)
    // Chapter 19 holds the 145th to 150th; chapter 20, whose articles are all past the cut, is not listed bare.
    expect(await page.getByTestId('preview-chapter').count()).toBe(19)
    expect(await page.getByTestId('preview-more').textContent()).toBe('Articles not listed here: 10. The draft will have them all.')
    await page.keyboard.press('Escape')
  })

  it('pasting a passage copied from Word keeps its structure and the numbering', async () => {
    const doc = await createDocument(owner, { title: 'Paste target', template: 'sample', language: 'en' })
    await page.goto(`${server.url}/d/${doc.id}`)
    await page.waitForSelector(SAVED)
    const before = await articleLabels(page)
    // The end of Article 1's only paragraph.
    await caretAtEnd(page, page.locator('.legal-text article.article').first().locator('p.clause').first())
    const word = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><style>p.MsoNormal{margin:0}</style></head><body lang=EN-GB>',
      '<!--StartFragment-->',
      "<p class=MsoNormal><b><span lang=EN-GB>Article 5. Cooperation with civil society<o:p></o:p></span></b></p>",
      "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-GB><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>The competent authorities cooperate with non-governmental organizations.<o:p></o:p></span></p>",
      "<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp; </span></span>Cooperation covers:</p>",
      "<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>1)<span>&nbsp; </span></span>shelter;</p>",
      "<p class=MsoListParagraphCxSpLast style='margin-left:108.0pt;mso-list:l0 level3 lfo1'><span style='mso-list:Ignore'>a)<span>&nbsp; </span></span>for children.</p>",
      "<p class=MsoNormal><b>Article 6. Training</b></p><p class=MsoNormal>Staff are trained every year.</p>",
      '<!--EndFragment--></body></html>',
    ].join('')
    await paste(page, { html: word, text: 'Article 5. Cooperation with civil society\n1.\tThe competent…' })
    const expected = [before[0].label, 'Article 2.', 'Article 3.', ...before.slice(1).map((_, i) => `Article ${i + 4}.`)]
    await expect.poll(async () => (await articleLabels(page)).map((a) => a.label)).toEqual(expected)
    const labels = await articleLabels(page)
    expect(labels[1].heading).toBe('Cooperation with civil society')
    expect(labels[2].heading).toBe('Training')
    expect(await articleBlocks(page, 1)).toEqual([
      'clause:1. The competent authorities cooperate with non-governmental organizations.',
      'clause:2. Cooperation covers:',
      'point:(a) shelter;',
      'subpoint:(i) for children.',
    ])
    // The article that followed keeps its id and heading, renumbered.
    expect(labels[3]).toMatchObject({ id: before[1].id, heading: before[1].heading, label: 'Article 4.' })
    const ids = labels.map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)

    // Typed points pasted as plain text into a paragraph become its points, lettered as English points are.
    await caretAtEnd(page, page.locator('.legal-text article.article').nth(2).locator('p.clause').first())
    await paste(page, { text: '1) in the first year;\n2) every year after that.' })
    await expect.poll(() => articleBlocks(page, 2)).toEqual(['clause: Staff are trained every year.', 'point:(a) in the first year;', 'point:(b) every year after that.'])
    await page.waitForSelector(SAVED)
  })

  it('hostile pasted markup does nothing: no image, script or link, only text', async () => {
    await page.evaluate(() => ((window as unknown as { pwned?: number }).pwned = undefined))
    await caretAtEnd(page, page.locator('.legal-text article.article').first().locator('p.clause').first())
    await paste(page, {
      html: '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3" onclick="window.pwned=4">safe words</a><svg onload="window.pwned=5"></svg>',
      text: 'safe words',
    })
    await paste(page, {
      html: '<p>1. <img src=y onerror="window.pwned=6">First<script>window.pwned=7</script></p><p onmouseover="window.pwned=8">2. <a href="javascript:window.pwned=9">Second</a></p>',
      text: '1. First\n2. Second',
    })
    await expect.poll(() => articleBlocks(page, 0)).toEqual([
      expect.stringMatching(/^clause:1\. .*safe words$/),
      'clause:2. First',
      'clause:3. Second',
    ])
    const editor = page.locator('.legal-text')
    for (const tag of ['img', 'script', 'a', 'svg']) expect(await editor.locator(tag).count(), tag).toBe(0)
    await editor.locator('p.clause').nth(2).hover()
    await editor.locator('p.clause').nth(2).click()
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
    await page.waitForSelector(SAVED)
  })

  it('text typed with markup is imported and shown as text', async () => {
    await page.goto(server.url)
    await page.getByTestId('import-document').click()
    await page.getByTestId('import-text').fill('Law <b>bold</b> & <i>co</i>\n\nArticle 1. <img src=x onerror="window.pwned=10">\n1. <script>window.pwned=11</script> stays text.')
    await page.getByRole('button', { name: 'Recognise the structure' }).click()
    await page.getByTestId('import-preview').waitFor()
    expect(await page.getByTestId('preview-title').textContent()).toBe('Law <b>bold</b> & <i>co</i>')
    expect(await page.getByTestId('preview-article-heading').allTextContents()).toEqual(['<img src=x onerror="window.pwned=10">'])
    expect(await page.getByTestId('import-preview').locator('img, script, b, i').count()).toBe(0)
    await page.getByTestId('import-confirm').click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector(SAVED)
    await expect.poll(async () => (await articleLabels(page)).map((a) => a.heading)).toEqual(['<img src=x onerror="window.pwned=10">'])
    expect(await articleBlocks(page, 0)).toEqual(['clause: <script>window.pwned=11</script> stays text.'])
    expect(await page.locator('.doc-title').textContent()).toBe('Law <b>bold</b> & <i>co</i>')
    expect(await page.locator('.legal-text img, .legal-text script').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
    expect(errors).toEqual([])
  })
})

describe('PDF on a server without LibreOffice', () => {
  let server: TestServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    server = await startTestServer({ config: { sofficePath: 'off' } })
    const owner = await setupAdmin(server.url)
    const doc = await createDocument(owner, { title: 'Print me', template: 'sample', language: 'en' })
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, owner)
    // Every frame, the print frame included: print() records instead of opening a dialog.
    await context.addInitScript(() => {
      window.print = () => {
        const top = window.top as unknown as { printed?: string[] }
        top.printed = [...(top.printed ?? []), document.querySelector('.cover h1')?.textContent ?? document.title]
      }
    })
    page = await context.newPage()
    await page.goto(`${server.url}/d/${doc.id}`)
    await page.waitForSelector(SAVED)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('prints the HTML export, cover first, through the browser instead', async () => {
    await page.getByTestId('export').click()
    await page.getByTestId('export-pdf').click()
    await page.getByTestId('export-status').filter({ hasText: 'print dialog opens instead' }).waitFor()
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: string[] }).printed)).toEqual(['Print me'])
    const frame = page.frameLocator('[data-testid="print-frame"]')
    expect(await frame.locator('.cover dd').first().textContent()).toBe('Current text')
    expect(await frame.locator('h3.article-heading').first().textContent()).toBe('Article 1. Purpose of this Law')
  })
})
