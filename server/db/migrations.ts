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
  // 2: accounts, organizations, sessions, invitations, per-document roles, attribution of
  // every stored update and the editing sessions of the activity view (which outlive log
  // compaction, unlike doc_updates rows).
  `
  CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    color TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX users_org ON users(org_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE INDEX sessions_expiry ON sessions(expires_at);
  CREATE TABLE document_access (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    principal_type TEXT NOT NULL CHECK (principal_type IN ('organization', 'user')),
    principal_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'drafter', 'reviewer', 'observer')),
    granted_by TEXT,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, principal_type, principal_id)
  );
  CREATE INDEX document_access_principal ON document_access(principal_type, principal_id);
  ALTER TABLE documents ADD COLUMN created_by TEXT;
  ALTER TABLE doc_updates ADD COLUMN user_id TEXT;
  ALTER TABLE doc_updates ADD COLUMN org_id TEXT;
  CREATE TABLE edit_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    org_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    updates INTEGER NOT NULL,
    articles TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX edit_sessions_doc ON edit_sessions(doc_id, ended_at);
  CREATE INDEX edit_sessions_doc_user ON edit_sessions(doc_id, user_id, ended_at);
  `,
  // 3: versions — named ones and automatic checkpoints. Each keeps the full Yjs state at that
  // moment (independent of the live document's garbage collection) and its canonical document
  // JSON, both deflated (their stored sizes in state_bytes and json_bytes), plus the update-log
  // seq it covers, to tell whether anything changed since.
  `
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('named', 'auto')),
    reason TEXT,
    restored_from TEXT,
    created_by TEXT,
    org_id TEXT,
    created_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    state BLOB NOT NULL,
    json BLOB NOT NULL,
    state_bytes INTEGER NOT NULL,
    json_bytes INTEGER NOT NULL
  );
  CREATE INDEX versions_doc ON versions(doc_id, created_at);
  `,
  // 4: review threads on articles and passages, and their comments. A passage is anchored by
  // two Yjs relative positions (base64); a whole-article thread has none. article_id is where
  // the thread was started, so a thread on deleted text is still shown under its article.
  `
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    block_id TEXT,
    anchor_start TEXT,
    anchor_end TEXT,
    quote TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    created_by TEXT NOT NULL,
    org_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT,
    CHECK ((anchor_start IS NULL) = (anchor_end IS NULL))
  );
  CREATE INDEX comment_threads_doc ON comment_threads(doc_id, created_at);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    org_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT
  );
  CREATE INDEX comments_thread ON comments(thread_id, created_at);
  `,
]
