import type { ArticleRef, OrganizationPosition, OrganizationSummary, PersonRef, PositionRecord, ProposalView, VersionSummary } from '../../shared/api'
import { lawStructure, placesOfLaw } from '../../shared/export/structure'
import type { Language } from '../../shared/language'
import type { DocJSON } from '../../shared/schema'
import type { AccessRepo } from '../db/accessRepo'
import type { AgreementRepo, PositionRow, ProposalRow } from '../db/agreementRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UsersRepo } from '../db/usersRepo'

export interface AgreementViewDeps {
  repo: AgreementRepo
  users: UsersRepo
  organizations: OrganizationsRepo
  access: AccessRepo
}

/** The latest position of each organization (positions come newest first). */
export function currentPositions(rows: readonly PositionRow[]): Map<string, PositionRow> {
  const current = new Map<string, PositionRow>()
  for (const row of rows) if (!current.has(row.org_id)) current.set(row.org_id, row)
  return current
}

/** How many versions' article labels are kept (a version never changes, so neither do they). */
const LABEL_CACHE_SIZE = 32

/**
 * The provisions of versions an organization may state a position on — the title, the preamble,
 * headings and articles (shared/places.ts) — as that version numbers them ("Article 5."),
 * computed once per version: versions are immutable, so the labels are too.
 */
export class ArticleLabels {
  private readonly cache = new Map<string, ArticleRef[]>()

  constructor(private readonly content: (docId: string, versionId: string) => DocJSON) {}

  of(docId: string, versionId: string, language: Language): ArticleRef[] {
    const key = `${docId}/${versionId}/${language}`
    let refs = this.cache.get(key)
    if (!refs) {
      const law = lawStructure(this.content(docId, versionId), language)
      refs = placesOfLaw(law).map(({ id, label, heading }) => ({ id, label, heading }))
      this.cache.set(key, refs)
      if (this.cache.size > LABEL_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!)
    }
    return refs
  }
}

/** Looks each person and organization up once per presentation. */
export class Lookup {
  private readonly people = new Map<string, PersonRef>()
  private readonly orgs = new Map<string, OrganizationSummary>()

  constructor(private readonly deps: Pick<AgreementViewDeps, 'users' | 'organizations'>) {}

  person(id: string): PersonRef {
    let p = this.people.get(id)
    if (!p) this.people.set(id, (p = { id, displayName: this.deps.users.get(id)?.displayName ?? '' }))
    return p
  }

  organization(id: string): OrganizationSummary {
    let o = this.orgs.get(id)
    if (!o) this.orgs.set(id, (o = this.deps.organizations.get(id) ?? { id, name: '', shortName: '', color: '#000000' }))
    return o
  }
}

/** Rows → a ProposalView for one viewer: the status matrix, each organization's history, the version's articles. */
export function presentProposal(
  deps: AgreementViewDeps,
  row: ProposalRow,
  context: {
    version: VersionSummary
    articles: ArticleRef[]
    lookup: Lookup
    /** Organizations with access to the draft. */
    withAccess: ReadonlySet<string>
    viewer: { orgId: string; canPropose: boolean }
    textChangedSince: boolean
  },
): ProposalView {
  const { lookup, articles } = context
  const byId = new Map(articles.map((a) => [a.id, a]))
  const articlesOfPosition = deps.repo.articlePositions(row.id)
  const record = (p: PositionRow): PositionRecord => ({
    id: p.id,
    position: p.position,
    text: p.text,
    articles: (articlesOfPosition.get(p.id) ?? []).map((a) => ({
      id: a.article_id,
      label: byId.get(a.article_id)?.label ?? '',
      heading: byId.get(a.article_id)?.heading ?? '',
      position: a.position,
      text: a.text,
    })),
    recordedBy: lookup.person(p.user_id),
    recordedAt: p.recorded_at,
  })
  const positions = deps.repo.positions(row.id)
  const required = deps.repo.requiredOrgs(row.id)
  const organizations: OrganizationPosition[] = required.map((orgId) => {
    const mine = positions.filter((p) => p.org_id === orgId).map(record)
    return { organization: lookup.organization(orgId), hasAccess: context.withAccess.has(orgId), current: mine[0] ?? null, earlier: mine.slice(1) }
  })
  const open = row.status === 'proposed'
  return {
    id: row.id,
    version: context.version,
    status: row.status,
    note: row.note,
    proposedBy: lookup.person(row.proposed_by),
    proposedByOrganization: lookup.organization(row.proposed_org_id),
    proposedAt: row.proposed_at,
    agreedAt: row.agreed_at,
    withdrawnBy: row.withdrawn_by ? lookup.person(row.withdrawn_by) : null,
    withdrawnAt: row.withdrawn_at,
    organizations,
    articles,
    canRecord: open && required.includes(context.viewer.orgId),
    canWithdraw: open && context.viewer.canPropose,
    textChangedSince: context.textChangedSince,
  }
}
