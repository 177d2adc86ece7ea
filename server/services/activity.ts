import type { ActivitySession, OrganizationSummary } from '../../shared/api'
import { placesOf } from '../../shared/places'
import { docNodeOf } from '../../shared/ydoc'
import type { DocumentRecord } from '../db/documentsRepo'
import { parseArticles, placeTimes, type EditSessionsRepo } from '../db/editSessionsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UsersRepo } from '../db/usersRepo'
import type { Rooms } from '../collab/rooms'

export interface ActivityDeps {
  editSessions: EditSessionsRepo
  users: UsersRepo
  organizations: OrganizationsRepo
  rooms: Rooms
}

/**
 * The activity view of a document: editing sessions, newest first, with the person and
 * organization that made them and the places they touched (the title, the preamble, headings,
 * articles), labelled as numbered now.
 */
export function activityOf(deps: ActivityDeps, doc: DocumentRecord, places?: PlacesNow): ActivitySession[] {
  deps.editSessions.fold(doc.id)
  const rows = deps.editSessions.list(doc.id)
  if (rows.length === 0) return []
  places ??= placesNow(deps.rooms, doc)
  const order = (id: string) => places.get(id)?.order ?? Number.MAX_SAFE_INTEGER
  const names = new Map<string, string>()
  const orgs = new Map<string, OrganizationSummary>()
  const nameOf = (userId: string) => {
    if (!names.has(userId)) names.set(userId, deps.users.get(userId)?.displayName ?? '')
    return names.get(userId)!
  }
  const orgOf = (orgId: string) => {
    if (!orgs.has(orgId)) orgs.set(orgId, deps.organizations.get(orgId) ?? { id: orgId, name: '', shortName: '', color: '#000000' })
    return orgs.get(orgId)!
  }
  return rows.map((row) => {
    const times = placeTimes(row)
    return {
      user: { id: row.user_id, displayName: nameOf(row.user_id) },
      organization: orgOf(row.org_id),
      startedAt: row.started_at,
      endedAt: row.ended_at,
      updates: row.updates,
      // In the order of the text; deleted places last.
      articles: [...parseArticles(row.articles)].sort((a, b) => order(a) - order(b)).map((id) => {
        const now = places.get(id)
        const editedAt = times[id] ?? row.ended_at
        return now ? { id, label: now.label, heading: now.heading, deleted: false, editedAt } : { id, label: '', heading: '', deleted: true, editedAt }
      }),
    }
  })
}

/** The draft's places now, labelled as numbered, with their index in the text (`order`). */
export type PlacesNow = Map<string, { label: string; heading: string; order: number }>

/** Read from the live document (or a copy loaded from the store). */
export function placesNow(rooms: Rooms, doc: DocumentRecord): PlacesNow {
  const places: PlacesNow = new Map()
  rooms.read(doc.id, (ydoc) => {
    for (const place of placesOf(docNodeOf(ydoc), doc.language)) places.set(place.id, { label: place.label, heading: place.heading, order: places.size })
  })
  return places
}
