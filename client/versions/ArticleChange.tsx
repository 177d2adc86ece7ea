import type { Ref } from 'react'
import type { OrganizationSummary, ProposalReason } from '../../shared/api'
import type { ArticleDiff, BlockDiff, DivisionDiff, ProvisionRef, RegroupedRun, TextDiff } from '../../shared/diff'
import { useI18n } from '../i18n/i18n'
import { DiffText } from './DiffText'
import { OrgChips } from './OrgChips'
import { blockLabels, labels } from './diffLabels'

const refName = (r: ProvisionRef) => [r.label, r.heading].filter(Boolean).join(' ')


/** Who edited a place between the two sides, and the reasons given with the wordings accepted for it. */
export interface PlaceEdits {
  organizations: readonly OrganizationSummary[]
  reasons: readonly ProposalReason[]
}

interface ChangeProps {
  ref: Ref<HTMLElement>
  /** The change the navigation stands on. */
  current: boolean
}

/** One article: "Article 7. → Article 8. Heading (changed, moved)", its blocks word by word, hints, who edited. */
export function ArticleChange({ ref, current, article, edits }: ChangeProps & { article: ArticleDiff; edits: PlaceEdits }) {
  const { t } = useI18n()
  const status: string[] = []
  if (article.status !== 'unchanged') status.push(t(`compare.status.${article.status}`))
  if (article.moved) status.push(t('compare.status.moved'))
  return (
    <article
      ref={ref}
      tabIndex={-1}
      className={`diff-article status-${article.status}${article.moved ? ' moved' : ''}${current ? ' current' : ''}`}
      data-testid="diff-article"
      data-id={article.id ?? ''}
      data-status={article.status}
    >
      <h3 className="diff-article-header">
        <span className="diff-labels" data-testid="diff-labels">{labels(article.labelBefore, article.labelAfter)}</span>{' '}
        <DiffText segments={article.heading.segments} />
        {status.length > 0 && <span className="diff-status"> ({status.join(', ')})</span>}
      </h3>
      {article.blocks.map((block, i) => (
        <Block key={block.id ?? `#${i}`} block={block} />
      ))}
      <Hints article={article} />
      <EditedBy edits={edits} />
    </article>
  )
}

/**
 * "Edited by: MoJ MoI" under a change: the organizations whose editing sessions touched it in
 * between; then why, where a wording accepted for it was proposed with a reason.
 */
function EditedBy({ edits }: { edits: PlaceEdits }) {
  const { t } = useI18n()
  return (
    <>
      {edits.organizations.length > 0 && (
        <p className="diff-orgs small" data-testid="diff-orgs">
          <span className="muted">{t('compare.editedBy')}:</span> <OrgChips organizations={edits.organizations} />
        </p>
      )}
      {edits.reasons.map((r, i) => (
        <p key={i} className="diff-reason small" data-testid="diff-reason">
          <span className="muted">{t('compare.reason')}:</span> <OrgChips organizations={[r.organization]} /> {r.text}
        </p>
      ))}
    </>
  )
}

function Block({ block }: { block: BlockDiff }) {
  const { t } = useI18n()
  const type = block.typeAfter ?? block.typeBefore ?? 'clause'
  const label = blockLabels(block, t('compare.unnumbered'))
  return (
    <p className={`diff-block diff-${type} status-${block.status}`}>
      {label && <span className="diff-label">{label} </span>}
      <DiffText segments={block.segments} />
      {block.moved && <span className="diff-status"> ({t('compare.blockMoved')})</span>}
    </p>
  )
}

type Translate = ReturnType<typeof useI18n>['t']

/**
 * Where an article is now, if not where it was: "Now in § 2. Courts". Out of a section into
 * none reads as the chapter's hint when the chapter changed too; alone, as "No longer in § 2".
 */
function placeHints(article: ArticleDiff, t: Translate): string[] {
  const hints: string[] = []
  if (article.partChanged && article.partAfter) hints.push(t('compare.partChanged', { ref: refName(article.partAfter) }))
  if (article.chapterChanged && article.chapterAfter) hints.push(t('compare.chapterChanged', { ref: refName(article.chapterAfter) }))
  if (article.sectionChanged && article.sectionAfter) hints.push(t('compare.sectionChanged', { ref: refName(article.sectionAfter) }))
  if (hints.length > 0) return hints
  if (article.sectionChanged && article.sectionBefore) hints.push(t('compare.leftSection', { ref: refName(article.sectionBefore) }))
  if (article.chapterChanged && article.chapterBefore) hints.push(t('compare.leftChapter', { ref: refName(article.chapterBefore) }))
  if (article.partChanged && article.partBefore) hints.push(t('compare.leftPart', { ref: refName(article.partBefore) }))
  return hints
}

