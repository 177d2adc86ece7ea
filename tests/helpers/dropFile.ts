import type { Page } from 'playwright-core'

/** A file as the desktop hands it over: its name, type ('' where the system names none) and bytes. */
export interface DraggedFile {
  name: string
  type: string
  bytes: Uint8Array | string
}

/**
 * Drags `file` from the desktop over `selector` (dragenter, dragover), as a person does, and
 * drops it there. `whileOver` runs with the file over the page (to check the page's hint). Says
 * whether the page took the drop (else the browser would open the file in Accord's place).
 */
export async function dropFile(page: Page, selector: string, file: DraggedFile, whileOver?: () => Promise<void>): Promise<{ taken: boolean }> {
  const bytes = typeof file.bytes === 'string' ? file.bytes : Buffer.from(file.bytes).toString('base64')
  const raw = typeof file.bytes !== 'string'
  const fire = (type: string) =>
    page.evaluate(
      ({ selector, name, mime, bytes, raw, type }) => {
        const w = window as unknown as { dragged?: DataTransfer }
        if (type === 'dragenter') {
          w.dragged = new DataTransfer()
          const content = raw ? Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)) : bytes
          w.dragged.items.add(new File([content], name, { type: mime }))
        }
        return document.querySelector(selector)!.dispatchEvent(new DragEvent(type, { dataTransfer: w.dragged!, bubbles: true, cancelable: true }))
      },
      { selector, name: file.name, mime: file.type, bytes, raw, type },
    )
  await fire('dragenter')
  await fire('dragover')
  await whileOver?.()
  return { taken: !(await fire('drop')) }
}
