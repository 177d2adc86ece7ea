/** Hands a Blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The download has started from the click; the URL may go once the event loop moves on.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Prints a standalone HTML file (the HTML export, whose print stylesheet gives the cover its own
 * page) through a hidden frame, so the browser's print dialog can save it as PDF. The export
 * carries its own Content-Security-Policy: nothing in it runs.
 */
export function printHtml(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe')
    frame.setAttribute('aria-hidden', 'true')
    frame.tabIndex = -1
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden'
    frame.dataset.testid = 'print-frame'
    frame.onload = () => {
      const win = frame.contentWindow
      if (!win) {
        frame.remove()
        reject(new Error('the print frame did not open'))
        return
      }
      win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 1000), { once: true })
      win.focus()
      win.print()
      resolve()
    }
    frame.srcdoc = html
    document.body.appendChild(frame)
  })
}
