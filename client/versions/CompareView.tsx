import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DocumentComparison } from '../../shared/api'
import { CONCLUSIONS_PLACE, PREAMBLE_PLACE, TITLE_PLACE } from '../../shared/places'
import { comparativeTable, definitionChangesLine, groupRegrouped, isChange, withoutRow, type ArticleDiff, type DivisionDiff, type DocumentDiff, type RegroupedRun } from '../../shared/diff'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { ArticleChange, DivisionChange, RegroupedChange, TextChange, type PlaceEdits } from './ArticleChange'
import { ComparativeTableView } from './ComparativeTableView'
import { Overlay } from './Overlay'
import { dateFormat } from '../i18n/dates'
import { sideName } from './labels'
import { rovingTarget } from '../ui/rovingKeys'
import { useFailure } from '../ui/useFailure'

const TABS = ['changes', 'table'] as const

/** One entry of the comparison in reading order: the title, the preamble, a part, chapter or section heading, an article, or the conclusions. */
type Item =
  | { key: string; kind: 'title'; changed: true }
  | { key: string; kind: 'preamble'; changed: true }
  | { key: string; kind: 'conclusions'; changed: true }
  | { key: string; kind: 'division'; division: DivisionDiff; changed: boolean }
  | { key: string; kind: 'article'; article: ArticleDiff; changed: boolean }
  | { key: string; kind: 'regrouped'; run: RegroupedRun; changed: true }

function itemsOf(diff: DocumentDiff): Item[] {
  const items: Item[] = []
  if (diff.summary.titleChanged) items.push({ key: 'title', kind: 'title', changed: true })
  if (diff.summary.preambleChanged) items.push({ key: 'preamble', kind: 'preamble', changed: true })
  groupRegrouped(diff.structure).forEach((item, i) => {
    if (item.kind === 'regrouped') {
      items.push({ key: `regrouped-${item.articles[0].id ?? ''}-${i}`, kind: 'regrouped', run: item, changed: true })
      return
    }
    const changed = isChange(item)
    const key = `${item.kind}-${item.id ?? `#${i}`}-${i}`
    items.push(item.kind === 'article' ? { key, kind: 'article', article: item, changed } : { key, kind: 'division', division: item, changed })
  })
  if (diff.summary.conclusionsChanged) items.push({ key: 'conclusions', kind: 'conclusions', changed: true })
  return items
}

/** N and P stay letters where letters are typed (text fields, selects), and navigate everywhere else. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['SELECT', 'TEXTAREA'].includes(target.tagName) ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)))

/**
 * Two versions (or a version and the current text) side by side in time: a summary, each changed
 * article with its word-level changes and the organizations that edited it, next/previous change
 * navigation (buttons, N and P), and the comparative table with its downloads.
 */
