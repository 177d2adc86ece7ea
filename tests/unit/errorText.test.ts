import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../shared/api'
import { errorText, RequestError } from '../../client/api/http'
import { format, type Translate } from '../../client/i18n/i18n'
import { en } from '../../client/i18n/en'
import { ru } from '../../client/i18n/ru'

const translate = (dict: Record<string, string>): Translate => (key, params) => format(dict[key], params)

/** What the server writes in its answer, for its logs and API clients: never meant for the page. */
const SERVER_WORDS = 'no such document'

describe('errorText: every answer of the server in the interface\'s words', () => {
  // validation_failed quotes the server's details on purpose (which field, why).
  const codes = Object.values(ErrorCode).filter((code) => code !== ErrorCode.validation)

  it.each([
    ['ru', ru],
    ['en', en],
  ])('%s: no code falls through to the server\'s English message', (_, dict) => {
    for (const code of codes) {
      const text = errorText(new RequestError(code, SERVER_WORDS, 400), translate(dict))
      expect(text, code).not.toContain(SERVER_WORDS)
    }
  })

  it('a draft deleted while open says so in Russian (it said "Ошибка: no such document")', () => {
    expect(errorText(new RequestError(ErrorCode.documentNotFound, SERVER_WORDS, 404), translate(ru))).toBe('Такого проекта нет: возможно, его удалили.')
  })
})
