import type { Language } from '../../shared/language'
import { cachedDateFormat } from '../../shared/dates'

/**
 * Dates as the interface shows them, in the browser's time zone: "12 Mar 2025, 10:04" (dateTime)
 * or "14 March 2025" (date, as an agreement date is written). One formatter per language and
 * style, made once (shared/dates): lists call this per row and render.
 */
export type DateStyle = 'dateTime' | 'date'

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'long' },
}

export function dateFormat(language: Language, style: DateStyle = 'dateTime'): Intl.DateTimeFormat {
  return cachedDateFormat(language, style, OPTIONS[style])
}
