import type { AccountSummary } from '../../shared/api'
import { titleMatches } from '../../shared/draftOrder'

export const PEOPLE_SHOWN = ['all', 'active', 'deactivated'] as const
export type PeopleShown = (typeof PEOPLE_SHOWN)[number]

/**
 * The people whose name, email or organization holds every word of `query` (case, ё/е and
 * accents ignored, as the drafts list), and who are active or deactivated as `shown` asks.
 */
export function findPeople(people: readonly AccountSummary[], query: string, shown: PeopleShown): AccountSummary[] {
  return people.filter((p) =>
    (shown === 'all' || (shown === 'active') === (p.deactivatedAt === null))
    && titleMatches(`${p.displayName} ${p.email} ${p.organization.name} ${p.organization.shortName}`, query))
}
