/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append new steps at the end; never edit a step that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: documents, their append-only update log and the compacted state.
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX doc_updates_doc_seq ON doc_updates(doc_id, seq);
  CREATE TABLE doc_state (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    state BLOB NOT NULL,
    seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
]
