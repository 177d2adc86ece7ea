import { ErrorCode } from '../../shared/api'
import type { ImportProblem } from '../../shared/import/errors'
import { IMPORT_PROBLEM_EN } from '../../shared/import/problemWords'
import { HttpError } from '../errors'

/**
 * What an uploaded file that cannot be imported (POST /api/documents/import) is answered with:
 * the words the browser's import shows in English (shared/import/problemWords.ts). 'failed' is not
 * the file's fault, so it stays a server error. The worker's ImportRefused (server/export/task.ts: its message is the problem) as 400
 * validation_failed, in words, with the problem's code in `details` for clients that say it in
 * their own; null for any other error.
 */
export function importRefusal(err: unknown): HttpError | null {
  if (!(err instanceof Error) || err.name !== 'ImportRefused' || !Object.hasOwn(IMPORT_PROBLEM_EN, err.message) || err.message === 'failed') return null
  return refusedImport(err.message as Exclude<ImportProblem, 'failed'>)
}

/** The answer to a file that cannot be imported because of `problem` (an empty body: 'empty', as a blank file's). */
export function refusedImport(problem: Exclude<ImportProblem, 'failed'>): HttpError {
  return new HttpError(400, ErrorCode.validation, IMPORT_PROBLEM_EN[problem], { problem })
}
