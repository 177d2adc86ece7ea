import type { Language } from '../../shared/language'

/**
 * Dates as the interface shows them: "12 Mar 2025, 10:04" (dateTime) or "14 March 2025"
 * (date, as an agreement date is written). One formatter per language and style, made once:
 * a new Intl.DateTimeFormat costs about a millisecond, and lists call this per row and render.
 */
export type DateStyle = 'dateTime' | 'date'

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'long' },
}

const formats = new Map<string, Intl.DateTimeFormat>()

export function dateFormat(language: Language, style: DateStyle = 'dateTime'): Intl.DateTimeFormat {
  const key = `${language}:${style}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', OPTIONS[style])))
  return format
}
