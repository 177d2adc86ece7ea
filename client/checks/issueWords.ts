import { labelInText } from '../../shared/numbering'
import type { DraftIssue } from '../../shared/checks/draftChecks'
import type { Translate } from '../i18n/i18n'

/** "Статья 3, пункт 2)": the place as the text numbers it, then the block, in the words of `t`. */
export function whereOf(issue: Pick<DraftIssue, 'place' | 'blockKind' | 'blockLabel' | 'blockWithin'>, t: Translate): string {
  const place = labelInText(issue.place.label) || issue.place.heading
  if (issue.blockKind === 'heading' && issue.place.kind === 'article') return `${place}, ${t('checks.heading')}`
  if (issue.blockKind === 'clause' || issue.blockKind === 'point' || issue.blockKind === 'subpoint') {
    // «Статья 8, часть 2, пункт 1)»: the paragraph and point it is in, as two points 1) of one article differ.
    const block = (kind: 'clause' | 'point' | 'subpoint', label: string) => `${t(`xref.kind.${kind}`).toLowerCase()} ${labelInText(label)}`
    const within = (issue.blockWithin ?? []).map((a) => block(a.kind, a.label))
    return issue.blockLabel ? [place, ...within, block(issue.blockKind, issue.blockLabel)].join(', ') : place
  }
  return place
}

/** What to look over there, in the words of `t`. */
export function whatOf(issue: DraftIssue, t: Translate): string {
  const detail = issue.kind === 'duplicateHeading' ? labelInText(issue.detail) : issue.detail
  return t(`checks.kind.${issue.kind}`, { detail })
}
