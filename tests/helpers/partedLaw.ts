import { createBuilders } from '../../shared/seed/builders'
import type { DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'

const WORDS = {
  en: {
    title: 'Law on Parts',
    before: 'Before any part',
    general: 'General part',
    own: 'Purpose',
    loose: 'Loose section',
    inLoose: 'In the loose section',
    basics: 'Basic provisions',
    scope: 'Scope',
    see: 'See part ',
    andArticle: ' and article ',
    terms: 'Definitions',
    term: 'Terms',
    special: 'Special part',
    final: 'Final provisions',
    force: 'Entry into force',
    entry: 'Effect',
  },
  ru: {
    title: 'Закон о разделах',
    before: 'До всякого раздела',
    general: 'Общая часть',
    own: 'Цель',
    loose: 'Параграф без главы',
    inLoose: 'Статья в параграфе без главы',
    basics: 'Основные положения',
    scope: 'Сфера действия',
    see: 'См. раздел ',
    andArticle: ' и статью ',
    terms: 'Определения',
    term: 'Термины',
    special: 'Особенная часть',
    final: 'Заключительные положения',
    force: 'Вступление в силу',
    entry: 'Действие',
  },
}

/**
 * A law with every place a part's contents can stand: an article before any part; part I with its
 * own article, a section without a chapter, then a chapter with its own article and a section
 * (which counts from 1 again); part II whose chapter goes on counting (2) and whose section starts
 * at 1. A paragraph refers to part II and to the article in it, unless `refs` is false (text
 * formats bring a reference back as its number, not as a reference).
 */
export function partedLaw(language: Language, refs = true): DocJSON {
  const w = WORDS[language]
  const b = createBuilders(`p${language}`)
  const special = b.part(w.special)
  const entry = b.article(w.entry, [b.clause('In force.')])
  const ref = (target: unknown): DocJSON => ({ type: 'xref', attrs: { target } })
  const see: DocJSON = refs
    ? {
        type: 'clause',
        attrs: { id: `p${language}ref` },
        content: [{ type: 'text', text: w.see }, ref(special.attrs!.id), { type: 'text', text: w.andArticle }, ref(entry.attrs!.id), { type: 'text', text: '.' }],
      }
    : b.clause(`${w.see}II${w.andArticle}6.`)
  return b.law(w.title, ['Preamble.'], [
    b.article(w.before, [b.clause('Text before.')]),
    b.part(w.general),
    b.article(w.own, [b.clause('Own text.')]),
    b.section(w.loose),
    b.article(w.inLoose, [b.clause('Loose text.')]),
    b.chapter(w.basics),
    b.article(w.scope, [see]),
    b.section(w.terms),
    b.article(w.term, [b.clause('First.'), b.clause('Second:'), b.point('a point;'), b.subpoint('a sub-point.')]),
    special,
    b.chapter(w.final),
    b.section(w.force),
    entry,
  ])
}
