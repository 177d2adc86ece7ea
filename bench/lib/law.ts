/** The generated law inside a Y.Doc: loading it, finding the paragraphs writers type into. */
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { TEXT_FIELD } from '../../shared/protocol'
import { writeDocJSON } from '../../shared/ydoc'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import type { DocJSON } from '../../shared/schema'

/** Articles for the ~200 KB document of the fan-out benchmark (300 articles ≈ 600 KB). */
export const FANOUT_ARTICLES = 100
export const FULL_LAW_ARTICLES = 300

/** Articles of the law the browser runs open and type in: BENCH_ARTICLES=<n> for a longer code, say. */
export const benchArticles = () => Number(process.env.BENCH_ARTICLES ?? FULL_LAW_ARTICLES)

const cache = new Map<number, DocJSON>()
export function law(articles: number): DocJSON {
  let json = cache.get(articles)
  if (!json) cache.set(articles, (json = generateLaw({ articles })))
  return json
}

/** Top-level blocks the text fragment holds once the law is loaded. */
export function topLevelCount(json: DocJSON): number {
  return json.content?.length ?? 0
}

/** Replaces whatever the text holds (Accord's new documents have an empty law) by `json`. */
export function loadLaw(ydoc: Y.Doc, json: DocJSON): void {
  ydoc.transact(() => {
    const text = ydoc.getXmlFragment(TEXT_FIELD)
    if (text.length > 0) text.delete(0, text.length)
    writeDocJSON(ydoc, json)
  })
}

export function textLength(ydoc: Y.Doc): number {
  return ydoc.getXmlFragment(TEXT_FIELD).length
}

/** The Y.XmlText of every numbered paragraph (clause) of the law, or of one article, in document order. */
export function clauseTexts(within: Y.Doc | Y.XmlElement): Y.XmlText[] {
  const out: Y.XmlText[] = []
  const root = within instanceof Y.Doc ? within.getXmlFragment(TEXT_FIELD) : within
  for (const el of root.createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === 'clause')) {
    const text = (el as Y.XmlElement).toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
    if (text) out.push(text)
  }
  return out
}

/** A digest of the whole shared state a client sees (text and benchmark events). */
export function contentDigest(ydoc: Y.Doc): string {
  const hash = createHash('sha1')
  hash.update(ydoc.getXmlFragment(TEXT_FIELD).toString())
  hash.update('|')
  hash.update(String(ydoc.getArray('bench').length))
  return hash.digest('hex').slice(0, 12)
}
