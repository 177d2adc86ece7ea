import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

export const DB_FILE = 'accord.db'

/** Beside a database file: its update journal (see server/storage/updateJournal.ts). */
export const JOURNAL_SUFFIX = '-updates'

/**
 * Opens (creating if needed) DATA_DIR/accord.db and brings its schema up to date.
 * synchronous=FULL: a commit is on disk when it returns, which the "store before broadcast"
 * rule relies on (WAL with NORMAL could lose the last commits on power loss).
 */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, DB_FILE))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`)
  }
  for (let version = current; version < migrations.length; version++) {
    // Each step and its version bump commit together, so a crash never half-applies one.
    db.transaction(() => {
      db.exec(migrations[version])
      db.pragma(`user_version = ${version + 1}`)
    }).immediate()
  }
}
