import type { OrganizationInput, OrganizationSummary } from '../../shared/api'
import { newRowId } from '../auth/tokens'
import type { Db } from './connection'

export interface OrganizationRow {
  id: string
  name: string
  short_name: string
  color: string
  created_at: string
}

/** A name as two organizations must not share it: case and runs of spaces do not count ("MoJ", "moj"; "Минюст", "МИНЮСТ"). */
const nameKey = (name: string) => name.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim()

/** The names an organization has to itself: its chips (short name) and its full name must tell it from the others. */
export const UNIQUE_NAMES = ['name', 'shortName'] as const
export type UniqueName = (typeof UNIQUE_NAMES)[number]

export function toOrganization(row: OrganizationRow): OrganizationSummary {
  return { id: row.id, name: row.name, shortName: row.short_name, color: row.color }
}

/** The `organizations` table. */
export class OrganizationsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      list: db.prepare<[], OrganizationRow>('SELECT * FROM organizations ORDER BY name COLLATE NOCASE, id'),
      get: db.prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE id = ?'),
      byName: db.prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE name = ? ORDER BY created_at LIMIT 1'),
      insert: db.prepare('INSERT INTO organizations (id, name, short_name, color, created_at) VALUES (?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE organizations SET name = ?, short_name = ?, color = ? WHERE id = ?'),
    }
  }

  list(): OrganizationSummary[] {
    return this.stmts.list.all().map(toOrganization)
  }

  get(id: string): OrganizationSummary | undefined {
    const row = this.stmts.get.get(id)
    return row ? toOrganization(row) : undefined
  }

  findByName(name: string): OrganizationSummary | undefined {
    const row = this.stmts.byName.get(name)
    return row ? toOrganization(row) : undefined
  }

  /**
   * The names in `input` another organization already has, whatever their case. `current`: the
   * organization being changed, whose names kept as they are never clash (two that shared one
   * before this check existed can still be edited, and told apart by renaming either).
   */
  clashes(input: Partial<Pick<OrganizationInput, UniqueName>>, current?: OrganizationSummary): UniqueName[] {
    return this.clashingOrganizations(input, current).map((c) => c.field)
  }

  /** As `clashes`, with the organization that has each name (for words that tell the operator which). */
  clashingOrganizations(input: Partial<Pick<OrganizationInput, UniqueName>>, current?: OrganizationSummary): { field: UniqueName; org: OrganizationSummary }[] {
    const others = this.list().filter((org) => org.id !== current?.id)
    const out: { field: UniqueName; org: OrganizationSummary }[] = []
    for (const field of UNIQUE_NAMES) {
      const value = input[field]
      if (value === undefined || (current && nameKey(current[field]) === nameKey(value))) continue
      const org = others.find((o) => nameKey(o[field]) === nameKey(value))
      if (org) out.push({ field, org })
    }
    return out
  }

  create(input: OrganizationInput, now = new Date().toISOString()): OrganizationSummary {
    const id = newRowId()
    this.stmts.insert.run(id, input.name, input.shortName, input.color, now)
    return { id, ...input }
  }

  update(id: string, patch: Partial<OrganizationInput>): OrganizationSummary | undefined {
    const current = this.get(id)
    if (!current) return undefined
    const next = { ...current, ...patch }
    this.stmts.update.run(next.name, next.shortName, next.color, id)
    return next
  }
}
