import { useCallback, useState } from 'react'
import { errorText } from '../api/http'
import { useI18n, type Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'

/** Words of the interface's own shown as a failure (a file of a kind it cannot read, say). */
export interface Words {
  key: MessageKey
  params?: Record<string, string | number>
}

export const words = (key: MessageKey, params?: Words['params']): Words => ({ key, params })

const isWords = (failure: unknown): failure is Words =>
  typeof failure === 'object' && failure !== null && !(failure instanceof Error) && 'key' in failure

/** A failure in the interface's words: none for null; a request's error (or any other) as errorText says it. */
export function failureText(failure: unknown, t: Translate): string {
  if (failure === null || failure === undefined) return ''
  return isWords(failure) ? t(failure.key, failure.params) : errorText(failure, t)
}

/**
 * The failure a form or view shows, kept as what failed and put into words as it is shown, so
 * that they follow a change of the interface's language: a message kept as text stayed in the
 * language it was first written in. `null` clears it.
 */
export function useFailure(): [string, (failure: unknown) => void] {
  const { t } = useI18n()
  const [failure, setFailure] = useState<unknown>(null)
  const set = useCallback((next: unknown) => setFailure(() => next), [])
  return [failureText(failure, t), set]
}