export function CompareView({ docId, from, to, onClose }: { docId: string; from: string; to: string; onClose: () => void }) {
  const { t, language: ui } = useI18n()
  const [comparison, setComparison] = useState<DocumentComparison | null>(null)
  const [error, setError] = useFailure()
  const [tab, setTab] = useState<(typeof TABS)[number]>('changes')
  const [onlyChanged, setOnlyChanged] = useState(true)
  const [justification, setJustification] = useState(false)
  const [position, setPosition] = useState(-1)
  const refs = useRef(new Map<string, HTMLElement>())
  const time = dateFormat(ui)

  useEffect(() => {
    let cancelled = false
    setComparison(null)
    setError(null)
    api.compare(docId, from, to).then(
      (c) => !cancelled && setComparison(c),
      (err: unknown) => !cancelled && setError(err),
    )
    return () => {
      cancelled = true
    }
  }, [docId, from, to, setError])

  const items = useMemo(() => (comparison ? itemsOf(comparison.diff) : []), [comparison])
  const changes = useMemo(() => items.filter((i) => i.changed), [items])
  const shown = onlyChanged ? changes : items
  // The table tab counts its rows; what has none (same text, only moved or renumbered) is named under it.
  const rows = useMemo(() => (comparison ? comparativeTable(comparison.diff, comparison.organizations, comparison.reasons) : []), [comparison])
  const rowless = useMemo(() => (comparison ? withoutRow(comparison.diff) : 0), [comparison])
  /** Who edited a place in between (`Edited by`), as the server read the editing sessions, and why where it was told. */
  const editsOf = (id: string | null): PlaceEdits => ({ organizations: (id && comparison?.organizations[id]) || [], reasons: (id && comparison?.reasons[id]) || [] })

  const go = useCallback(
    (delta: 1 | -1) => {
      if (changes.length === 0) return
      setTab('changes')
      const next = position < 0 ? (delta > 0 ? 0 : changes.length - 1) : Math.min(Math.max(position + delta, 0), changes.length - 1)
      setPosition(next)
      // After the tab has rendered: bring the change into view and give it focus for screen readers.
      requestAnimationFrame(() => {
        const element = refs.current.get(changes[next].key)
        element?.scrollIntoView({ block: 'start' })
        element?.focus({ preventScroll: true })
      })
    },
    [changes, position],
  )

  const register = (key: string) => (element: HTMLElement | null) => {
    if (element) refs.current.set(key, element)
    else refs.current.delete(key)
  }

  const title = comparison ? `${sideName(comparison.from, t, time)} → ${sideName(comparison.to, t, time)}` : t('compare.title')
  const summary = comparison?.diff.summary
  const definitions = summary && definitionChangesLine(summary.definitions, ui)

  return (
    <Overlay
      labelledBy="compare-title"
      onClose={onClose}
      testId="compare-view"
      onKeyDown={(event) => {
        if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
        // The letter, or its key on a Cyrillic layout (where N types «т» and P «з»).
        const key = event.key.toLowerCase()
        if (key === 'n' || event.code === 'KeyN') go(1)
        else if (key === 'p' || event.code === 'KeyP') go(-1)
        else return
        event.preventDefault()
      }}
    >
      <header className="overlay-header">
        <div className="overlay-heading">
          <h2 id="compare-title">{t('compare.title')}</h2>
          <p className="muted small" data-testid="compare-sides">{comparison ? title : ''}</p>
        </div>
        {comparison && (
          <div className="overlay-actions" role="group" aria-label={t('compare.download')}>
            <a className="button-link" href={api.comparativeTableUrl(docId, from, to, 'docx', { justification })} download data-testid="download-docx">{t('compare.downloadDocx')}</a>
            <a className="button-link" href={api.comparativeTableUrl(docId, from, to, 'html', { justification })} download data-testid="download-html">{t('compare.downloadHtml')}</a>
          </div>
        )}
        <button type="button" className="overlay-close" onClick={onClose}>{t('common.close')}</button>
      </header>
      <div className="overlay-body">
        <FormError message={error} />
        {!comparison && !error && <p className="muted" role="status">{t('compare.loading')}</p>}
        {comparison && summary && (
          <>
            <section className="compare-summary" aria-label={t('compare.summary')} data-testid="compare-summary">
              <p>
                <strong>{t('compare.articles')}:</strong>{' '}
                {(['added', 'deleted', 'changed', 'moved', 'renumbered', 'unchanged'] as const).map((k, i) => (
                  <span key={k} data-testid={`summary-${k}`} className={`summary-${k}`}>
                    {i > 0 && ' · '}
                    {t(`compare.count.${k}`, { n: summary.articles[k] })}
                  </span>
                ))}
              </p>
              {(['parts', 'chapters', 'sections'] as const).map((kind) => {
                const counts = summary[kind]
                if (counts.added + counts.deleted + counts.changed + counts.moved === 0) return null
                return (
                  <p key={kind} data-testid={`summary-${kind}`}>
                    <strong>{t(`compare.${kind}`)}:</strong>{' '}
                    {(['added', 'deleted', 'changed', 'moved'] as const).map((k) => t(`compare.count.${k}`, { n: counts[k] })).join(' · ')}
                  </p>
                )
              })}
              {definitions && (
                <p data-testid="summary-definitions">
                  <strong>{definitions.label}:</strong> {definitions.text}
                </p>
              )}
              {summary.titleChanged && <p>{t('compare.titleChanged')}</p>}
              {summary.preambleChanged && <p>{t('compare.preambleChanged')}</p>}
              {summary.conclusionsChanged && <p>{t('compare.conclusionsChanged')}</p>}
              {changes.length === 0 && <p data-testid="no-changes">{t('compare.noChanges')}</p>}
            </section>

            <div className="compare-toolbar">
              {/* Tabs (WAI-ARIA): one Tab stop, the arrows, Home and End choose the tab and focus it. */}
              <div
                role="tablist"
                aria-label={t('compare.tabs')}
                className="tabs"
                onKeyDown={(event) => {
                  const to = rovingTarget(event.key, TABS.indexOf(tab), TABS.length, 'horizontal')
                  if (to === null) return
                  event.preventDefault()
                  setTab(TABS[to])
                  document.getElementById(`compare-tab-${TABS[to]}`)?.focus()
                }}
              >
                {TABS.map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    id={`compare-tab-${name}`}
                    tabIndex={tab === name ? 0 : -1}
                    aria-selected={tab === name}
                    aria-controls={`compare-panel-${name}`}
                    className={tab === name ? 'tab selected' : 'tab'}
                    onClick={() => setTab(name)}
                  >
                    {t(name === 'changes' ? 'compare.tabChanges' : 'compare.tabTable')}
                  </button>
                ))}
              </div>
              {tab === 'changes' && (
                <label className="inline">
                  <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} data-testid="only-changed" />
                  {t('compare.onlyChanged')}
                </label>
              )}
              {tab === 'table' && (
                <label className="inline">
                  <input type="checkbox" checked={justification} onChange={(e) => setJustification(e.target.checked)} data-testid="add-justification" />
                  {t('compare.addJustification')}
                </label>
              )}
              <span className="spacer" />
              <button type="button" onClick={() => go(-1)} disabled={changes.length === 0} title="P" aria-keyshortcuts="P">
                ↑ {t('compare.previous')}
              </button>
              <button type="button" onClick={() => go(1)} disabled={changes.length === 0} title="N" aria-keyshortcuts="N">
                ↓ {t('compare.next')}
              </button>
              <span className="muted small" role="status" data-testid="change-position">
                {tab === 'table'
                  ? t('compare.tableRows', { n: rows.length })
                  : position >= 0
                    ? t('compare.position', { i: position + 1, n: changes.length })
                    : t('compare.positionNone', { n: changes.length })}
              </span>
            </div>
            <p className="muted small compare-keys">{t('compare.keys')}</p>

            {tab === 'changes' ? (
              <div id="compare-panel-changes" role="tabpanel" aria-labelledby="compare-tab-changes" className="compare-changes" lang={comparison.language}>
                {shown.map((item) => {
                  const current = position >= 0 && changes[position]?.key === item.key
                  const common = { ref: register(item.key), current }
                  if (item.kind === 'title') return <TextChange key={item.key} {...common} label={t('compare.lawTitle')} parts={[comparison.diff.title]} edits={editsOf(TITLE_PLACE)} />
                  if (item.kind === 'preamble') return <TextChange key={item.key} {...common} label={t('compare.preamble')} parts={comparison.diff.preamble} edits={editsOf(PREAMBLE_PLACE)} />
                  if (item.kind === 'conclusions') return <TextChange key={item.key} {...common} label={t('compare.conclusions')} parts={comparison.diff.conclusions} edits={editsOf(CONCLUSIONS_PLACE)} />
                  if (item.kind === 'division') return <DivisionChange key={item.key} {...common} division={item.division} edits={editsOf(item.division.id)} />
                  if (item.kind === 'regrouped') return <RegroupedChange key={item.key} {...common} run={item.run} />
                  return <ArticleChange key={item.key} {...common} article={item.article} edits={editsOf(item.article.id)} />
                })}
              </div>
            ) : (
              <div id="compare-panel-table" role="tabpanel" aria-labelledby="compare-tab-table" lang={comparison.language}>
                {rowless > 0 && <p className="muted small" data-testid="table-rowless">{t('compare.tableRowless', { n: rowless })}</p>}
                {justification && <p className="muted small" data-testid="justification-note">{t('compare.justificationNote')}</p>}
                <ComparativeTableView rows={rows} justification={justification} />
              </div>
            )}
          </>
        )}
      </div>
    </Overlay>
  )
}
