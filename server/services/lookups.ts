import type { OrganizationSummary, PersonRef } from '../../shared/api'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UsersRepo } from '../db/usersRepo'

/** The grey of an organization that is gone (its records keep the id). */
const GONE_COLOR = '#666666'

/**
 * People and organizations looked up once per answer: a list names the same few many times.
 * One that no longer exists reads as blank, under its id.
 */
export function onceEach(users: UsersRepo, organizations: OrganizationsRepo): { person(id: string): PersonRef; org(id: string): OrganizationSummary } {
  const people = new Map<string, PersonRef>()
  const orgs = new Map<string, OrganizationSummary>()
  return {
    person(id) {
      if (!people.has(id)) people.set(id, { id, displayName: users.get(id)?.displayName ?? '' })
      return people.get(id)!
    },
    org(id) {
      if (!orgs.has(id)) orgs.set(id, organizations.get(id) ?? { id, name: '', shortName: '', color: GONE_COLOR })
      return orgs.get(id)!
    },
  }
}
