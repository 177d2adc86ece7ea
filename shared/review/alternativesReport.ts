import type { Node as PMNode } from '@tiptap/pm/model'
import type { PreferenceView } from '../api'
import { orgLabel } from '../orgLabel'
import type { Language } from '../language'
import { alternativesOfDoc } from '../alternatives/inDocument'
import { matchPreferences } from '../alternatives/preferences'
import { optionsOfKey, optionText, optionWords } from '../alternatives/recognise'

/** One group of alternatives with stated preferences, for the review report. */
export interface ReportAlternativeGroup {
  /** "Article 12" or "Article 12, point 2" (AlternativeGroup.place). */
  where: string
  /** Each option as a person reads it (optionWords), and who supports it. */
  options: { text: string; organizations: string[] }[]
}

/** A preference whose group is no longer in the text (see shared/alternatives/preferences.ts). */
export interface ReportStalePreference {
  organization: string
  option: string
  options: string[]
}

export interface ReportAlternatives {
  groups: ReportAlternativeGroup[]
  stale: ReportStalePreference[]
}

/**
 * The stated preferences, per group in the order of the text (only groups someone stated a
 * preference in), then those for wordings no longer in the text. Null when nobody stated any.
 */
export function reportAlternatives(doc: PMNode, language: Language, preferences: readonly PreferenceView[]): ReportAlternatives | null {
  if (preferences.length === 0) return null
  const matched = matchPreferences(alternativesOfDoc(doc, language), preferences)
  const groups = matched.groups
    .filter((g) => [...g.byOption.values()].some((list) => list.length > 0))
    .map((g) => ({
      where: g.group.place,
      options: g.group.options.map((o) => ({ text: optionWords(o, language), organizations: (g.byOption.get(o.text) ?? []).map((p) => orgLabel(p.organization)) })),
    }))
  const words = (text: string) => optionText(text, language)
  const stale = matched.stale.map((p) => ({ organization: orgLabel(p.organization), option: words(p.option), options: (optionsOfKey(p.groupKey) ?? []).map(words) }))
  return { groups, stale }
}

/** "[non-punishment]: SEC, MoJ" — an option as it reads, and who supports it ("—" for nobody). */
export function optionLine(option: ReportAlternativeGroup['options'][number]): string {
  return `${option.text}: ${option.organizations.length ? option.organizations.join(', ') : '—'}`
}

/** "MoJ: “Non-liability” (Non-liability / non-punishment)". */
export function staleLine(p: ReportStalePreference): string {
  return `${p.organization}: “${p.option}” (${p.options.join(' / ')})`
}
