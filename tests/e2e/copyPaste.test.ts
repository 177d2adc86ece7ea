import { describe, expect, it } from 'vitest'
import { articleLabels, caretAtEnd } from '../helpers/browser'
import { withSampleDraft } from '../helpers/sampleDraft'
import { copyOrCut, paste, selectArticles, type Copied } from '../helpers/clipboard'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/**
 * Copying articles out of the editor: the numbers shown on screen (drawn by CSS) go with the
 * words, in plain text and in HTML, for Word or a mail; pasted back into Accord, the numbers are
 * dropped and the copy numbered by its place; the paste is one undo step. Cut and pasted, an
 * article is moved, with its id.
 */
describe('copying articles with their numbers', () => {
  const draft = withSampleDraft()

  it('copies the numbers of articles, paragraphs and points with their words', async () => {
    const articles = await articleLabels(draft.page)
    // The first article with points, and the one after it.
    const n = await draft.page.$$eval('.legal-text article.article', (all) => all.findIndex((a) => a.querySelector('.point')))
    expect(n).toBeGreaterThanOrEqual(0)
    await selectArticles(draft.page, n, n + 1)
    const copied = await copyOrCut(draft.page, 'copy')
    const lines = copied.text.split('\n\n')
    expect(lines[0]).toBe(`${articles[n].label} ${articles[n].heading}`)
    expect(lines).toContain(`${articles[n + 1].label} ${articles[n + 1].heading}`)
    // Points as an English text letters them.
    expect(lines.filter((l) => /^\([a-z]+\) \S/.test(l)).length).toBeGreaterThan(1)
    expect(lines.find((l) => /^\([a-z]+\) /.test(l))).toMatch(/^\(a\) /)
    expect(copied.html).toContain(`<span class="accord-label">${articles[n].label} </span>${articles[n].heading}`)
    expect(copied.html).toContain('<span class="accord-label">(a) </span>')
  })

  it('a block begun part-way is copied without its number', async () => {
    await draft.page.locator('.legal-text article.article').nth(1).locator('.article-heading').click()
    await draft.page.evaluate(() => {
      const heading = document.querySelectorAll('.legal-text article.article')[1].querySelector('.article-heading')!.firstChild!
      const range = document.createRange()
      range.setStart(heading, 2)
      range.setEnd(heading, heading.textContent!.length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    })
    await draft.page.waitForTimeout(100)
    const { text, html } = await copyOrCut(draft.page, 'copy')
    expect(text).not.toMatch(/Article/)
    expect(html).not.toContain('accord-label')
  })

  it("a heading's words copied from its start keep its number for Word, and are pasted back as words where the caret is, not as a new article or chapter", async () => {
    const before = await articleLabels(draft.page)
    const chapters = await draft.page.locator('.legal-text h2.chapter').count()
    /** Copies the words of the heading `selector` finds, from its start to its end. */
    const copyHeading = async (selector: string) => {
      await draft.page.locator(selector).click()
      await draft.page.evaluate((s) => {
        const words = document.querySelector(s)!.firstChild!
        const range = document.createRange()
        range.setStart(words, 0)
        range.setEnd(words, words.textContent!.length)
        getSelection()!.removeAllRanges()
        getSelection()!.addRange(range)
      }, selector)
      await draft.page.waitForTimeout(100)
      return copyOrCut(draft.page, 'copy')
    }
    const paragraph = draft.page.locator('.legal-text article.article').first().locator('p').first()
    const pasteAtEnd = async (copied: Copied) => {
      await caretAtEnd(draft.page, paragraph)
      await draft.page.keyboard.type(' See ')
      await paste(draft.page, copied)
    }

    const article = await copyHeading('.legal-text article.article:nth-of-type(2) .article-heading')
    expect(article.text).toBe(`${before[1].label} ${before[1].heading}`)
    expect(article.html).toContain(`<span class="accord-label">${before[1].label} </span>${before[1].heading}`)
    await pasteAtEnd(article)
    await expect.poll(() => paragraph.innerText()).toMatch(new RegExp(` See ${before[1].heading}$`))

    const chapterHeading = await draft.page.locator('.legal-text h2.chapter').nth(1).innerText()
    const chapter = await copyHeading('.legal-text h2.chapter:nth-of-type(2)')
    expect(chapter.text).toMatch(new RegExp(`^Chapter II\\. ${chapterHeading}$`))
    await pasteAtEnd(chapter)
    await expect.poll(() => paragraph.innerText()).toMatch(new RegExp(` See ${chapterHeading}$`))
    expect(await draft.page.locator('.legal-text h2.chapter').count()).toBe(chapters)
    expect((await articleLabels(draft.page)).map((a) => a.id)).toEqual(before.map((a) => a.id))
  })

  it('pasted back, the copy is numbered by its place, not by the numbers it carries, and one Ctrl+Z takes it away', async () => {
    const before = await articleLabels(draft.page)
    await selectArticles(draft.page, 1, 1)
    const copied = await copyOrCut(draft.page, 'copy')
    // Paste after the last article's last block.
    const lastBlock = draft.page.locator('.legal-text article.article').last().locator('p').last()
    await lastBlock.click()
    await draft.page.keyboard.press('Control+End')
    await draft.page.waitForTimeout(100)
    await paste(draft.page, copied)
    const after = await articleLabels(draft.page)
    expect(after).toHaveLength(before.length + 1)
    const pasted = after.at(-1)!
    expect(pasted.heading).toBe(before[1].heading)
    expect(pasted.label).toBe(`Article ${before.length + 1}.`)
    expect(pasted.id).not.toBe(before[1].id)
    expect(new Set(after.map((a) => a.id)).size).toBe(after.length)
    await draft.page.waitForSelector(SAVED)

    await draft.page.keyboard.press('Control+z')
    await expect.poll(async () => (await articleLabels(draft.page)).map((a) => a.id)).toEqual(before.map((a) => a.id))
  })

  it('an article cut whole and pasted elsewhere is moved: no empty shell is left, and it keeps its id', async () => {
    const before = await articleLabels(draft.page)
    await selectArticles(draft.page, 1, 1)
    const moved = await copyOrCut(draft.page, 'cut')
    await expect.poll(async () => (await articleLabels(draft.page)).map((a) => a.id)).toEqual(before.filter((_, i) => i !== 1).map((a) => a.id))
    await draft.page.locator('.legal-text article.article').last().locator('p').last().click()
    await draft.page.keyboard.press('Control+End')
    await draft.page.waitForTimeout(100)
    await paste(draft.page, moved)
    const after = await articleLabels(draft.page)
    expect(after.map((a) => a.id)).toEqual([...before.filter((_, i) => i !== 1).map((a) => a.id), before[1].id])
    expect(after.at(-1)).toMatchObject({ heading: before[1].heading, label: `Article ${before.length}.` })
    expect(draft.errors).toEqual([])
  })

  it('a whole law pasted over the whole text (Ctrl+A, then paste) brings its title line as the title, and one Ctrl+Z takes it back', async () => {
    const title = draft.page.locator('.legal-text .law-title')
    const before = { title: await title.textContent(), articles: await articleLabels(draft.page) }
    await draft.page.locator('.legal-text .article-heading').first().click()
    await draft.page.keyboard.press('Control+a')
    await paste(draft.page, { text: 'Model Law on Witness Protection\n\nArticle 1. Purpose\n1. This Law protects witnesses.\n2. It applies:\n(a) in courts;\n(b) in investigations.\nArticle 2. Scope\nAll proceedings.' })
    await expect.poll(() => title.textContent()).toBe('Model Law on Witness Protection')
    expect((await articleLabels(draft.page)).map((a) => `${a.label} ${a.heading}`)).toEqual(['Article 1. Purpose', 'Article 2. Scope'])
    expect(await draft.page.$$eval('.legal-text article p', (ps) => ps.map((p) => p.getAttribute('data-label')))).toEqual(['1.', '2.', '(a)', '(b)', ''])
    await draft.page.waitForSelector(SAVED)
    await draft.page.keyboard.press('Control+z')
    await expect.poll(() => title.textContent()).toBe(before.title)
    expect((await articleLabels(draft.page)).map((a) => a.id)).toEqual(before.articles.map((a) => a.id))
    expect(draft.errors).toEqual([])
  })
})
