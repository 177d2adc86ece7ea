import type { DocJSON } from '../schema'

/** The words of a law's title (empty when it has none). */
export function lawTitleOf(doc: DocJSON): string {
  const title = doc.content?.find((c) => c.type === 'lawTitle')
  return (title?.content ?? []).map((t) => t.text ?? '').join('').trim()
}

/**
 * `doc` with `title` as the law's title when it has none: a file without a title line is
 * named in the import dialog (or `?title=`), and that name is the one its drafters expect to see
 * heading the text. A title the file has is kept.
 */
export function titledIfUntitled(doc: DocJSON, title: string | undefined): DocJSON {
  const words = title?.trim()
  const [first, ...rest] = doc.content ?? []
  if (!words || first?.type !== 'lawTitle' || lawTitleOf(doc) !== '') return doc
  return { ...doc, content: [{ ...first, content: [{ type: 'text', text: words }] }, ...rest] }
}
