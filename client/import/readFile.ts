import { words, type Words } from '../ui/useFailure'

/** Largest file read in the browser (the server takes at most 16 MB of JSON). */
export const MAX_FILE_MB = 20

/** Why a file is not read at all: larger than MAX_FILE_MB (null: it may be). */
export function tooLarge(file: File): Words | null {
  return file.size > MAX_FILE_MB * 1024 * 1024 ? words('import.tooLarge', { size: MAX_FILE_MB }) : null
}

/**
 * Reads a file's bytes with progress (a large file from a slow disk or share takes a while). As
 * bytes, not text: how they decode depends on the kind (an XML file names its own encoding).
 */
export function readFile(file: File, onProgress: (percent: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.readAsArrayBuffer(file)
  })
}
