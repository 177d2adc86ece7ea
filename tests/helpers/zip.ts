import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'

/** The names of the files in a ZIP package, through its central directory. */
export function zipEntries(bytes: Uint8Array): string[] {
  return walk(bytes).map((e) => e.name)
}

/** Reads one file out of a ZIP package (stored or deflated). Throws when it is not there. */
export function unzipText(bytes: Uint8Array, name: string): string {
  const entry = walk(bytes).find((e) => e.name === name)
  if (!entry) throw new Error(`${name} is not in the package`)
  return entry.read().toString('utf8')
}

function walk(bytes: Uint8Array): { name: string; read: () => Buffer }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = buf.length - 22
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  let entry = buf.readUInt32LE(eocd + 16)
  const count = buf.readUInt16LE(eocd + 10)
  const out: { name: string; read: () => Buffer }[] = []
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(entry) !== 0x02014b50) throw new Error('corrupt central directory')
    const method = buf.readUInt16LE(entry + 10)
    const size = buf.readUInt32LE(entry + 20)
    const nameLength = buf.readUInt16LE(entry + 28)
    const local = buf.readUInt32LE(entry + 42)
    const name = buf.toString('utf8', entry + 46, entry + 46 + nameLength)
    out.push({
      name,
      read: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
        const data = buf.subarray(start, start + size)
        return method === 8 ? inflateRawSync(data) : Buffer.from(data)
      },
    })
    entry += 46 + nameLength + buf.readUInt16LE(entry + 30) + buf.readUInt16LE(entry + 32)
  }
  return out
}

/** Reads one file out of a ZIP package as UTF-8 text (the name the versions tests use). */
export const readZipEntry = unzipText

/** A ZIP package of the given files, stored uncompressed: for packages that are not Word documents. */
export function zipStored(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipPackage(files, {})
}

/**
 * A ZIP package of the given files, deflated (as Word writes them); `declaredSize` puts a
 * size of one's choosing in the headers instead of the true one, as a ZIP bomb may.
 */
export function zipDeflated(files: Record<string, string | Uint8Array>, options: { declaredSize?: number } = {}): Uint8Array {
  return zipPackage(files, { deflate: true, ...options })
}

function zipPackage(files: Record<string, string | Uint8Array>, options: { deflate?: boolean; declaredSize?: number }): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : content)
    const data = options.deflate ? deflateRawSync(raw) : raw
    const size = options.declaredSize ?? raw.length
    const method = options.deflate ? 8 : 0
    const fileName = Buffer.from(name, 'utf8')
    const crc = crc32(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, data)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}
