import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ErrorCode } from '../../shared/api'
import { errorText, fieldErrors, RequestError } from '../../client/api/http'
import { format, type Translate } from '../../client/i18n/i18n'
import { en } from '../../client/i18n/en'
import { ru } from '../../client/i18n/ru'
import { CommentInput, CreateDocumentInput, RecordPositionInput } from '../../shared/api'
import { COMMENT_MAX_LENGTH } from '../../shared/apiConstants'
import { validationIssues } from '../../shared/validation'

const translate = (dict: Record<string, string>): Translate => (key, params) => format(dict[key], params)

/** What the server writes in its answer, for its logs and API clients: never meant for the page. */
const SERVER_WORDS = 'no such document'

describe('errorText: every answer of the server in the interface\'s words', () => {
  const codes = Object.values(ErrorCode)

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

describe('validation_failed: what was wrong, and where, in the interface\'s words', () => {
  /** The error the browser gets when the server's schema refuses `body` (server/http/guard.ts). */
  function refusal(schema: z.ZodType, body: unknown): RequestError {
    const parsed = schema.safeParse(body)
    expect(parsed.success).toBe(false)
    return new RequestError(ErrorCode.validation, 'invalid request body', 400, validationIssues(parsed.error!.issues))
  }

  it('never quotes the server\'s English (it showed "Сервер не принял текст: invalid request body")', () => {
    const err = refusal(CommentInput, { body: ' ' })
    expect(errorText(err, translate(ru))).not.toMatch(/invalid|request|body/)
    // An older server's details (no problem named), or none: still the interface's words only.
    const bare = new RequestError(ErrorCode.validation, 'invalid request body', 400, [{ path: 'body', message: 'Too big: expected string to have <=10000 characters' }])
    expect(errorText(bare, translate(ru))).toBe('Сервер не принял отправленные данные: они не прошли проверку.')
    expect(errorText(new RequestError(ErrorCode.validation, 'not a valid legal text: …', 400), translate(en))).not.toContain('legal text')
  })

  it('says which field was empty or too long, with the limit', () => {
    expect(errorText(refusal(CommentInput, { body: ' ' }), translate(ru))).toBe('Поле «Текст замечания» не заполнено.')
    expect(errorText(refusal(CommentInput, { body: 'x'.repeat(COMMENT_MAX_LENGTH + 1) }), translate(ru))).toBe(`Поле «Текст замечания» длиннее допустимого: не более ${COMMENT_MAX_LENGTH} зн.`)
    expect(errorText(refusal(CreateDocumentInput, { title: 'x'.repeat(301) }), translate(en))).toBe('“Title” is too long: at most 300 characters.')
    expect(errorText(refusal(RecordPositionInput, { position: 'object', text: ' ' }), translate(ru))).toBe('Поле «Оговорка или возражение» не заполнено.')
    expect(errorText(refusal(RecordPositionInput, { position: 'object', text: 'No.', articles: [{ articleId: 'a1', position: 'object', text: '' }] }), translate(ru))).toBe(
      'Поле «Оговорка или возражение по статье» не заполнено.',
    )
  })

  it('a short name another organization has is said at that field, in words (server/http/peopleRoutes.ts)', () => {
    const taken = new RequestError(ErrorCode.validation, 'another organization has this short name', 409, [
      { path: 'shortName', problem: 'taken', message: 'another organization has this short name' },
    ])
    expect(errorText(taken, translate(ru))).toBe('Поле «Краткое название»: такое значение уже занято, выберите другое.')
    expect(fieldErrors(taken, translate(en))).toEqual({ shortName: '“Short name” is already taken: choose another.' })
    expect(fieldErrors(new RequestError(ErrorCode.forbidden, 'not allowed', 403), translate(en))).toEqual({})
  })
})
