import type { PositionKind, ProposalStatus } from '../../shared/agreement'
import type { Db } from './connection'

export interface ProposalRow {
  id: string
  doc_id: string
  version_id: string
  note: string
  status: ProposalStatus
  proposed_by: string
  proposed_org_id: string
  proposed_at: string
  agreed_at: string | null
  withdrawn_by: string | null
  withdrawn_at: string | null
}

export interface PositionRow {
  id: number
  proposal_id: string
  org_id: string
  user_id: string
  position: PositionKind
  text: string
  recorded_at: string
}

export interface ArticlePositionRow {
  position_id: number
  article_id: string
  position: PositionKind
  text: string
}

export interface NewPosition {
  proposalId: string
  orgId: string
  userId: string
  position: PositionKind
  text: string
  recordedAt: string
  articles: { articleId: string; position: PositionKind; text: string }[]
}

/**
 * The agreement tables: proposals, the organizations each requires, and the positions recorded
 * (append-only; migration 4's triggers refuse any change to what was recorded or proposed).
 */
export class AgreementRepo {
  private readonly stmts

  constructor(private readonly db: Db) {
    this.stmts = {
      insertProposal: db.prepare(
        `INSERT INTO agreement_proposals (id, doc_id, version_id, note, status, proposed_by, proposed_org_id, proposed_at)
         VALUES (@id, @doc_id, @version_id, @note, 'proposed', @proposed_by, @proposed_org_id, @proposed_at)`,
      ),
      insertRequired: db.prepare('INSERT INTO agreement_required (proposal_id, org_id, ordinal) VALUES (?, ?, ?)'),
      list: db.prepare<[string], ProposalRow>('SELECT * FROM agreement_proposals WHERE doc_id = ? ORDER BY proposed_at DESC, rowid DESC'),
      get: db.prepare<[string, string], ProposalRow>('SELECT * FROM agreement_proposals WHERE doc_id = ? AND id = ?'),
      open: db.prepare<[string], ProposalRow>("SELECT * FROM agreement_proposals WHERE doc_id = ? AND status = 'proposed'"),
      lastAgreed: db.prepare<[string], ProposalRow>(
        "SELECT * FROM agreement_proposals WHERE doc_id = ? AND status = 'agreed' ORDER BY agreed_at DESC, rowid DESC LIMIT 1",
      ),
      ofVersion: db.prepare<[string, string], ProposalRow>(
        "SELECT * FROM agreement_proposals WHERE doc_id = ? AND version_id = ? AND status <> 'withdrawn'",
      ),
      required: db.prepare<[string], { org_id: string }>('SELECT org_id FROM agreement_required WHERE proposal_id = ? ORDER BY ordinal'),
      positions: db.prepare<[string], PositionRow>('SELECT * FROM agreement_positions WHERE proposal_id = ? ORDER BY id DESC'),
      articlePositions: db.prepare<[string], ArticlePositionRow>(
        `SELECT a.position_id, a.article_id, a.position, a.text FROM agreement_article_positions a
         JOIN agreement_positions p ON p.id = a.position_id WHERE p.proposal_id = ? ORDER BY a.position_id, a.ordinal`,
      ),
      insertPosition: db.prepare(
        `INSERT INTO agreement_positions (proposal_id, org_id, user_id, position, text, recorded_at)
         VALUES (@proposalId, @orgId, @userId, @position, @text, @recordedAt)`,
      ),
      insertArticle: db.prepare('INSERT INTO agreement_article_positions (position_id, article_id, ordinal, position, text) VALUES (?, ?, ?, ?, ?)'),
      agreed: db.prepare("UPDATE agreement_proposals SET status = 'agreed', agreed_at = ? WHERE id = ? AND status = 'proposed'"),
      withdrawn: db.prepare("UPDATE agreement_proposals SET status = 'withdrawn', withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND status = 'proposed'"),
    }
  }

  /** Stores a proposal with its required organizations (in the order given), in one transaction. */
  insertProposal(row: Omit<ProposalRow, 'status' | 'agreed_at' | 'withdrawn_by' | 'withdrawn_at'>, orgIds: readonly string[]): void {
    this.db.transaction(() => {
      this.stmts.insertProposal.run(row)
      orgIds.forEach((orgId, i) => this.stmts.insertRequired.run(row.id, orgId, i))
    }).immediate()
  }

  /** Newest first. */
  list(docId: string): ProposalRow[] {
    return this.stmts.list.all(docId)
  }

  get(docId: string, id: string): ProposalRow | undefined {
    return this.stmts.get.get(docId, id)
  }

  /** The draft's open proposal (status 'proposed'), if any. */
  open(docId: string): ProposalRow | undefined {
    return this.stmts.open.get(docId)
  }

  /** The draft's proposal agreed last, if any. */
  lastAgreed(docId: string): ProposalRow | undefined {
    return this.stmts.lastAgreed.get(docId)
  }

  /** The proposal of a version that is not withdrawn (proposed or agreed), if any. */
  ofVersion(docId: string, versionId: string): ProposalRow | undefined {
    return this.stmts.ofVersion.get(docId, versionId)
  }

  requiredOrgs(proposalId: string): string[] {
    return this.stmts.required.all(proposalId).map((r) => r.org_id)
  }

  /** Every position recorded on the proposal, newest first. */
  positions(proposalId: string): PositionRow[] {
    return this.stmts.positions.all(proposalId)
  }

  /** Per-article positions of every position of the proposal, by position id, in the order given. */
  articlePositions(proposalId: string): Map<number, ArticlePositionRow[]> {
    const out = new Map<number, ArticlePositionRow[]>()
    for (const row of this.stmts.articlePositions.all(proposalId)) {
      let list = out.get(row.position_id)
      if (!list) out.set(row.position_id, (list = []))
      list.push(row)
    }
    return out
  }

  /**
   * Appends a position and its per-article positions; `decide` then runs in the same transaction
   * (it sees the new position) and may mark the proposal agreed. Returns the new position's id.
   */
  insertPosition(position: NewPosition, decide: () => void): number {
    return this.db.transaction(() => {
      const id = Number(this.stmts.insertPosition.run(position).lastInsertRowid)
      position.articles.forEach((a, i) => this.stmts.insertArticle.run(id, a.articleId, i, a.position, a.text))
      decide()
      return id
    }).immediate()
  }

  /** proposed → agreed; false if it was not proposed. */
  markAgreed(id: string, at: string): boolean {
    return this.stmts.agreed.run(at, id).changes > 0
  }

  /** proposed → withdrawn; false if it was not proposed. */
  markWithdrawn(id: string, by: string, at: string): boolean {
    return this.stmts.withdrawn.run(by, at, id).changes > 0
  }
}
