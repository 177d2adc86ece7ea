import { describe, expect, it } from 'vitest'
import { articleLabels } from '../helpers/browser'
import { withSampleDraft } from '../helpers/sampleDraft'
import { pdfText } from '../helpers/tools'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** How many times `needle` occurs in `text`. */
const occurrences = (text: string, needle: string) => text.split(needle).length - 1

/**
 * Printing from the browser (Ctrl+P), as Chromium prints to PDF: the draft's page gives the law's
 * text alone, every article of it; with a comparison open, the comparison, whole, and nothing of
 * the page behind it.
 */
describe('printing a draft', () => {
  const draft = withSampleDraft()

  it('prints the law alone, every article of it, without the page’s bars, panels and buttons', async () => {
    const articles = await articleLabels(draft.page)
    expect(articles.length).toBeGreaterThan(5)
    const text = await pdfText(await draft.page.pdf({ format: 'A4' }))
    for (const { label, heading } of [articles[0], articles.at(-1)!]) expect(text).toContain(`${label} ${heading}`)
    for (const chrome of ['All drafts', 'Keyboard shortcuts', 'Review report', 'In this draft']) expect(text).not.toContain(chrome)

    // At a page's width, where the narrow-window layout applies, only the text takes room on paper:
    // the room kept there on screen below the text for a side panel would push the law's end onto a page of its own.
    await draft.page.setViewportSize({ width: 794, height: 1123 })
    await draft.page.emulateMedia({ media: 'print' })
    const heights = await draft.page.evaluate(() => ({
      page: document.getElementById('root')!.getBoundingClientRect().height,
      text: document.querySelector('.legal-text')!.getBoundingClientRect().height,
    }))
    expect(heights.page - heights.text).toBeLessThan(2)
    await draft.page.emulateMedia({ media: null })
    await draft.page.setViewportSize({ width: 1280, height: 800 })
  })

  it('with a comparison open, prints the comparison whole, once, and not the page behind it', async () => {
    const history = draft.page.getByTestId('history-panel')
    await draft.page.getByTestId('history').click()
    await history.getByLabel('Name').fill('Round 1')
    await history.getByRole('button', { name: 'Save version' }).click()
    const row = history.getByTestId('version-row').filter({ hasText: 'Round 1' })
    await row.waitFor()
    await row.getByRole('button', { name: 'Compare with current' }).click()
    const view = draft.page.getByTestId('compare-view')
    await view.getByTestId('compare-summary').waitFor()
    await view.getByTestId('only-changed').uncheck()
    const cards = view.getByTestId('diff-article')
    const articles = await articleLabels(draft.page)
    await expect.poll(() => cards.count()).toBe(articles.length)
    const last = (await cards.last().locator('h3').textContent())!.trim()

    const text = await pdfText(await draft.page.pdf({ format: 'A4' }))
    // On screen the comparison scrolls inside a fixed box: printed as it is, that box would come
    // on every page with its first screenful, and the last articles nowhere.
    expect(text).toContain(last.replace(/\s+/g, ' '))
    expect(occurrences(text, 'Comparison')).toBe(1)
    for (const chrome of ['Keyboard shortcuts', 'Keys: N', 'Next change', 'Comparative table (DOCX)']) expect(text).not.toContain(chrome)
    expect(draft.errors).toEqual([])
  })
})
