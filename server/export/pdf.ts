import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ErrorCode } from '../../shared/api'
import { HttpError } from '../errors'
import type { Logger } from '../logger'

/**
 * PDF through LibreOffice: the DOCX export converted by `soffice --headless --convert-to pdf`,
 * so the PDF has exactly the DOCX's cover, headings and numbering. Each conversion runs in its
 * own temporary directory, one at a time, killed (with its process group) after a timeout. They
 * share one LibreOffice profile, private to this server (instances sharing a profile at once
 * block each other; these never run at once): with a fresh one each, converting the
 * 300-article law took 2.34–2.41 s; with the shared one, 2.10–2.12 s after the first. Without
 * LibreOffice the PDF export answers 501 and the browser prints the HTML export instead.
 */

/** The LibreOffice binary: `configured` if given ('off' disables PDF), else soffice on PATH. */
export function findSoffice(configured: string | undefined, envPath = process.env.PATH ?? ''): string | null {
  const value = configured?.trim()
  if (value) return ['off', 'none', 'false'].includes(value.toLowerCase()) ? null : value
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name)
      try {
        accessSync(candidate, constants.X_OK)
        return candidate
      } catch {
        // not here; keep looking
      }
    }
  }
  return null
}

export interface PdfConverterOptions {
  /** The soffice binary, or null when PDF conversion is not available. */
  soffice: string | null
  log: Logger
  timeoutMs?: number
  /** Conversions waiting beyond the running one before new ones are refused (503). */
  maxQueue?: number
  /** Where conversions and the profile get their directories (default: the system's temporary directory). */
  tmpDir?: string
}

export const pdfUnavailable = () =>
  new HttpError(501, ErrorCode.exportUnavailable, 'PDF conversion is not available on this server (LibreOffice is not installed)')

export class PdfConverter {
  private chain: Promise<unknown> = Promise.resolve()
  private waiting = 0
  private readonly timeoutMs: number
  private readonly maxQueue: number
  private readonly tmpDir: string
  /** The directory of the shared LibreOffice profile (also its HOME), once a conversion made one. */
  private profileDir: string | null = null
  private busy = false
  private closed = false

  constructor(private readonly opts: PdfConverterOptions) {
    this.timeoutMs = opts.timeoutMs ?? 120_000
    this.maxQueue = opts.maxQueue ?? 8
    this.tmpDir = opts.tmpDir ?? os.tmpdir()
  }

  get available(): boolean {
    return this.opts.soffice !== null
  }

  /** Converts DOCX bytes to PDF bytes; conversions run one after another. */
  convert(docx: Uint8Array): Promise<Uint8Array> {
    const soffice = this.opts.soffice
    if (!soffice) return Promise.reject(pdfUnavailable())
    if (this.waiting >= this.maxQueue) {
      return Promise.reject(new HttpError(503, ErrorCode.busy, 'too many PDF conversions are waiting; try again shortly', undefined, { 'Retry-After': '10' }))
    }
    this.waiting++
    const run = this.chain.then(() => this.convertInTurn(soffice, docx))
    this.chain = run.catch(() => undefined).finally(() => this.waiting--)
    return run
  }

  /** Removes the shared profile: now, or when the conversion under way ends (shutdown does not wait for it). */
  async close(): Promise<void> {
    this.closed = true
    if (!this.busy) await this.dropProfile()
  }

  private async convertInTurn(soffice: string, docx: Uint8Array): Promise<Uint8Array> {
    this.busy = true
    try {
      this.profileDir ??= await fs.mkdtemp(path.join(this.tmpDir, 'accord-libreoffice-'))
      return await convertOnce(soffice, docx, { tmpDir: this.tmpDir, profileDir: this.profileDir, timeoutMs: this.timeoutMs }, this.opts.log)
    } catch (err) {
      // A LibreOffice that failed or was killed may have left its profile half-written.
      await this.dropProfile()
      throw err
    } finally {
      this.busy = false
      if (this.closed) await this.dropProfile()
    }
  }

  /** Never throws: a profile that cannot be removed now (a killed LibreOffice still exiting) is only left behind. */
  private async dropProfile(): Promise<void> {
    const dir = this.profileDir
    this.profileDir = null
    if (!dir) return
    try {
      await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 })
    } catch (err) {
      this.opts.log.warn('cannot remove the LibreOffice profile', { dir, err })
    }
  }
}

/** Where one conversion works and how long it may take. */
interface Conversion {
  tmpDir: string
  profileDir: string
  timeoutMs: number
}

async function convertOnce(soffice: string, docx: Uint8Array, { tmpDir, profileDir, timeoutMs }: Conversion, log: Logger): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(tmpDir, 'accord-pdf-'))
  try {
    const input = path.join(dir, 'draft.docx')
    await fs.writeFile(input, docx)
    const profile = pathToFileURL(path.join(profileDir, 'profile')).href
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, input]
    const stderr = await runBounded(soffice, args, timeoutMs, { ...process.env, HOME: profileDir })
    try {
      return new Uint8Array(await fs.readFile(path.join(dir, 'draft.pdf')))
    } catch {
      log.error('LibreOffice produced no PDF', { stderr: stderr.slice(-500) })
      throw new Error('LibreOffice produced no PDF')
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** Runs a command in its own process group; kills the group after `timeoutMs`. Resolves with stderr. */
export function runBounded(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8')
    })
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
      }
      reject(new HttpError(503, ErrorCode.busy, 'the PDF conversion took too long'))
    }, timeoutMs)
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(stderr)
      else reject(new Error(`${path.basename(command)} exited with ${code ?? signal}: ${stderr.slice(-300)}`))
    })
  })
}
