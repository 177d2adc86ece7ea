import { isAgreed, isAgreeing } from '../../shared/agreement'
import { ErrorCode, type AgreementOverview, type DocumentAgreement, type ProposalView, type ProposeInput, type RecordPositionInput, type VersionSummary } from '../../shared/api'
import type { ExportStatus } from '../../shared/export/meta'
import type { ExportPositions } from '../../shared/export/positions'
import { newId } from '../../shared/ids'
import type { ValidationIssue } from '../../shared/validation'
import { can, type Role } from '../../shared/roles'
import type { z } from 'zod'
import type { AccessRepo } from '../db/accessRepo'
import type { AgreementRepo, ProposalRow } from '../db/agreementRepo'
import type { DocumentRecord } from '../db/documentsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import { HttpError } from '../errors'
import type { Logger } from '../logger'
import { ArticleLabels, currentPositions, Lookup, presentProposal } from './agreementView'
import type { ExportVersionRef } from './exportSource'
import type { Versions } from './versions'
import type { ProposalStamp } from '../../shared/visit'

/**
 * Where a text stands in agreement, as an export's cover states it: 'proposed' while a proposed
 * version awaits positions, 'agreed' (with the date) once every required organization agreed;
 * the live text and a version never proposed (or whose proposal was withdrawn) are drafts.
 */
export interface AgreementStatus {
  status: ExportStatus
  /** ISO date the text was agreed (the cover's date); absent = the day of export. */
  agreedAt?: string
  /** The required organizations of a proposed or agreed version (the cover's participants). */
  organizations?: { name: string; shortName: string }[]
}

export interface AgreementDeps {
  agreements: AgreementRepo
  organizations: OrganizationsRepo
  users: UsersRepo
}

export function agreementStatusOf(deps: AgreementDeps, docId: string, version: ExportVersionRef): AgreementStatus {
  if (version.kind === 'current') return { status: 'draft' }
  const row = deps.agreements.ofVersion(docId, version.id)
  if (!row) return { status: 'draft' }
  const lookup = new Lookup(deps)
  const organizations = deps.agreements.requiredOrgs(row.id).map((id) => lookup.organization(id))
  if (row.status === 'agreed' && row.agreed_at) return { status: 'agreed', agreedAt: row.agreed_at, organizations }
  return { status: 'proposed', organizations }
}

/** The positions table of a proposed or agreed version, for an export's appendix (article labels come from the exported text). */
export function positionsForExport(deps: AgreementDeps, docId: string, version: ExportVersionRef): ExportPositions | undefined {
  if (version.kind === 'current') return undefined
  const row = deps.agreements.ofVersion(docId, version.id)
  if (!row) return undefined
  const lookup = new Lookup(deps)
  const current = currentPositions(deps.agreements.positions(row.id))
  const articles = deps.agreements.articlePositions(row.id)
  return {
    organizations: deps.agreements.requiredOrgs(row.id).map((orgId) => {
      const org = lookup.organization(orgId)
      const p = current.get(orgId)
      return {
        name: org.name,
        shortName: org.shortName,
        position: p
          ? {
              position: p.position,
              text: p.text,
              recordedBy: lookup.person(p.user_id).displayName,
              recordedAt: p.recorded_at,
              articles: (articles.get(p.id) ?? []).map((a) => ({ articleId: a.article_id, position: a.position, text: a.text })),
            }
          : null,
      }
    }),
  }
}

export interface AgreementServiceDeps {
  repo: AgreementRepo
  versions: Versions
  users: UsersRepo
  organizations: OrganizationsRepo
  access: AccessRepo
  log: Logger
}

const proposalNotFound = () => new HttpError(404, ErrorCode.proposalNotFound, 'no such proposal')
const closed = (row: ProposalRow) =>
  new HttpError(409, ErrorCode.agreementClosed, row.status === 'agreed' ? 'the version is agreed: the agreement is final' : 'the proposal was withdrawn')

/** A unique index or a freezing trigger (`sqliteCode`) refused a write that raced a check: the stable 409 it stands for. */
function asConflict(err: unknown, sqliteCode: 'SQLITE_CONSTRAINT_UNIQUE' | 'SQLITE_CONSTRAINT_TRIGGER', conflict: () => HttpError): unknown {
  return err instanceof Error && 'code' in err && err.code === sqliteCode ? conflict() : err
}

