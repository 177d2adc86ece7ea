/**
 * A small, dependency-free XML reader: enough for Akoma Ntoso files and for mammoth's XHTML-like
 * output, in Node and in the browser alike (no DOMParser, which Node lacks). It keeps element
 * names with their prefixes, attributes and text (entities and CDATA decoded); it skips the XML
 * declaration, processing instructions, comments and DOCTYPE. It is not validating: malformed
 * input, or input nested deeper than MAX_XML_DEPTH, raises an XmlError rather than returning a
 * half-read tree.
 */

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

export class XmlError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at offset ${offset})`)
    this.name = 'XmlError'
  }
}

/**
 * Deepest element nesting read. A law nests a dozen levels (act, body, chapter, article,
 * paragraph, list, point, content, p…), Word's lists and tables a few more; thousands of levels
 * are a hostile file, which the readers' recursion and searches would take seconds over, or
 * overflow the stack on.
 */
export const MAX_XML_DEPTH = 256

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref] ?? whole
  })
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:\u00b7\u00c0-\uffff]*/y
const ATTR = /\s*([A-Za-z_:][-A-Za-z0-9_.:\u00c0-\uffff]*)\s*=\s*("([^"]*)"|'([^']*)')/y

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  let i = 0
  const top = () => stack[stack.length - 1]

  const skipPast = (marker: string, what: string) => {
    const end = source.indexOf(marker, i)
    if (end < 0) throw new XmlError(`unterminated ${what}`, i)
    i = end + marker.length
  }

  while (i < source.length) {
    const lt = source.indexOf('<', i)
    if (lt < 0) {
      pushText(top(), decodeEntities(source.slice(i)))
      break
    }
    if (lt > i) pushText(top(), decodeEntities(source.slice(i, lt)))
    i = lt
    if (source.startsWith('<!--', i)) skipPast('-->', 'comment')
    else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i)
      if (end < 0) throw new XmlError('unterminated CDATA section', i)
      pushText(top(), source.slice(i + 9, end))
      i = end + 3
    } else if (source.startsWith('<?', i)) skipPast('?>', 'processing instruction')
    else if (source.startsWith('<!', i)) skipDoctype()
    else if (source.startsWith('</', i)) {
      NAME.lastIndex = i + 2
      const m = NAME.exec(source)
      if (!m) throw new XmlError('bad closing tag', i)
      const open = stack.pop()
      if (!open || open === root || open.name !== m[0]) throw new XmlError(`unexpected </${m[0]}>`, i)
      const gt = source.indexOf('>', NAME.lastIndex)
      if (gt < 0) throw new XmlError('unterminated closing tag', i)
      i = gt + 1
    } else {
      NAME.lastIndex = i + 1
      const m = NAME.exec(source)
      if (!m) throw new XmlError('bad tag', i)
      const el: XmlElement = { name: m[0], attrs: {}, children: [] }
      let j = NAME.lastIndex
      for (;;) {
        ATTR.lastIndex = j
        const a = ATTR.exec(source)
        if (!a) break
        el.attrs[a[1]] = decodeEntities(a[3] ?? a[4] ?? '')
        j = ATTR.lastIndex
      }
      while (j < source.length && /\s/.test(source[j])) j++
      top().children.push(el)
      if (source.startsWith('/>', j)) i = j + 2
      else if (source[j] === '>') {
        i = j + 1
        stack.push(el)
        if (stack.length > MAX_XML_DEPTH + 1) throw new XmlError(`elements nested more than ${MAX_XML_DEPTH} deep`, i)
      } else throw new XmlError(`bad attributes in <${el.name}>`, j)
    }
  }
  if (stack.length !== 1) throw new XmlError(`unclosed <${top().name}>`, source.length)
  return root

  function skipDoctype() {
    // <!DOCTYPE …> may hold an internal subset in brackets.
    let depth = 0
    for (let k = i + 2; k < source.length; k++) {
      if (source[k] === '[') depth++
      else if (source[k] === ']') depth--
      else if (source[k] === '>' && depth <= 0) {
        i = k + 1
        return
      }
    }
    throw new XmlError('unterminated declaration', i)
  }
}

function pushText(parent: XmlElement, text: string): void {
  if (!text) return
  const last = parent.children[parent.children.length - 1]
  if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text
  else parent.children.push(text)
}

/** The element's local name, without a namespace prefix. */
export function localName(el: XmlElement): string {
  const colon = el.name.indexOf(':')
  return colon < 0 ? el.name : el.name.slice(colon + 1)
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || localName(c) === name))
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return elements(el, name)[0]
}

/** All text inside the element, in document order. */
export function textContent(node: XmlNode): string {
  if (typeof node === 'string') return node
  return node.children.map(textContent).join('')
}
