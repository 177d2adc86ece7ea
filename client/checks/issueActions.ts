import type { Editor } from '@tiptap/react'
import { TextSelection } from '@tiptap/pm/state'
import type { Language } from '../../shared/language'
import { checkDraft, fixesInOneEdit, lawTermsOf, makeFix, type DraftIssue } from '../../shared/checks/draftChecks'
import { OWN_UNDO_STEP } from '../editor/undoSteps'

/**
 * Applies the fixes of the issues with these keys, as the text reads now (checked again: others
 * may have typed since the list was drawn), in one edit: one step of undo, sent to everyone as any
 * edit. Fixes overlapping one already applied wait for the next check. Returns how many applied.
 */
export function applyFixes(editor: Editor, language: Language, keys: ReadonlySet<string>): number {
  const fixes = fixesInOneEdit(checkDraft(editor.state.doc, language).filter((issue) => keys.has(issue.key)))
  if (fixes.length === 0) return 0
  const tr = editor.state.tr
  for (const fix of fixes) makeFix(tr, fix)
  editor.view.dispatch(tr.setMeta(OWN_UNDO_STEP, true))
  return fixes.length
}

/** Puts the caret where the issue is and brings it into view (the text as it reads now: found again by its key). */
export function showIssue(editor: Editor, language: Language, issue: DraftIssue): void {
  showAt(editor, (checkDraft(editor.state.doc, language).find((i) => i.key === issue.key) ?? issue).pos)
}

/** Puts the caret right after a defined term where the law defines it, as the text reads now (found again by its key: co-authors may have moved it). */
export function showTerm(editor: Editor, language: Language, key: string): void {
  const term = lawTermsOf(editor.state.doc, language).find((t) => t.key === key)
  if (term) showAt(editor, term.pos)
}

/** Puts the caret at `at` (a ProseMirror position) and brings it into view, the focus in the text. */
export function showAt(editor: Editor, at: number): void {
  const pos = Math.min(at, editor.state.doc.content.size)
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(pos))))
  // Centred, not at the window's edge, where the sticky toolbar would cover it.
  const { node } = editor.view.domAtPos(editor.state.selection.from)
  ;(node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' })
  editor.view.focus()
}
