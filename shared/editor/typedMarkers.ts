import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import type { Language } from '../language'
import { isBodyType, type BodyType } from '../schema'
import { matchMarker } from '../import/markers'
import { toLetters } from '../numbering'
import { endOfDeeper, levelOf, subpointFitsAfter } from './hierarchy'

/** Where the marker is typed, as far as a letter's meaning depends on it. */
export interface MarkerPlace {
  /** A point comes before, past other sub-points: a sub-point may stand here. */
  subpointFits: boolean
  /** The block right before is a point: its number among its paragraph's points. */
  afterPoint?: number
}

/** The labels a list of sub-points opens with: Russian «а)» (or a Latin look-alike), English "(i)". */
const FIRST_SUBPOINT = new Set(['а', 'a', 'i'])

/**
 * What a drafter means by typing a number at the start of a block of an article's body ("1) ",
 * "(a) ", "а) ", "2. "), as Word makes a numbered list of it: which kind of block it is, whose
 * number Accord then shows itself (numbers are computed, never typed). The markers are the
 * importer's (shared/import/markers.ts). A letter is a sub-point where the draft letters those
 * (Russian «а)», or a Latin look-alike typed for it) and a point where it letters points
 * (English "(a)"); in English a small Roman numeral ("(ii)") is a sub-point where one may stand
 * (right after a point only the first, see below), and "(2)" a paragraph.
 */
export function kindOfTypedMarker(marker: string, language: Language, place: MarkerPlace): BodyType | null {
  const typed = matchMarker(`${marker} `)
  if (!typed || typed.rest !== '') return null
  switch (typed.style) {
    case 'N.':
      return 'clause'
    case '(N)':
      // "(2)" numbers a paragraph in English drafting (a subsection); a Russian text writes its points so.
      return language === 'en' ? 'clause' : 'point'
    case 'N)':
      return 'point'
    case 'L)':
    case '(L)': {
      const letteredSubpoints = language === 'ru' || /[а-яё]/.test(typed.value)
      const romanNumeral = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$/.test(typed.value)
      // Where no point comes before, a sub-point cannot stand: a point, as the importer makes it.
      if (!(letteredSubpoints || romanNumeral) || !place.subpointFits) return 'point'
      if (place.afterPoint === undefined) return 'subpoint' // after a sub-point: the next one
      // Right after a point, sub-points open with their first label; another letter goes on with
      // the points, as a drafter lists them («а) …», Enter, «б) …»), and so does the letter after
      // an English point's ("(i)" after "(h)").
      const continuesPoints = language === 'en' && toLetters(place.afterPoint + 1, 'en') === typed.value
      return FIRST_SUBPOINT.has(typed.value) && !continuesPoints ? 'subpoint' : 'point'
    }
    default:
      return null
  }
}

/** Typed at the very start of a block, before a space: "2.", "1)", "(3)", "а)", "(a)", "(iv)". */
export const TYPED_MARKER = /^(\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zа-яё]{1,4}\))\s$/iu

/**
 * Adds to `tr` the change for `marker`, typed from `from` to `to` at the start of a block of an
 * article's body: the marker goes and the block becomes the kind it names. False (nothing
 * added) where it names none, or where the change would leave blocks under the wrong owner, as
 * the toolbar's change of kind refuses to: a block with points or sub-points of its own, a
 * paragraph with sub-points after it.
 */
export function applyTypedMarker(tr: Transaction, from: number, to: number, marker: string, language: Language): boolean {
  const $from = tr.doc.resolve(from)
  const block = $from.parent
  if (!isBodyType(block.type.name) || $from.parentOffset !== 0) return false
  const article = $from.node(-1)
  const index = $from.index(-1)
  const kind = kindOfTypedMarker(marker, language, { subpointFits: subpointFitsAfter(article, index - 1), afterPoint: pointNumberAt(article, index - 1) })
  if (!kind) return false
  if (kind !== block.type.name) {
    const next = index + 1 < article.childCount ? article.child(index + 1) : null
    if (endOfDeeper(article, index, levelOf(block)) !== index + 1) return false
    if (kind === 'clause' && next?.type.name === 'subpoint') return false
  }
  tr.delete(from, to)
  if (kind !== block.type.name) tr.setNodeMarkup($from.before(), tr.doc.type.schema.nodes[kind], block.attrs)
  return true
}

/** The number of the point at `index` among its paragraph's points; undefined where no point is. */
function pointNumberAt(article: PMNode, index: number): number | undefined {
  if (index < 0 || article.child(index).type.name !== 'point') return undefined
  let number = 0
  for (let i = index; i >= 0 && levelOf(article.child(i)) >= 1; i--) if (article.child(i).type.name === 'point') number++
  return number
}
