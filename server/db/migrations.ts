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
  // 5: agreement on a version. A proposal names a version and the organizations whose agreement
  // it needs; each organization's positions (on the whole version, optionally per article) are
  // appended, never changed: the latest is its current position, the rest its history. A draft
  // has at most one open proposal, and a version at most one that is not withdrawn. Triggers keep
  // what was proposed frozen whatever the code does: a proposed or agreed version cannot be
  // updated or deleted, a proposal only moves from 'proposed' to 'agreed' or 'withdrawn', and
  // positions, their articles and the required organizations are append-only. Only deleting the
  // whole draft removes them (the cascade runs after the draft's row is gone).
  `
  CREATE TABLE agreement_proposals (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'withdrawn')),
    proposed_by TEXT NOT NULL,
    proposed_org_id TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    agreed_at TEXT,
    withdrawn_by TEXT,
    withdrawn_at TEXT,
    CHECK ((status = 'agreed') = (agreed_at IS NOT NULL)),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
  );
  CREATE INDEX agreement_proposals_doc ON agreement_proposals(doc_id, proposed_at);
  CREATE UNIQUE INDEX agreement_proposals_open ON agreement_proposals(doc_id) WHERE status = 'proposed';
  CREATE UNIQUE INDEX agreement_proposals_version ON agreement_proposals(version_id) WHERE status <> 'withdrawn';
  CREATE TABLE agreement_required (
    proposal_id TEXT NOT NULL REFERENCES agreement_proposals(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, org_id)
  );
  CREATE TABLE agreement_positions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id TEXT NOT NULL REFERENCES agreement_proposals(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    position TEXT NOT NULL CHECK (position IN ('agree', 'reservations', 'object')),
    text TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX agreement_positions_proposal ON agreement_positions(proposal_id, org_id, id);
  CREATE TABLE agreement_article_positions (
    position_id INTEGER NOT NULL REFERENCES agreement_positions(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    position TEXT NOT NULL CHECK (position IN ('agree', 'reservations', 'object')),
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (position_id, article_id)
  );
  CREATE TRIGGER versions_frozen_update BEFORE UPDATE ON versions
    WHEN EXISTS (SELECT 1 FROM agreement_proposals WHERE version_id = OLD.id AND status <> 'withdrawn')
    BEGIN SELECT RAISE(ABORT, 'version_frozen: the version is proposed for agreement'); END;
  CREATE TRIGGER versions_frozen_delete BEFORE DELETE ON versions
    WHEN EXISTS (SELECT 1 FROM agreement_proposals WHERE version_id = OLD.id AND status <> 'withdrawn')
     AND EXISTS (SELECT 1 FROM documents WHERE id = OLD.doc_id)
    BEGIN SELECT RAISE(ABORT, 'version_frozen: the version is proposed for agreement'); END;
  CREATE TRIGGER agreement_proposals_update BEFORE UPDATE ON agreement_proposals
    WHEN OLD.status <> 'proposed' OR NEW.status = 'proposed'
      OR NEW.id IS NOT OLD.id OR NEW.doc_id IS NOT OLD.doc_id OR NEW.version_id IS NOT OLD.version_id
      OR NEW.note IS NOT OLD.note OR NEW.proposed_by IS NOT OLD.proposed_by
      OR NEW.proposed_org_id IS NOT OLD.proposed_org_id OR NEW.proposed_at IS NOT OLD.proposed_at
    BEGIN SELECT RAISE(ABORT, 'agreement_closed: a proposal only moves from proposed to agreed or withdrawn'); END;
  CREATE TRIGGER agreement_proposals_delete BEFORE DELETE ON agreement_proposals
    WHEN EXISTS (SELECT 1 FROM documents WHERE id = OLD.doc_id)
    BEGIN SELECT RAISE(ABORT, 'agreement_frozen: proposals go only with their draft'); END;
  CREATE TRIGGER agreement_required_insert BEFORE INSERT ON agreement_required
    WHEN (SELECT status FROM agreement_proposals WHERE id = NEW.proposal_id) IS NOT 'proposed'
    BEGIN SELECT RAISE(ABORT, 'agreement_closed: the required organizations are fixed'); END;
  CREATE TRIGGER agreement_required_update BEFORE UPDATE ON agreement_required
    BEGIN SELECT RAISE(ABORT, 'agreement_frozen: the required organizations are fixed'); END;
  CREATE TRIGGER agreement_required_delete BEFORE DELETE ON agreement_required
    WHEN EXISTS (SELECT 1 FROM agreement_proposals WHERE id = OLD.proposal_id)
    BEGIN SELECT RAISE(ABORT, 'agreement_frozen: the required organizations are fixed'); END;
  CREATE TRIGGER agreement_positions_insert BEFORE INSERT ON agreement_positions
    WHEN (SELECT status FROM agreement_proposals WHERE id = NEW.proposal_id) IS NOT 'proposed'
    BEGIN SELECT RAISE(ABORT, 'agreement_closed: positions are recorded only while proposed'); END;
  CREATE TRIGGER agreement_positions_update BEFORE UPDATE ON agreement_positions
    BEGIN SELECT RAISE(ABORT, 'agreement_frozen: a recorded position is never changed'); END;
  CREATE TRIGGER agreement_positions_delete BEFORE DELETE ON agreement_positions
    WHEN EXISTS (SELECT 1 FROM agreement_proposals WHERE id = OLD.proposal_id)
    BEGIN SELECT RAISE(ABORT, 'agreement_frozen: a recorded position is never deleted'); END;
  CREATE TRIGGER agreement_article_positions_update BEFORE UPDATE ON agreement_article_positions
    BEGIN SELECT RAISE(ABORT, 'agreement_frozen: a recorded position is never changed'); END;
  CREATE TRIGGER agreement_article_positions_delete BEFORE DELETE ON agreement_article_positions
    WHEN EXISTS (SELECT 1 FROM agreement_positions WHERE id = OLD.position_id)
    BEGIN SELECT RAISE(ABORT, 'agreement_frozen: a recorded position is never deleted'); END;
  `,
  // 6: activity as a projection of the update log. Each logged update keeps the articles it
  // touched; edit_sessions and documents.updated_at are brought up to date from the log by
  // EditSessionsRepo.fold() (before reading them and before compaction), not on every commit.
  // Rows logged so far were already counted.
  `
  ALTER TABLE doc_updates ADD COLUMN articles TEXT;
  ALTER TABLE documents ADD COLUMN activity_seq INTEGER NOT NULL DEFAULT 0;
  UPDATE documents SET activity_seq = COALESCE((SELECT MAX(seq) FROM doc_updates WHERE doc_id = documents.id), 0);
  `,
  // 7: the update log clustered by (doc_id, seq), WITHOUT ROWID: a group commit writes one
  // b-tree leaf (and, every few commits, the pages a rebalance touches: 1.5–1.9 pages a commit
  // measured) instead of the table's, the doc_seq index's and the sqlite_sequence row's (3+).
  // seq is now numbered per document (the store computes it in the INSERT: after the document's
  // last row or compacted state, never reused). Rows keep their global seqs, which already
  // increase within each document, so activity_seq, doc_state.seq and versions.seq stay valid.
  // Nothing references doc_updates, so dropping it under foreign_keys=ON is safe.
  `
  CREATE TABLE doc_updates_v7 (
    seq INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL,
    user_id TEXT,
    org_id TEXT,
    articles TEXT,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO doc_updates_v7 (seq, doc_id, data, created_at, user_id, org_id, articles)
    SELECT seq, doc_id, data, created_at, user_id, org_id, articles FROM doc_updates;
  DROP TABLE doc_updates;
  DELETE FROM sqlite_sequence WHERE name = 'doc_updates';
  ALTER TABLE doc_updates_v7 RENAME TO doc_updates;
  `,
  // 8: deactivated accounts and why a session ended. A deactivated person keeps their row (their
  // edits, comments and positions stay attributed to them) but cannot sign in. Their sessions are
  // ended by marking them, not deleting them, so that the browser still holding the cookie can be
  // told why it was signed out; a marked session never opens again and goes at its expiry.
  `
  ALTER TABLE users ADD COLUMN deactivated_at TEXT;
  ALTER TABLE sessions ADD COLUMN ended_reason TEXT;
  `,
  // 9: each organization's stated preference among a group of bracketed alternative wordings
  // ("Non-liability [non-punishment]"), one per (draft, block, group, organization). A group is
  // named by its block's stable id and its key, its options' texts (shared/alternatives): a
  // preference follows its block through edits, moves and renumbering, and becomes "for a wording
  // no longer in the text" when the options change. Stating again replaces; withdrawing deletes.
  `
  CREATE TABLE alternative_preferences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    group_key TEXT NOT NULL,
    org_id TEXT NOT NULL,
    option TEXT NOT NULL,
    stated_by TEXT NOT NULL,
    stated_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, block_id, group_key, org_id)
  ) WITHOUT ROWID;
  `,
  // 10: a proposed wording on a thread: the words a reviewer proposes for its passage, and an
  // editor's decision. Accepting writes the words into the text (an ordinary, attributed change);
  // declining only records it. A thread without a proposal has all four NULL.
  `
  ALTER TABLE comment_threads ADD COLUMN proposal TEXT;
  ALTER TABLE comment_threads ADD COLUMN proposal_status TEXT CHECK (proposal_status IN ('open', 'accepted', 'declined'));
  ALTER TABLE comment_threads ADD COLUMN proposal_decided_by TEXT;
  ALTER TABLE comment_threads ADD COLUMN proposal_decided_at TEXT;
  `,
  // 11: language versions. Drafts that are language versions of one law (Akoma Ntoso's
  // expressions of one work) share a work id: the id of the draft the first language version
  // was made from. A draft with no language version has none (NULL).
  `
  ALTER TABLE documents ADD COLUMN work_id TEXT;
  CREATE INDEX documents_by_work ON documents (work_id) WHERE work_id IS NOT NULL;
  `,
  // 12: password reset links an administrator hands to a person who forgot their password:
  // one-time, expiring, stored by the SHA-256 of their token as invitations are. A newer link
  // for the same person marks the older ones used.
  `
  CREATE TABLE password_resets (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE INDEX password_resets_by_user ON password_resets (user_id) WHERE used_at IS NULL;
  `,
  // 13: each person's visits to a draft, for "since your last visit": when they last left it
  // (`seen_at`), and the moment the visit now under way looks back to (`since`: the end of the
  // visit before; NULL on a first visit).
  `
  CREATE TABLE document_visits (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    since TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  ) WITHOUT ROWID;
  `,
  // 14: each time a thread was resolved or opened again, by whom and when: a thread's row keeps
  // only who resolved it last, and a reopened thread nothing, so no one could tell who had
  // reopened a settled remark. Resolved threads bring their resolution along.
  `
  CREATE TABLE comment_thread_events (
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('resolved', 'reopened')),
    user_id TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX comment_thread_events_thread ON comment_thread_events(thread_id, at);
  INSERT INTO comment_thread_events (thread_id, kind, user_id, at)
    SELECT id, 'resolved', resolved_by, resolved_at FROM comment_threads
    WHERE status = 'resolved' AND resolved_by IS NOT NULL AND resolved_at IS NOT NULL;
  `,
  // 15: the people and organizations a comment mentions ("@Name", "@MoJ"), so that a person finds
  // the remarks addressed to them or their organization (the panel's filter, "since your last
  // visit", the drafts list). A comment deleted keeps none.
  `
  CREATE TABLE comment_mentions (
    comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX comment_mentions_user ON comment_mentions(user_id);
  CREATE TABLE comment_org_mentions (
    comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, org_id)
  ) WITHOUT ROWID;
  CREATE INDEX comment_org_mentions_org ON comment_org_mentions(org_id);
  `,
  // 16: when each place of an editing session was last edited in it (JSON {placeId: ISO time}),
  // so that "since your last visit" names only what was edited after it: a session under way at
  // that moment counted whole, and told of places edited before the visit again. NULL for
  // sessions folded before: each of their places then counts at the session's end, as before.
  `
  ALTER TABLE edit_sessions ADD COLUMN place_times TEXT;
  `,
]
