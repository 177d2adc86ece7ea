import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, caretAtEnd, contextFor, editorText, launchBrowser, selectInEditor, trackErrors } from '../helpers/browser'
import { createMember, createOrganization, grant, organization, setupAdmin, TEST_PASSWORD, type Account } from '../helpers/accounts'
import { messageYjsUpdate } from 'y-protocols/sync'
import * as Y from 'yjs'
import { connectClient, insertText, nthElement, waitSynced } from '../helpers/clients'
import { MessageType } from '../../shared/protocol'
import { TYPING_WARMED_MARK } from '../../client/editor/warmTyping'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** The first numbered paragraph of the `article`th article (0-based) on `page`. */
function firstClause(page: Page, article: number): Locator {
  return page.locator('.legal-text article.article').nth(article).locator('.clause').first()
}

/** An element's text without the other people's caret labels, which sit inside the text. */
function textWithoutCarets(element: Locator): Promise<string | null> {
  return element.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
    return copy.textContent
  })
}

describe('two people co-editing the sample law in the browser', () => {
  let server: TestServer
  let browser: Browser
  let anna: BrowserContext
  let boris: BrowserContext
  let pageA: Page
  let pageB: Page
  let errors: string[]
  let docUrl: string
  let docId: string

  let owner: Account
  let borisAccount: Account

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    // The first administrator (Anna, Secretariat) owns the seeded sample; Boris drafts for his ministry.
    owner = await setupAdmin(server.url, { email: 'anna@secretariat.example', displayName: 'Anna', organization: { name: 'Secretariat', shortName: 'Secretariat', color: '#1f5fa8' } })
    const justice = await createOrganization(owner, { name: 'Ministry of Justice', shortName: 'Ministry of Justice', color: '#8a2be2' })
    borisAccount = await createMember(owner, justice.id, 'Boris')
    const [sample] = await owner.json<{ id: string }[]>('/api/documents')
    await grant(owner, sample.id, organization(justice), 'drafter')
    browser = await launchBrowser()
    anna = await contextFor(browser, server.url)
    boris = await contextFor(browser, server.url, borisAccount)
    pageA = await anna.newPage()
    pageB = await boris.newPage()
    errors = []
    trackErrors(pageA, errors)
    trackErrors(pageB, errors)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('signs in and lists the sample draft', async () => {
    await pageA.goto(server.url)
    await pageA.getByLabel('Email').fill('anna@secretariat.example')
    await pageA.getByLabel('Password').fill(TEST_PASSWORD)
    await pageA.getByRole('button', { name: 'Sign in' }).click()
    const row = pageA.getByTestId('document-row').filter({ hasText: 'Model Law On Combating Human Trafficking' })
    await expect.poll(() => row.count()).toBe(1)
    await row.getByRole('link').click()
    await pageA.waitForURL(/\/d\/[0-9a-z]{16}$/)
    docUrl = pageA.url()
    docId = docUrl.split('/').pop()!
    await pageA.waitForSelector(SAVED)
    // Boris's browser asks for the first sync gzipped (the sample is ~15 KB as is, ~5 KB gzipped) and unpacks it.
    const received: { type: number; bytes: number }[] = []
    pageB.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string') received.push({ type: payload[0], bytes: payload.byteLength })
      }),
    )
    await pageB.goto(docUrl)
    await pageB.waitForSelector(SAVED)
    expect(received.filter((m) => m.type === MessageType.gzipped)).toHaveLength(1)
    expect(await editorText(pageB)).toBe(await editorText(pageA))
  })

  it('opening the draft changes nothing in it, though the page gets its typing ready meanwhile', async () => {
    // A browser of its own: Boris's has a copy of the draft, whose updates it may send again when it opens before the sync.
    const context = await contextFor(browser, server.url, borisAccount)
    const page = await context.newPage()
    const sent: number[][] = []
    page.on('websocket', (ws) =>
      ws.on('framesent', ({ payload }) => {
        if (typeof payload !== 'string') sent.push([payload[0], payload[1]])
      }),
    )
    try {
      await page.goto(docUrl)
      await page.waitForSelector(SAVED)
      // The scratch editor that readies the typing path has typed its keys by now.
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length === 1, TYPING_WARMED_MARK)
      await page.waitForTimeout(300)
      expect(sent.filter(([type, syncType]) => type === MessageType.sync && syncType === messageYjsUpdate)).toEqual([])
      expect(await editorText(page)).toBe(await editorText(pageA))
      expect(await page.locator('.ProseMirror').count()).toBe(1)
      expect(await page.locator('.legal-text').textContent()).not.toContain('warm up')
    } finally {
      await context.close()
    }
  })

  it('shows computed numbers, the outline and the people present', async () => {
    const labels = await articleLabels(pageA)
    expect(labels.length).toBeGreaterThanOrEqual(20)
    labels.forEach((a, i) => expect(a.label).toBe(`Article ${i + 1}.`))
    await expect.poll(() => pageA.locator('.outline-article').count()).toBe(labels.length)
    await expect.poll(() => pageA.getByTestId('present-person').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Boris'), expect.stringContaining('Anna')]),
    )
  })

  it('shows text typed in one browser in the other, with the typist’s caret label', async () => {
    const clause = firstClause(pageA, 0)
    await clause.click()
    await pageA.keyboard.press('End')
    await pageA.keyboard.type(' Typed by Anna.')
    const clauseInB = firstClause(pageB, 0)
    await expect.poll(() => clauseInB.textContent()).toContain('Typed by Anna.')
    await expect.poll(() => pageB.locator('.collaboration-carets__label').allTextContents()).toContain('Anna · Secretariat')
    await pageA.waitForSelector(SAVED)
  })

  it('keeps one’s caret while one works elsewhere on the page and a co-author types, and types there on coming back', async () => {
    const mine = firstClause(pageA, 1)
    await caretAtEnd(pageA, mine)
    // The focus on the toolbar: the text has none while Boris's words arrive and are drawn.
    await pageA.getByRole('button', { name: 'Keyboard shortcuts' }).focus()
    const theirs = firstClause(pageB, 2)
    await theirs.click()
    await pageB.keyboard.press('End')
    await pageB.keyboard.type(' Boris meanwhile.')
    await expect.poll(() => textWithoutCarets(firstClause(pageA, 2))).toContain('Boris meanwhile.')
    // Back to the text as "Skip to text" takes one there: the caret is where it was, in Article 2.
    await pageA.evaluate(() => document.getElementById('draft-text')!.focus())
    await expect
      .poll(() => mine.evaluate((el) => el.contains(getSelection()?.focusNode ?? null)))
      .toBe(true)
    await pageA.keyboard.type(' Anna again.')
    await expect.poll(() => textWithoutCarets(mine)).toMatch(/ Anna again\.$/)
    await expect.poll(() => textWithoutCarets(firstClause(pageB, 1))).toMatch(/ Anna again\.$/)
    expect(await textWithoutCarets(firstClause(pageA, 2))).toContain('Boris meanwhile.')
    await pageA.waitForSelector(SAVED)
  })

  it('inserts typed characters itself, Russian ones and over a selection too, and undoes them', async () => {
    const clause = (page: Page) => firstClause(page, 1)
    const text = (page: Page) => textWithoutCarets(clause(page))
    const original = await text(pageA)
    // Recorded after every handler: the editor, not the browser, inserted the character.
    await pageA.evaluate(() => {
      const w = window as unknown as { keypresses: boolean[] }
      w.keypresses = []
      window.addEventListener('keypress', (e) => w.keypresses.push(e.defaultPrevented))
    })
    await clause(pageA).click()
    // Key by key, as a keyboard with a Russian layout sends them (Playwright's type() would
    // paste what its US layout lacks, which is not typing).
    const cdp = await anna.newCDPSession(pageA)
    const press = async (keys: string) => {
      for (const key of keys) {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key })
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key })
      }
    }
    await press(' Статья «7», part (b).')
    for (let i = 0; i < 3; i++) await pageA.keyboard.press('Shift+ArrowLeft')
    await press('c)')
    await pageA.keyboard.press('Control+Alt+ArrowLeft') // not a character: nothing typed
    // Typed where the click put the caret: the text around it is the original.
    const typed = ' Статья «7», part (c)'
    for (const page of [pageA, pageB]) await expect.poll(async () => (await text(page))?.includes(typed)).toBe(true)
    expect((await text(pageB))?.replace(typed, '')).toBe(original)
    const keypresses = await pageA.evaluate(() => (window as unknown as { keypresses: boolean[] }).keypresses)
    expect(keypresses).toHaveLength(' Статья «7», part (b).'.length + 2)
    expect(keypresses.every((prevented) => prevented)).toBe(true)
    await pageA.waitForSelector(SAVED)
    for (let i = 0; i < 5 && (await text(pageA)) !== original; i++) await pageA.keyboard.press('Control+z')
    for (const page of [pageA, pageB]) await expect.poll(() => text(page)).toBe(original)
    await pageA.waitForSelector(SAVED)
    await cdp.detach()
  })

  it('lets two people type in one paragraph at once: each one’s words stay whole and both see the same text', async () => {
    const clause = (page: Page) => firstClause(page, 2)
    const original = await textWithoutCarets(clause(pageA))
    await clause(pageA).click()
    await pageA.keyboard.press('End')
    await clause(pageB).click()
    await pageB.keyboard.press('Home')
    const annaWords = ' (Anna adds these words)'
    const borisWords = '(Boris puts these first) '
    await Promise.all([pageA.keyboard.type(annaWords, { delay: 30 }), pageB.keyboard.type(borisWords, { delay: 30 })])
    await pageA.waitForSelector(SAVED)
    await pageB.waitForSelector(SAVED)
    await expect.poll(async () => (await textWithoutCarets(clause(pageA))) === (await textWithoutCarets(clause(pageB)))).toBe(true)
    const both = (await textWithoutCarets(clause(pageA)))!
    expect(both).toContain(annaWords)
    expect(both).toContain(borisWords)
    expect(both.replace(annaWords, '').replace(borisWords, '')).toBe(original)
  })

  it('shows “Saving…” while someone types and “Saved” once all of it is stored, not flickering between keys', async () => {
    await pageA.waitForSelector(SAVED)
    await pageA.evaluate(() => {
      const status = document.querySelector<HTMLElement>('[data-testid="sync-status"]')!
      const w = window as unknown as { states: string[] }
      w.states = []
      new MutationObserver(() => w.states.push(status.dataset.state!)).observe(status, { attributes: true, attributeFilter: ['data-state'] })
    })
    await firstClause(pageA, 1).click()
    await pageA.keyboard.type('steady', { delay: 80 })
    await pageA.waitForSelector(SAVED)
    expect(await pageA.evaluate(() => (window as unknown as { states: string[] }).states)).toEqual(['saving', 'saved'])
    for (let i = 0; i < 'steady'.length; i++) await pageA.keyboard.press('Backspace')
    await pageA.waitForSelector(SAVED)
  })

  it('takes Ctrl+S, a reflex from Word, as no request to save the page as a file: the status says Accord saves as one types', async () => {
    // The S key's keydown, from a listener registered after the page's own, so it sees what that one did.
    // Registered (awaited) before the key is pressed: under load, a listener set up alongside the press came after it.
    const listenForS = () =>
      pageA.evaluate(() => {
        ;(window as unknown as { sPrevented: Promise<boolean> }).sPrevented = new Promise<boolean>((resolve) => {
          const listen = (event: KeyboardEvent) => {
            if (event.code !== 'KeyS') return
            document.removeEventListener('keydown', listen)
            resolve(event.defaultPrevented)
          }
          document.addEventListener('keydown', listen)
        })
      })
    const prevented = () => pageA.evaluate(() => (window as unknown as { sPrevented: Promise<boolean> }).sPrevented)
    const hint = pageA.getByTestId('save-key-hint')
    expect(await hint.textContent()).toBe('')
    await listenForS()
    await pageA.keyboard.press('Control+s')
    expect(await prevented()).toBe(true)
    await expect.poll(() => hint.textContent()).toBe('Accord saves as you type: nothing to save by hand')
    // The status may still be catching the last test's last key (typing is written after the frame that shows it).
    await expect.poll(() => pageA.getByTestId('sync-status').textContent()).toContain('Saved')
    // On a Russian layout the key types «ы»: the physical key decides.
    await listenForS()
    await pageA.keyboard.down('Control')
    await pageA.evaluate(() => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ы', code: 'KeyS', ctrlKey: true, bubbles: true, cancelable: true })))
    await pageA.keyboard.up('Control')
    expect(await prevented()).toBe(true)
  })

  it('keeps the page still while one types in view, and brings the caret back into view when one types out of it', async () => {
    const caretTop = () => pageA.evaluate(() => getSelection()!.getRangeAt(0).getBoundingClientRect().top)
    const scrollY = () => pageA.evaluate(() => window.scrollY)
    await firstClause(pageA, 1).click()
    const still = await scrollY()
    await pageA.keyboard.type('xy')
    expect(await scrollY()).toBe(still)
    await pageA.evaluate(() => window.scrollBy(0, window.innerHeight * 1.5))
    const away = await caretTop()
    expect(away).toBeLessThan(0) // scrolled out of view, above the window
    await pageA.keyboard.type('z')
    const back = await caretTop()
    expect(back).toBeGreaterThanOrEqual(0)
    expect(back).toBeLessThan(await pageA.evaluate(() => window.innerHeight))
    for (let i = 0; i < 3; i++) await pageA.keyboard.press('Backspace')
    await pageA.waitForSelector(SAVED)
  })

  it('renumbers every following article for both people when an article is inserted before Article 2', async () => {
    const before = await articleLabels(pageB)
    await pageA.locator('.legal-text article.article').first().locator('.article-heading').click()
    await pageA.getByTestId('add-article').click()
    await pageA.keyboard.type('Inserted article')
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await articleLabels(page)).length).toBe(before.length + 1)
      // The new article can arrive before the last of its heading's keystrokes.
      await expect.poll(async () => (await articleLabels(page))[1].heading).toBe('Inserted article')
      const after = await articleLabels(page)
      expect(after[1].heading).toBe('Inserted article')
      expect(after[1].label).toBe('Article 2.')
      expect(before.every((a) => a.id !== after[1].id)).toBe(true)
      // Every article that followed keeps its id and moves one number on.
      for (let i = 1; i < before.length; i++) {
        expect(after[i + 1].id).toBe(before[i].id)
        expect(after[i + 1].label).toBe(`Article ${i + 2}.`)
      }
    }
  })

  it('undoes the words typed, a new point and the words typed in it one at a time, even when typed without a pause', async () => {
    const article = pageA.locator('.legal-text article.article').nth(2)
    const blocks = () => article.evaluate((a) => [...a.querySelectorAll('p')].map((p) => {
      const copy = p.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
      return `${p.classList[0]}:${copy.textContent}`
    }))
    const original = await blocks()
    const last = article.locator('p').last()
    const box = (await last.boundingBox())!
    await last.click({ position: { x: box.width - 2, y: box.height - 4 } }) // on its last line: End goes to the end of a line
    await pageA.keyboard.press('End')
    await pageA.keyboard.type(' first words')
    await pageA.keyboard.press('Control+Alt+4')
    await pageA.keyboard.type('a new point')
    const withWords = [...original.slice(0, -1), `${original.at(-1)} first words`]
    await expect.poll(blocks).toEqual([...withWords, 'point:a new point'])
    await pageA.keyboard.press('Control+z')
    await expect.poll(blocks).toEqual([...withWords, 'point:'])
    await pageA.keyboard.press('Control+z')
    await expect.poll(blocks).toEqual(withWords)
    await pageA.keyboard.press('Control+z')
    await expect.poll(blocks).toEqual(original)
    await pageA.keyboard.press('Control+Shift+z')
    await expect.poll(blocks).toEqual(withWords)
    await pageA.keyboard.press('Control+z')
    await expect.poll(blocks).toEqual(original)
    await pageA.waitForSelector(SAVED)
  })

  it('renumbers the paragraphs of one article for both people when Enter splits one, and joins them again', async () => {
    /** The labels shown in each article, in order ("clause:1.", "point:2)" …). */
    const byArticle = (page: Page) =>
      page.$$eval('.legal-text article.article', (articles) =>
        articles.map((a) => [...a.querySelectorAll('[data-label]')].map((e) => `${e.classList[0]}:${e.getAttribute('data-label')}`)),
      )
    const before = await byArticle(pageA)
    // An article with several numbered paragraphs: a split renumbers those after it.
    const index = before.findIndex((labels) => labels.filter((l) => l.startsWith('clause:')).length >= 2)
    expect(index).toBeGreaterThanOrEqual(0)
    const clauses = before[index].filter((l) => l.startsWith('clause:')).length
    await firstClause(pageA, index).click()
    await pageA.keyboard.press('Home')
    await pageA.keyboard.press('ArrowRight')
    await pageA.keyboard.press('Enter')
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await byArticle(page))[index].filter((l) => l.startsWith('clause:'))).toEqual(
        Array.from({ length: clauses + 1 }, (_, i) => `clause:${i + 1}.`),
      )
      // Every other article shows the numbers it showed.
      const after = await byArticle(page)
      expect(after.filter((_, i) => i !== index)).toEqual(before.filter((_, i) => i !== index))
    }
    await pageA.keyboard.press('Backspace')
    for (const page of [pageA, pageB]) await expect.poll(() => byArticle(page)).toEqual(before)

    // A lone paragraph shows no number: split, both halves are numbered; joined, neither is.
    // Split with Shift+Enter, a line break in Word: the law's blocks hold none, so it splits as Enter does.
    const single = before.findIndex((labels) => labels.filter((l) => l.startsWith('clause:')).length === 1)
    expect(single).toBeGreaterThanOrEqual(0)
    expect(before[single]).toContain('clause:')
    await firstClause(pageA, single).click()
    await pageA.keyboard.press('Home')
    await pageA.keyboard.press('ArrowRight')
    await pageA.keyboard.press('Shift+Enter')
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await byArticle(page))[single].filter((l) => l.startsWith('clause:'))).toEqual(['clause:1.', 'clause:2.'])
    }
    await pageA.keyboard.press('Backspace')
    for (const page of [pageA, pageB]) await expect.poll(() => byArticle(page)).toEqual(before)
    await pageA.waitForSelector(SAVED)
  })

  it('keeps a paragraph\'s words out of its article\'s heading (Backspace steps into the heading), and removes a mistaken new article with one Backspace, for both people', async () => {
    const before = await editorText(pageB)
    const clause = firstClause(pageA, 0)
    const heading = pageA.locator('.legal-text article.article').first().locator('.article-heading')
    const [headingText, clauseText] = [await textWithoutCarets(heading), await textWithoutCarets(clause)]
    // A drafter taking the "1." for typed puts the caret before the words and presses Backspace.
    await selectInEditor(pageA, () => clause.evaluateHandle((el) => new StaticRange({ startContainer: el, startOffset: 0, endContainer: el, endOffset: 0 })))
    await pageA.keyboard.press('Backspace')
    await pageA.keyboard.type('!')
    for (const page of [pageA, pageB]) {
      const article = page.locator('.legal-text article.article').first()
      await expect.poll(() => textWithoutCarets(article.locator('.article-heading'))).toBe(`${headingText}!`)
      expect(await textWithoutCarets(article.locator('.clause').first())).toBe(clauseText)
    }
    await pageA.keyboard.press('Backspace')
    // An article added where none was meant (Ctrl+Alt+2), then Backspace in its empty heading.
    const articles = (await articleLabels(pageA)).length
    await pageA.keyboard.press('Control+Alt+2')
    await expect.poll(async () => (await articleLabels(pageB)).length).toBe(articles + 1)
    await pageA.keyboard.press('Backspace')
    for (const page of [pageA, pageB]) await expect.poll(() => editorText(page)).toBe(before)
    await pageA.waitForSelector(SAVED)
  })

  it('makes a point of a new paragraph begun with a typed "(a) ", as Word makes a list; Backspace right after gives the typed words back', async () => {
    const lone = (await pageA.$$eval('.legal-text article.article', (all) => all.map((a) => a.querySelectorAll('p').length))).indexOf(1)
    expect(lone).toBeGreaterThanOrEqual(0)
    const before = await editorText(pageB)
    await caretAtEnd(pageA, firstClause(pageA, lone))
    await pageA.keyboard.press('Enter')
    await pageA.keyboard.type('(a) the first point;')
    for (const page of [pageA, pageB]) {
      const block = page.locator('.legal-text article.article').nth(lone).locator('p').nth(1)
      await expect.poll(() => textWithoutCarets(block)).toBe('the first point;')
      expect(await block.getAttribute('class')).toContain('point')
      expect(await block.getAttribute('data-label')).toBe('(a)')
    }
    // Enter makes another point; "2. " typed in it makes a paragraph, and Backspace right after gives the point its typed words back.
    await pageA.keyboard.press('Enter')
    await pageA.keyboard.type('2. ')
    const third = pageA.locator('.legal-text article.article').nth(lone).locator('p').nth(2)
    await expect.poll(() => third.getAttribute('class')).toContain('clause')
    expect(await third.getAttribute('data-label')).toBe('2.')
    await pageA.keyboard.press('Backspace')
    await expect.poll(() => textWithoutCarets(third)).toBe('2. ')
    expect(await third.getAttribute('class')).toContain('point')
    // Undo, a step at a time, takes the article back to what it was.
    for (let i = 0; i < 8 && (await editorText(pageA)) !== before; i++) await pageA.keyboard.press('Control+z')
    for (const page of [pageA, pageB]) await expect.poll(() => editorText(page)).toBe(before)
    await pageA.waitForSelector(SAVED)
  })

  it('goes to the end of the law with Ctrl+End and to its start with Ctrl+Home, however far off screen', async () => {
    const last = pageA.locator('.legal-text article.article').last()
    const lastText = await textWithoutCarets(last.locator('p').last())
    const title = (await pageA.locator('.legal-text .law-title').textContent())!
    const caretInView = () =>
      pageA.evaluate(() => {
        const { top, bottom } = getSelection()!.getRangeAt(0).getBoundingClientRect()
        return top >= 0 && bottom <= window.innerHeight
      })
    await pageA.evaluate(() => window.scrollTo(0, 0))
    // Article 5: the last article is far below, not yet rendered (content-visibility: auto).
    await firstClause(pageA, 4).click()
    await pageA.keyboard.press('Control+End')
    await pageA.keyboard.press('Enter')
    await pageA.keyboard.type('A new last paragraph.')
    // A paragraph after the last one (the caret was at the end of the text, not in the heading).
    await expect.poll(() => textWithoutCarets(last.locator('p').last())).toBe('A new last paragraph.')
    expect(await textWithoutCarets(last.locator('p').nth(-2))).toBe(lastText)
    expect(await caretInView()).toBe(true)

    // Shift extends the selection to the start of the title; Ctrl+Home puts the caret there.
    await pageA.keyboard.press('Control+Shift+Home')
    const selected = await pageA.evaluate(() => getSelection()!.toString())
    expect(selected.startsWith(title)).toBe(true)
    expect(selected.endsWith('A new last paragraph.')).toBe(true)
    await pageA.keyboard.press('Control+End')
    await pageA.keyboard.press('Control+Home')
    expect(await caretInView()).toBe(true)
    await pageA.keyboard.type('X')
    await expect.poll(() => pageA.locator('.legal-text .law-title').textContent()).toBe(`X${title}`)
    await pageA.keyboard.press('Backspace')
    // Shift+Ctrl+End selects the whole law from there.
    await pageA.keyboard.press('Control+Shift+End')
    expect((await pageA.evaluate(() => getSelection()!.toString())).endsWith('A new last paragraph.')).toBe(true)
    await pageA.keyboard.press('Control+End')
    await pageA.keyboard.press('Control+Shift+Backspace') // the new paragraph goes again
    await expect.poll(() => textWithoutCarets(last.locator('p').last())).toBe(lastText)
    await pageA.waitForSelector(SAVED)
  })

  it('disables the toolbar’s “Sub-point” where no point would come before one', async () => {
    const subpoint = pageA.getByTestId('add-subpoint')
    await firstClause(pageA, 0).click()
    await expect.poll(() => subpoint.isDisabled()).toBe(true)
    await pageA.locator('.legal-text .point').first().click()
    await expect.poll(() => subpoint.isDisabled()).toBe(false)
    // An empty paragraph right after a point may become a sub-point; once it has text, no sub-point may follow it.
    const blocks = () => pageA.locator('.legal-text p').count()
    const before = await blocks()
    const lastPoint = await pageA.locator('.legal-text').evaluate((root) =>
      [...root.querySelectorAll('.point')].find((p) => !p.nextElementSibling?.matches('.point, .subpoint'))!.getAttribute('data-id'),
    )
    const point = pageA.locator(`.legal-text [data-id="${lastPoint}"]`)
    const box = (await point.boundingBox())!
    await point.click({ position: { x: box.width - 2, y: box.height - 4 } }) // on its last line: End goes to the end of a line
    await pageA.keyboard.press('End')
    await pageA.keyboard.press('Enter')
    await pageA.keyboard.press('Shift+Tab')
    await expect.poll(() => pageA.evaluate(() => {
      const node = getSelection()!.anchorNode!
      return (node instanceof Element ? node : node.parentElement!).closest('p')?.className
    })).toContain('clause')
    await expect.poll(() => subpoint.isDisabled()).toBe(false)
    await pageA.keyboard.type('x')
    await expect.poll(() => subpoint.isDisabled()).toBe(true)
    await pageA.keyboard.press('Backspace')
    await expect.poll(() => subpoint.isDisabled()).toBe(false)
    await pageA.keyboard.press('Backspace')
    await expect.poll(blocks).toBe(before)
  })

  it('shows a co-author’s caret label whole when the caret is at the start of an article heading', async () => {
    const heading = (page: Page) => page.locator('.legal-text article.article').nth(2).locator('.article-heading')
    await heading(pageB).click()
    await pageB.keyboard.press('Home')
    const article = pageA.locator('.legal-text article.article').nth(2)
    const label = article.locator('.collaboration-carets__label')
    await expect.poll(() => label.textContent()).toBe('Boris · Ministry of Justice')
    await heading(pageA).evaluate((el) => el.scrollIntoView({ block: 'center' }))
    /** Share of the label's part above the article's top edge painted in the ministry's colour. */
    const paintedAboveArticle = async () => {
      const box = await label.boundingBox()
      const articleTop = await article.evaluate((el) => el.getBoundingClientRect().top)
      if (!box || box.y > articleTop - 4) return 0 // moving, or not above the edge: measured again
      const shot = await pageA.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: articleTop - box.y } })
      return pageA.evaluate(async (png) => {
        const image = new Image()
        image.src = `data:image/png;base64,${png}`
        await image.decode()
        const canvas = document.createElement('canvas')
        canvas.width = image.width
        canvas.height = image.height
        const context = canvas.getContext('2d')!
        context.drawImage(image, 0, 0)
        const { data } = context.getImageData(0, 0, image.width, image.height)
        let count = 0
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - 0x8a) < 24 && Math.abs(data[i + 1] - 0x2b) < 24 && Math.abs(data[i + 2] - 0xe2) < 24) count++
        }
        return count / (data.length / 4)
      }, shot.toString('base64'))
    }
    // The label rises above the article's top edge, and that part of it is painted (not cut off there).
    await expect.poll(paintedAboveArticle).toBeGreaterThan(0.4)
  })

  it('keeps the outline current while someone keeps typing (it does not wait for a pause)', async () => {
    const clause = pageA.locator('.legal-text article.article').last().locator('.clause').last()
    await clause.click()
    await pageA.keyboard.press('End')
    let typing = true
    const typed = pageA.keyboard.type(' and so on'.repeat(10), { delay: 50 }).finally(() => (typing = false))
    await pageB.locator('.legal-text article.article').first().locator('.article-heading').click()
    await pageB.getByTestId('add-article').click()
    await pageB.keyboard.type('Added while Anna types')
    const outlineA = pageA.locator('.outline-article')
    await expect.poll(() => outlineA.allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Added while Anna types'))
    // Shown while Anna's own keystrokes (and Boris's) kept coming, not once they stopped.
    expect(typing).toBe(true)
    await typed
    await pageA.waitForSelector(SAVED)
    // What reached Anna in batches while she typed (one transaction each) left both with the same text.
    await pageB.waitForSelector(SAVED)
    await expect.poll(async () => (await editorText(pageA)) === (await editorText(pageB))).toBe(true)
    expect(await editorText(pageA)).toContain('Added while Anna types')
    expect(await editorText(pageB)).toContain(' and so on'.repeat(10))
  })

  it('keeps offline edits in the browser and merges them when the connection returns', async () => {
    await boris.setOffline(true)
    await pageB.waitForSelector('[data-testid="sync-status"][data-state="offline"]')
    const lastB = pageB.locator('.legal-text article.article').last().locator('.clause').last()
    await lastB.click()
    await pageB.keyboard.press('End')
    await pageB.keyboard.type(' Written offline by Boris.')
    await expect.poll(() => pageB.getByTestId('sync-status').textContent()).toBe('Offline — unsent changes kept in this browser')
    // In the sticky toolbar too, where someone deep in the law sees it.
    await expect.poll(() => pageB.getByTestId('unsaved-chip').textContent()).toBe('Offline — unsent changes kept in this browser')
    const firstA = firstClause(pageA, 2)
    await firstA.click()
    await pageA.keyboard.press('End')
    await pageA.keyboard.type(' Meanwhile Anna.')
    await boris.setOffline(false)
    for (const page of [pageA, pageB]) {
      await page.waitForSelector(SAVED, { timeout: 20_000 })
      await expect.poll(() => page.locator('.legal-text').textContent()).toContain('Written offline by Boris.')
      await expect.poll(() => page.locator('.legal-text').textContent()).toContain('Meanwhile Anna.')
    }
    await expect.poll(async () => (await editorText(pageA)) === (await editorText(pageB))).toBe(true)
    expect(await pageB.getByTestId('unsaved-chip').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('keeps every word typed into a point while a co-author makes it a sub-point, and the typist’s caret in it; and when she takes the change back', async () => {
    // A point after another point: Tab makes it that one's sub-point.
    const id = await pageA.locator('.legal-text').evaluate((root) =>
      [...root.querySelectorAll('.point')].find((p) => p.previousElementSibling?.classList.contains('point'))!.getAttribute('data-id'),
    )
    const block = (page: Page) => page.locator(`.legal-text [data-id="${id}"]`)
    const original = (await textWithoutCarets(block(pageA)))!
    await block(pageB).click()
    await pageB.keyboard.press('End')
    await block(pageA).click()
    const words = ' typedbyborisduringthetab'
    const typing = pageB.keyboard.type(words, { delay: 40 })
    await expect.poll(async () => (await textWithoutCarets(block(pageA)))!.length > original.length + 4).toBe(true)
    await pageA.keyboard.press('Tab') // while Boris's last letters are still on their way
    await typing
    await pageB.keyboard.type(' and on')
    for (const page of [pageA, pageB]) {
      await page.waitForSelector(SAVED)
      await expect.poll(() => block(page).evaluate((el) => el.classList.contains('subpoint'))).toBe(true)
      await expect.poll(() => textWithoutCarets(block(page))).toBe(`${original}${words} and on`)
    }
    await expect.poll(async () => (await editorText(pageA)) === (await editorText(pageB))).toBe(true)
    // Anna takes her Tab back: a point again, and every word Boris typed into the sub-point stays.
    await pageA.keyboard.press('Control+z')
    for (const page of [pageA, pageB]) {
      await expect.poll(() => block(page).evaluate((el) => el.classList.contains('point'))).toBe(true)
      await expect.poll(() => textWithoutCarets(block(page))).toBe(`${original}${words} and on`)
      await page.waitForSelector(SAVED)
    }
  })

  it('puts the caret of someone whose point a co-author deletes at the start of the next point, not mid-word, and says so', async () => {
    // A point followed by another point, both with words.
    const [gone, next] = await pageA.locator('.legal-text').evaluate((root) => {
      const point = [...root.querySelectorAll('.point')].find((p) => p.nextElementSibling?.classList.contains('point') && (p.nextElementSibling.textContent ?? '').length > 20)!
      return [point.getAttribute('data-id'), point.nextElementSibling!.getAttribute('data-id')]
    })
    const block = (page: Page, id: string | null) => page.locator(`.legal-text [data-id="${id}"]`)
    const nextWords = (await textWithoutCarets(block(pageA, next)))!
    await caretAtEnd(pageB, block(pageB, gone))
    await block(pageA, gone).click()
    await pageA.keyboard.press('Control+Shift+Backspace')
    await expect.poll(() => block(pageB, gone).count()).toBe(0)
    const notice = pageB.getByTestId('caret-moved')
    await expect.poll(() => notice.textContent()).toMatch(/^A co-author deleted the text your caret was in\. The caret is now in Article \d+, point \([a-z]\)\./)
    expect(await pageA.getByTestId('caret-moved').count()).toBe(0) // not the one who deleted it
    await pageB.keyboard.type('Boris goes on ')
    for (const page of [pageA, pageB]) await expect.poll(() => textWithoutCarets(block(page, next))).toBe(`Boris goes on ${nextWords}`)
    // Gone once the caret leaves that point.
    await firstClause(pageB, 0).click()
    await expect.poll(() => notice.count()).toBe(0)
    await pageB.waitForSelector(SAVED)
    await pageA.waitForSelector(SAVED)
  })

  it('keeps words typed offline into an article a co-author moved meanwhile', async () => {
    const id = await pageA.locator('.legal-text article.article').nth(3).getAttribute('data-id')
    const moved = (page: Page) => page.locator(`.legal-text article.article[data-id="${id}"]`)
    await boris.setOffline(true)
    await pageB.waitForSelector('[data-testid="sync-status"][data-state="offline"]')
    await moved(pageB).locator('.clause').first().click()
    await pageB.keyboard.press('End')
    await pageB.keyboard.type(' Boris wrote this offline.')
    const place = (page: Page) => moved(page).evaluate((el) => [...el.parentElement!.children].indexOf(el))
    const before = await place(pageA)
    await moved(pageA).locator('h3.article-heading').click()
    await pageA.keyboard.press('Alt+Shift+ArrowDown')
    await expect.poll(() => place(pageA)).toBe(before + 1)
    await pageA.waitForSelector(SAVED)
    await boris.setOffline(false)
    for (const page of [pageA, pageB]) {
      await page.waitForSelector(SAVED, { timeout: 20_000 })
      await expect.poll(() => place(page)).toBe(before + 1)
      await expect.poll(async () => (await textWithoutCarets(moved(page).locator('.clause').first()))!.split(' Boris wrote this offline.').length).toBe(2)
    }
    await expect.poll(async () => (await editorText(pageA)) === (await editorText(pageB))).toBe(true)
    expect(errors).toEqual([])
  })

  it('keeps words typed offline into a paragraph a co-author joined to the one before it meanwhile', async () => {
    const [firstId, secondId] = await pageA.locator('.legal-text').evaluate((root) => {
      const second = [...root.querySelectorAll('.clause')].find((c) => c.previousElementSibling?.classList.contains('clause'))!
      return [second.previousElementSibling!.getAttribute('data-id')!, second.getAttribute('data-id')!]
    })
    const block = (page: Page, id: string) => page.locator(`.legal-text [data-id="${id}"]`)
    const first = (await textWithoutCarets(block(pageA, firstId)))!
    const second = (await textWithoutCarets(block(pageA, secondId)))!
    await boris.setOffline(true)
    await pageB.waitForSelector('[data-testid="sync-status"][data-state="offline"]')
    await block(pageB, secondId).click()
    await pageB.keyboard.press('End')
    await pageB.keyboard.type(' Boris added this offline.')
    const typed = (await textWithoutCarets(block(pageB, secondId)))! // End goes to the end of a line, not always of the paragraph
    expect(typed).not.toBe(second)
    await block(pageA, secondId).click()
    await pageA.keyboard.press('Home')
    await pageA.keyboard.press('Backspace')
    await expect.poll(() => block(pageA, secondId).count()).toBe(0)
    await pageA.waitForSelector(SAVED)
    await boris.setOffline(false)
    for (const page of [pageA, pageB]) {
      await page.waitForSelector(SAVED, { timeout: 20_000 })
      await expect.poll(() => block(page, secondId).count()).toBe(0)
      await expect.poll(() => textWithoutCarets(block(page, firstId))).toBe(`${first}${typed}`)
    }
    await expect.poll(async () => (await editorText(pageA)) === (await editorText(pageB))).toBe(true)
    expect(errors).toEqual([])
  })

  it('moves words typed at the end of a paragraph a co-author splits meanwhile after the split-off words, and the typist’s caret with them', async () => {
    const id = await pageA.locator('.legal-text').evaluate((root) =>
      [...root.querySelectorAll('.clause')].find((c) => (c.textContent ?? '').length > 40)!.getAttribute('data-id')!,
    )
    const block = (page: Page) => page.locator(`.legal-text [data-id="${id}"]`)
    const following = (page: Page) => block(page).locator('xpath=following-sibling::*[1]')
    const original = (await textWithoutCarets(block(pageA)))!
    await block(pageB).click()
    await pageB.keyboard.press('Control+End') // the end of the law, then back: the end of this paragraph
    await caretAtEnd(pageB, block(pageB))
    const words = ' borisendsthesentence'
    const typing = pageB.keyboard.type(words, { delay: 40 })
    await expect.poll(async () => (await textWithoutCarets(block(pageA)))!.length > original.length + 4).toBe(true)
    // Anna splits the paragraph after its first word while Boris's last letters are on their way.
    await selectInEditor(pageA, () =>
      block(pageA).evaluateHandle((element) => {
        const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode()!
        return new StaticRange({ startContainer: text, startOffset: 5, endContainer: text, endOffset: 5 })
      }),
    )
    await pageA.keyboard.press('Enter')
    await typing
    await pageB.keyboard.type(' and on')
    for (const page of [pageA, pageB]) {
      await page.waitForSelector(SAVED)
      await expect.poll(() => textWithoutCarets(block(page))).toBe(original.slice(0, 5))
      await expect.poll(() => textWithoutCarets(following(page))).toBe(`${original.slice(5)}${words} and on`)
    }
    await expect.poll(async () => (await editorText(pageA)) === (await editorText(pageB))).toBe(true)
    expect(errors).toEqual([])
  })

  it('shows a new title to everyone who has the draft open when it is renamed', async () => {
    const title = 'Model Law <b>On</b> Trafficking, renamed'
    await owner.json(`/api/documents/${docId}`, { method: 'PATCH', body: JSON.stringify({ title }) })
    for (const page of [pageA, pageB]) {
      await expect.poll(() => page.locator('h1.doc-title').textContent()).toBe(title)
      await expect.poll(() => page.title()).toBe(`${title} — Accord`)
    }
  })

  it('passes on the last words typed before a tab is closed', async () => {
    const tab = await anna.newPage()
    await tab.goto(docUrl)
    await tab.waitForSelector(SAVED)
    await firstClause(tab, 1).click()
    await tab.keyboard.press('End')
    await tab.keyboard.type(' Last words.')
    await tab.close()
    await expect.poll(() => pageB.locator('.legal-text article.article').nth(1).textContent()).toContain('Last words.')
  })

  it('asks the browser for no frame of its own when a co-author types: an open draft costs little while others write', async () => {
    // A co-author whose caret comes later: first their words alone, then words and caret as an editor sends them.
    const coauthor = connectClient(server.wsUrl, docId, { cookie: owner.cookie, connect: false })
    coauthor.provider.awareness.setLocalState(null)
    coauthor.provider.connect()
    try {
      await waitSynced(coauthor)
      // Anna's caret in the text: her caret is published again after every change, her own after the frame that paints it.
      await caretAtEnd(pageA, firstClause(pageA, 0))
      await pageA.evaluate(`(() => {
        window.__frameRequests = 0
        const request = window.requestAnimationFrame.bind(window)
        window.requestAnimationFrame = (callback) => (window.__frameRequests++, request(callback))
      })()`)
      const last = pageA.locator('.legal-text .clause').last()
      const lastIndex = (await pageA.locator('.legal-text .clause').count()) - 1
      for (let i = 0; i < 10; i++) {
        insertText(coauthor.ydoc, 'q', { n: lastIndex })
        await expect.poll(() => textWithoutCarets(last)).toContain('q'.repeat(i + 1))
      }
      expect(await pageA.evaluate('window.__frameRequests')).toBe(0)
      // The co-author's caret, anchored to the character before it as an editor's is: it moves with every key.
      const clause = nthElement(coauthor.ydoc, 'clause', lastIndex)
      const words = clause.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)!
      for (let i = 0; i < 5; i++) {
        insertText(coauthor.ydoc, 'w', { n: lastIndex, index: 10 + i })
        const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(words, 11 + i, -1))
        coauthor.provider.awareness.setLocalState({ cursor: { anchor: at, head: at } })
        await expect.poll(() => textWithoutCarets(last)).toContain('q'.repeat(10) + 'w'.repeat(i + 1))
        await expect.poll(() => last.locator('.collaboration-carets__caret').count()).toBe(1)
      }
      expect(await pageA.evaluate('window.__frameRequests')).toBe(0)
      // Her own keystroke still asks for its frame, and her caret still reaches Boris.
      await pageA.keyboard.type('!')
      await expect.poll(() => pageA.evaluate('window.__frameRequests')).not.toBe(0)
      await expect.poll(() => textWithoutCarets(firstClause(pageB, 0))).toMatch(/!$/)
      await expect.poll(() => pageB.locator('.collaboration-carets__label').allTextContents()).toContain('Anna · Secretariat')
      await pageA.waitForSelector(SAVED)
    } finally {
      coauthor.destroy()
    }
  })

  it('brings the whole law back with undo pressed quickly four times after select all, Delete, a new title and an article', async () => {
    const articles = () => pageA.locator('.legal-text article.article').count()
    const before = await articles()
    await firstClause(pageA, 0).click()
    // Without a pause: the caret recorded before one undo was read against the document of the next,
    // past its end, and the view stopped following ("Position 14 out of range"), the law not restored.
    await pageA.keyboard.press('Control+a')
    await pageA.keyboard.press('Delete')
    await pageA.keyboard.type('A new title')
    await pageA.getByTestId('add-article').click()
    for (let i = 0; i < 4; i++) await pageA.keyboard.press('Control+z')
    await expect.poll(articles).toBe(before)
    await pageA.waitForSelector(SAVED)
    await expect.poll(() => pageB.locator('.legal-text article.article').count()).toBe(before)
    expect(errors).toEqual([])
  })
})
