import { createBuilders } from '../../shared/seed/builders'
import type { DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'

/**
 * What follows the last article in the tests of conclusions: a CIS model law's adoption note, a
 * signature block; with an empty paragraph, which the printed formats leave out.
 */
export const CONCLUSIONS: Record<Language, string[]> = {
  ru: [
    'Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи государств – участников СНГ (постановление № 31-11 от 3 апреля 2008 года)',
    '',
    'Президент Российской Федерации                В. Путин',
    'Москва, Кремль',
  ],
  en: ['Adopted at the thirty-first plenary session of the Interparliamentary Assembly', '', 'President of the Republic', '1. Done at Minsk, 3 April 2008'],
}

const WORDS = {
  ru: { title: 'Модельный закон о защите данных', preamble: 'Настоящий Закон определяет основы.', chapter: 'Общие положения', subject: 'Предмет', force: 'Вступление в силу', text: 'Настоящий Закон вступает в силу со дня его опубликования.' },
  en: { title: 'Model Law on Data Protection', preamble: 'This Law sets out the basics.', chapter: 'General provisions', subject: 'Subject', force: 'Entry into force', text: 'This Law enters into force on the day of its publication.' },
}

/** A small law (a chapter, two articles, points) that ends in `conclusions`. */
export function conclusionsLaw(language: Language, conclusions: string[] = CONCLUSIONS[language]): DocJSON {
  const w = WORDS[language]
  const b = createBuilders('k')
  const law = b.law(w.title, [w.preamble], [
    b.chapter(w.chapter),
    b.article(w.subject, [b.clause(`${w.subject}:`), b.point('one;'), b.point('two.')]),
    b.article(w.force, [b.clause(w.text)]),
  ])
  law.content!.push(b.conclusions(conclusions))
  return law
}

/** The conclusions node of `paragraphs`, to end a law's content with (the builder takes no ids). */
export const conclusionsNode: (paragraphs: string[]) => DocJSON = createBuilders('unused').conclusions

/** The last article's text, the one the conclusions follow. */
export const lastArticleText = (language: Language) => WORDS[language].text
