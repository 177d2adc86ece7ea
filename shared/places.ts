import type { Node as PMNode } from '@tiptap/pm/model'
import type { Language } from './language'
import { outlineOf, type OutlineKind } from './numbering'
import { isDivisionType } from './schema'

/**
 * The places of a law — where a review thread is (its `articleId`, a name kept from when threads
 * were on articles only), what an editing session touched: an article or a division's heading,
 * by its id; or the law's title, its preamble or its conclusions, which have no id and are named
 * by these words instead (ids are twelve characters of [0-9a-z]).
 */
export const TITLE_PLACE = 'title'
export const PREAMBLE_PLACE = 'preamble'
export const CONCLUSIONS_PLACE = 'conclusions'

const RESERVED = new Set([TITLE_PLACE, PREAMBLE_PLACE, CONCLUSIONS_PLACE])

/** Whether a place id is one of the words that name the places without an id (the title, the preamble, the conclusions). */
export function isNamedByWord(placeId: string): boolean {
  return RESERVED.has(placeId)
}

/**
 * The place a top-level node is (by its type's name and id attribute), or null: a node without an
 * id, or with one of the reserved words as its id (pasted from elsewhere), which would be taken
 * for the title, the preamble or the conclusions.
 */
export function placeIdOf(nodeName: string, id: unknown): string | null {
  if (nodeName === 'lawTitle') return TITLE_PLACE
  if (nodeName === 'preamble') return PREAMBLE_PLACE
  if (nodeName === 'conclusions') return CONCLUSIONS_PLACE
  const named = (nodeName === 'article' || isDivisionType(nodeName)) && typeof id === 'string' && id !== ''
  return named && !isNamedByWord(id) ? id : null
}

/** Whether a top-level node of this name is free paragraphs without ids (the preamble, the conclusions): a place whose words are found paragraph by paragraph. */
export function holdsParagraphs(nodeName: string): boolean {
  return nodeName === 'preamble' || nodeName === 'conclusions'
}

export type PlaceKind = 'title' | 'preamble' | 'conclusions' | OutlineKind

/** A place of the law, named in the law's language ("Article 5.", «Преамбула»). */
export interface Place {
  id: string
  kind: PlaceKind
  /** The number alone ("5", "II"); empty for the title, the preamble and the conclusions. */
  num: string
  label: string
  heading: string
}

/**
 * The names of the places without a number, in the law's language. The conclusions are named as
 * the region's drafters name what stands there (the adoption note, signature, place and date):
 * «реквизиты».
 */
export const PLACE_WORDS: Record<Language, { title: string; preamble: string; conclusions: string }> = {
  en: { title: 'Title', preamble: 'Preamble', conclusions: 'Closing formula' },
  ru: { title: 'Название', preamble: 'Преамбула', conclusions: 'Реквизиты' },
}

/** The places every law has, first in its order: the title and the preamble. */
export function titleAndPreamble(language: Language): Place[] {
  const words = PLACE_WORDS[language]
  return [
    { id: TITLE_PLACE, kind: 'title', num: '', label: words.title, heading: '' },
    { id: PREAMBLE_PLACE, kind: 'preamble', num: '', label: words.preamble, heading: '' },
  ]
}

/** The conclusions as a place, last in the law's order (where a law has them). */
export function conclusionsPlace(language: Language): Place {
  return { id: CONCLUSIONS_PLACE, kind: 'conclusions', num: '', label: PLACE_WORDS[language].conclusions, heading: '' }
}

/** Every place of the law in its order: the title, the preamble, its divisions and articles, then the conclusions if it has them. */
export function placesOf(doc: PMNode, language: Language): Place[] {
  const places = titleAndPreamble(language)
  for (const entry of outlineOf(doc, language)) if (entry.id) places.push({ id: entry.id, kind: entry.kind, num: entry.num, label: entry.label, heading: entry.heading })
  if (findPlaceNode(doc, CONCLUSIONS_PLACE)) places.push(conclusionsPlace(language))
  return places
}

/** The top-level node that is this place, with its position. */
export function findPlaceNode(doc: PMNode, placeId: string): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null
  doc.forEach((node, offset) => {
    if (!found && placeIdOf(node.type.name, node.attrs.id) === placeId) found = { pos: offset, node }
  })
  return found
}
