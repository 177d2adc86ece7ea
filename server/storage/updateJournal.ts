import fs from 'node:fs'
import zlib from 'node:zlib'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { AppendEntry } from './documentStore'

/** One update as journaled: its document, its seq there, when, and the entry itself. */
export interface JournalRecord {
  docId: string
  seq: number
  /** When it was committed (ms since the epoch; the log stores it as ISO text). */
  at: number
  entry: AppendEntry
}

/** Bytes before each record's body: its length and the CRC-32 of the body (both uint32 LE). */
const HEADER = 8

/** First byte of each body, so a later change of layout is told apart from a damaged record. */
const FORMAT = 2

function encodeBody({ docId, seq, at, entry }: JournalRecord): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8(encoder, FORMAT)
  encoding.writeVarString(encoder, docId)
  encoding.writeVarUint(encoder, seq)
  encoding.writeFloat64(encoder, at)
  const { attribution } = entry
  encoding.writeVarUint(encoder, attribution ? 1 : 0)
  if (attribution) {
    encoding.writeVarString(encoder, attribution.userId)
    encoding.writeVarString(encoder, attribution.orgId)
    encoding.writeVarUint(encoder, attribution.articles.length)
    for (const id of attribution.articles) encoding.writeVarString(encoder, id)
  }
  encoding.writeVarUint8Array(encoder, entry.update)
  return encoding.toUint8Array(encoder)
}

function decodeBody(body: Uint8Array): JournalRecord {
  const decoder = decoding.createDecoder(body)
  if (decoding.readUint8(decoder) !== FORMAT) throw new Error('journal record of another format')
  const docId = decoding.readVarString(decoder)
  const seq = decoding.readVarUint(decoder)
  const at = decoding.readFloat64(decoder)
  let attribution: AppendEntry['attribution'] = null
  if (decoding.readVarUint(decoder) === 1) {
    const userId = decoding.readVarString(decoder)
    const orgId = decoding.readVarString(decoder)
    const articles = Array.from({ length: decoding.readVarUint(decoder) }, () => decoding.readVarString(decoder))
    attribution = { userId, orgId, articles }
  }
  // A copy: the record outlives the buffer it was read from.
  const update = decoding.readVarUint8Array(decoder).slice()
  return { docId, seq, at, entry: { update, attribution } }
}

/** The records of `records` as one buffer, each framed with its length and checksum. */
export function encodeRecords(records: readonly JournalRecord[]): Buffer {
  const bodies = records.map(encodeBody)
  const out = Buffer.allocUnsafe(bodies.reduce((n, b) => n + HEADER + b.byteLength, 0))
  let at = 0
  for (const body of bodies) {
    out.writeUInt32LE(body.byteLength, at)
    out.writeUInt32LE(zlib.crc32(body), at + 4)
    out.set(body, at + HEADER)
    at += HEADER + body.byteLength
  }
  return out
}

/**
 * The whole records at the start of `bytes`, in order. Reading stops at the first record that
 * is cut short or fails its checksum: the tail a power cut may leave (never an acknowledged
 * record: those are in the database before anyone is told).
 */
export function decodeRecords(bytes: Uint8Array): JournalRecord[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const records: JournalRecord[] = []
  let at = 0
  while (at + HEADER <= view.byteLength) {
    const length = view.readUInt32LE(at)
    const end = at + HEADER + length
    if (end > view.byteLength) break
    const body = view.subarray(at + HEADER, end)
    if (zlib.crc32(body) !== view.readUInt32LE(at + 4)) break
    try {
      records.push(decodeBody(body))
    } catch {
      break
    }
    at = end
  }
  return records
}

/**
 * The update journal: the group commit's first, cheap half. A commit is one write() of its
 * records to the end of this file, which puts them in the operating system's hands, where a
 * crash of this process cannot take them back; only then are they broadcast. The store moves
 * them into the database in one transaction per disk sync (see SqliteDocumentStore), and then
 * empties the file; what a crash leaves here is moved on the next start (replay).
 *
 * Why not a database transaction per commit: on these machines one costs 12–15 system calls
 * (locks on the shared-memory index, WAL frame headers and pages), ~200 µs when the process
 * wakes for a single keystroke, and that was a fifth of the server's CPU per delivered update.
 */
export class UpdateJournal {
  private fd: number | null = null
  /** Where the next record goes: the end of what this process wrote since the last clear(). */
  private size = 0

  constructor(readonly path: string) {}

  /** Every whole record in the journal at `path` (none if there is no file). */
  static read(path: string): JournalRecord[] {
    try {
      return decodeRecords(fs.readFileSync(path))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw err
    }
  }

  /** Appends the records in one write; they are safe from a crash of this process when it returns. */
  append(records: readonly JournalRecord[]): void {
    const bytes = encodeRecords(records)
    const fd = this.descriptor()
    let written = 0
    while (written < bytes.byteLength) written += fs.writeSync(fd, bytes, written, bytes.byteLength - written, this.size + written)
    this.size += bytes.byteLength
  }

  /** Empties the journal: everything in it is in the database. */
  clear(): void {
    if (this.fd === null) this.descriptor() // opening truncates
    else if (this.size > 0) fs.ftruncateSync(this.fd, 0)
    this.size = 0
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd)
    this.fd = null
  }

  private descriptor(): number {
    if (this.fd === null) {
      // Truncated: whatever an earlier process left was replayed before this one's first commit.
      this.fd = fs.openSync(this.path, 'w')
      this.size = 0
    }
    return this.fd
  }
}
