import type { DocJSON } from '../../schema'

/**
 * Hand-written document trees with readable ids for the diff's unit tests:
 * `law(title, preamble, [chapter('c1', 'General'), section('s1', 'Scope'), article('a1', 'Purpose', clause('a1c1', '…')), conclusions('Adopted …')])`.
 */

const text = (value: string): DocJSON[] => (value ? [{ type: 'text', text: value }] : [])

/** A part heading: the division above chapters. */
export const part = (id: string, heading: string): DocJSON => ({ type: 'part', attrs: { id }, content: text(heading) })

export const chapter = (id: string, heading: string): DocJSON => ({ type: 'chapter', attrs: { id }, content: text(heading) })

/** A section heading: a division of the chapter before it. */
export const section = (id: string, heading: string): DocJSON => ({ type: 'section', attrs: { id }, content: text(heading) })

export const article = (id: string, heading: string, ...body: DocJSON[]): DocJSON => ({
  type: 'article',
  attrs: { id },
  content: [{ type: 'articleHeading', content: text(heading) }, ...body],
})

const block = (type: 'clause' | 'point' | 'subpoint') => (id: string | null, value: string): DocJSON => ({
  type,
  attrs: { id },
  content: text(value),
})

export const clause = block('clause')
export const point = block('point')
export const subpoint = block('subpoint')

/** Free paragraphs (the preamble's, the conclusions'): at least one, as the schema wants. */
function paragraphs(values: string[]): DocJSON[] {
  return (values.length ? values : ['']).map((p) => ({ type: 'paragraph', content: text(p) }))
}

/** The conclusions (the adoption note, a signature): last among a law's `parts`, after the articles. */
export const conclusions = (...values: string[]): DocJSON => ({ type: 'conclusions', content: paragraphs(values) })

export function law(title: string, preamble: string[], parts: DocJSON[]): DocJSON {
  return {
    type: 'doc',
    content: [
      { type: 'lawTitle', content: text(title) },
      { type: 'preamble', content: paragraphs(preamble) },
      ...parts,
    ],
  }
}

/** Article `a${n}`, "Heading n", with one paragraph: for tests about the shape of a law, not its words. */
export const numberedArticle = (n: number): DocJSON => article(`a${n}`, `Heading ${n}`, clause(`a${n}c1`, `Text of article ${n}.`))

/** A law of `items`, a number n standing for numberedArticle(n). */
export function lawOf(items: (DocJSON | number)[], title = 'Model Law'): DocJSON {
  return law(title, ['Preamble.'], items.map((item) => (typeof item === 'number' ? numberedArticle(item) : item)))
}
