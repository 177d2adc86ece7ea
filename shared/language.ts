/** The language a draft is written in; it decides numbering labels ("Article" / "Статья"). */
export const LANGUAGES = ['en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ru'
}
