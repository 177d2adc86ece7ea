import type { z } from 'zod'

/**
 * What was wrong with a request's field, as the server tells the browser: a kind of problem and
 * its limit, never the validator's English, so that the page can say it in its own language.
 * The server sends these as the `details` of a validation_failed error (server/http/guard.ts).
 * `same`: a new value that must differ from the current one (a new password) does not.
 */
export const VALIDATION_PROBLEMS = ['empty', 'tooLong', 'tooShort', 'tooMany', 'tooFew', 'invalid', 'taken', 'same'] as const
export type ValidationProblem = (typeof VALIDATION_PROBLEMS)[number]

export interface ValidationIssue {
  /** The field: "title", "articles.2.text"; "" for the body as a whole. */
  path: string
  problem: ValidationProblem
  /** The largest (tooLong, tooMany) or smallest (tooShort, tooFew) size allowed. */
  limit?: number
  /** The validator's own words, for API clients and logs; not for the page. */
  message: string
}

/** A custom rule (superRefine) names its problem in `params`: `ctx.addIssue({ code: 'custom', params: problemParams('empty'), … })`. */
export const problemParams = (problem: ValidationProblem) => ({ problem })

function problemOf(issue: z.core.$ZodIssue): Pick<ValidationIssue, 'problem' | 'limit'> {
  const many = issue.code === 'too_big' || issue.code === 'too_small' ? issue.origin === 'array' || issue.origin === 'set' : false
  switch (issue.code) {
    case 'too_big':
      return { problem: many ? 'tooMany' : 'tooLong', limit: Number(issue.maximum) }
    case 'too_small':
      if (many) return { problem: 'tooFew', limit: Number(issue.minimum) }
      return Number(issue.minimum) <= 1 ? { problem: 'empty' } : { problem: 'tooShort', limit: Number(issue.minimum) }
    case 'custom': {
      const named = (issue.params as { problem?: unknown } | undefined)?.problem
      return { problem: VALIDATION_PROBLEMS.includes(named as ValidationProblem) ? (named as ValidationProblem) : 'invalid' }
    }
    default:
      return { problem: 'invalid' }
  }
}

/** zod's issues as ValidationIssues (a string's minimum of one character is "empty": trimmed blanks count as nothing). */
export function validationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), ...problemOf(issue), message: issue.message }))
}

/** The issues in an error's `details`, if they are ValidationIssues (older servers sent only path and message). */
export function issuesIn(details: unknown): ValidationIssue[] {
  if (!Array.isArray(details)) return []
  return details.filter(
    (d): d is ValidationIssue =>
      typeof d === 'object' && d !== null && typeof (d as ValidationIssue).path === 'string' && VALIDATION_PROBLEMS.includes((d as ValidationIssue).problem),
  )
}
