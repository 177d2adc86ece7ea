/**
 * A guard against ZIP bombs in .docx files, run before mammoth, whose JSZip unpacks every part it
 * reads whole, in memory. A 650 KB upload whose document.xml inflates to 200 MB took the server's
 * import worker past its heap limit — which aborts the whole server process, not just the worker
 * — and would do the same to the browser's import worker. Here the XML parts (the only ones
 * mammoth reads in full: images are left out of the import) are inflated as a stream, counting,
 * and reading stops at the limit; the sizes the ZIP headers declare are not trusted. Pure
 * Web-platform code (DecompressionStream), for the browser and Node alike.
 */

/** More XML than any law's Word document holds (a 300-article law is a few MB), with room to spare. */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/**
 * Whether the package's XML parts (`.xml`, `.rels`) inflate to more than `limit` bytes in all.
 * Whatever is malformed is left to mammoth to refuse (false), as is any part it cannot inflate.
 */
export async function xmlPartsExceed(bytes: Uint8Array, limit: number): Promise<boolean> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  let eocd = bytes.length - 22
  const stop = Math.max(0, eocd - 0xffff)
  while (eocd >= stop && u32(eocd) !== EOCD) eocd--
  if (eocd < stop) return false
  const count = u16(eocd + 10)
  const directory = u32(eocd + 16)
  let total = 0
  let entry = directory
  for (let i = 0; i < count; i++) {
    if (entry + 46 > bytes.length || u32(entry) !== CENTRAL) return false
    const method = u16(entry + 10)
    const compressed = u32(entry + 20)
    const nameLength = u16(entry + 28)
    const local = u32(entry + 42)
    const name = new TextDecoder().decode(bytes.subarray(entry + 46, entry + 46 + nameLength))
    entry += 46 + nameLength + u16(entry + 30) + u16(entry + 32)
    if (!/\.(xml|rels)$/i.test(name)) continue
    if (local + 30 > bytes.length || u32(local) !== LOCAL) return false
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    // ZIP64 says 0xFFFFFFFF here: the part then runs at most to the central directory.
    const end = compressed === 0xffffffff ? directory : Math.min(start + compressed, bytes.length)
    const data = bytes.subarray(start, Math.max(start, end))
    if (method === 0) total += data.length
    else if (method === 8) total += await inflatedLength(data, limit - total)
    if (total > limit) return true
  }
  return false
}

/** How many bytes deflated data inflates to, counted up to just past `budget`. */
async function inflatedLength(data: Uint8Array, budget: number): Promise<number> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  let length = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      length += value.byteLength
      if (length > budget) {
        await reader.cancel()
        break
      }
    }
  } catch {
    // Damaged data: mammoth will say the file is not a Word document.
  }
  return length
}
