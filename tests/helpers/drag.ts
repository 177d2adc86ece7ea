import type { Page } from 'playwright-core'
import { selectArticles } from './clipboard'

/**
 * Selects article `n` (0-based) whole and drags it with the mouse onto article `onto`: its
 * heading (the article's upper half) or the foot of its last block (its lower half). Both must be
 * on screen for the browser to drop.
 */
export async function dragArticle(page: Page, n: number, onto: number, half: 'upper' | 'lower'): Promise<void> {
  await selectArticles(page, n)
  // The heading's words (its number is drawn by CSS and cannot be grabbed).
  const from = await page.evaluate((i) => {
    const range = document.createRange()
    range.selectNodeContents(document.querySelectorAll('.legal-text article.article')[i].querySelector('.article-heading')!)
    const box = range.getBoundingClientRect()
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  }, n)
  const article = page.locator('.legal-text article.article').nth(onto)
  const target = await (half === 'upper' ? article.locator('.article-heading') : article.locator('p').last()).boundingBox()
  const y = half === 'upper' ? target!.y + target!.height / 2 : target!.y + target!.height - 3
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 10, from.y + 5, { steps: 3 })
  await page.mouse.move(target!.x + target!.width / 2, y, { steps: 10 })
  await page.mouse.up()
}
