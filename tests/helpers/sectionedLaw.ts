import { createBuilders } from '../../shared/seed/builders'
import type { DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'

const WORDS = {
  en: {
    title: 'Law on Sections',
    before: 'Before any division',
    loose: 'Loose section',
    inLoose: 'In the loose section',
    general: 'General provisions',
    own: 'Purpose',
    see: 'See section ',
    andArticle: ' and article ',
    scope: 'Scope',
    application: 'Application',
    terms: 'Definitions',
    term: 'Terms',
    final: 'Final provisions',
    force: 'Entry into force',
    entry: 'Effect',
  },
  ru: {
    title: 'Закон о параграфах',
    before: 'До всякого деления',
    loose: 'Параграф без главы',
    inLoose: 'Статья в параграфе без главы',
    general: 'Общие положения',
    own: 'Цель',
    see: 'См. параграф ',
    andArticle: ' и статью ',
    scope: 'Сфера действия',
    application: 'Применение',
    terms: 'Определения',
    term: 'Термины',
    final: 'Заключительные положения',
    force: 'Вступление в силу',
    entry: 'Действие',
  },
}

/**
 * A law with every place a section can be: an article before any division, a section before any
 * chapter, a chapter's own article before its sections, two sections in a chapter, and a second
 * chapter whose section counts from 1 again. A paragraph refers to a section and to an article in
 * one, unless `refs` is false (text formats bring a reference back as its number, not as a reference).
 */
export function sectionedLaw(language: Language, refs = true): DocJSON {
  const w = WORDS[language]
  const b = createBuilders(`s${language}`)
  const scope = b.section(w.scope)
  const application = b.article(w.application, [b.clause('First.'), b.clause('Second:'), b.point('a point;'), b.subpoint('a sub-point.')])
  const ref = (target: unknown): DocJSON => ({ type: 'xref', attrs: { target } })
  const see: DocJSON = refs
    ? {
        type: 'clause',
        attrs: { id: `s${language}ref` },
        content: [{ type: 'text', text: w.see }, ref(scope.attrs!.id), { type: 'text', text: w.andArticle }, ref(application.attrs!.id), { type: 'text', text: '.' }],
      }
    : b.clause(`${w.see}1${w.andArticle}4.`)
  return b.law(w.title, ['Preamble.'], [
    b.article(w.before, [b.clause('Text before.')]),
    b.section(w.loose),
    b.article(w.inLoose, [b.clause('Loose text.')]),
    b.chapter(w.general),
    b.article(w.own, [see]),
    scope,
    application,
    b.section(w.terms),
    b.article(w.term, [b.clause('Terms text.')]),
    b.chapter(w.final),
    b.section(w.force),
    b.article(w.entry, [b.clause('In force.')]),
  ])
}
