import type { PreferenceView } from '../api'
import { groupId, type AlternativeGroup } from './inDocument'

/** A group with the organizations' preferences among its options. */
export interface GroupWithPreferences {
  group: AlternativeGroup
  /** Per option text, the preferences stated for it, by organization short name. */
  byOption: Map<string, PreferenceView[]>
}

export interface MatchedPreferences {
  groups: GroupWithPreferences[]
  /**
   * Preferences whose group is no longer in the text as it was stated (an option reworded or
   * removed, the block deleted): shown as "for a wording no longer in the text", with what they
   * chose, until the organization states its preference again or withdraws it.
   */
  stale: PreferenceView[]
}

const byShortName = (a: PreferenceView, b: PreferenceView) => a.organization.shortName.localeCompare(b.organization.shortName)

/** Puts each stated preference with the group it was stated in, if that group is still in the text. */
export function matchPreferences(groups: readonly AlternativeGroup[], preferences: readonly PreferenceView[]): MatchedPreferences {
  const out: GroupWithPreferences[] = groups.map((group) => ({ group, byOption: new Map(group.options.map((o) => [o.text, []])) }))
  // Identical groups in one block share a key, and so the preference: each shows it.
  const byId = new Map<string, GroupWithPreferences[]>()
  for (const g of out) {
    const id = groupId(g.group.blockId, g.group.key)
    byId.set(id, [...(byId.get(id) ?? []), g])
  }
  const stale: PreferenceView[] = []
  for (const p of preferences) {
    const targets = byId.get(groupId(p.blockId, p.groupKey))
    const lists = targets?.map((t) => t.byOption.get(p.option)).filter((l) => l !== undefined)
    if (!lists?.length) stale.push(p)
    else lists.forEach((l) => l.push(p))
  }
  for (const g of out) for (const l of g.byOption.values()) l.sort(byShortName)
  return { groups: out, stale: stale.sort(byShortName) }
}
