import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { en, type MessageKey } from './en'
import { ru } from './ru'
import type { Language } from '../../shared/language'

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, ru }
const STORAGE_KEY = 'accord.uiLanguage'

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

interface I18n {
  language: Language
  setLanguage: (language: Language) => void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'ru') return stored
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** The interface's words in `language` whatever the interface's is: a place of a draft named in the draft's own language ("Article 19, paragraph 2"). */
export function wordsIn(language: Language): Translate {
  const dict = dictionaries[language]
  return (key, params) => format(dict[key], params)
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage)
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next)
    document.documentElement.lang = next
    setLanguageState(next)
  }, [])
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = language
    const dict = dictionaries[language]
    return { language, setLanguage, t: (key, params) => format(dict[key], params) }
  }, [language, setLanguage])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