/** Where an article's text came from or went: split, merged, another part, chapter or section. */
function Hints({ article }: { article: ArticleDiff }) {
  const { t } = useI18n()
  const hints: string[] = []
  if (article.splitFrom) hints.push(t('compare.splitFrom', { ref: refName(article.splitFrom) }))
  if (article.splitInto.length) hints.push(t('compare.splitInto', { refs: article.splitInto.map(refName).join(', ') }))
  if (article.mergedInto) hints.push(t('compare.mergedInto', { ref: refName(article.mergedInto) }))
  if (article.mergedFrom.length) hints.push(t('compare.mergedFrom', { refs: article.mergedFrom.map(refName).join(', ') }))
  hints.push(...placeHints(article, t))
  if (hints.length === 0) return null
  return (
    <ul className="diff-hints small" data-testid="diff-hints">
      {hints.map((h) => <li key={h}>{h}</li>)}
    </ul>
  )
}

/**
 * Articles with the same text that are in another part, chapter or section only because a
 * heading was added, deleted or moved around them: one card for the run, "Now in § 1. Scope",
 * listing them with their numbers.
 */
export function RegroupedChange({ ref, current, run }: ChangeProps & { run: RegroupedRun }) {
  const { t } = useI18n()
  return (
    <section ref={ref} tabIndex={-1} className={`diff-regrouped${current ? ' current' : ''}`} data-testid="diff-regrouped">
      <h3>{placeHints(run.articles[0], t).join('; ')}</h3>
      <p className="muted small">{t('compare.regroupedNote', { n: run.articles.length })}</p>
      <ul className="diff-regrouped-list small">
        {run.articles.map((a, i) => (
          <li key={a.id ?? `#${i}`} data-id={a.id ?? ''}>
            <span className="diff-labels">{labels(a.labelBefore, a.labelAfter)}</span> {a.headingAfter ?? a.headingBefore}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A part, chapter or section heading: "§ 1. → § 2. Heading (renamed)". */
export function DivisionChange({ ref, current, division, edits }: ChangeProps & { division: DivisionDiff; edits: PlaceEdits }) {
  const { t } = useI18n()
  const status: string[] = []
  if (division.kind === 'chapter') {
    if (division.status !== 'unchanged') status.push(t(`compare.chapterStatus.${division.status}`))
    if (division.moved) status.push(t('compare.status.moved'))
  } else {
    // «параграф» and «раздел» are masculine: the section words serve parts too.
    if (division.status !== 'unchanged') status.push(t(`compare.sectionStatus.${division.status}`))
    if (division.moved) status.push(t('compare.sectionStatus.moved'))
  }
  const section = division.kind === 'chapter' ? '' : ` diff-${division.kind}`
  return (
    <section ref={ref} tabIndex={-1} className={`diff-chapter${section} status-${division.status}${division.moved ? ' moved' : ''}${current ? ' current' : ''}`} data-testid={`diff-${division.kind}`} data-id={division.id ?? ''} data-status={division.status}>
      <h3>
        <span className="diff-labels">{labels(division.labelBefore, division.labelAfter)}</span> <DiffText segments={division.heading.segments} />
        {status.length > 0 && <span className="diff-status"> ({status.join(', ')})</span>}
      </h3>
      <EditedBy edits={edits} />
    </section>
  )
}

/** The title, the preamble or the conclusions. */
export function TextChange({ ref, current, label, parts, edits }: ChangeProps & { label: string; parts: TextDiff[]; edits: PlaceEdits }) {
  return (
    <section ref={ref} tabIndex={-1} className={`diff-text${current ? ' current' : ''}`} data-testid="diff-text">
      <h3>{label}</h3>
      {parts.map((part, i) => (
        <p key={i} className={`diff-block status-${part.status}`}>
          <DiffText segments={part.segments} />
        </p>
      ))}
      <EditedBy edits={edits} />
    </section>
  )
}
