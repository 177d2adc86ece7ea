import type { Language } from './language'

/**
 * Dates in a language's own style. The interface (client/i18n/dates.ts) and the documents the
 * server writes (review report, comparative table) take their locale from here; a document
 * states its time zone, UTC, since its reader's is unknown to the server.
 */
export const DATE_LOCALE: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' }

const formats = new Map<string, Intl.DateTimeFormat>()

/** One Intl.DateTimeFormat per language and style, made once (a new one costs about a millisecond). */
export function cachedDateFormat(language: Language, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${style}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(DATE_LOCALE[language], options)))
  return format
}

/** "30 ноября 2026 г." / "30 November 2026" — a day in a document (the day in UTC). Anything not a date is returned as given. */
export function documentDate(iso: string, language: Language): string {
  const at = new Date(iso)
  if (!iso || Number.isNaN(at.getTime())) return iso
  return cachedDateFormat(language, 'document-date', { dateStyle: 'long', timeZone: 'UTC' }).format(at)
}

/**
 * "30 ноября 2026 г., 23:14 (UTC)" / "30 November 2026, 23:14 (UTC)" — a moment in a document.
 * Date and time are formatted apart and joined with a comma: ICU's own joiner ("в", "at")
 * differs between versions of Node and browsers. Anything not a date is returned as given.
 */
export function documentDateTime(iso: string, language: Language): string {
  const at = new Date(iso)
  if (!iso || Number.isNaN(at.getTime())) return iso
  const day = documentDate(iso, language)
  const time = cachedDateFormat(language, 'document-time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at)
  return `${day}, ${time} (UTC)`
}
