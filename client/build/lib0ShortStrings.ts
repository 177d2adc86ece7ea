import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

/**
 * lib0 (under Yjs) reads every string of an update with one TextDecoder call. Opening the
 * 300-article law reads ~10,000 strings, 8 in 10 of them 64 bytes or shorter, and those calls
 * took ~40 ms of a cold open in Chromium. In the build, lib0's reader decodes short strings in
 * JavaScript (client/collab/shortUtf8.ts) and hands everything else to TextDecoder as before.
 * The build fails if lib0's reader is no longer the one this replaces.
 */

const SHORT_BYTES = 64

export const LIB0_READER = `export const _readVarStringNative = decoder =>
  /** @type any */ (string.utf8TextDecoder).decode(readVarUint8Array(decoder))`

const decoderModule = fileURLToPath(new URL('../collab/shortUtf8.ts', import.meta.url))

export function withShortStrings(code: string): string {
  if (!code.includes(LIB0_READER)) throw new Error("lib0/decoding.js: _readVarStringNative is not the reader lib0ShortStrings replaces; check the patch against this lib0 version")
  // Two lines for two: the lines after it keep their numbers (the transform keeps lib0's source map).
  return code.replace(
    LIB0_READER,
    `import { decodeShortUtf8 as __decodeShortUtf8 } from ${JSON.stringify(decoderModule)}; export const _readVarStringNative = decoder => {
  const length = readVarUint(decoder), start = decoder.pos; if (length <= ${SHORT_BYTES} && start + length <= decoder.arr.length) { const text = __decodeShortUtf8(decoder.arr, start, start + length); if (text !== null) { decoder.pos = start + length; return text } } return /** @type any */ (string.utf8TextDecoder).decode(readUint8Array(decoder, length)) }`,
  )
}

export function lib0ShortStrings(): Plugin {
  return {
    name: 'accord:lib0-short-strings',
    apply: 'build',
    transform(code, id) {
      return /[\\/]lib0[\\/]decoding\.js$/.test(id) ? { code: withShortStrings(code), map: null } : null
    },
  }
}
