import type { DocumentAgreement } from '../../shared/api'
import { dateFormat } from '../i18n/dates'
import { useI18n } from '../i18n/i18n'
import { versionName } from '../versions/labels'

/** The draft's page opens its agreement when reached with this (the line below links there). */
export const AGREEMENT_HASH = '#agreement'

/**
 * A draft's agreement in the drafts list: «На согласовании: «Первое чтение» · согласовали 2 из 6
 * · ждёт позиции вашей организации», or «Согласована: «…» (дата)»; the version's words a link to
 * the agreement. What a ministry looks for first: the drafts awaiting its position.
 */
export function AgreementLine({ docId, agreement, onOpen }: { docId: string; agreement: DocumentAgreement; onOpen: (path: string) => void }) {
  const { t, language } = useI18n()
  const name = versionName(agreement.version, t)
  const path = `/d/${encodeURIComponent(docId)}${AGREEMENT_HASH}`
  const link = (
    <a
      href={path}
      onClick={(e) => {
        e.preventDefault()
        onOpen(path)
      }}
    >
      {agreement.status === 'agreed'
        ? t('docs.agreement.agreed', { name, date: dateFormat(language).format(new Date(agreement.agreedAt ?? agreement.proposedAt)) })
        : t('docs.agreement.proposed', { name })}
    </a>
  )
  if (agreement.status === 'agreed') return <span className="document-agreement" data-testid="document-agreement">{link}</span>
  const awaiting = agreement.yours === 'awaiting'
  return (
    <span className={`document-agreement${awaiting ? ' is-awaiting' : ''}`} data-testid="document-agreement">
      {link} · {t('docs.agreement.count', { n: agreement.agreeing, total: agreement.required })}
      {agreement.yours && <> · {awaiting ? <strong>{t('docs.agreement.yours.awaiting')}</strong> : t(`docs.agreement.yours.${agreement.yours}`)}</>}
    </span>
  )
}
