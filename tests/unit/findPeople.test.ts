import { describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../shared/api'
import { findPeople } from '../../client/admin/findPeople'

const org = (name: string, shortName: string) => ({ id: shortName, name, shortName, color: '#123456' })
const person = (displayName: string, email: string, organization: ReturnType<typeof org>, deactivatedAt: string | null = null): AccountSummary =>
  ({ id: email, email, displayName, isAdmin: false, organization, deactivatedAt })

const justice = org('Министерство юстиции', 'Минюст')
const secretariat = org('Secretariat', 'Secretariat')
const people = [
  person('Пётр Семёнов', 'petr@minjust.example', justice),
  person('Anna Smith', 'anna@secretariat.example', secretariat),
  person('Dora Departing', 'dora@secretariat.example', secretariat, '2026-11-30T10:00:00Z'),
]
const names = (found: AccountSummary[]) => found.map((p) => p.displayName)

describe('findPeople', () => {
  it('matches every word in the name, email or organization, case and ё/е ignored', () => {
    expect(names(findPeople(people, 'петр семенов', 'all'))).toEqual(['Пётр Семёнов'])
    expect(names(findPeople(people, 'юстиции', 'all'))).toEqual(['Пётр Семёнов'])
    expect(names(findPeople(people, 'SECRETARIAT', 'all'))).toEqual(['Anna Smith', 'Dora Departing'])
    expect(names(findPeople(people, 'anna@', 'all'))).toEqual(['Anna Smith'])
    expect(names(findPeople(people, 'anna minjust', 'all'))).toEqual([])
    expect(findPeople(people, '  ', 'all')).toHaveLength(3)
  })

  it('shows active or deactivated accounts only, when asked', () => {
    expect(names(findPeople(people, '', 'active'))).toEqual(['Пётр Семёнов', 'Anna Smith'])
    expect(names(findPeople(people, 'secretariat', 'deactivated'))).toEqual(['Dora Departing'])
  })
})
