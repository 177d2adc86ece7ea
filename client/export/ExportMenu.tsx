import { useEffect, useRef, useState } from 'react'
import { EXPORT_FORMATS } from '../../shared/apiConstants'
import type { ExportFormat } from '../../shared/api'
import { api, requestFile, RequestError } from '../api/http'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'
import { printHtml, saveBlob } from './save'
import { rovingTarget } from '../ui/rovingKeys'
import { failureText, words, type Words } from '../ui/useFailure'

const LABEL: Record<ExportFormat, MessageKey> = {
  docx: 'export.docx',
  pdf: 'export.pdf',
  html: 'export.html',
  md: 'export.md',
  akn: 'export.akn',
}

const EXTENSION: Record<ExportFormat, string> = { docx: 'docx', pdf: 'pdf', html: 'html', md: 'md', akn: 'xml' }

type State =
  | { kind: 'idle' }
  | { kind: 'preparing'; format: ExportFormat }
  | { kind: 'downloading'; format: ExportFormat; received: number; total: number | null }
  // What happened, kept as words and a failure, put into words as shown (they follow a change of language).
  | { kind: 'done'; words: Words }
  | { kind: 'error'; format: ExportFormat; failure: unknown }

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** A choice in the menu that stays open when toggled (what to append to the export). */
function CheckItem({ testId, checked, onToggle, label }: { testId: string; checked: boolean; onToggle: (value: boolean) => void; label: string }) {
  return (
    <li role="none">
      <button type="button" role="menuitemcheckbox" aria-checked={checked} data-testid={testId} className="menu-check" onClick={() => onToggle(!checked)}>
        <span aria-hidden="true">{checked ? '☑' : '☐'}</span> {label}
      </button>
    </li>
  )
}

/**
 * "Export" in the editor's header: the current text as DOCX, PDF, HTML, Markdown or Akoma Ntoso;
 * with `version`, that saved version (from the version view and the agreement view), whose cover
 * states its name and agreement status. `offerPositions` adds a choice to append the
 * organizations' positions table; every menu offers to append the open comments (the threads
 * open now, per article). Both apply to DOCX, PDF, HTML and Markdown, not Akoma Ntoso.
 * The server prepares the file (off its event loop) while this shows "Preparing…", then the
 * download's progress; the page stays usable and the export can be cancelled. PDF falls back to
 * the browser's print dialog over the HTML export when the server has no LibreOffice.
 */
export function ExportMenu({ docId, title, version, label, offerPositions = false }: {
  docId: string
  title: string
  /** A saved version's id; absent = the current text. */
  version?: string
  /** The button's text (default "Export"). */
  label?: string
  offerPositions?: boolean
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [positions, setPositions] = useState(false)
  const [comments, setComments] = useState(false)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const abort = useRef<AbortController | null>(null)
  const menu = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemcheckbox"]') ?? [])]
  // A menu button (WAI-ARIA): the open menu takes the focus, on its first item.
  useEffect(() => {
    if (open) items()[0]?.focus()
  }, [open])

  useEffect(() => () => abort.current?.abort(), [])
  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  const busy = state.kind === 'preparing' || state.kind === 'downloading'

  async function run(format: ExportFormat) {
    setOpen(false)
    const controller = new AbortController()
    abort.current = controller
    setState({ kind: 'preparing', format })
    const fetchFile = (f: ExportFormat) =>
      requestFile(api.exportPath(docId, f, version, { positions: offerPositions && positions, comments }), {
        signal: controller.signal,
        onProgress: ({ received, total }) => setState({ kind: 'downloading', format, received, total }),
      })
    try {
      try {
        const file = await fetchFile(format)
        const filename = file.filename ?? `${title || 'draft'}.${EXTENSION[format]}`
        saveBlob(file.blob, filename)
        setState({ kind: 'done', words: words('export.done', { file: filename }) })
      } catch (err) {
        if (!(format === 'pdf' && err instanceof RequestError && err.code === 'export_unavailable')) throw err
        // No LibreOffice on the server: the HTML export has a print stylesheet with the same cover.
        const html = await fetchFile('html')
        setState({ kind: 'done', words: words('export.printFallback') })
        await printHtml(await html.blob.text())
      }
    } catch (err) {
      if (controller.signal.aborted) setState({ kind: 'done', words: words('export.cancelled') })
      else setState({ kind: 'error', format, failure: err })
    } finally {
      if (abort.current === controller) abort.current = null
    }
  }

  let status: string | null = null
  if (state.kind === 'preparing') status = t('export.preparing', { format: t(LABEL[state.format]) })
  else if (state.kind === 'downloading') {
    status = state.total
      ? t('export.downloading', { format: t(LABEL[state.format]), percent: Math.min(100, Math.round((state.received / state.total) * 100)) })
      : t('export.downloadingSize', { format: t(LABEL[state.format]), size: sizeText(state.received) })
  } else if (state.kind === 'done') status = t(state.words.key, state.words.params)
  else if (state.kind === 'error') status = t('export.failed', { format: t(LABEL[state.format]), reason: failureText(state.failure, t) })

  return (
    <div
      className="export-menu"
      ref={menu}
      onKeyDown={(event) => {
        if (!open) {
          if (event.key === 'ArrowDown' && event.target === button.current) {
            event.preventDefault()
            setOpen(true)
          }
          return
        }
        // Escape closes the open menu only, not a view the menu sits in, and gives the focus back to its button.
        if (event.key === 'Escape') {
          event.preventDefault()
          setOpen(false)
          button.current?.focus()
          return
        }
        const list = items()
        const to = rovingTarget(event.key, list.indexOf(document.activeElement as HTMLElement), list.length, 'vertical')
        if (to === null) return
        event.preventDefault()
        list[to].focus()
      }}
    >
      <button ref={button} type="button" data-testid="export" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen(!open)}>
        {label ?? t('export.button')} ▾
      </button>
      {open && (
        <ul className="menu" role="menu" aria-label={t('export.menu')}>
          {offerPositions && <CheckItem testId="export-positions" checked={positions} onToggle={setPositions} label={t('export.positions')} />}
          <CheckItem testId="export-comments" checked={comments} onToggle={setComments} label={t('export.comments')} />
          {EXPORT_FORMATS.map((format) => (
            <li key={format} role="none">
              <button type="button" role="menuitem" data-testid={`export-${format}`} onClick={() => void run(format)}>
                {t(LABEL[format])}
              </button>
            </li>
          ))}
        </ul>
      )}
      {status && (
        <div className={`export-status ${state.kind}`} data-testid="export-status" data-state={state.kind} role={state.kind === 'error' ? 'alert' : 'status'}>
          {busy && <progress max={state.kind === 'downloading' && state.total ? state.total : undefined} value={state.kind === 'downloading' && state.total ? state.received : undefined} />}
          <span>{status}</span>
          {busy ? (
            <button type="button" className="link-button" onClick={() => abort.current?.abort()}>{t('common.cancel')}</button>
          ) : (
            <button type="button" className="link-button" aria-label={t('common.close')} onClick={() => setState({ kind: 'idle' })}>×</button>
          )}
        </div>
      )}
    </div>
  )
}
