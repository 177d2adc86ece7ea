import type { Page } from 'playwright-core'

/** What a copy or a cut put on the clipboard. */
export interface Copied {
  text: string
  html: string
}

/**
 * Ctrl+C or Ctrl+X in the editor: the copy or cut event ProseMirror fills, read back (the page's
 * real clipboard would need permissions, and is shared by the tests' pages).
 */
export function copyOrCut(page: Page, kind: 'copy' | 'cut'): Promise<Copied> {
  return page.evaluate((type) => {
    const data = new DataTransfer()
    document.querySelector('.legal-text')!.dispatchEvent(new ClipboardEvent(type, { clipboardData: data, bubbles: true, cancelable: true }))
    return { text: data.getData('text/plain'), html: data.getData('text/html') }
  }, kind)
}

/** Ctrl+V in the editor of what `copied` holds (an absent flavour is not on the clipboard). */
export function paste(page: Page, copied: Partial<Copied>): Promise<void> {
  return page.evaluate(({ text, html }) => {
    const data = new DataTransfer()
    if (html !== undefined) data.setData('text/html', html)
    if (text !== undefined) data.setData('text/plain', text)
    document.querySelector('.legal-text[contenteditable="true"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, copied)
}

/** Selects from the start of article `first`'s heading to the end of article `last`'s text (0-based), as a drag would. */
export async function selectArticles(page: Page, first: number, last = first): Promise<void> {
  await page.locator('.legal-text article.article').nth(first).locator('.article-heading').click()
  await page.evaluate(([a, b]) => {
    const articles = document.querySelectorAll('.legal-text article.article')
    const end = articles[b].lastElementChild!.lastChild!
    const range = document.createRange()
    range.setStart(articles[a].querySelector('.article-heading')!.firstChild!, 0)
    range.setEnd(end, end.textContent!.length)
    getSelection()!.removeAllRanges()
    getSelection()!.addRange(range)
  }, [first, last])
  // ProseMirror reads the selection on the browser's selectionchange, a task later.
  await page.waitForTimeout(100)
}
