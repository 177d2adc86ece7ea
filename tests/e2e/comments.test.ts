import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, contextFor, launchBrowser, trackErrors, selectWords } from '../helpers/browser'
import { createCast, shareWithCast, type Cast } from '../helpers/accounts'
import { copyOrCut, paste, selectArticles } from '../helpers/clipboard'
import { dragArticle } from '../helpers/drag'
import { unzipText } from '../helpers/zip'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const WORDS = 'guided by the following principles'
const BODY = 'Which principles? <img src=x onerror=alert(1)>'

/** The text a thread's highlight covers, and the label of the article it is in. */
async function highlightOf(page: Page, threadId: string): Promise<{ text: string; article: string }> {
  return page.evaluate((id) => {
    const spans = [...document.querySelectorAll(`.legal-text .comment-highlight[data-thread-id="${CSS.escape(id)}"]`)]
    const text = spans.map((s) => s.textContent).join('')
    const article = spans[0]?.closest('article.article')?.querySelector('.article-heading')?.getAttribute('data-label') ?? ''
    return { text, article }
  }, threadId)
}

describe('review threads in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  let reviewer: Page
  let drafter: Page
  let errors: string[]
  let threadId: string

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    cast = await createCast(server.url) // the first administrator owns the seeded sample
    const [sample] = await cast.owner.json<{ id: string }[]>('/api/documents')
    await shareWithCast(cast, sample.id)
    browser = await launchBrowser()
    reviewer = await (await contextFor(browser, server.url, cast.reviewer)).newPage()
    drafter = await (await contextFor(browser, server.url, cast.drafter)).newPage()
    for (const page of [reviewer, drafter]) page.context().setDefaultTimeout(10_000)
    errors = []
    trackErrors(reviewer, errors)
    trackErrors(drafter, errors)
    const url = `${server.url}/d/${sample.id}`
    await drafter.goto(url)
    await drafter.waitForSelector(SAVED)
    await reviewer.goto(url)
    await reviewer.getByTestId('read-only-banner').waitFor()
    await reviewer.locator('.legal-text article.article').nth(2).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('lets a reviewer, whose text is read-only, comment on words of Article 3', async () => {
    await reviewer.getByTestId('comments-empty').waitFor()
    await selectWords(reviewer, 2, WORDS)
    await reviewer.getByTestId('comment').click()
    const composer = reviewer.getByTestId('comment-composer')
    await expect.poll(() => composer.locator('blockquote').textContent()).toBe(WORDS)
    // The words stay marked in the text while the box has the focus (the selection is not drawn then).
    const marked = () => reviewer.locator('.legal-text .comment-composing').allTextContents().then((parts) => parts.join(''))
    expect(await marked()).toBe(WORDS)
    // The box names the article (it said only "New comment on").
    expect(await composer.getByTestId('composer-title').textContent()).toBe('New comment on words in Article 3 — Guiding principles')
    await composer.getByLabel('Your comment').fill(BODY)
    await composer.getByRole('button', { name: 'Comment' }).click()
    const card = reviewer.getByTestId('thread')
    await expect.poll(() => card.count()).toBe(1)
    threadId = (await card.getAttribute('data-thread-id'))!
    await expect.poll(() => card.getByTestId('comment-body').textContent()).toBe(BODY)
    expect(await card.textContent()).toContain('Rita Reviewer')
    expect(await card.textContent()).toContain('MoI')
    await expect.poll(() => highlightOf(reviewer, threadId)).toEqual({ text: WORDS, article: 'Article 3.' })
    expect(await marked()).toBe('') // the box is gone, and its mark with it
  })

  it('shows the thread to the drafter live, as text (no markup), highlighted and counted in the outline', async () => {
    const card = drafter.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    await expect.poll(() => card.getByTestId('comment-body').textContent()).toBe(BODY)
    expect(await drafter.locator('[data-testid="comments-panel"] img').count()).toBe(0)
    expect(await reviewer.locator('[data-testid="comments-panel"] img').count()).toBe(0)
    await expect.poll(() => highlightOf(drafter, threadId)).toEqual({ text: WORDS, article: 'Article 3.' })
    const article3 = drafter.locator('.outline-article').nth(2)
    await expect.poll(() => article3.getByTestId('outline-comment-count').getAttribute('title')).toBe('Open comments: 1')

    // Clicking the highlighted words opens their thread.
    await drafter.locator(`.comment-highlight[data-thread-id="${threadId}"]`).first().click()
    await expect.poll(() => card.getAttribute('aria-current')).toBe('true')
  })

  it('lets the drafter reply and resolve; the reviewer sees the reply and the thread resolved', async () => {
    const card = drafter.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    await card.getByRole('button', { name: 'Reply' }).click()
    await card.getByLabel('Your reply').fill('Those listed in points 1 to 4.')
    await card.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => card.getByTestId('comment-body').allTextContents()).toEqual([BODY, 'Those listed in points 1 to 4.'])
    await card.getByRole('button', { name: 'Resolve' }).click()

    const mine = reviewer.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    // Open threads are shown by default: once resolved, it shows under "Resolved".
    await expect.poll(() => mine.count()).toBe(0)
    await reviewer.getByLabel('Show').selectOption('resolved')
    await expect.poll(() => mine.getAttribute('data-status')).toBe('resolved')
    expect(await mine.getByTestId('thread-event').textContent()).toMatch(/^Resolved by Boris Drafter, .*\b2\d{3}\b/)
    expect(await mine.getByTestId('comment-body').allTextContents()).toEqual([BODY, 'Those listed in points 1 to 4.'])
    expect(await mine.textContent()).toContain('MoJ')
  })

  it('no longer marks a resolved thread as active for the person who resolved it, once the Open filter hides it', async () => {
    // The drafter had it active (opened from its words) and resolved it under "Open".
    await expect.poll(() => drafter.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`).count()).toBe(0)
    await drafter.locator('.legal-text article.article').nth(0).locator('.clause').first().click()
    const highlight = drafter.locator(`.legal-text .comment-highlight[data-thread-id="${threadId}"]`).first()
    await expect.poll(() => highlight.getAttribute('class')).toBe('comment-highlight')
    expect(await highlight.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)')
    expect(await drafter.locator('.legal-text .comment-highlight.is-active').count()).toBe(0)
  })

  it('keeps the thread on the same words when the drafter inserts an article above', async () => {
    await drafter.locator('.legal-text article.article').nth(1).locator('.article-heading').click()
    await drafter.getByTestId('add-article').click()
    await drafter.keyboard.type('Inserted article')
    await drafter.waitForSelector(SAVED)
    for (const page of [drafter, reviewer]) {
      await expect.poll(() => page.locator('.legal-text article.article').nth(2).locator('.article-heading').textContent()).toBe('Inserted article')
      await page.getByLabel('Show').selectOption('all')
      const card = page.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
      // Listed under the article by its new number.
      await expect.poll(() => page.getByTestId('thread-group').filter({ has: card }).locator('h3').textContent()).toBe('Article 4. Guiding principles')
      // On its quote: the middle of the card may be its comments' own actions, which keep the click.
      await card.getByTestId('thread-quote').click()
      await expect.poll(() => highlightOf(page, threadId)).toEqual({ text: WORDS, article: 'Article 4.' })
      await expect.poll(() => page.locator('.comment-highlight.is-active').allTextContents()).toEqual([WORDS])
    }
  })

  it('keeps the thread on its words when the drafter moves their article down and back up, for the drafter too', async () => {
    // A move writes the article again (same ids, new text): the mover's own highlight was lost,
    // "on deleted text" until a reload, while the co-author's followed. Found again by its quote,
    // the thread's anchor is stored anew too: words typed into it next (the test after this one)
    // would otherwise lose it at the next opening (the reload in the last test).
    const card = (page: Page) => page.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    // Below the next chapter's heading (still Article 4), below Article 5, and back.
    const moves = [['Alt+Shift+ArrowDown', 'Article 4.'], ['Alt+Shift+ArrowDown', 'Article 5.'], ['Alt+Shift+ArrowUp', 'Article 4.'], ['Alt+Shift+ArrowUp', 'Article 4.']]
    for (const [key, article] of moves) {
      await drafter.locator('.legal-text article.article').filter({ hasText: WORDS }).locator('.article-heading').click()
      await drafter.keyboard.press(key)
      await drafter.waitForSelector(SAVED)
      for (const page of [drafter, reviewer]) {
        await expect.poll(() => highlightOf(page, threadId)).toEqual({ text: WORDS, article })
        expect(await card(page).getByTestId('thread-orphaned').count()).toBe(0)
      }
    }
  })

  it('keeps the thread on its words when the drafter cuts their article and pastes it back', async () => {
    const card = (page: Page) => page.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    const index = await drafter.$$eval('.legal-text article.article', (all, words) => all.findIndex((a) => a.textContent!.includes(words)), WORDS)
    await selectArticles(drafter, index)
    const cut = await copyOrCut(drafter, 'cut')
    await expect.poll(() => card(drafter).getByTestId('thread-orphaned').count()).toBe(1)
    // Back where it was: after Article 3, whose only paragraph is empty.
    await drafter.locator('.legal-text article.article').nth(2).locator('p').last().click()
    await drafter.waitForTimeout(100)
    await paste(drafter, cut)
    await drafter.waitForSelector(SAVED)
    for (const page of [drafter, reviewer]) {
      await expect.poll(() => highlightOf(page, threadId)).toEqual({ text: WORDS, article: 'Article 4.' })
      await expect.poll(() => card(page).getByTestId('thread-orphaned').count()).toBe(0)
    }
  })

  it('keeps the thread on its words when the drafter drags their article below the next one and back', async () => {
    const card = (page: Page) => page.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    const index = () => drafter.$$eval('.legal-text article.article', (all, words) => all.findIndex((a) => a.textContent!.includes(words)), WORDS)
    const viewport = drafter.viewportSize()!
    await drafter.setViewportSize({ width: viewport.width, height: 2400 }) // both articles on screen
    const at = await index()
    for (const [onto, half, article] of [[at + 1, 'lower', 'Article 5.'], [at, 'upper', 'Article 4.']] as const) {
      await dragArticle(drafter, await index(), onto, half)
      await drafter.waitForSelector(SAVED)
      for (const page of [drafter, reviewer]) {
        await expect.poll(() => highlightOf(page, threadId)).toEqual({ text: WORDS, article })
        await expect.poll(() => card(page).getByTestId('thread-orphaned').count()).toBe(0)
      }
    }
    await drafter.setViewportSize(viewport)
  })

  it('takes the reader to an article from its title in the comments panel, by its new number', async () => {
    // The seeded sample is short: a low window puts Article 4 out of sight at the bottom of the page.
    const size = reviewer.viewportSize()!
    await reviewer.setViewportSize({ width: size.width, height: 360 })
    try {
      const heading = reviewer.locator('.legal-text article.article').nth(3).locator('.article-heading')
      const top = () => heading.evaluate((el) => el.getBoundingClientRect().top)
      await reviewer.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await expect.poll(top).toBeLessThan(0)
      await reviewer.getByTestId('thread-group').filter({ hasText: 'Article 4. Guiding principles' }).locator('h3 button').click()
      // At the top of the window (the reviewer's read-only page has no toolbar over it).
      await expect.poll(top).toBeGreaterThan(-1)
      expect(await top()).toBeLessThan(360 / 2)
    } finally {
      await reviewer.setViewportSize(size)
    }
  })

  it('keeps the highlight on its words while the drafter types before them and inside them', async () => {
    const typeAt = async (words: string, typed: string) => {
      await selectWords(drafter, 3, words)
      await drafter.keyboard.press('ArrowLeft') // the caret at the start of `words`
      await drafter.keyboard.type(typed)
    }
    await typeAt(WORDS, 'well ')
    await typeAt('the following', 'all of ')
    await drafter.waitForSelector(SAVED)
    // "well " typed at the start edge stays outside; "all of " typed between its words joins it.
    for (const page of [drafter, reviewer]) {
      await expect.poll(() => highlightOf(page, threadId)).toEqual({ text: 'guided by all of the following principles', article: 'Article 4.' })
    }
  })

  it('comments from the keyboard and on a whole article; a thread whose words are deleted stays, "on deleted text"', async () => {
    const words = 'priority of the best interests of the child'
    await selectWords(reviewer, 3, words)
    await reviewer.keyboard.press('Control+Alt+KeyM')
    const composer = reviewer.getByTestId('comment-composer')
    await expect.poll(() => composer.locator('blockquote').textContent()).toBe(words)
    // Cancelled, the box takes its mark in the text with it; asked again, it marks the words again.
    const marked = () => reviewer.locator('.legal-text .comment-composing').allTextContents().then((parts) => parts.join(''))
    expect(await marked()).toBe(words)
    await composer.getByRole('button', { name: 'Cancel' }).click()
    expect(await composer.count()).toBe(0)
    expect(await marked()).toBe('')
    await selectWords(reviewer, 3, words)
    await reviewer.keyboard.press('Control+Alt+KeyM')
    await expect.poll(() => marked()).toBe(words)
    await composer.getByLabel('Your comment').fill('Say "the child’s best interests".')
    await composer.getByRole('button', { name: 'Comment' }).click()
    const group = (page: Page) => page.getByTestId('thread-group').filter({ hasText: 'Article 4. Guiding principles' })
    const card = (page: Page) => group(page).getByTestId('thread').filter({ hasText: 'best interests' })
    await expect.poll(() => card(drafter).count()).toBe(1)

    // The drafter deletes the commented words: the thread stays under its article.
    await selectWords(drafter, 3, words)
    await drafter.keyboard.press('Backspace')
    await drafter.waitForSelector(SAVED)
    for (const page of [drafter, reviewer]) {
      await expect.poll(() => card(page).getByTestId('thread-orphaned').textContent()).toBe('On deleted text')
      expect(await card(page).getByTestId('thread-quote').textContent()).toBe(words)
    }

    // The reviewer reading by keyboard moves no caret (the text is read-only): Ctrl+Alt+M comments
    // on the article in view, not on the title far above where the text's position still is.
    await reviewer.evaluate(() => window.getSelection()?.removeAllRanges())
    const tenth = reviewer.locator('.legal-text article.article').nth(9)
    await tenth.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const tenthHeading = (await articleLabels(reviewer))[9]
    await reviewer.keyboard.press('Control+Alt+KeyM')
    await expect.poll(() => reviewer.getByTestId('comment-composer').getByTestId('composer-title').textContent()).toBe(`New comment on the whole of ${tenthHeading.label.replace(/\.$/, '')} — ${tenthHeading.heading}`)
    await reviewer.getByTestId('comment-composer').getByRole('button', { name: 'Cancel' }).click()

    // The outline's own action comments on a whole article.
    // Its focus ring is drawn whole, not cut off by the scrolling sidebar's right edge.
    const plus = reviewer.locator('.outline-article').first().getByTestId('outline-comment')
    await reviewer.locator('.outline-article').first().locator('button').first().focus()
    await reviewer.keyboard.press('ArrowRight')
    expect(await plus.evaluate((el) => el === document.activeElement && el.matches(':focus-visible'))).toBe(true)
    const clipped = await plus.evaluate((el) => {
      const style = getComputedStyle(el)
      const reach = Math.max(0, parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth))
      const ring = el.getBoundingClientRect()
      const box = el.closest('.sidebar')!
      const clip = box.getBoundingClientRect()
      const inner = { left: clip.left + box.clientLeft, right: clip.left + box.clientLeft + box.clientWidth, top: clip.top + box.clientTop, bottom: clip.top + box.clientTop + box.clientHeight }
      return { left: inner.left - (ring.left - reach), right: ring.right + reach - inner.right, top: inner.top - (ring.top - reach), bottom: ring.bottom + reach - inner.bottom }
    })
    for (const side of Object.values(clipped)) expect(side, JSON.stringify(clipped)).toBeLessThanOrEqual(0)
    await plus.click()
    expect(await reviewer.getByTestId('comment-composer').getByTestId('composer-title').textContent()).toBe('New comment on the whole of Article 1 — Purpose of this Law')
    await reviewer.getByTestId('comment-composer').getByLabel('Your comment').fill('Shorter, please.')
    await reviewer.getByTestId('comment-composer').getByRole('button', { name: 'Comment' }).click()
    const first = drafter.getByTestId('thread-group').filter({ hasText: 'Article 1. Purpose of this Law' }).getByTestId('thread')
    await expect.poll(() => first.textContent()).toContain('Shorter, please.')
    expect(await first.textContent()).toContain('As a whole')

    // Article 1 deleted: its thread is listed under the deleted articles, saying which article it was.
    await drafter.locator('.legal-text article.article').first().locator('h3.article-heading').click()
    await drafter.keyboard.press('Control+Shift+Backspace')
    await drafter.waitForSelector(SAVED)
    const gone = reviewer.getByTestId('thread-group').filter({ hasText: 'Articles and headings since deleted' }).getByTestId('thread').filter({ hasText: 'Shorter, please.' })
    await expect.poll(() => gone.getByTestId('thread-quote').textContent()).toBe('Purpose of this Law')
    await drafter.keyboard.press('Control+z')
    await drafter.waitForSelector(SAVED)
    await expect.poll(() => first.textContent()).toContain('Shorter, please.')
    expect(errors).toEqual([])
  })

  it('comments on words of the preamble and of a chapter heading, listed before the articles; a caret there alone comments on the whole', async () => {
    // Nothing selected in the preamble: a comment on the preamble as a whole (it was refused).
    const composer = reviewer.getByTestId('comment-composer')
    await reviewer.locator('.legal-text .preamble p').first().click()
    await reviewer.keyboard.press('Control+Alt+KeyM')
    await expect.poll(() => composer.getByTestId('composer-title').textContent()).toBe('New comment on the preamble as a whole')
    expect(await reviewer.getByTestId('comment-refusal').count()).toBe(0)
    await composer.getByRole('button', { name: 'Cancel' }).click()

    const comment = async (selector: string, words: string, title: string, body: string) => {
      await selectWords(reviewer, selector, words)
      await reviewer.keyboard.press('Control+Alt+KeyM')
      await expect.poll(() => composer.getByTestId('composer-title').textContent()).toBe(title)
      expect(await composer.locator('blockquote').textContent()).toBe(words)
      await composer.getByLabel('Your comment').fill(body)
      await composer.getByRole('button', { name: 'Comment' }).click()
      await expect.poll(() => composer.count()).toBe(0)
    }
    await comment('.legal-text .preamble', 'gravely violates human dignity', 'New comment on words in the preamble', 'Cite the Palermo Protocol here.')
    await comment('.legal-text h2.chapter', 'General provisions', 'New comment on words in the heading of Chapter I — General provisions', 'Call it "Introductory provisions".')

    // The drafter sees both, highlighted where they are, in groups named for their places, before Article 1's.
    const groups = () => drafter.getByTestId('thread-group').evaluateAll((els) => els.map((el) => el.querySelector('h3')?.textContent?.trim()))
    await expect.poll(async () => (await groups()).slice(0, 2)).toEqual(['Preamble', 'Chapter I. General provisions'])
    expect((await groups()).slice(2).every((title) => title?.startsWith('Article'))).toBe(true)
    const highlighted = (selector: string) => drafter.locator(`${selector} .comment-highlight`).allTextContents().then((parts) => parts.join(''))
    await expect.poll(() => highlighted('.legal-text .preamble')).toBe('gravely violates human dignity')
    await expect.poll(() => highlighted('.legal-text h2.chapter')).toBe('General provisions')
    // The outline counts the chapter heading's open thread, and its "+" comments on the whole chapter.
    const chapterEntry = drafter.locator('.outline-chapter').first()
    await expect.poll(() => chapterEntry.getByTestId('outline-comment-count').getAttribute('title')).toBe('Open comments: 1')
    await reviewer.locator('.outline-chapter').first().getByTestId('outline-comment').click()
    await expect.poll(() => composer.getByTestId('composer-title').textContent()).toBe('New comment on Chapter I as a whole — General provisions')
    await composer.getByRole('button', { name: 'Cancel' }).click()
    // The filter names the places too.
    await drafter.getByLabel('Where').selectOption({ label: 'Preamble' })
    await expect.poll(() => drafter.getByTestId('thread').allTextContents()).toEqual([expect.stringContaining('Cite the Palermo Protocol here.')])
    await drafter.getByLabel('Where').selectOption('')

    // The group's title takes the reader to the preamble.
    const preambleTop = () => drafter.locator('.legal-text .preamble').evaluate((el) => Math.round(el.getBoundingClientRect().top))
    await drafter.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await expect.poll(preambleTop).toBeLessThan(-1000)
    await drafter.getByTestId('thread-group').first().getByRole('button', { name: 'Preamble' }).click()
    await expect.poll(preambleTop).toBeGreaterThanOrEqual(0)
    expect(await preambleTop()).toBeLessThan(400)
    expect(errors).toEqual([])
  })

  it('exports the text with the open comments when asked to', async () => {
    await drafter.getByTestId('export').click()
    await drafter.getByTestId('export-comments').click()
    expect(await drafter.getByTestId('export-comments').getAttribute('aria-checked')).toBe('true')
    const [download] = await Promise.all([drafter.waitForEvent('download'), drafter.getByTestId('export-html').click()])
    const html = await readFile((await download.path())!, 'utf8')
    expect(html).toContain('<section class="appendix review">')
    expect(html).toContain('Say &quot;the child’s best interests&quot;.')
    expect(html).not.toMatch(/<img/i)
    // In Word, also in the margin, on the words.
    await drafter.getByTestId('export').click()
    expect(await drafter.getByTestId('export-comments').getAttribute('aria-checked')).toBe('true')
    const [docx] = await Promise.all([drafter.waitForEvent('download'), drafter.getByTestId('export-docx').click()])
    const bytes = new Uint8Array(await readFile((await docx.path())!))
    expect(unzipText(bytes, 'word/comments.xml')).toContain('Cite the Palermo Protocol here.')
    expect(unzipText(bytes, 'word/document.xml')).toContain('<w:commentRangeStart')
    expect(errors).toEqual([])
  })

  it('opens the resolved thread again with a reply, saying so on the button, for everyone', async () => {
    await reviewer.getByLabel('Show').selectOption('resolved')
    const card = reviewer.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    await expect.poll(() => card.getAttribute('data-status')).toBe('resolved')
    await card.getByRole('button', { name: 'Reply and reopen' }).click()
    await card.getByLabel('Your reply').fill('Points 1 to 4 do not cover it.')
    await card.getByRole('button', { name: 'Send and reopen' }).click()
    // Gone from "Resolved"; under "Open" for the drafter, whose panel shows open threads.
    await expect.poll(() => card.count()).toBe(0)
    const theirs = drafter.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`)
    await expect.poll(() => theirs.getAttribute('data-status')).toBe('open')
    expect(await theirs.getByTestId('comment-body').allTextContents()).toEqual([BODY, 'Those listed in points 1 to 4.', 'Points 1 to 4 do not cover it.'])
    // Who resolved it and who opened it again stand between the comments, in the order they happened.
    const timeline = () => theirs.locator('.comment-list > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.kind ?? li.querySelector('[data-testid="comment-body"]')?.textContent))
    await expect.poll(timeline).toEqual([BODY, 'Those listed in points 1 to 4.', 'resolved', 'Points 1 to 4 do not cover it.', 'reopened'])
    expect(await theirs.locator('[data-kind="reopened"]').textContent()).toMatch(/^Reopened by Rita Reviewer, /)
    expect(await theirs.getByRole('button', { name: 'Reply', exact: true }).count()).toBe(1)
    await reviewer.getByLabel('Show').selectOption('open')
    await expect.poll(() => card.getAttribute('data-status')).toBe('open')

    // "Threads I started": every one of the reviewer's, none for the drafter, who started none.
    const who = (page: Page) => page.getByTestId('comments-panel').getByLabel('Organization')
    const all = await reviewer.getByTestId('thread').count()
    expect(all).toBeGreaterThan(0)
    await who(reviewer).selectOption({ label: 'Threads I started' })
    expect(await reviewer.getByTestId('thread').count()).toBe(all)
    await who(drafter).selectOption({ label: 'Threads I started' })
    await expect.poll(() => drafter.getByTestId('thread').count()).toBe(0)
    for (const page of [reviewer, drafter]) await who(page).selectOption('')
    await expect.poll(() => drafter.getByTestId('thread').count()).toBe(all)
  })

  it('lists every thread of a draft with many, and shows one far down the list when its words are clicked', async () => {
    const [first] = await articleLabels(reviewer)
    const docId = new URL(reviewer.url()).pathname.split('/').pop()!
    // Open (resolved threads are not opened from the text); 40 threads on Article 1 come
    // before it in the panel, past the cards it shows first.
    expect((await cast.reviewer.json<{ status: string }>(`/api/documents/${docId}/threads/${threadId}`, { method: 'PATCH', body: JSON.stringify({ status: 'open' }) })).status).toBe('open')
    for (const [i, account] of [...Array(20).fill(cast.reviewer), ...Array(20).fill(cast.drafter)].entries()) {
      await account.json(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify({ articleId: first.id, body: `Note ${i + 1}` }) })
    }
    // While the draft opens, no thread may be listed as on a deleted article (as they were while
    // the text had not arrived yet).
    await reviewer.addInitScript(() => {
      const w = window as unknown as { __deletedGroupSeen?: boolean }
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="thread-group"][data-article-id=""]')) w.__deletedGroupSeen = true
      }).observe(document, { childList: true, subtree: true })
    })
    await reviewer.reload()
    await reviewer.getByTestId('read-only-banner').waitFor()
    await expect.poll(() => reviewer.getByTestId('thread').count()).toBeGreaterThan(0)
    expect(await reviewer.evaluate(() => (window as unknown as { __deletedGroupSeen?: boolean }).__deletedGroupSeen ?? false)).toBe(false)
    await reviewer.getByLabel('Show').selectOption('all')
    const total = await reviewer.evaluate(async (id) => (await (await fetch(`/api/documents/${id}/threads`)).json()).length, docId)
    expect(total).toBeGreaterThan(42)
    await expect.poll(() => reviewer.getByTestId('thread').count()).toBe(total)
    await reviewer.locator(`.legal-text .comment-highlight[data-thread-id="${threadId}"]`).first().click()
    await expect.poll(() => reviewer.evaluate(() => document.activeElement?.getAttribute('data-thread-id'))).toBe(threadId)
    // A thread on the article with the longest heading: the filters stay inside the panel (its
    // fieldset grew to the widest option, and the lists ran past the panel's edge).
    const longest = (await articleLabels(reviewer)).reduce((a, b) => (b.heading.length > a.heading.length ? b : a))
    await cast.reviewer.json(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify({ articleId: longest.id, body: 'On the longest heading' }) })
    await expect.poll(async () => (await reviewer.locator('.comment-filters option').allTextContents()).some((o) => o.includes(longest.heading))).toBe(true)
    const edges = await reviewer.evaluate(() => ({
      panel: document.querySelector('.sidebar-right')!.getBoundingClientRect().right,
      lists: [...document.querySelectorAll('.comment-filters select')].map((s) => s.getBoundingClientRect().right),
    }))
    for (const right of edges.lists) expect(right).toBeLessThanOrEqual(edges.panel)
    expect(errors).toEqual([])
  })
})
