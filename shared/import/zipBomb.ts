/**
 * A guard against ZIP bombs in .docx files, run before mammoth, whose JSZip unpacks every part it
 * reads whole, in memory. A 650 KB upload whose document.xml inflates to 200 MB took the server's
 * import worker past its heap limit — which aborts the whole server process, not just the worker
 * — and would do the same to the browser's import worker. Here the parts are inflated as a
 * stream, counting, and reading stops at the limit; the sizes the ZIP headers declare are not
 * trusted. Pure Web-platform code (DecompressionStream), for the browser and Node alike.
 *
 * Which parts count: every part mammoth may read. It finds the main document, and from there the
 * styles, numbering, notes and comments, by the package's relationships — under any name, so a
 * main part renamed `word/document.dat` is read all the same (the guard used to count only
 * `.xml`/`.rels` names, and such a file got past it). Images are the one kind of part it does not
 * read: it unpacks an image only when the image converter asks, and ours (shared/import/docx.ts)
 * never does. So everything counts except a part that relationships name only as an image (and
 * that is not named .xml/.rels, mammoth's fallback names): a Word file with large photographs
 * still imports, and an "image" that a relationship also names as the document is counted.
 */

import { parseXml, localName, type XmlElement } from './xml'

/** More XML than any law's Word document holds (a 300-article law is a few MB), with room to spare. */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image'
const READ_BY_NAME = /\.(xml|rels)$/i

interface Part {
  name: string
  method: number
  data: Uint8Array
}

/**
 * Whether the parts mammoth may read inflate to more than `limit` bytes in all. Whatever is
 * malformed is left to mammoth to refuse (false), as is any part it cannot inflate. The text of
 * each part named in `texts` is put there as it is inflated (what mammoth does not tell, such as
 * tracked changes, is read from it: docxRevisions.ts); null if it was not read whole.
 */
export async function docxPartsExceed(bytes: Uint8Array, limit: number, texts?: Map<string, string | null>): Promise<boolean> {
  const parts = centralDirectory(bytes)
  if (!parts) return false
  let total = 0
  // Relationships first: they say which parts are images only.
  const relationships: { source: string; text: string | null }[] = []
  for (const part of parts) {
    if (!/\.rels$/i.test(part.name)) continue
    const inflated = await inflate(part, limit - total, true)
    total += inflated.length
    if (total > limit) return true
    relationships.push({ source: part.name, text: inflated.text })
  }
  const imagesOnly = imageOnlyParts(relationships)
  for (const part of parts) {
    if (/\.rels$/i.test(part.name)) continue
    if (imagesOnly.has(part.name) && !READ_BY_NAME.test(part.name)) continue
    const kept = texts?.has(part.name) ?? false
    const inflated = await inflate(part, limit - total, kept)
    if (kept) texts!.set(part.name, inflated.text)
    total += inflated.length
    if (total > limit) return true
  }
  return false
}

/** The package's entries by its central directory, or null when it is not a readable ZIP. */
function centralDirectory(bytes: Uint8Array): Part[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  let eocd = bytes.length - 22
  const stop = Math.max(0, eocd - 0xffff)
  while (eocd >= stop && u32(eocd) !== EOCD) eocd--
  if (eocd < stop) return null
  const count = u16(eocd + 10)
  const directory = u32(eocd + 16)
  const parts: Part[] = []
  let entry = directory
  for (let i = 0; i < count; i++) {
    if (entry + 46 > bytes.length || u32(entry) !== CENTRAL) return null
    const method = u16(entry + 10)
    const compressed = u32(entry + 20)
    const nameLength = u16(entry + 28)
    const local = u32(entry + 42)
    const name = new TextDecoder().decode(bytes.subarray(entry + 46, entry + 46 + nameLength))
    entry += 46 + nameLength + u16(entry + 30) + u16(entry + 32)
    if (local + 30 > bytes.length || u32(local) !== LOCAL) return null
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    // ZIP64 says 0xFFFFFFFF here: the part then runs at most to the central directory.
    const end = compressed === 0xffffffff ? directory : Math.min(start + compressed, bytes.length)
    parts.push({ name, method, data: bytes.subarray(start, Math.max(start, end)) })
  }
  return parts
}

/**
 * Parts that relationships name as images and as nothing else. Targets are resolved both as
 * mammoth joins them and with `..` resolved, so that no reading of a path makes a part mammoth
 * reads look like an image. A relationships part that cannot be read leaves no part out.
 */
function imageOnlyParts(relationships: { source: string; text: string | null }[]): Set<string> {
  const images = new Set<string>()
  const others = new Set<string>()
  for (const { source, text } of relationships) {
    let root: XmlElement
    try {
      if (text === null) throw new Error('not read whole')
      root = parseXml(text)
    } catch {
      return new Set()
    }
    const base = source.includes('_rels/') ? source.slice(0, source.lastIndexOf('_rels/')).replace(/\/$/, '') : ''
    for (const rel of relationshipElements(root)) {
      if (rel.attrs.TargetMode === 'External' && rel.attrs.Type === IMAGE) continue
      const target = rel.attrs.Target ?? ''
      const into = rel.attrs.Type === IMAGE ? images : others
      for (const name of resolutions(base, target)) into.add(name)
    }
  }
  for (const name of others) images.delete(name)
  return images
}

function relationshipElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) {
    if (typeof c === 'string') continue
    if (localName(c) === 'Relationship') out.push(c)
    out.push(...relationshipElements(c))
  }
  return out
}

function resolutions(base: string, target: string): string[] {
  const joined = (target.startsWith('/') ? target : [base, target].filter(Boolean).join('/')).replace(/^\/+/, '')
  const normal: string[] = []
  for (const segment of joined.split('/')) {
    if (segment === '..') normal.pop()
    else if (segment !== '.' && segment !== '') normal.push(segment)
  }
  return [joined, normal.join('/')]
}

/**
 * Inflates a part, counting up to just past `budget`; with `keep`, also its text (null when it
 * stopped at the budget or the data is damaged).
 */
async function inflate(part: Part, budget: number, keep: boolean): Promise<{ length: number; text: string | null }> {
  if (part.method === 0) return { length: part.data.length, text: keep ? new TextDecoder().decode(part.data) : null }
  if (part.method !== 8) return { length: 0, text: null }
  const reader = new Blob([part.data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  let whole = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        whole = true
        break
      }
      length += value.byteLength
      if (keep) chunks.push(value)
      if (length > budget) {
        await reader.cancel()
        break
      }
    }
  } catch {
    // Damaged data: mammoth will say the file is not a Word document.
  }
  if (!keep || !whole) return { length, text: null }
  const decoder = new TextDecoder()
  return { length, text: chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode() }
}
