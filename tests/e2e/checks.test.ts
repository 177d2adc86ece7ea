import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../helpers/server'
import { caretAtEnd, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createDocument, shareWithCast, type Cast } from '../helpers/accounts'
import { connectClient, elementText, nthElement, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { wordAt } from '../helpers/wordAt'

/**
 * In the browser, in the Russian interface: a drafter checks the text before a version goes out —
 * a co-author has dropped a semicolon and typed a double space — and fixes it from the panel;
 * a reviewer sees the same list, without the fixes.
 */
describe('checking the text, in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  let docId: string
  let coauthor: TestClient
  const errors: string[] = []

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    docId = (await createDocument(cast.owner, { title: 'Модельный закон', template: 'sample', language: 'ru' })).id
    await shareWithCast(cast, docId)
    browser = await launchBrowser()
    coauthor = connectClient(server.wsUrl, docId, { cookie: cast.owner.cookie })
    await waitSynced(coauthor)
  })

  afterAll(async () => {
    coauthor?.destroy()
    await browser?.close()
    await server?.close()
  })

  async function open(account: Cast['drafter']): Promise<Page> {
    const context = await contextFor(browser, server.url, account, { language: 'ru' })
    const page = await context.newPage()
    page.context().setDefaultTimeout(10_000)
    errors.push(...trackErrors(page))
    await page.goto(`${server.url}/d/${docId}`)
    await page.locator('.legal-text article.article').nth(2).waitFor()
    await page.getByTestId('toggle-checks').click()
    return page
  }

  it('makes a reference typed as words a cross-reference; then finds what a co-author got wrong, live; a fix is an edit for everyone, undone with Ctrl+Z', async () => {
    const page = await open(cast.drafter)
    const panel = page.getByTestId('checks-panel')
    // The panel took the focus from its button: keyboard users land in it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('checks-title')

    // The sample's one issue: "в статье 4 настоящего Закона" typed as words, which renumbering would leave behind.
    await expect.poll(() => panel.getByTestId('check').allTextContents()).toEqual([
      'Статья 19, часть 2«статье 4» набрано текстом и не изменится при перенумерации: сделайте это перекрёстной ссылкой (Ctrl+Alt+6)Сделать ссылкой',
    ])
    await panel.getByTestId('check-fix').click()
    await expect.poll(() => panel.getByTestId('checks-none').textContent()).toBe('Ничего не найдено: текст оформлен по правилам.')
    // For the co-author too: the number is a cross-reference to Article 4, by its id, and reads as before.
    const article4 = nthElement(coauthor.ydoc, 'article', 3).getAttribute('id')
    await expect.poll(() => coauthor.ydoc.getXmlFragment('default').toString().includes(`<xref target="${article4}"></xref>`)).toBe(true)
    expect(await page.locator('.legal-text article.article').nth(18).locator('.clause').nth(1).textContent()).toContain('в статье 4 настоящего Закона')

    // A co-author drops the semicolon after point 1) of Article 3 and types a double space into Article 1.
    const point = nthElement(coauthor.ydoc, 'point', 0).get(0) as Y.XmlText
    point.delete(point.length - 1, 1)
    ;(nthElement(coauthor.ydoc, 'clause', 0).get(0) as Y.XmlText).insert('Настоящий'.length, ' ')
    await waitSaved(coauthor)

    await expect.poll(() => panel.getByTestId('check').count()).toBe(2)
    expect(await panel.getByTestId('check').allTextContents()).toEqual([
      'Статья 1Два пробела подрядИсправить',
      'Статья 3, пункт 1)Элемент перечисления, за которым следует другой, заканчивается точкой с запятойИсправить',
    ])
    expect(await panel.getByTestId('checks-count').textContent()).toBe('Найдено: 2')
    // By kind: the spaces alone.
    const show = panel.getByLabel('Показать')
    expect(await show.locator('option').allTextContents()).toEqual(['Всё (2)', 'Перечисления и знаки препинания (1)', 'Пробелы и парные знаки (1)'])
    await show.selectOption('typography')
    await expect.poll(() => panel.getByTestId('check').allTextContents()).toEqual(['Статья 1Два пробела подрядИсправить'])
    await show.selectOption('all')

    // Where: a button that puts the caret at the end of that point's words.
    await panel.getByRole('button', { name: 'Статья 3, пункт 1)' }).click()
    await expect.poll(() => page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('[data-id]')?.textContent)).toBe('уважение прав человека и достоинства личности')

    // One fixed: the semicolon is back, for the co-author too; the panel follows.
    await panel.locator('[data-kind="itemSemicolon"]').getByTestId('check-fix').click()
    await expect.poll(() => elementText(coauthor.ydoc, 'point', 0)).toBe('уважение прав человека и достоинства личности;')
    await expect.poll(() => panel.getByTestId('check').count()).toBe(1)
    // Undone: only the drafter's own fix, as any edit of theirs.
    await page.keyboard.press('Control+z')
    await expect.poll(() => elementText(coauthor.ydoc, 'point', 0)).toBe('уважение прав человека и достоинства личности')
    await expect.poll(() => panel.getByTestId('check').count()).toBe(2)

    // Everything at once: one edit.
    await panel.getByTestId('checks-fix-all').click()
    await expect.poll(() => elementText(coauthor.ydoc, 'point', 0)).toBe('уважение прав человека и достоинства личности;')
    expect(elementText(coauthor.ydoc, 'clause', 0)).toMatch(/^Настоящий Закон определяет/)
    await expect.poll(() => panel.getByTestId('checks-none').count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('finds a defined term the text no longer uses, and clears it when a drafter uses it again, declined as the sentence needs', async () => {
    const page = await open(cast.drafter)
    const panel = page.getByTestId('checks-panel')
    await expect.poll(() => panel.getByTestId('checks-none').count()).toBe(1)
    // A co-author drops the only use of «уязвимое положение», in the definition of trafficking.
    const trafficking = nthElement(coauthor.ydoc, 'point', 4).get(0) as Y.XmlText
    const words = ' или уязвимым положением'
    trafficking.delete(trafficking.toString().indexOf(words), words.length)
    await waitSaved(coauthor)

    const term = panel.locator('[data-kind="unusedTerm"]')
    await expect.poll(() => term.textContent()).toBe('Статья 4, пункт 5)Термин «уязвимое положение» определён, но больше в тексте закона не употребляетсяПрокомментировать')
    expect(await panel.getByLabel('Показать').locator('option').allTextContents()).toEqual(['Всё (1)', 'Термины (1)'])
    // Its place: the caret after the term, in its definition.
    await term.getByRole('button', { name: 'Статья 4, пункт 5)' }).click()
    await expect.poll(() => page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('[data-id]')?.textContent)).toMatch(/^уязвимое положение — личное/)

    // Used again, in another case: the list is clear, live.
    const principle = page.locator('.legal-text article.article').nth(2).locator('.point').nth(0)
    await principle.click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type(', в том числе лиц в уязвимом положении')
    await expect.poll(() => elementText(coauthor.ydoc, 'point', 0)).toBe('уважение прав человека и достоинства личности, в том числе лиц в уязвимом положении;')
    await expect.poll(() => panel.getByTestId('checks-none').count()).toBe(1)

    // The law's terms: each where it is defined, how often it is used; a click goes to its definition.
    const glossary = panel.getByTestId('glossary')
    await glossary.locator('summary').click()
    const terms = glossary.getByTestId('glossary-term')
    await expect.poll(() => terms.getByTestId('glossary-go').allTextContents()).toEqual(['торговля людьми', 'эксплуатация', 'жертва', 'ребенок', 'уязвимое положение'])
    expect(await terms.last().textContent()).toBe('уязвимое положениеСтатья 4, пункт 5) · употреблений: 1Найти употребления')
    await terms.getByRole('button', { name: 'ребенок' }).click()
    await expect.poll(() => page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('[data-id]')?.textContent)).toMatch(/^ребенок — лицо/)
    // «Найти употребления»: the find bar, looking for every form of it; the definition is one of the matches.
    const victim = terms.filter({ has: page.getByRole('button', { name: 'жертва', exact: true }) })
    const uses = Number((await victim.textContent())!.match(/употреблений: (\d+)/)![1])
    expect(uses).toBeGreaterThan(10)
    await victim.getByTestId('glossary-find').click()
    const bar = page.getByTestId('find-bar')
    expect(await bar.getByLabel('Найти').inputValue()).toBe('жертва')
    expect(await bar.getByTestId('find-word-forms').isChecked()).toBe(true)
    await expect.poll(() => bar.getByTestId('find-count').textContent()).toMatch(new RegExp(`^\\d+ из ${uses + 1}$`))
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a reviewer the same list, to go to each place, without fixes: what they see goes to the drafters as a remark', async () => {
    const heading = nthElement(coauthor.ydoc, 'articleHeading', 3).get(0) as Y.XmlText
    heading.insert(heading.length, '.')
    await waitSaved(coauthor)
    const page = await open(cast.reviewer)
    const panel = page.getByTestId('checks-panel')
    await expect.poll(() => panel.getByTestId('check').allTextContents()).toEqual(['Статья 4, заголовокЗаголовок пишется без точки в концеПрокомментировать'])
    expect(await panel.getByTestId('check-fix').count()).toBe(0)
    expect(await panel.getByTestId('checks-fix-all').count()).toBe(0)

    // «Прокомментировать»: a comment on the article as a whole, its words ready to send or change.
    await panel.getByTestId('check-comment').click()
    const composer = page.getByTestId('comment-composer')
    await expect.poll(() => composer.getByTestId('composer-title').textContent()).toMatch(/^Новое замечание к статье 4 в целом/)
    const box = composer.getByRole('textbox')
    expect(await box.inputValue()).toBe('Статья 4, заголовок: Заголовок пишется без точки в конце.')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await composer.getByRole('button', { name: 'Отправить' }).click()
    const article4 = nthElement(coauthor.ydoc, 'article', 3).getAttribute('id')
    await expect.poll(async () => (await cast.owner.json<{ articleId: string; comments: { body: string }[] }[]>(`/api/documents/${docId}/threads`)).map((t) => [t.articleId, t.comments[0].body]))
      .toEqual([[article4, 'Статья 4, заголовок: Заголовок пишется без точки в конце.']])
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a term’s definition where the text uses it: the pointer resting on it, or Ctrl+Alt+0 with the caret in it; a reviewer’s pointer too', async () => {
    const page = await open(cast.drafter)
    await page.getByTestId('toggle-checks').click()
    const card = page.getByTestId('term-peek')
    // «жертв» in Article 1 uses «жертва», defined in Article 4, point 3).
    const victims = await wordAt(page, '.legal-text .clause', 0, 'жертв')
    await page.mouse.move(victims.x, victims.y)
    await expect.poll(() => card.getByTestId('term-peek-term').textContent()).toBe('«жертва»')
    expect(await card.getByTestId('term-peek-where').textContent()).toBe('Статья 4, пункт 3)')
    expect(await card.getByTestId('term-peek-words').textContent()).toMatch(/^жертва — физическое лицо, которому причинен вред/)
    // Words no term has show nothing; the card goes when the pointer leaves.
    await page.mouse.move(5, 5)
    await expect.poll(() => card.count()).toBe(0)
    const law = await wordAt(page, '.legal-text .clause', 0, 'Настоящий')
    await page.mouse.move(law.x, law.y)
    await page.waitForTimeout(800)
    expect(await card.count()).toBe(0)

    // From the keyboard: the caret in «эксплуатацию» (Article 19), Ctrl+Alt+0; the card has the focus, and the item's own points.
    const exploitation = await wordAt(page, '.legal-text article.article', 18, 'эксплуатацию')
    await page.mouse.click(exploitation.x, exploitation.y)
    await page.keyboard.press('Control+Alt+0')
    await expect.poll(() => card.getByTestId('term-peek-term').textContent()).toBe('«эксплуатация»')
    const lines = await card.getByTestId('term-peek-words').locator('p').allTextContents()
    expect(lines[0]).toMatch(/^эксплуатация — .*:$/)
    expect(lines.length).toBeGreaterThan(2)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('term-peek-go')
    // Escape gives the focus back to the text, where it was.
    await page.keyboard.press('Escape')
    await expect.poll(() => card.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
    // Enter on "Go to the definition": the caret in Article 4's item.
    await page.keyboard.press('Control+Alt+0')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('term-peek-go')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('[data-id]')?.textContent)).toMatch(/^эксплуатация — /)
    // Where no term stands, the card says so.
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Control+Alt+0')
    await expect.poll(() => card.getByTestId('term-peek-none').textContent()).toBe('Здесь нет термина, определённого в законе.')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('term-peek')
    await page.keyboard.press('Escape')
    await expect.poll(() => card.count()).toBe(0)
    await page.close()

    // A reviewer reads the text without a caret: the pointer shows the definition all the same.
    const reader = await open(cast.reviewer)
    const child = await wordAt(reader, '.legal-text .clause', 0, 'жертв')
    await reader.mouse.move(child.x, child.y)
    await expect.poll(() => reader.getByTestId('term-peek').getByTestId('term-peek-term').textContent()).toBe('«жертва»')
    expect(errors).toEqual([])
    await reader.close()
  })

  it('takes a term a drafter introduces for its chapter («далее в настоящей главе») as used in that chapter only, and says so in the glossary', async () => {
    const page = await open(cast.drafter)
    const panel = page.getByTestId('checks-panel')
    // Only the terms' findings: the reviewer's test left a heading's full stop.
    const unused = panel.locator('[data-kind="unusedTerm"]')
    await expect.poll(() => panel.getByTestId('check').count()).toBe(1)
    expect(await unused.count()).toBe(0)
    const typeAtEnd = async (article: number, words: string) => {
      await caretAtEnd(page, page.locator('.legal-text article.article').nth(article).locator('.clause').first())
      await page.keyboard.type(words)
    }
    // Chapter 4 (Articles 8 to 11): the term, then no use of it yet.
    await typeAtEnd(7, ' Организация, оказывающая помощь (далее в настоящей главе — исполнитель), отчитывается ежегодно.')
    await expect.poll(() => unused.allTextContents()).toEqual([expect.stringMatching(/^Статья 8.*Термин «исполнитель» определён, но больше в тексте закона не употребляется/)])
    // A use in Chapter 5 is another word; one in Article 9, in the same chapter, is a use.
    await typeAtEnd(11, ' Исполнитель не назначается.')
    await page.waitForTimeout(600)
    expect(await unused.count()).toBe(1)
    await typeAtEnd(8, ' Исполнитель участвует в плане.')
    await expect.poll(() => unused.count()).toBe(0)

    const glossary = panel.getByTestId('glossary')
    await glossary.locator('summary').click()
    const term = glossary.getByTestId('glossary-term').filter({ has: page.getByRole('button', { name: 'исполнитель', exact: true }) })
    await expect.poll(() => term.textContent()).toMatch(/^исполнительСтатья 8.* \(только в главе 4\) · употреблений: 1Найти употребления$/)
    // «Найти употребления»: only in Chapter 4, the definition and Article 9's use; the whole law on asking (Article 12's word too).
    await term.getByTestId('glossary-find').click()
    const bar = page.getByTestId('find-bar')
    expect(await bar.getByTestId('find-within').textContent()).toBe('Только в главе 4')
    await expect.poll(() => bar.getByTestId('find-count').textContent()).toMatch(/^\d из 2$/)
    await bar.getByRole('button', { name: 'Искать во всём законе' }).click()
    await expect.poll(() => bar.getByTestId('find-count').textContent()).toMatch(/^\d из 3$/)
    expect(await bar.getByTestId('find-within').count()).toBe(0)
    await page.keyboard.press('Escape')

    // The card on its use in Article 9: the one sentence of Article 8 that introduces it, not the paragraph; in Article 12 there is no term.
    const card = page.getByTestId('term-peek')
    const use = await wordAt(page, '.legal-text article.article', 8, 'Исполнитель')
    await page.mouse.click(use.x, use.y)
    await page.keyboard.press('Control+Alt+0')
    await expect.poll(() => card.getByTestId('term-peek-words').textContent()).toBe('… Организация, оказывающая помощь (далее в настоящей главе — исполнитель), отчитывается ежегодно.')
    await page.keyboard.press('Escape')
    const other = await wordAt(page, '.legal-text article.article', 11, 'Исполнитель')
    await page.mouse.click(other.x, other.y)
    await page.keyboard.press('Control+Alt+0')
    await expect.poll(() => card.getByTestId('term-peek-none').count()).toBe(1)
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
    await page.close()
  })
})
