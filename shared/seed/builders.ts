import type { DocJSON } from '../schema'

/** Tiny builders for document trees in seeds, fixtures and tests. */

const text = (value: string): DocJSON[] => (value ? [{ type: 'text', text: value }] : [])

export type Block = DocJSON

/** Deterministic ids (`prefix` + counter), so a seed produces the same document every time. */
export function createBuilders(prefix: string) {
  let counter = 0
  const id = () => `${prefix}${(++counter).toString(36).padStart(4, '0')}`
  return {
    law: (title: string, preamble: string[], parts: Block[]): DocJSON => ({
      type: 'doc',
      content: [
        { type: 'lawTitle', content: text(title) },
        { type: 'preamble', content: (preamble.length ? preamble : ['']).map((p) => ({ type: 'paragraph', content: text(p) })) },
        ...parts,
      ],
    }),
    chapter: (heading: string): Block => ({ type: 'chapter', attrs: { id: id() }, content: text(heading) }),
    part: (heading: string): Block => ({ type: 'part', attrs: { id: id() }, content: text(heading) }),
    section: (heading: string): Block => ({ type: 'section', attrs: { id: id() }, content: text(heading) }),
    article: (heading: string, body: Block[]): Block => ({
      type: 'article',
      attrs: { id: id() },
      content: [{ type: 'articleHeading', content: text(heading) }, ...body],
    }),
    clause: (value: string): Block => ({ type: 'clause', attrs: { id: id() }, content: text(value) }),
    point: (value: string): Block => ({ type: 'point', attrs: { id: id() }, content: text(value) }),
    subpoint: (value: string): Block => ({ type: 'subpoint', attrs: { id: id() }, content: text(value) }),
    /** The conclusions after the last article: goes last in `law`'s parts. */
    conclusions: (paragraphs: string[]): Block => ({ type: 'conclusions', content: (paragraphs.length ? paragraphs : ['']).map((p) => ({ type: 'paragraph', content: text(p) })) }),
  }
}

export type Builders = ReturnType<typeof createBuilders>
