import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PdfConverter } from '../../server/export/pdf'
import { createLogger } from '../../server/logger'

/**
 * The PDF converter's own bookkeeping, with a stand-in for soffice (a shell script that does what
 * LibreOffice does to its profile and output directory); LibreOffice itself is exercised in
 * export-libreoffice.test.ts.
 */

const log = createLogger('silent')

/**
 * Records the profile and HOME of each run in runs.log beside itself, creates the profile as
 * LibreOffice would, fails on input starting with FAIL and hangs on input starting with SLOW.
 */
const FAKE_SOFFICE = `#!/bin/sh
for arg in "$@"; do
  case "$arg" in
    -env:UserInstallation=file://*) profile="\${arg#-env:UserInstallation=file://}" ;;
  esac
done
eval "input=\\\${$#}"
while [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && outdir="$2"; shift; done
echo "$profile $HOME" >> "$(dirname "$0")/runs.log"
mkdir -p "$profile/user" && echo seen >> "$profile/user/registrymodifications.xcu"
head -c 4 "$input" | grep -q FAIL && exit 1
head -c 4 "$input" | grep -q SLOW && sleep 30
printf '%%PDF-1.7 fake' > "$outdir/draft.pdf"
`

describe('PDF converter', () => {
  let dir: string
  let tmpDir: string
  let runsLog: string
  let soffice: string
  let converter: PdfConverter

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-pdf-test-'))
    tmpDir = path.join(dir, 'tmp')
    await fs.mkdir(tmpDir)
    runsLog = path.join(dir, 'runs.log')
    soffice = path.join(dir, 'soffice')
    await fs.writeFile(soffice, FAKE_SOFFICE, { mode: 0o755 })
    converter = new PdfConverter({ soffice, log, tmpDir })
  })
  afterEach(async () => {
    await converter.close()
    await fs.rm(dir, { recursive: true, force: true })
  })

  const runs = async () => (await fs.readFile(runsLog, 'utf8')).trim().split('\n').map((line) => line.split(' '))
  const pdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1')

  it('keeps one profile for its conversions, starts afresh after a failed one, and removes it on close', async () => {
    const docx = new TextEncoder().encode('PK fake docx')
    expect(pdf(await converter.convert(docx))).toBe('%PDF-')
    expect(pdf(await converter.convert(docx))).toBe('%PDF-')
    const [first, second] = await runs()
    expect(second[0]).toBe(first[0])
    // Its HOME is the profile's directory, not the conversion's (which is gone): nothing else is left behind.
    expect(second[1]).toBe(path.dirname(first[0]))
    expect(await fs.readdir(tmpDir)).toEqual([path.basename(first[1])])
    expect(await fs.readFile(path.join(first[0], 'user/registrymodifications.xcu'), 'utf8')).toBe('seen\nseen\n')

    await expect(converter.convert(new TextEncoder().encode('FAIL'))).rejects.toThrow(/exited with 1/)
    expect(await fs.readdir(tmpDir)).toEqual([])
    expect(pdf(await converter.convert(docx))).toBe('%PDF-')
    const [, , failed, after] = await runs()
    expect(failed[0]).toBe(first[0])
    expect(after[0]).not.toBe(first[0])

    await converter.close()
    expect(await fs.readdir(tmpDir)).toEqual([])
  })

  it('gives up on a conversion past its time (503) and starts the next one with a fresh profile', async () => {
    await converter.close()
    converter = new PdfConverter({ soffice, log, tmpDir, timeoutMs: 500 })
    await expect(converter.convert(new TextEncoder().encode('SLOW'))).rejects.toMatchObject({ status: 503 })
    expect(pdf(await converter.convert(new TextEncoder().encode('PK fake docx')))).toBe('%PDF-')
    const [slow, next] = await runs()
    expect(next[0]).not.toBe(slow[0])
    await expect(fs.access(slow[0])).rejects.toThrow()
  })
})
