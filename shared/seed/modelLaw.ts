import type { DocJSON } from '../schema'
import type { Language } from '../language'
import { modelLawEn } from './modelLawEn'
import { modelLawRu } from './modelLawRu'

const BY_LANGUAGE: Record<Language, () => DocJSON> = {
  en: modelLawEn,
  ru: modelLawRu,
}

/**
 * The sample document: a skeleton "Model Law On Combating Human Trafficking", written for
 * Accord. Both language versions have the same structure (same chapters, articles and body
 * blocks in the same order) and deterministic, distinct ids ("en…" and "ru…"). Each call
 * returns a fresh tree.
 */
export function sampleLaw(language: Language): DocJSON {
  return BY_LANGUAGE[language]()
}
