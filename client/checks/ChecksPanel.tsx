import { useRef, useState, type KeyboardEvent } from 'react'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import type { CheckKind, DraftIssue } from '../../shared/checks/draftChecks'
import { useI18n, wordsIn } from '../i18n/i18n'
import { useProgressive } from '../ui/useProgressive'
import { applyFixes, showIssue } from './issueActions'
import { useDraftChecks } from './useDraftChecks'
import { whatOf, whereOf } from './issueWords'
import { Glossary } from './Glossary'

/** The kinds of issue as the panel's filter groups them. */
const GROUPS = {
  punctuation: ['introColon', 'itemSemicolon', 'lastItemStop', 'paragraphStop', 'headingStop', 'singleItem'],
  empty: ['emptyTitle', 'emptyHeading', 'emptyBlock', 'emptyArticle', 'emptyDivision'],
  references: ['brokenReference', 'selfReference', 'typedReference', 'duplicateHeading'],
  terms: ['unusedTerm', 'duplicateTerm', 'termBeforeIntroduced'],
  typography: ['unpaired', 'doubleSpace', 'spaceBeforePunctuation'],
} as const satisfies Record<string, readonly CheckKind[]>
type GroupName = keyof typeof GROUPS
type Group = GroupName | 'all'
const GROUP_NAMES = Object.keys(GROUPS) as GroupName[]
const inGroup = (group: GroupName, kind: CheckKind) => (GROUPS[group] as readonly CheckKind[]).includes(kind)

/** A long list (a draft pasted from Word) appears in pieces, as the comments panel's does. */
const FIRST_ROWS = 60
const ROWS_PER_FRAME = 120

/**
 * "Check the text": what to look over before a version goes out (shared/checks/draftChecks.ts),
 * in the order of the text, each a button to its place; those who may edit fix one, or all that
 * can be fixed, as an ordinary edit. Checked again as the text changes, while the panel is open.
 */
export function ChecksPanel({ editor, language, onComment, onClose }: {
  editor: Editor | null
  language: Language
  /** Starts a comment on the issue's place with these words (for those who may comment); absent, no "Comment". */
  onComment?: (placeId: string, body: string) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  // Places are named in the draft's language, as its numbers are ("Article 19, paragraph 2").
  const placeWords = wordsIn(language)
  const { issues, recheck } = useDraftChecks(editor, language)
  const heading = useRef<HTMLHeadingElement>(null)
  const [chosen, setGroup] = useState<Group>('all')
  // A kind all fixed leaves the filter's list: then everything is shown.
  const group = chosen !== 'all' && !issues?.some((i) => inGroup(chosen, i.kind)) ? 'all' : chosen
  const shown = issues?.filter((i) => group === 'all' || inGroup(group, i.kind)) ?? []
  const progressive = useProgressive(shown.length, FIRST_ROWS, ROWS_PER_FRAME)
  const canFix = editor !== null && !editor.isDestroyed && editor.isEditable
  const fixable = shown.filter((i) => i.fix)
  const fix = (keys: string[]) => {
    if (!editor || editor.isDestroyed) return
    applyFixes(editor, language, new Set(keys))
    recheck()
    // Its button goes with the issue: the focus stays in the panel (where Ctrl+Z undoes the fix), on its heading.
    heading.current?.focus()
  }
  return (
    <section className="panel checks-panel" aria-labelledby="checks-title" data-panel="checks" data-testid="checks-panel" onKeyDown={(e) => undoFromPanel(e, editor)}>
      <div className="panel-header">
        <h2 id="checks-title" tabIndex={-1} ref={heading}>{t('checks.title')}</h2>
        <button type="button" className="link-button" onClick={onClose}>{t('common.close')}</button>
      </div>
      {issues === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : issues.length === 0 ? (
        <p className="muted" data-testid="checks-none">{t('checks.none')}</p>
      ) : (
        <>
          <div className="checks-bar">
            <label className="small">
              {t('checks.show')}
              <select value={group} onChange={(e) => setGroup(e.target.value as Group)} data-panel-focus>
                <option value="all">{t('checks.group.all', { n: issues.length })}</option>
                {GROUP_NAMES.map((name) => {
                  const n = issues.filter((i) => inGroup(name, i.kind)).length
                  return n > 0 && <option key={name} value={name}>{t(`checks.group.${name}`, { n })}</option>
                })}
              </select>
            </label>
            {canFix && fixable.length > 1 && (
              <button type="button" data-testid="checks-fix-all" onClick={() => fix(fixable.map((i) => i.key))}>
                {t('checks.fixAll', { n: fixable.length })}
              </button>
            )}
          </div>
          <p className="muted small" role="status" data-testid="checks-count">{t('checks.found', { n: shown.length })}</p>
          <ol className="checks-list">
            {shown.slice(0, progressive.shown).map((issue) => (
              <li key={issue.key} className="checks-item" data-testid="check" data-kind={issue.kind}>
                <button type="button" className="link-button checks-where" title={issue.place.heading || undefined} onClick={() => editor && !editor.isDestroyed && showIssue(editor, language, issue)}>
                  {whereOf(issue, placeWords)}
                </button>
                <span className="checks-what">{whatOf(issue, t)}</span>
                {canFix && issue.fix ? (
                  <button type="button" className="link-button" data-testid="check-fix" onClick={() => fix([issue.key])}>
                    {t(issue.fix.xref ? 'checks.makeXref' : 'checks.fix')}
                  </button>
                ) : (
                  // What one cannot fix (a reviewer, or an issue no edit settles) goes to the drafters as a remark.
                  onComment && (
                    <button type="button" className="link-button" data-testid="check-comment" onClick={() => onComment(issue.place.id, `${whereOf(issue, placeWords)}: ${whatOf(issue, t)}.`)}>
                      {t('checks.comment')}
                    </button>
                  )
                )}
              </li>
            ))}
          </ol>
          {progressive.shown < shown.length && (
            <button type="button" className="link-button" onClick={progressive.showAll}>{t('checks.showAll', { n: shown.length })}</button>
          )}
        </>
      )}
      <Glossary editor={editor} language={language} checked={issues} />
    </section>
  )
}

/** Ctrl+Z (Ctrl+Shift+Z, Ctrl+Y) right after a fix, the focus still on its button, undoes (redoes) it, as in the text. */
function undoFromPanel(event: KeyboardEvent, editor: Editor | null): void {
  if (!editor || editor.isDestroyed || !editor.isEditable || !(event.ctrlKey || event.metaKey) || event.altKey) return
  const key = event.code === 'KeyZ' ? (event.shiftKey ? 'redo' : 'undo') : event.code === 'KeyY' && !event.shiftKey ? 'redo' : null
  if (!key) return
  event.preventDefault()
  if (key === 'undo') editor.commands.undo()
  else editor.commands.redo()
}
