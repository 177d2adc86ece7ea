import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from './server'

/**
 * The system tools export tests need: LibreOffice (DOCX → PDF), pdftotext and xmllint. They are
 * installed by .ci/run; a missing one fails the test with the Debian package to install.
 */

const PACKAGES: Record<string, string> = { soffice: 'libreoffice-writer-nogui', pdftotext: 'poppler-utils', xmllint: 'libxml2-utils' }

function run(command: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve({ stdout, stderr })
      const e = err as NodeJS.ErrnoException & { killed?: boolean }
      if (e.code === 'ENOENT') reject(new Error(`${command} is not installed (Debian: apt-get install -y ${PACKAGES[command] ?? command})`))
      else if (e.killed) reject(new Error(`${command} did not finish within ${timeoutMs} ms`))
      else reject(new Error(`${command} failed: ${err.message}\n${stderr}`))
    })
  })
}

/**
 * Converts a DOCX to PDF with LibreOffice headless, in a temporary directory with a private
 * profile (`-env:UserInstallation`) so runs never share or lock one, within `timeoutMs`.
 */
export async function sofficeToPdf(docx: Uint8Array, timeoutMs = 90_000): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-soffice-'))
  try {
    const input = path.join(dir, 'draft.docx')
    await fs.writeFile(input, docx)
    const profile = pathToFileURL(path.join(dir, 'profile')).href
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], timeoutMs)
    return new Uint8Array(await fs.readFile(path.join(dir, 'draft.pdf')))
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** The text of a PDF (poppler's pdftotext, reading order), whitespace runs collapsed to one space. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-pdf-text-'))
  try {
    const file = path.join(dir, 'doc.pdf')
    await fs.writeFile(file, pdf)
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], 30_000)
    return stdout.replace(/\s+/g, ' ')
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

export const AKN_SCHEMA = path.join(REPO_ROOT, 'tests/fixtures/akn/akomantoso30.xsd')

/** Validates XML against the OASIS Akoma Ntoso schema with xmllint; throws with its complaints. */
export async function validateAkn(xml: string): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-akn-'))
  try {
    const file = path.join(dir, 'act.xml')
    await fs.writeFile(file, xml)
    await run('xmllint', ['--noout', '--schema', AKN_SCHEMA, file], 60_000)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
