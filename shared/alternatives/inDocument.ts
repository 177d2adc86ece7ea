import type { Node as PMNode } from '@tiptap/pm/model'
import type { Language } from '../language'
import { labelInText, numberArticleBody, numberDocument, outlineOf, type NumberedNode } from '../numbering'
import { blockText, hasXref, xrefNumbers, type XrefNumbers } from '../xref'
import { alternativesIn, type AlternativeGroupInText } from './recognise'
import { isDivisionType } from '../schema'
import { CONCLUSIONS_PLACE, holdsParagraphs, PLACE_WORDS, PREAMBLE_PLACE, TITLE_PLACE } from '../places'

/** A group of alternatives where it stands in the draft. */
export interface AlternativeGroup extends AlternativeGroupInText {
  /**
   * The stable id of its block: a chapter or section, paragraph, point or sub-point, or the article
   * for its heading; for the title, the preamble and the conclusions, which have none, their place (shared/places.ts).
   */
  blockId: string
  /** In the preamble or the conclusions, which of its paragraphs (0-based). */
  paragraph?: number
  /** The article (or chapter, or section) it is in, as numbered now: "Article 5." / "Статья 5.", "Chapter II.". */
  label: string
  /**
   * Where it stands, as the cross-reference dialog names a block: "Article 7, paragraph 2",
   * «Статья 7, пункт 3», "Chapter II"; the article alone for its heading or an unnumbered paragraph.
   */
  place: string
}

/** The words a place is named with, lower case as inside a sentence (the dialog's kinds). */
const BLOCK_WORDS: Record<Language, Record<'clause' | 'point' | 'subpoint', string>> = {
  en: { clause: 'paragraph', point: 'point', subpoint: 'sub-point' },
  ru: { clause: 'часть', point: 'пункт', subpoint: 'подпункт' },
}

function placeOf(label: string, block: NumberedNode | undefined, language: Language): string {
  const where = labelInText(label)
  if (!block?.num || (block.kind !== 'clause' && block.kind !== 'point' && block.kind !== 'subpoint')) return where
  return `${where}, ${BLOCK_WORDS[language][block.kind]} ${block.num}`
}

/** Blocks are immutable in ProseMirror: a block unchanged since the last look is not read again. */
const byBlock = new WeakMap<PMNode, AlternativeGroupInText[]>()

/**
 * A block with a cross-reference reads it as its target's number (`numbers`, worked out once per
 * call and only when needed) and is not cached: the number changes while the block does not.
 */
function groupsOfBlock(node: PMNode, numbers: () => XrefNumbers): AlternativeGroupInText[] {
  if (hasXref(node)) return alternativesIn(blockText(node, numbers()))
  let groups = byBlock.get(node)
  if (!groups) {
    groups = alternativesIn(node.textContent)
    byBlock.set(node, groups)
  }
  return groups
}

/**
 * Every group of alternatives in the draft, in text order. A preference is kept against a block's
 * stable id (chapters, sections, article headings under their article's id, paragraphs, points,
 * sub-points); the title's, the preamble's and the conclusions' groups against their place
 * (shared/places.ts), the paragraphs of either, which have no ids, sharing it.
 */
export function alternativesOfDoc(doc: PMNode, language: Language): AlternativeGroup[] {
  const out: AlternativeGroup[] = []
  const outline = outlineOf(doc, language)
  let known: XrefNumbers | null = null
  const numbers = () => (known ??= xrefNumbers(numberDocument(doc, language)))
  let entry = 0
  const push = (groups: AlternativeGroupInText[], blockId: string, label: string, block?: NumberedNode, paragraph?: number) => {
    const place = placeOf(label, block, language)
    for (const g of groups) out.push({ ...g, blockId, label, place, ...(paragraph !== undefined ? { paragraph } : {}) })
  }
  const words = PLACE_WORDS[language]
  doc.forEach((node, pos) => {
    const kind = node.type.name
    if (kind === 'lawTitle') {
      push(groupsOfBlock(node, numbers), TITLE_PLACE, words.title)
      return
    }
    if (holdsParagraphs(kind)) {
      const place = kind === 'preamble' ? PREAMBLE_PLACE : CONCLUSIONS_PLACE
      node.forEach((paragraph, _offset, index) => push(groupsOfBlock(paragraph, numbers), place, words[place], undefined, index))
      return
    }
    if (!isDivisionType(kind) && kind !== 'article') return
    const label = outline[entry++]?.label ?? ''
    const id = node.attrs.id as string | null
    if (isDivisionType(kind)) {
      if (id) push(groupsOfBlock(node, numbers), id, label)
      return
    }
    if (id && node.firstChild) push(groupsOfBlock(node.firstChild, numbers), id, label)
    // Numbers of the body are worked out only for an article that has brackets at all.
    let numbered: NumberedNode[] | null = null
    node.forEach((child, offset) => {
      if (child.type.name === 'articleHeading' || !child.attrs.id) return
      const groups = groupsOfBlock(child, numbers)
      if (groups.length === 0) return
      if (!numbered) {
        numbered = []
        numberArticleBody(node, pos + 1, language, numbered)
      }
      push(groups, child.attrs.id as string, label, numbered.find((n) => n.pos === pos + 1 + offset))
    })
  })
  return out
}

/** A group's identity in the draft: its block and its key (a newline is in neither an id nor a key). */
export const groupId = (blockId: string, key: string) => `${blockId}\n${key}`