/**
 * Agreement on versions of a draft. Owners propose a version (a saved one, or one saved on the
 * spot) and name the organizations whose agreement is required; members of each such
 * organization record its position; the proposal becomes agreed, for good, when every required
 * organization's latest position agrees (with or without reservations). Owners may withdraw a
 * proposal while it is not agreed. What was proposed and recorded is never changed (see
 * migration 4's triggers); a later position of an organization is appended and becomes current.
 */
export class Agreement {
  private readonly labels: ArticleLabels

  constructor(private readonly deps: AgreementServiceDeps) {
    this.labels = new ArticleLabels((docId, versionId) => deps.versions.content(docId, versionId))
  }

  overview(doc: DocumentRecord, viewer: UserRecord, role: Role): AgreementOverview {
    const versions = new Map(this.deps.versions.list(doc.id).map((v) => [v.id, v]))
    const present = this.presenter(doc, viewer, role)
    const proposals = this.deps.repo.list(doc.id).flatMap((row) => {
      const version = versions.get(row.version_id)
      return version ? [present(row, version)] : []
    })
    return { proposals, canPropose: can(role, 'propose') }
  }

  /**
   * Where each draft stands in agreement for the drafts list: its open proposal, else the one
   * agreed last, with how many required organizations agree and the viewer's organization's
   * position. Drafts never proposed are left out.
   */
  standings(viewer: UserRecord, docIds: readonly string[]): Map<string, DocumentAgreement> {
    const { repo, versions } = this.deps
    const out = new Map<string, DocumentAgreement>()
    for (const docId of docIds) {
      const row = repo.open(docId) ?? repo.lastAgreed(docId)
      if (!row) continue
      const required = repo.requiredOrgs(row.id)
      const current = currentPositions(repo.positions(row.id))
      const mine = viewer.organization.id
      out.set(docId, {
        status: row.status === 'agreed' ? 'agreed' : 'proposed',
        version: versions.summary(docId, row.version_id),
        proposedAt: row.proposed_at,
        agreedAt: row.agreed_at,
        required: required.length,
        agreeing: required.filter((org) => isAgreeing(current.get(org)?.position)).length,
        yours: required.includes(mine) ? (current.get(mine)?.position ?? 'awaiting') : null,
      })
    }
    return out
  }

  /** The draft's proposals as "since your last visit" reads them (shared/visit.ts), given the draft's versions. */
  stamps(docId: string, versions: readonly VersionSummary[]): ProposalStamp[] {
    const { repo } = this.deps
    const lookup = new Lookup(this.deps)
    const byId = new Map(versions.map((v) => [v.id, v]))
    return repo.list(docId).flatMap((row) => {
      const version = byId.get(row.version_id)
      if (!version) return []
      const positions = repo.positions(row.id).map((p) => ({ organization: lookup.organization(p.org_id), by: p.user_id, at: p.recorded_at }))
      const { status, proposed_by: proposedBy, proposed_at: proposedAt, agreed_at: agreedAt, withdrawn_by: withdrawnBy, withdrawn_at: withdrawnAt } = row
      return [{ version, status, proposedBy, proposedAt, agreedAt, withdrawnBy, withdrawnAt, positions }]
    })
  }

  proposal(doc: DocumentRecord, viewer: UserRecord, role: Role, proposalId: string): ProposalView {
    const row = this.deps.repo.get(doc.id, proposalId)
    if (!row) throw proposalNotFound()
    return this.presenter(doc, viewer, role)(row, this.deps.versions.summary(doc.id, row.version_id))
  }

  propose(doc: DocumentRecord, owner: UserRecord, input: z.infer<typeof ProposeInput>): ProposalView {
    const missing = input.organizationIds.filter((id) => !this.deps.organizations.get(id))
    if (missing.length) throw new HttpError(400, ErrorCode.validation, 'no such organization', missing.map((id): ValidationIssue => ({ path: 'organizationIds', problem: 'invalid', message: `no organization ${id}` })))
    const open = this.deps.repo.open(doc.id)
    if (open) throw new HttpError(409, ErrorCode.agreementOpen, 'another version of this draft is proposed for agreement: withdraw it first')
    let version: VersionSummary
    if (input.versionId !== undefined) {
      version = this.deps.versions.summary(doc.id, input.versionId)
      if (this.deps.repo.ofVersion(doc.id, version.id)) throw new HttpError(409, ErrorCode.versionAlreadyProposed, 'this version is already proposed or agreed')
    } else {
      version = this.deps.versions.save(doc, { name: input.saveVersion!.name, note: input.saveVersion!.note ?? '' }, { userId: owner.id, orgId: owner.organization.id })
    }
    const row: Omit<ProposalRow, 'status' | 'agreed_at' | 'withdrawn_by' | 'withdrawn_at'> = {
      id: newId(),
      doc_id: doc.id,
      version_id: version.id,
      note: input.note,
      proposed_by: owner.id,
      proposed_org_id: owner.organization.id,
      proposed_at: new Date().toISOString(),
    }
    try {
      this.deps.repo.insertProposal(row, input.organizationIds)
    } catch (err) {
      throw asConflict(err, 'SQLITE_CONSTRAINT_UNIQUE', () => new HttpError(409, ErrorCode.agreementOpen, 'another proposal was made at the same time'))
    }
    this.deps.log.info('version proposed for agreement', { docId: doc.id, proposal: row.id, version: version.id, by: owner.id, organizations: input.organizationIds.length })
    return this.proposal(doc, owner, 'owner', row.id)
  }

