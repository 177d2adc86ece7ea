import { createRequire } from 'node:module'

/** The mapped-file addon (server/native/mapped_file.c), built by npm's install step. */
export interface MappedFileAddon {
  /** The first `length` bytes of open file `fd`, shared with it; blocks allocated first. */
  map(fd: number, length: number): ArrayBuffer
}

const ADDON = '../native/build/Release/mapped_file.node'

let loaded: { addon: MappedFileAddon } | { why: string } | undefined

/** The addon, or why it is not there (not built: no compiler when npm installed). */
export function mappedFiles(): { addon: MappedFileAddon } | { why: string } {
  if (!loaded) {
    try {
      loaded = { addon: createRequire(import.meta.url)(ADDON) as MappedFileAddon }
    } catch (err) {
      loaded = { why: err instanceof Error ? err.message.split('\n')[0] : String(err) }
    }
  }
  return loaded
}
