import { describe, expect, it } from 'vitest'
import { articleLabels } from '../helpers/browser'
import { withSampleDraft } from '../helpers/sampleDraft'
import { dragArticle } from '../helpers/drag'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/**
 * Dragging whole articles with the mouse moves them between articles, as cutting and pasting
 * does: no empty "Article 2." is left behind, nothing is joined into the paragraph where they
 * land, they keep their ids, and one Ctrl+Z puts them back.
 */
describe('dragging articles with the mouse', () => {
  const draft = withSampleDraft()

  it('an article dropped on the lower half of another goes after it, whole, with its id', async () => {
    await draft.page.setViewportSize({ width: 1400, height: 2400 })
    const before = await articleLabels(draft.page)
    const words = await draft.page.locator('.legal-text article.article').nth(1).textContent()
    await dragArticle(draft.page, 1, 3, 'lower')
    const moved = [before[0], before[2], before[3], before[1], ...before.slice(4)].map((a) => a.id)
    await expect.poll(async () => (await articleLabels(draft.page)).map((a) => a.id)).toEqual(moved)
    const after = await articleLabels(draft.page)
    expect(after[3]).toMatchObject({ heading: before[1].heading, label: 'Article 4.' })
    expect(after.every((a) => a.heading !== '')).toBe(true)
    expect(await draft.page.locator('.legal-text article.article').nth(3).textContent()).toBe(words)
    expect(await draft.page.locator('.legal-text article.article').nth(2).textContent()).not.toContain(before[1].heading)
    await draft.page.waitForSelector(SAVED)

    await draft.page.keyboard.press('Control+z')
    await expect.poll(async () => (await articleLabels(draft.page)).map((a) => a.id)).toEqual(before.map((a) => a.id))
  })

  it('an article dropped on the upper half of an earlier one goes before it', async () => {
    const before = await articleLabels(draft.page)
    await dragArticle(draft.page, 3, 1, 'upper')
    const moved = [before[0], before[3], before[1], before[2], ...before.slice(4)].map((a) => a.id)
    await expect.poll(async () => (await articleLabels(draft.page)).map((a) => a.id)).toEqual(moved)
    expect(await draft.page.evaluate(() => getSelection()!.toString())).toContain(before[3].heading)
  })

  it('an article dropped onto itself stays where it is', async () => {
    const before = await articleLabels(draft.page)
    await dragArticle(draft.page, 2, 2, 'lower')
    await draft.page.waitForTimeout(200)
    expect(await articleLabels(draft.page)).toEqual(before)
    expect(draft.errors).toEqual([])
  })
})
