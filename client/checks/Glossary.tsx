import { useMemo, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import { definedTermsOf, type DraftIssue } from '../../shared/checks/draftChecks'
import { useI18n, wordsIn } from '../i18n/i18n'
import { showTerm } from './issueActions'
import { whereOf } from './issueWords'
import { requestFind } from '../editor/findRequest'
import { labelInText } from '../../shared/numbering'

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
                {term.within && <span data-testid="glossary-within"> ({t(`checks.glossary.within.${term.within}`)})</span>} · {t('checks.glossary.uses', { n: term.uses })}
              </span>
              {term.uses > 0 && (
                <button type="button" className="link-button" data-testid="glossary-find" onClick={() => requestFind({ query: term.term, wordForms: true, within: term.scope ? { id: term.scope.place.id, label: labelInText(term.scope.place.label) } : undefined })}>
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
