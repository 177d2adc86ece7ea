import * as Y from 'yjs'
import { ErrorCode } from '../../shared/api'
import { blockIdOf, blockWords, findPlace, resolveAnchor, textBetween, topLevelOf, type ElementText } from '../../shared/comments/anchor'
import { plainWordsBetween } from '../../shared/comments/wording'
import { xrefReaderOf } from '../../shared/comments/xrefQuote'
import type { Language } from '../../shared/language'
import { holdsParagraphs } from '../../shared/places'
import { TEXT_FIELD } from '../../shared/protocol'
import { HttpError } from '../errors'
import { clip } from '../../shared/clip'

/** A passage quoted in a thread is kept up to this length (longer ones are cut, with "…"). */
const QUOTE_MAX = 10_000

const anchorInvalid = (message: string) => new HttpError(400, ErrorCode.anchorInvalid, message)
const notInBlock = (message: string) => new HttpError(400, ErrorCode.wordingNotInBlock, message)

/**
 * Where a new thread goes: the passage must be live words of one place, the one named (an
 * article, a division's heading, the title or the preamble: shared/places.ts). A
 * thread proposing a wording must be on a passage of plain words in one block (paragraph, point,
 * sub-point, heading): the words its proposal would replace, quoted whole.
 */
export function placeOf(
  ydoc: Y.Doc,
  input: { articleId: string; anchor: { start: string; end: string } | null; proposal?: string },
  language: Language,
): { quote: string; blockId: string | null } {
  const { articleId, anchor } = input
  const proposing = input.proposal !== undefined
  if (anchor === null) {
    const place = findPlace(ydoc, articleId)
    if (!place) throw anchorInvalid('no such place')
    if (proposing) throw notInBlock('a wording is proposed for selected words of one paragraph, point or heading, not for a whole place')
    return { quote: wholePlaceQuote(place, xrefReaderOf(ydoc, language)), blockId: null }
  }
  const resolution = resolveAnchor(ydoc, anchor)
  if (resolution.state === 'pending') {
    throw new HttpError(409, ErrorCode.anchorNotSynced, 'the passage refers to text the server has not stored yet')
  }
  if (resolution.state !== 'live') throw anchorInvalid('the passage does not exist')
  const root = ydoc.getXmlFragment(TEXT_FIELD)
  const place = topLevelOf(resolution.start.text, root)
  if (!place || place !== topLevelOf(resolution.end.text, root)) throw anchorInvalid('a passage must lie within one article, heading, the title, the preamble or the conclusions')
  if (resolution.articleId === null || resolution.articleId !== articleId) throw anchorInvalid('the passage is not in that place')
  const blockId = blockIdOf(resolution.start.text)
  if (proposing) {
    const words = plainWordsBetween(resolution.start, resolution.end)
    if (!words.ok) throw notInBlock('a wording is proposed for plain words of one paragraph, point or heading (no cross-reference, not across blocks)')
    if (words.words.length > QUOTE_MAX) throw notInBlock(`a wording is proposed for at most ${QUOTE_MAX} characters`)
    return { quote: words.words, blockId }
  }
  // A cross-reference quoted as the number it shows now.
  const quote = textBetween(resolution.start, resolution.end, xrefReaderOf(ydoc, language))
  return { quote: clip(quote, QUOTE_MAX), blockId }
}

/** What a thread on a whole place quotes: an article's heading, a division's heading, the title; nothing of the preamble or the conclusions. */
function wholePlaceQuote(place: Y.XmlElement, references: ElementText): string {
  if (holdsParagraphs(place.nodeName)) return ''
  const heading = place.nodeName === 'article' ? place.toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'articleHeading') : place
  return heading ? blockWords(heading, references) : ''
}
