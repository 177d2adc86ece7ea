import type { ComparedSide, VersionSummary } from '../../shared/api'
import type { MessageKey } from '../i18n/en'
import type { Translate } from '../i18n/i18n'

/** A version's name as people see it: its own, or what an automatic one was kept for. */
export function versionName(version: Pick<VersionSummary, 'kind' | 'name' | 'reason'>, t: Translate): string {
  if (version.kind === 'named') return version.name
  return t(`versions.auto.${version.reason ?? 'left'}` as MessageKey)
}

/** "Round 1 (12 Mar 2025, 10:04)" or "Current text". */
export function sideName(side: ComparedSide, t: Translate, time: Intl.DateTimeFormat): string {
  if (side.kind === 'current') return t('versions.current')
  return `${versionName(side.version, t)} (${time.format(new Date(side.version.createdAt))})`
}
