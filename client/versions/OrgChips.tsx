import type { OrganizationSummary } from '../../shared/api'

/** Organizations as small chips in their colours: the short name, the full one on hover. */
export function OrgChips({ organizations }: { organizations: readonly OrganizationSummary[] }) {
  return (
    <>
      {organizations.map((o) => (
        <span key={o.id} className="org-chip" style={{ borderColor: o.color, color: o.color }} title={o.name}>
          {o.shortName}
        </span>
      ))}
    </>
  )
}
