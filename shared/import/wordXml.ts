import { decodeEntities } from './xml'

/**
 * Reading WordprocessingML parts (document.xml, comments.xml…) for what mammoth does not tell:
 * comments (wordComments.ts) and tracked changes (wordRevisions.ts).
 */

const TAG = /<(\/?)([A-Za-z_][\w.-]*:?[\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[!?][^>]*>/g
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export interface Tag {
  closing: boolean
  selfClosing: boolean
  /** Local name, without its namespace prefix. */
  name: string
  attrs: string
}

/**
 * Walks a WordprocessingML part's tags in order, with the text inside w:t and w:delText (deleted
 * words, told apart; not w:instrText, a field's code). A small scanner rather than a tree: document.xml of a
 * long law is megabytes, and only these few elements matter here. A paragraph's tab stops
 * (w:tabs/w:tab, its properties) are not passed on: they are no tab in the text.
 */
export function scan(xml: string, onTag: (tag: Tag) => void, onText: (text: string, element: 't' | 'delText') => void): void {
  let inText: 't' | 'delText' | null = null
  let inTabStops = false
  let last = 0
  TAG.lastIndex = 0
  for (let m = TAG.exec(xml); m !== null; m = TAG.exec(xml)) {
    if (inText && m.index > last) onText(decodeEntities(xml.slice(last, m.index)), inText)
    last = TAG.lastIndex
    if (m[5] !== undefined) {
      if (inText) onText(m[5], inText)
      continue
    }
    if (m[2] === undefined) continue
    const colon = m[2].indexOf(':')
    const tag = { closing: m[1] === '/', selfClosing: m[4] === '/', name: colon < 0 ? m[2] : m[2].slice(colon + 1), attrs: m[3] ?? '' }
    if (tag.name === 't' || tag.name === 'delText') inText = !tag.closing && !tag.selfClosing ? tag.name : null
    if (tag.name === 'tabs') inTabStops = !tag.closing && !tag.selfClosing
    else if (!inTabStops) onTag(tag)
  }
}

/** An attribute by its local name ("id" for w:id). */
export function attribute(tag: Tag, name: string): string | null {
  ATTRIBUTE.lastIndex = 0
  for (let m = ATTRIBUTE.exec(tag.attrs); m !== null; m = ATTRIBUTE.exec(tag.attrs)) {
    const colon = m[1].indexOf(':')
    if ((colon < 0 ? m[1] : m[1].slice(colon + 1)) === name) return decodeEntities(m[2] ?? m[3] ?? '')
  }
  return null
}

/** Text a run's element stands for besides w:t: a tab, a line break, a non-breaking hyphen. */
export function runText(tag: Tag): string {
  if (tag.closing) return ''
  if (tag.name === 'tab' || tag.name === 'ptab') return ' '
  if (tag.name === 'br' || tag.name === 'cr') return '\n'
  if (tag.name === 'noBreakHyphen') return '-'
  return ''
}
