import type { DocJSON } from '../schema'
import type { Language } from '../language'
import { matchHeading, matchMarker } from './markers'
import { recognise, type SourceBlock } from './recognise'
import { jsonText } from '../xref'

/**
 * A passage pasted into the editor, read as a piece of a law rather than a whole one: there is
 * no title line, and text before the first chapter or article heading belongs to the article the
 * cursor is in. Typed numbers are stripped as on import; whatever is not recognised stays text.
 */
export interface RecognisedFragment {
  /** Body blocks (clause / point / subpoint) before any heading, for the article at the cursor. */
  blocks: DocJSON[]
  /** Chapters and articles that followed, in order; for a whole law (recogniseLaw), its conclusions last. */
  parts: DocJSON[]
  /** The law's title, for a passage pasted over the whole text (recogniseLaw); absent otherwise. */
  title?: string
  /**
   * Whether the passage has structure worth keeping: a chapter or article heading, more than one
   * block, or a typed or list number. A single plain line is better pasted as plain text.
   */
  structured: boolean
  /** Lines only, with no heading, list or typed number: pasted inside a sentence, its first and last lines join the words around it, as in Word. */
  plainLines?: boolean
}

export interface FragmentOptions {
  language?: Language
  markdown?: boolean
  /**
   * The kind of block at the cursor: levels continue from it, as they would after it in a file —
   * "1)" pasted into a paragraph is a point, "a)" pasted into a point a sub-point, "1." always a
   * paragraph. Absent (cursor in a heading, outside an article): the passage opens an article.
   */
  after?: 'clause' | 'point' | 'subpoint'
}

const CONTEXT: Record<NonNullable<FragmentOptions['after']>, string[]> = {
  clause: ['1. ·'],
  point: ['1. ·', '1) ·'],
  subpoint: ['1. ·', '1) ·', 'a) ·'],
}

export function recogniseFragment(source: SourceBlock[], options: FragmentOptions = {}): RecognisedFragment {
  const blocks = source.filter((b) => b.text.trim() !== '')
  // An empty title and an opening article take the text before the first heading, so that the
  // recogniser reads its numbers as paragraphs, points and sub-points of "the current article";
  // blocks standing for the cursor's context come first and are dropped again.
  const context = options.after ? CONTEXT[options.after] : []
  const opening: SourceBlock[] = [{ text: '', heading: 1 }, { text: 'Article 1', heading: 3 }, ...context.map((text) => ({ text }))]
  // A passage pasted into a law ends in its article: an adoption note there is that article's text.
  const { doc } = recognise([...opening, ...blocks], { language: options.language, markdown: options.markdown, conclusions: false })
  const [, , current, ...parts] = doc.content ?? []
  let body = (current?.content ?? []).slice(1 + context.length)
  // The recogniser gives an article with no text an empty paragraph; here that means "nothing".
  if (body.length === 1 && body[0].type === 'clause' && !(body[0].content ?? []).length) body = []
  const typed = blocks.some((b) => b.listDepth !== undefined || b.heading !== undefined || matchHeading(b.text) !== null || matchMarker(b.text, options.markdown) !== null)
  return { blocks: body, parts, structured: parts.length > 0 || body.length > 1 || typed, plainLines: parts.length === 0 && !typed }
}

/**
 * A passage pasted over the whole text (select all, then paste): read as a whole law, as an
 * import reads a file, its title line the law's title and what comes before the first heading
 * its preamble (`blocks`, put there by pasteFragment); its conclusions, if any, are the last of `parts`.
 */
export function recogniseLaw(source: SourceBlock[], options: Omit<FragmentOptions, 'after'> = {}): RecognisedFragment {
  const { doc } = recognise(source.filter((b) => b.text.trim() !== ''), { language: options.language, markdown: options.markdown })
  const [title, preamble, ...parts] = doc.content ?? []
  // An import has no cross-references: plain text.
  const text = (json: DocJSON | undefined) => jsonText(json, new Map())
  const blocks = (preamble?.content ?? []).filter((p) => text(p) !== '')
  return { title: text(title), blocks, parts, structured: parts.length > 0 || blocks.length > 0 }
}
