import type { SourceBlock } from './recognise'

/**
 * What opens a law's conclusions (AKN `conclusions`, «реквизиты»): the adoption note of a model law
 * («Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи …»), of a national
 * law («Принят Государственной Думой …», "Adopted by the Parliament …", "Done at …"), or a
 * signature («Президент Российской Федерации     В. Путин», "President of the Republic").
 * Only a line after the law's last heading can open them (conclusionsStart), and it takes all that
 * follows with it; so the rule is narrow: a paragraph of the last article must never read as one.
 */

/**
 * «Принят», «Принята», «Принято» (or "Adopted"), alone on its line as in a signature block set line
 * by line, or followed by where or by whom: «на …», «в …», «Государственной Думой», «Советом …».
 * «Принято решение …» or "Adopted children …" are sentences of an article, not notes.
 */
const ADOPTED_RU = /^(?:Принят[аоы]?|ПРИНЯТ[АОЫ]?)(?:$|\s+(?:на|в|во|Государственной|Межпарламентской|Советом|Верховным|Верховной|Законодательной|Парламентом|Палатой|Национальным|Народным|Мажилисом|Собранием)(?:\s|$))/u
const ADOPTED_EN = /^(?:(?:Adopted|ADOPTED)(?:$|\s+(?:at|by|on)\s)|Done\s+at\s)/

/** A signature's first words: «Президент» (alone, or «Президент Республики …»), "President" alone or "President of …". */
const SIGNATURE = /^(?:(?:Президент|ПРЕЗИДЕНТ)(?:$|\s)|(?:President|PRESIDENT)(?:$|\s+(?:of|OF)\s))/u

/**
 * A signature is a short line that ends without a sentence's punctuation, which tells
 * «Президент Российской Федерации   В. Путин» from «Президент Республики назначает …».
 */
const MAX_SIGNATURE = 100

const normal = (line: string) => line.replace(/\s+/g, ' ').trim()

/** Whether a line opens an adoption note: «Принят на …», "Adopted by …", capitalised as no line inside a sentence is. */
function opensAdoptionNote(line: string): boolean {
  const text = normal(line)
  return ADOPTED_RU.test(text) || ADOPTED_EN.test(text)
}

/** Whether a line opens the conclusions: an adoption note, or a signature line. */
export function opensConclusions(line: string): boolean {
  const text = normal(line)
  return opensAdoptionNote(text) || (SIGNATURE.test(text) && text.length <= MAX_SIGNATURE && !/[.;:]$/.test(text))
}

/**
 * Where a law's conclusions start among its blocks (`start`, or -1): after the last heading
 * (`isHeading`), the first block its source marks as them (`closing`) or that reads as an adoption
 * note or a signature (a list item never does). A text without headings has no articles to
 * follow. Hard-wrapped text may have joined an adoption note to the unpunctuated last line of the
 * article before it: that block is split at the note's line, in the blocks returned (the given
 * ones are left as they are). Not at a signature's: "President of the Republic and" may well be a
 * wrapped line of the last article's sentence.
 */
export function conclusionsIn(blocks: SourceBlock[], isHeading: (block: SourceBlock) => boolean): { blocks: SourceBlock[]; start: number } {
  let last = blocks.length - 1
  while (last >= 0 && !isHeading(blocks[last])) last--
  if (last < 0) return { blocks, start: -1 }
  for (let i = last + 1; i < blocks.length; i++) {
    const block = blocks[i]
    if (block.closing) return { blocks, start: i }
    if (block.listDepth !== undefined) continue
    if (opensConclusions(block.text)) return { blocks, start: i }
    const at = block.lines?.findIndex((line, n) => n > 0 && opensAdoptionNote(line)) ?? -1
    if (at > 0) {
      const [before, after] = [block.lines!.slice(0, at), block.lines!.slice(at)]
      const split = [{ ...block, text: before.join(' '), lines: before }, { text: after.join(' '), lines: after }]
      return { blocks: [...blocks.slice(0, i), ...split, ...blocks.slice(i + 1)], start: i + 1 }
    }
  }
  return { blocks, start: -1 }
}
