import { useMemo, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import { definedTermsOf, type DraftIssue, type LawTerm } from '../../shared/checks/draftChecks'
import { useI18n, wordsIn, type Translate } from '../i18n/i18n'
import { showTerm } from './issueActions'
import { whereOf } from './issueWords'
import { requestFind } from '../editor/findRequest'

/**
 * The terms the law defines (a definitions article's, «(далее — …)»), each a button to its
 * definition, with where it stands and how many times the text uses it, in whatever form, and
 * *Find uses*: the find bar, looking for all its forms (in its article or division only, for a term introduced for it). Read only while open, again each time the
 * checks are (`checked` changes with them).
 */
export function Glossary({ editor, language, checked }: { editor: Editor | null; language: Language; checked: readonly DraftIssue[] | null }) {
  const { t } = useI18n()
  const placeWords = wordsIn(language)
  const [open, setOpen] = useState(false)
  const terms = useMemo(
    () => (open && checked && editor && !editor.isDestroyed ? definedTermsOf(editor.state.doc, language) : null),
    [open, checked, editor, language],
  )
  return (
    <details className="glossary" data-testid="glossary" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('checks.glossary.title')}</summary>
      {terms === null ? null : terms.length === 0 ? (
        <p className="muted small" data-testid="glossary-none">{t('checks.glossary.none')}</p>
      ) : (
        <ol className="checks-list">
          {terms.map((term) => (
            <li key={term.key} className="checks-item" data-testid="glossary-term">
              <button type="button" className="link-button checks-where" data-testid="glossary-go" onClick={() => editor && !editor.isDestroyed && showTerm(editor, language, term.key)}>{term.term}</button>
              <span className="checks-what muted">
                {whereOf(term, placeWords)}
                {term.scope && <span data-testid="glossary-within"> ({t('checks.glossary.within', { where: whereOnly(term.scope, t) })})</span>} · {t('checks.glossary.uses', { n: term.uses })}
              </span>
              {term.uses > 0 && (
                <button type="button" className="link-button" data-testid="glossary-find" onClick={() => requestFind({ query: term.term, wordForms: true, within: term.scope ? { id: term.scope.place.id, where: whereOnly(term.scope, t) } : undefined })}>
                  {t('checks.glossary.find')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}

/** «в главе 4», "in Chapter IV": where a term introduced for an article or division holds, in the interface's words with the law's number (else the place's label). */
function whereOnly(scope: NonNullable<LawTerm['scope']>, words: Translate): string {
  const { kind, label } = scope.place
  return kind === 'article' || kind === 'chapter' || kind === 'section' || kind === 'part' ? words(`checks.glossary.within.${kind}`, { num: scope.num }) : label
}
