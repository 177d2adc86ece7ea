import type { Language } from '../language'

/** What every Word document Accord writes shares (the law, the review report, the tables of wordings). */

const FONT = 'Times New Roman'
const LANGUAGE_TAG: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' }

/** Times New Roman for every script, Cyrillic included: a run's `font`. */
export const WORD_FONT = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }

/** Twips per centimetre. */
export const CM = 567

/** The proofing language of `language`'s text: a run's `language`. */
export const proofing = (language: Language) => ({ value: LANGUAGE_TAG[language] })
