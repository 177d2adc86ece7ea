import type { Page } from 'playwright-core'

/** Marks when the editor is mounted and when it is filled, editable and painted. */
export function readinessScript(expectedArticles: number): string {
  return `(() => {
    const check = () => {
      const editor = document.querySelector('.ProseMirror[contenteditable="true"]')
      if (editor && window.__accordMounted === undefined) window.__accordMounted = performance.now()
      if (editor && editor.querySelectorAll('article.article').length >= ${expectedArticles}) {
        // Scheduled inside the frame's rAF: runs once that frame is produced.
        setTimeout(() => { window.__accordEditable = performance.now() }, 0)
        return
      }
      requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })()`
}

export async function waitEditable(page: Page): Promise<{ editable: number; mounted: number }> {
  await page.waitForFunction(() => (window as unknown as { __accordEditable?: number }).__accordEditable !== undefined, undefined, { timeout: 60_000, polling: 50 })
  return page.evaluate(() => {
    const w = window as unknown as { __accordEditable: number; __accordMounted: number }
    return { editable: w.__accordEditable, mounted: w.__accordMounted }
  })
}
