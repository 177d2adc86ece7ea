import { describe, expect, it } from 'vitest'
import { en, type MessageKey } from '../../client/i18n/en'
import { ru } from '../../client/i18n/ru'
import type { Role } from '../../shared/roles'

/** The messages that speak of roles, and the roles each names. */
const NAMING_ROLES: [MessageKey, Role[]][] = [
  ['share.rolesHelp', ['owner', 'drafter', 'reviewer', 'observer']],
  ['versions.readOnlyHint', ['owner', 'drafter']],
  ['versions.emptyReadOnly', ['owner', 'drafter']],
]

/** A role's name without its ending, to find it declined: "Разработчик" in "разработчики", "Owner" in "owners". */
const stem = (roleName: string) => roleName.toLocaleLowerCase().slice(0, -2)

describe('a role is called by the same name wherever the interface speaks of it', () => {
  it.each([
    ['ru', ru],
    ['en', en],
  ])('%s: the hints name the roles as the role badges and the share dialog do', (_, dict: Record<MessageKey, string>) => {
    for (const [key, roles] of NAMING_ROLES) {
      for (const role of roles) expect(dict[key].toLocaleLowerCase(), `${key} names ${role}`).toContain(stem(dict[`role.${role}`]))
    }
  })

  it('ru: versions are saved by "разработчики", not "составители" (the review found both)', () => {
    expect(ru['versions.readOnlyHint']).toBe('Сохранять и восстанавливать версии могут владельцы и разработчики; вы можете открывать и сравнивать их.')
  })
})
