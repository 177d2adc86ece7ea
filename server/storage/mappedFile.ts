import { nativeAddon } from '../nativeAddon'

/** The mapped-file addon (server/native/mapped_file.c), built by npm's install step. */
export interface MappedFileAddon {
  /** The first `length` bytes of open file `fd`, shared with it; blocks allocated first. */
  map(fd: number, length: number): ArrayBuffer
}

/** The addon, or why it is not there (not built: no compiler when npm installed). */
export function mappedFiles(): { addon: MappedFileAddon } | { why: string } {
  return nativeAddon<MappedFileAddon>('mapped_file')
}
