import { useCallback, useEffect } from 'react'
import { api } from '../api/http'
import { useFetched } from '../api/useFetched'
import type { CollabSession } from '../collab/session'
import { refreshAfterRemoteChanges } from './activityRefresh'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { dateFormat } from '../i18n/dates'

/**
 * Who changed the text and when, by editing session, with the articles each touched. Fetched
 * each time the panel opens, on "Refresh", and after co-authors' changes (client/editor/activityRefresh.ts).
 */
export function ActivityPanel({ docId, session, onClose }: { docId: string; session: CollabSession | null; onClose: () => void }) {
  const { t, language } = useI18n()
  const { value: sessions, error, loading, reload: load } = useFetched(useCallback(() => api.activity(docId), [docId]))
  const time = dateFormat(language)

  useEffect(() => load(), [load])

  useEffect(() => {
    if (!session) return
    return refreshAfterRemoteChanges(session.ydoc, (origin) => origin === session.provider, load)
  }, [session, load])

  return (
    <section className="panel" aria-labelledby="activity-title" data-panel="activity">
      <div className="panel-header">
        <h2 id="activity-title" tabIndex={-1}>{t('activity.title')}</h2>
        <span>
          <button type="button" className="link-button" data-testid="activity-refresh" onClick={load} aria-busy={loading}>{t('activity.refresh')}</button>
          <button type="button" className="link-button" onClick={onClose}>{t('common.close')}</button>
        </span>
      </div>
      <FormError message={error} />
      {sessions === null && !error && <p className="muted">{t('common.loading')}</p>}
      {sessions?.length === 0 && <p className="muted">{t('activity.empty')}</p>}
      <ol className="activity-list">
        {sessions?.map((s, i) => (
          <li key={i} data-testid="activity-session">
            <div>
              <span className="presence-dot" style={{ backgroundColor: s.organization.color }} aria-hidden="true" /> <strong>{s.user.displayName}</strong>{' '}
              <span className="muted">{s.organization.shortName}</span>
            </div>
            <div className="muted small" data-testid="activity-when">
              {/* One date for a session within a day ("29 Nov 2026, 15:13–15:40"), one time for a single minute. */}
              {time.formatRange(new Date(s.startedAt), new Date(s.endedAt))} · {t('activity.changes', { n: s.updates })}
            </div>
            {s.articles.length > 0 && (
              <ul className="activity-articles">
                {s.articles.map((a) => (
                  <li key={a.id} className={a.deleted ? 'muted' : ''}>
                    {a.deleted ? t('activity.deletedArticle') : `${a.label} ${a.heading}`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
