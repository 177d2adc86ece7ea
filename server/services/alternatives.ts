import type { PreferencesOverview, PreferenceView, StatePreferenceInput, WithdrawPreferenceInput } from '../../shared/api'
import { aRole, can } from '../../shared/roles'
import type { Rooms } from '../collab/rooms'
import { preferencesMessage } from '../collab/messages'
import type { DocumentRecord } from '../db/documentsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { PreferenceRow, PreferencesRepo } from '../db/preferencesRepo'
import type { UsersRepo } from '../db/usersRepo'
import { forbidden } from '../errors'
import type { Logger } from '../logger'
import type { Viewer } from './comments'
import { onceEach } from './lookups'

export interface AlternativesDeps {
  preferences: PreferencesRepo
  users: UsersRepo
  organizations: OrganizationsRepo
  rooms: Rooms
  log: Logger
}

/**
 * Each organization's stated preference among bracketed alternative wordings. Anyone who may
 * comment states, changes or withdraws their organization's preference (the last to state it is
 * named); anyone who can read sees them. The server keeps what was stated against the group's
 * block and key without checking the live text: the text may have moved on by the time the
 * request arrives, and the page shows a preference whose group is gone as "no longer in the text".
 */
export class AlternativePreferences {
  constructor(private readonly deps: AlternativesDeps) {}

  overview(viewer: Viewer, doc: DocumentRecord): PreferencesOverview {
    return {
      preferences: this.present(this.deps.preferences.ofDocument(doc.id)),
      canState: can(viewer.role, 'comment'),
      organization: viewer.user.organization,
    }
  }

  state(viewer: Viewer, doc: DocumentRecord, input: StatePreferenceInput): PreferencesOverview {
    this.requireComment(viewer)
    this.deps.preferences.upsert({
      doc_id: doc.id,
      block_id: input.blockId,
      group_key: input.groupKey,
      org_id: viewer.user.organization.id,
      option: input.option,
      stated_by: viewer.user.id,
      stated_at: new Date().toISOString(),
    })
    this.changed(doc)
    return this.overview(viewer, doc)
  }

  /** Withdrawing a preference the organization has not stated changes nothing, and is no error. */
  withdraw(viewer: Viewer, doc: DocumentRecord, input: WithdrawPreferenceInput): PreferencesOverview {
    this.requireComment(viewer)
    if (this.deps.preferences.remove(doc.id, input.blockId, input.groupKey, viewer.user.organization.id)) this.changed(doc)
    return this.overview(viewer, doc)
  }

  private requireComment(viewer: Viewer): void {
    if (!can(viewer.role, 'comment')) throw forbidden(`${aRole(viewer.role)} may not state a preference on this document`)
  }

  private changed(doc: DocumentRecord): void {
    this.deps.rooms.sendToRoom(doc.id, preferencesMessage())
  }

  private present(rows: PreferenceRow[]): PreferenceView[] {
    const { person, org } = onceEach(this.deps.users, this.deps.organizations)
    return rows.map((r) => ({
      blockId: r.block_id,
      groupKey: r.group_key,
      option: r.option,
      organization: org(r.org_id),
      statedBy: person(r.stated_by),
      statedAt: r.stated_at,
    }))
  }
}
