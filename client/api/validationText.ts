import type { ValidationIssue } from '../../shared/validation'
import type { MessageKey } from '../i18n/en'
import type { Translate } from '../i18n/i18n'

/** The fields a person fills in, by the last name of their path; "articles.2.text" is an article's reservation or objection. */
const FIELDS = new Map<string, MessageKey>(Object.entries({
  title: 'error.field.title',
  name: 'error.field.name',
  shortName: 'error.field.shortName',
  email: 'error.field.email',
  password: 'error.field.password',
  currentPassword: 'error.field.currentPassword',
  newPassword: 'error.field.newPassword',
  displayName: 'error.field.displayName',
  body: 'error.field.body',
  note: 'error.field.note',
  text: 'error.field.text',
  color: 'error.field.color',
  organizationIds: 'error.field.organizationIds',
  organizationId: 'error.field.organizationId',
  option: 'error.field.option',
  groupKey: 'error.field.option',
  blockId: 'error.field.option',
} satisfies Record<string, MessageKey>))

function fieldOf(path: string): MessageKey | null {
  const names = path.split('.').filter((part) => !/^\d+$/.test(part))
  const last = names.at(-1)
  if (last === 'text' && names[0] === 'articles') return 'error.field.articleText'
  return (last && FIELDS.get(last)) || null
}

/** One issue in the interface's words, or null for a field the page does not know. */
function issueText(issue: ValidationIssue, t: Translate): string | null {
  const field = fieldOf(issue.path)
  return field && t(`error.validation.${issue.problem}`, { field: t(field), limit: issue.limit ?? '' })
}

/**
 * What the server found wrong, in the interface's words: "«Название»: длиннее допустимого — не
 * более 300 знаков." One sentence per field named; the validator's English never reaches the page.
 */
export function validationText(issues: readonly ValidationIssue[], t: Translate): string {
  const sentences = new Set<string>()
  for (const issue of issues) {
    const text = issueText(issue, t)
    if (text) sentences.add(text)
  }
  return sentences.size ? [...sentences].join(' ') : t('error.validation_failed')
}

/**
 * The sentences to show at a form's fields, by the last name of the issue's path ("shortName"),
 * for a form that says what is wrong where it is wrong. Empty for any other failure.
 */
export function fieldErrorTexts(issues: readonly ValidationIssue[], t: Translate): Partial<Record<string, string>> {
  const at: Partial<Record<string, string>> = {}
  for (const issue of issues) {
    const text = issueText(issue, t)
    const name = issue.path.split('.').at(-1)
    if (text && name) at[name] = at[name] ? `${at[name]} ${text}` : text
  }
  return at
}