  /** Records the position of the viewer's organization; 403 unless it is a required organization. */
  record(doc: DocumentRecord, member: UserRecord, role: Role, proposalId: string, input: z.infer<typeof RecordPositionInput>): ProposalView {
    const row = this.deps.repo.get(doc.id, proposalId)
    if (!row) throw proposalNotFound()
    if (row.status !== 'proposed') throw closed(row)
    const required = this.deps.repo.requiredOrgs(row.id)
    const orgId = member.organization.id
    if (!required.includes(orgId)) {
      throw new HttpError(403, ErrorCode.notRequiredOrganization, 'only members of an organization whose agreement is required record its position')
    }
    const known = new Set(this.labels.of(doc.id, row.version_id, doc.language).map((a) => a.id))
    const unknown = input.articles.flatMap((a, i) => (known.has(a.articleId) ? [] : [{ path: `articles.${i}.articleId`, problem: 'invalid' as const, message: 'no such provision in this version' }]))
    if (unknown.length) throw new HttpError(400, ErrorCode.validation, 'no such provision in this version', unknown)

    const now = new Date().toISOString()
    let agreed = false
    try {
      this.deps.repo.insertPosition(
        { proposalId: row.id, orgId, userId: member.id, position: input.position, text: input.text, recordedAt: now, articles: input.articles },
        () => {
          const current = new Map([...currentPositions(this.deps.repo.positions(row.id))].map(([org, p]) => [org, p.position]))
          if (isAgreed(required, current)) agreed = this.deps.repo.markAgreed(row.id, now)
        },
      )
    } catch (err) {
      throw asConflict(err, 'SQLITE_CONSTRAINT_TRIGGER', () => closed(this.deps.repo.get(doc.id, row.id) ?? row))
    }
    this.deps.log.info('agreement position recorded', { docId: doc.id, proposal: row.id, org: orgId, by: member.id, position: input.position, articles: input.articles.length })
    if (agreed) this.deps.log.info('version agreed', { docId: doc.id, proposal: row.id, version: row.version_id })
    return this.proposal(doc, member, role, row.id)
  }

  /** An owner withdraws a proposal that is not agreed (an agreed version stays agreed). */
  withdraw(doc: DocumentRecord, owner: UserRecord, proposalId: string): ProposalView {
    const row = this.deps.repo.get(doc.id, proposalId)
    if (!row) throw proposalNotFound()
    if (row.status !== 'proposed' || !this.deps.repo.markWithdrawn(row.id, owner.id, new Date().toISOString())) throw closed(row)
    this.deps.log.info('proposal withdrawn', { docId: doc.id, proposal: row.id, by: owner.id })
    return this.proposal(doc, owner, 'owner', row.id)
  }

  private presenter(doc: DocumentRecord, viewer: UserRecord, role: Role): (row: ProposalRow, version: VersionSummary) => ProposalView {
    const lookup = new Lookup(this.deps)
    const withAccess = new Set((this.deps.access.organizationsByDocument(doc.id).get(doc.id) ?? []).map((o) => o.id))
    const viewerContext = { orgId: viewer.organization.id, canPropose: can(role, 'propose') }
    // Built from the live document at most once, however many proposals are compared with it.
    let current: string | undefined
    const currentText = () => (current ??= this.deps.versions.currentText(doc.id))
    return (row, version) =>
      presentProposal(this.deps, row, {
        version,
        articles: this.labels.of(doc.id, row.version_id, doc.language),
        lookup,
        withAccess,
        viewer: viewerContext,
        textChangedSince: row.status !== 'withdrawn' && this.deps.versions.textChangedSince(doc.id, row.version_id, currentText),
      })
  }
}
