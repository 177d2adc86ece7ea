import { ErrorCode } from '../../shared/api'
import type { ImportProblem } from '../../shared/import/errors'
import { en } from '../../client/i18n/en'
import { HttpError } from '../errors'

/**
 * What an uploaded file that cannot be imported (POST /api/documents/import) is answered with:
 * the words the browser's import shows (client/i18n/en.ts, the one copy of them). 'failed' is
 * not here: it is not the file's fault, so it is a server error.
 */
const WORDS: Record<Exclude<ImportProblem, 'failed'>, string> = {
  empty: en['import.empty'],
  notDocx: en['import.problem.notDocx'],
  notXml: en['import.problem.notXml'],
  notAkn: en['import.problem.notAkn'],
  notText: en['import.problem.notText'],
  tooLarge: en['import.problem.tooLarge'],
}

/**
 * The worker's ImportRefused (server/export/task.ts: its message is the problem) as 400
 * validation_failed, in words, with the problem's code in `details` for clients that say it in
 * their own; null for any other error.
 */
export function importRefusal(err: unknown): HttpError | null {
  if (!(err instanceof Error) || err.name !== 'ImportRefused' || !Object.hasOwn(WORDS, err.message)) return null
  const problem = err.message as keyof typeof WORDS
  return new HttpError(400, ErrorCode.validation, WORDS[problem], { problem })
}
