import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE, JOURNAL_SUFFIX } from './connection'
import { MIGRATIONS } from './migrations'

/**
 * Online backup and restore of the one database file. The backup uses SQLite's backup API
 * through better-sqlite3, from a connection of its own: safe while the server runs and people
 * edit (WAL: it reads a consistent snapshot and never blocks the server's writes). Everything is
 * in that file — documents, their update logs, accounts, sessions, grants, and whatever later
 * tables (versions, comments) hold — so a restored file is the whole installation.
 */

export interface DatabaseSummary {
  /** PRAGMA user_version: how many migrations the file has. */
  schemaVersion: number
  documents: number
  users: number
  bytes: number
}

/** Checks a database file (integrity, schema) and counts what it holds. Throws when it is unusable. */
export function inspectDatabase(file: string): DatabaseSummary {
  // Read-write but query-only: a read-only connection to a WAL database would leave -wal and -shm
  // files behind on close, which then look like a server holding it open.
  const db = new Database(file, { fileMustExist: true })
  try {
    db.pragma('query_only = ON')
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`${file} fails SQLite's integrity check: ${String(integrity)}`)
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (schemaVersion < 1 || schemaVersion > MIGRATIONS.length) {
      throw new Error(`${file} has schema version ${schemaVersion}; this server knows 1 to ${MIGRATIONS.length}`)
    }
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    return { schemaVersion, documents: count('documents'), users: schemaVersion >= 2 ? count('users') : 0, bytes: fs.statSync(file).size }
  } finally {
    db.close()
  }
}

/**
 * Copies the database of `dataDir` into `target` while the server may be running. Written to a
 * temporary file beside the target, checked, made self-contained (rollback journal, no -wal
 * file to carry along), then renamed into place: `target` is either complete or absent.
 */
export async function backupDatabase(dataDir: string, target: string, options: { force?: boolean } = {}): Promise<DatabaseSummary> {
  const source = path.join(dataDir, DB_FILE)
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`)
  if (fs.existsSync(target) && !options.force) throw new Error(`${target} exists already (--force replaces it)`)
  const partial = `${target}.partial-${process.pid}`
  fs.rmSync(partial, { force: true })
  const db = new Database(source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    // All remaining pages in one step: one read snapshot, so writes meanwhile cannot restart it.
    await db.backup(partial, { progress: () => 0x7fffffff })
  } catch (err) {
    fs.rmSync(partial, { force: true })
    throw err
  } finally {
    db.close()
  }
  try {
    const copy = new Database(partial, { fileMustExist: true })
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    const summary = inspectDatabase(partial)
    fsyncFile(partial)
    fs.renameSync(partial, target)
    return summary
  } catch (err) {
    fs.rmSync(partial, { force: true })
    throw err
  }
}

/** Whether the database of `dataDir` is open in another process, and what it holds. */
export function installationState(dataDir: string): { running: boolean; summary: DatabaseSummary | null } {
  const file = path.join(dataDir, DB_FILE)
  if (!fs.existsSync(file)) return { running: false, summary: null }
  // SQLite removes the -wal and -shm files when the last connection closes (after a crash, ours
  // is that last one and folds the -wal in). If they remain, another process — the server — has it open.
  new Database(file, { fileMustExist: true }).close()
  if (['-wal', '-shm'].some((suffix) => fs.existsSync(file + suffix))) return { running: true, summary: null }
  return { running: false, summary: inspectDatabase(file) }
}

/**
 * Puts the backup `source` in place as the database of `dataDir`. Never while a server has it
 * open; an installation that holds documents or accounts only with `force`, and then the database
 * it replaces is kept beside it as accord.db.replaced-<time>.
 */
export function restoreDatabase(source: string, dataDir: string, options: { force?: boolean } = {}): DatabaseSummary & { replaced: string | null } {
  const summary = inspectDatabase(source)
  fs.mkdirSync(dataDir, { recursive: true })
  const target = path.join(dataDir, DB_FILE)
  const current = installationState(dataDir)
  if (current.running) throw new Error(`${target} is open in another process (the server?): stop it first`)
  if (current.summary && (current.summary.documents > 0 || current.summary.users > 0) && !options.force) {
    throw new Error(`${target} already holds ${current.summary.documents} document(s) and ${current.summary.users} account(s) (--force replaces it, keeping a copy)`)
  }
  const incoming = `${target}.restoring-${process.pid}`
  fs.copyFileSync(source, incoming)
  fsyncFile(incoming)
  let replaced: string | null = null
  if (fs.existsSync(target)) {
    replaced = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`
    fs.renameSync(target, replaced)
  }
  // Updates journaled by the replaced database's server belong to it, not to the backup.
  const journal = target + JOURNAL_SUFFIX
  if (fs.existsSync(journal)) {
    if (replaced) fs.renameSync(journal, replaced + JOURNAL_SUFFIX)
    else fs.rmSync(journal)
  }
  fs.renameSync(incoming, target)
  return { ...summary, replaced }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
