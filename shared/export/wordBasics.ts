import type { Language } from '../language'

/** What every Word document Accord writes shares (the law, the review report, the tables of wordings). */

const FONT = 'Times New Roman'
const LANGUAGE_TAG: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' }

/** Times New Roman for every script, Cyrillic included: a run's `font`. */
const WORD_FONT = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }

/** Twips per centimetre. */
export const CM = 567

/** The document's default run: Times New Roman, `size` half-points, spell-checked and hyphenated as `language`. */
export const bodyRun = (language: Language, size: number) => ({ font: WORD_FONT, size, language: { value: LANGUAGE_TAG[language] } })

/** A title's or heading's run: bold and black (Word's own headings are blue), `size` half-points. */
export const headingRun = (size: number, more: { italics?: boolean } = {}) => ({ font: WORD_FONT, size, bold: true, color: '000000', ...more })
