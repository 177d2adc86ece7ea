import { useEffect, useState } from 'react'
import { useLatest } from '../ui/useLatest'

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false

/** The types of the files dragged ('' where the system names none): known while dragging, before the drop. */
const fileTypes = (event: DragEvent): string[] => [...(event.dataTransfer?.items ?? [])].flatMap((item) => (item.kind === 'file' ? [item.type] : []))

/** Whether a page takes the files being dragged, by their types (or at all). */
export type FileAcceptance = boolean | ((types: readonly string[]) => boolean)
const takes = (accepting: FileAcceptance, types: readonly string[]) => (typeof accepting === 'boolean' ? accepting : accepting(types))

type DragHandlers = Partial<Record<'dragenter' | 'dragleave' | 'dragover' | 'drop', (event: DragEvent) => void>>

/** Listens on the window for the drag events of `handlers`; the returned function stops (an effect's cleanup). */
function onWindow(handlers: DragHandlers): () => void {
  const entries = Object.entries(handlers) as [keyof DragHandlers, (event: DragEvent) => void][]
  for (const [type, handler] of entries) window.addEventListener(type, handler)
  return () => {
    for (const [type, handler] of entries) window.removeEventListener(type, handler)
  }
}

/**
 * A file dragged from the desktop onto the page: while it is over the page, `over` is true (for
 * a hint); dropped, it goes to `onFile` when `accepting` (or says yes to its type). A file dropped on a page the browser
 * would otherwise open in place of Accord, so a drop is never left to it, accepted or not.
 */
export function useFileDrop(onFile: (file: File) => void, accepting: FileAcceptance): boolean {
  const [over, setOver] = useState(false)
  const latest = useLatest({ onFile, accepting })
  useEffect(() => {
    // dragenter and dragleave come for every element crossed: count them to know when the file has left the page.
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth++
      setOver(takes(latest.current.accepting, fileTypes(event)))
    }
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const overPage = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = takes(latest.current.accepting, fileTypes(event)) ? 'copy' : 'none'
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth = 0
      setOver(false)
      const file = event.dataTransfer?.files[0]
      if (file && takes(latest.current.accepting, [file.type])) latest.current.onFile(file)
    }
    return onWindow({ dragenter: enter, dragleave: leave, dragover: overPage, drop })
  }, [latest])
  return over
}

/**
 * On pages that take no file (administration, signing in), a file dragged from the
 * desktop is refused (the pointer says so), and one dropped all the same is neither imported nor
 * opened by the browser in Accord's place. Off (`active` false) where useFileDrop takes files.
 */
export function useNoFileDrop(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const refuse = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none'
    }
    return onWindow({ dragover: refuse, drop: refuse })
  }, [active])
}
