import { useMemo } from 'react'
import type { Editor } from '@tiptap/react'
import type { OrganizationSummary, PreferenceView } from '../../shared/api'
import type { Language } from '../../shared/language'
import { matchPreferences, type GroupWithPreferences } from '../../shared/alternatives/preferences'
import { optionsOfKey, optionText, optionWords, WITHOUT } from '../../shared/alternatives/recognise'
import { api } from '../api/http'
import type { CollabSession } from '../collab/session'
import { useI18n } from '../i18n/i18n'
import { dateFormat } from '../i18n/dates'
import { FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useAlternativeGroups } from './useAlternativeGroups'
import { showGroup } from './showGroup'
import type { AlternativeGroup } from '../../shared/alternatives/inDocument'
import { usePreferences } from './usePreferences'
import '../styles/alternatives.css'

interface Props {
  docId: string
  editor: Editor | null
  session: CollabSession | null
  /** The draft's language: articles are labelled as the text numbers them. */
  language: Language
  onClose: () => void
}

/**
 * The groups of bracketed alternative wordings in the draft, each with its options, which
 * organizations support which, and buttons for the viewer's organization to state, change or
 * withdraw its preference. Text from the draft and the server is rendered as text only.
 */
export function AlternativesPanel({ docId, editor, session, language, onClose }: Props) {
  const { t, language: ui } = useI18n()
  const groups = useAlternativeGroups(editor, language)
  const { overview, setOverview, loadError } = usePreferences(docId, session)
  const action = useAction()
  const matched = useMemo(() => (groups ? matchPreferences(groups, overview?.preferences ?? []) : null), [groups, overview])
  const mine = overview?.canState ? overview.organization : null
  const staleWords = (text: string) => optionText(text, ui)

  // Buttons stay enabled while a request runs (a disabled button would drop the keyboard's focus);
  // a second press meanwhile is ignored.
  const state = (blockId: string, groupKey: string, option: string) => {
    if (!action.busy) void action.run(async () => setOverview(await api.statePreference(docId, { blockId, groupKey, option })))
  }
  const withdraw = (blockId: string, groupKey: string) => {
    if (!action.busy) void action.run(async () => setOverview(await api.withdrawPreference(docId, { blockId, groupKey })))
  }

  return (
    <section className="panel alternatives-panel" aria-labelledby="alternatives-title" data-panel="alternatives" data-testid="alternatives-panel">
      <div className="panel-header">
        <h2 id="alternatives-title" tabIndex={-1}>{t('alternatives.title')}</h2>
        <button type="button" className="link-button" onClick={onClose}>{t('common.close')}</button>
      </div>
      <p className="muted small">{t('alternatives.intro')}</p>
      {overview && !overview.canState && <p className="muted small" data-testid="alternatives-read-only">{t('alternatives.readOnly')}</p>}
      <FormError message={loadError || action.error} />
      {action.busy && <p className="muted small" role="status">{t('alternatives.saving')}</p>}
      {!matched && <p className="muted">{t('common.loading')}</p>}
      {matched?.groups.length === 0 && <p className="muted" data-testid="alternatives-empty">{t('alternatives.empty')}</p>}
      {matched && matched.groups.length > 0 && (
        <ol className="alternatives-list">
          {matched.groups.map((g, i) => (
            <GroupCard key={`${g.group.blockId}\n${g.group.key}\n${i}`} entry={g} mine={mine} onState={state} onWithdraw={withdraw} onShow={(group) => showGroup(editor, group, language)} />
          ))}
        </ol>
      )}
      {matched && matched.stale.length > 0 && (
        <section className="alternatives-stale" aria-labelledby="alternatives-stale-title" data-testid="alternatives-stale">
          <h3 id="alternatives-stale-title">{t('alternatives.stale')}</h3>
          <ul>
            {matched.stale.map((p) => (
              <li key={`${p.blockId}\n${p.groupKey}\n${p.organization.id}`}>
                {t('alternatives.staleItem', { org: p.organization.shortName, option: staleWords(p.option), options: (optionsOfKey(p.groupKey) ?? []).map(staleWords).join(' / ') })}
                {mine?.id === p.organization.id && (
                  <button type="button" className="link-button" onClick={() => withdraw(p.blockId, p.groupKey)}>
                    {t('alternatives.withdraw', { org: mine.shortName })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}

interface CardProps {
  entry: GroupWithPreferences
  mine: OrganizationSummary | null
  onState: (blockId: string, groupKey: string, option: string) => void
  onWithdraw: (blockId: string, groupKey: string) => void
  onShow: (group: AlternativeGroup) => void
}

function GroupCard({ entry, mine, onState, onWithdraw, onShow }: CardProps) {
  const { t, language } = useI18n()
  const time = dateFormat(language)
  const { group, byOption } = entry
  const where = group.place
  const anyStated = [...byOption.values()].some((list) => list.length > 0)
  const ours = mine ? [...byOption.entries()].find(([, list]) => list.some((p) => p.organization.id === mine.id))?.[0] : undefined
  const words = (option: { text: string; bracketed: boolean }) => optionWords(option, language)
  const statedBy = (p: PreferenceView) => t('alternatives.statedBy', { org: p.organization.name || p.organization.shortName, name: p.statedBy.displayName, time: time.format(new Date(p.statedAt)) })

  return (
    <li className="alternatives-group" aria-label={t('alternatives.group', { where })} data-testid="alternatives-group">
      <div className="alternatives-where">
        <strong>{where}</strong>
        <button type="button" className="link-button small" onClick={() => onShow(group)}>{t('alternatives.show')}</button>
      </div>
      <ul className="alternatives-options">
        {group.options.map((option) => {
          const supporters = byOption.get(option.text) ?? []
          const isOurs = ours === option.text
          return (
            <li key={option.text} className={isOurs ? 'ours' : undefined} data-testid="alternatives-option">
              <span className="alternatives-text">{words(option)}</span>
              {!option.bracketed && option.text !== WITHOUT && <span className="muted small"> ({t('alternatives.current')})</span>}
              <span className="alternatives-supporters" data-testid="alternatives-supporters">
                {supporters.map((p) => (
                  <span key={p.organization.id} className="org-chip" style={{ borderColor: p.organization.color }} title={statedBy(p)}>
                    {p.organization.shortName}
                  </span>
                ))}
              </span>
              {mine && (
                <button
                  type="button"
                  className="small"
                  aria-pressed={isOurs}
                  aria-label={t('alternatives.supportLabel', { option: optionText(option.text, language), org: mine.shortName })}
                  // Pressed again, the organization's preference is withdrawn (a toggle, as aria-pressed says).
                  onClick={() => (isOurs ? onWithdraw(group.blockId, group.key) : onState(group.blockId, group.key, option.text))}
                >
                  {isOurs ? t('alternatives.ours', { org: mine.shortName }) : t('alternatives.support')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {!anyStated && <p className="muted small">{t('alternatives.nobody')}</p>}
      {mine && ours !== undefined && (
        <button type="button" className="link-button small" onClick={() => onWithdraw(group.blockId, group.key)}>
          {t('alternatives.withdraw', { org: mine.shortName })}
        </button>
      )}
    </li>
  )
}
