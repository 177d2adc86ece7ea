import { Node } from '@tiptap/core'
import type { DivisionType } from './index'

/**
 * The legal text's node types. Body blocks of an article (numbered paragraphs, points,
 * sub-points) are flat siblings with a level given by their type: concurrent edits can never
 * produce an invalid nesting, and the hierarchy is derived (numbering, export) from order.
 */

/** The class of the number a block copied out of the editor carries in its HTML ("Article 5. "), skipped when pasted back. */
export const COPIED_LABEL_CLASS = 'accord-label'

const idAttribute = {
  id: {
    default: null as string | null,
    parseHTML: (el: HTMLElement) => el.getAttribute('data-id'),
    renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': attrs.id } : {}),
  },
}

/**
 * The conclusions belong after the last article, and the editor's commands keep them there; but the
 * schema lets them stand anywhere among the structure, more than once. Two people adding the
 * conclusions and an article at the end at the same moment may get them in either order from
 * Yjs, or two conclusions: a node the schema refuses where it stands is dropped by ProseMirror's
 * replace (which fits content to the schema), and the next local edit deletes it for everyone.
 * Readers (exports, comparison, places) take every conclusions node's paragraphs as the law's.
 */
export const LegalDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'lawTitle preamble (structural | conclusions)*',
})

export const Text = Node.create({ name: 'text', group: 'inline' })

/** What a reference's target may look like: a stable id (pasted HTML is read through this, never trusted). */
export const XREF_TARGET_PATTERN = /^[0-9A-Za-z_-]{1,64}$/

/**
 * A cross-reference: an inline atom that names its target by stable id and shows the target's
 * current number (drawn by the editor's xref view, resolved by shared/xref.ts everywhere else).
 * In HTML it is `<span class="xref" data-target="…">`; only a well-formed id is read back.
 */
export const Xref = Node.create({
  name: 'xref',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes: () => ({
    target: {
      default: null as string | null,
      parseHTML: (el: HTMLElement) => {
        const target = el.getAttribute('data-target')
        return target && XREF_TARGET_PATTERN.test(target) ? target : null
      },
      renderHTML: (attrs: Record<string, unknown>) => (typeof attrs.target === 'string' ? { 'data-target': attrs.target } : {}),
    },
  }),
  parseHTML: () => [
    { tag: 'span.xref', getAttrs: (el: HTMLElement) => (XREF_TARGET_PATTERN.test(el.getAttribute('data-target') ?? '') ? null : false) },
    // A copied block's number, for other programs (client/editor/copyNumbers.ts): pasted back, numbers come from position.
    { tag: `span.${COPIED_LABEL_CLASS}`, ignore: true },
  ],
  renderHTML: ({ HTMLAttributes }) => ['span', { ...HTMLAttributes, class: 'xref' }],
})

export const LawTitle = Node.create({
  name: 'lawTitle',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'h1' }],
  renderHTML: () => ['h1', { class: 'law-title' }, 0],
})

export const Preamble = Node.create({
  name: 'preamble',
  content: 'paragraph+',
  parseHTML: () => [{ tag: 'div.preamble' }],
  renderHTML: () => ['div', { class: 'preamble' }, 0],
})

/**
 * What follows the last article (AKN `conclusions`): the model law's adoption note («Принят на …
 * пленарном заседании … (постановление № …)»), a signature, place, date and number. Free
 * paragraphs like the preamble's; optional, since a draft rarely has one until it is adopted.
 */
export const Conclusions = Node.create({
  name: 'conclusions',
  content: 'paragraph+',
  parseHTML: () => [{ tag: 'div.conclusions' }],
  renderHTML: () => ['div', { class: 'conclusions' }, 0],
})

/** A free paragraph of the preamble or the conclusions (not numbered). */
export const Paragraph = Node.create({
  name: 'paragraph',
  content: 'inline*',
  marks: '',
  parseHTML: () => [{ tag: 'p.preamble-paragraph' }, { tag: 'p', priority: 40 }],
  renderHTML: () => ['p', { class: 'preamble-paragraph' }, 0],
})

/**
 * A heading that divides the law: flat, like every top-level node, it owns what follows it up
 * to the next heading of its kind or above. A bare `<h2>` (pasted from elsewhere) reads as a
 * chapter; ours say which division they are.
 */
function divisionHeading(name: DivisionType) {
  return Node.create({
    name,
    group: 'structural',
    content: 'text*',
    marks: '',
    defining: true,
    addAttributes: () => ({ ...idAttribute }),
    parseHTML: () => (name === 'chapter' ? [{ tag: 'h2' }] : [{ tag: `h2.${name}`, priority: 60 }]),
    renderHTML: ({ HTMLAttributes }) => ['h2', { ...HTMLAttributes, class: name }, 0],
  })
}

export const Chapter = divisionHeading('chapter')

/** The division above chapters: «Раздел I.» in the region's codes and model laws, AKN `part`. */
export const Part = divisionHeading('part')

/**
 * A division of a chapter (AKN `section`): «§ 1.» in Russian drafting, as in the codes, since
 * «Раздел» there stands above chapters (a part).
 */
export const Section = divisionHeading('section')

export const Article = Node.create({
  name: 'article',
  group: 'structural',
  content: 'articleHeading articleBlock*',
  defining: true,
  isolating: true,
  addAttributes: () => ({ ...idAttribute }),
  parseHTML: () => [{ tag: 'article' }, { tag: 'section.article' }],
  renderHTML: ({ HTMLAttributes }) => ['article', { ...HTMLAttributes, class: 'article' }, 0],
})

export const ArticleHeading = Node.create({
  name: 'articleHeading',
  content: 'inline*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'h3' }],
  renderHTML: () => ['h3', { class: 'article-heading' }, 0],
})

function bodyBlock(name: 'clause' | 'point' | 'subpoint') {
  return Node.create({
    name,
    group: 'articleBlock',
    content: 'inline*',
    marks: '',
    addAttributes: () => ({ ...idAttribute }),
    parseHTML: () => [{ tag: `p.${name}` }],
    renderHTML: ({ HTMLAttributes }) => ['p', { ...HTMLAttributes, class: name }, 0],
  })
}

/** A numbered paragraph of an article ("part" in CIS usage). */
export const Clause = bodyBlock('clause')
export const Point = bodyBlock('point')
export const Subpoint = bodyBlock('subpoint')

export const legalNodes = [
  LegalDocument,
  Text,
  LawTitle,
  Preamble,
  Paragraph,
  Part,
  Chapter,
  Section,
  Article,
  ArticleHeading,
  Clause,
  Point,
  Subpoint,
  Conclusions,
  Xref,
]
