import { useEffect, useMemo, useRef, useState } from 'react'
import type { Language } from '../../shared/language'
import type { ImportResult } from '../../shared/import/types'
import { lawTitleOf } from '../../shared/import/lawTitle'
import { bytesSource, sourceKind, type ImportFileKind } from '../../shared/import/fileKind'
import { TRACKED_CHANGES, type TrackedChanges } from '../../shared/import/types'
import type { LawStructure } from '../../shared/export/structure'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { useModalDialog } from '../ui/useModalDialog'
import { ImportWorkerClient } from './importClient'
import type { ImportSource, ImportStage } from './messages'
import { ImportPreview } from './ImportPreview'
import { useFailure, words } from '../ui/useFailure'
import { readFile, tooLarge } from './readFile'
import { importFailure } from './importFailure'

const ACCEPT =
  '.docx,.txt,.md,.markdown,.xml,.akn,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown,application/xml,text/xml'

type Step =
  | { kind: 'choose' }
  | { kind: 'working'; stage: 'reading' | ImportStage; percent: number }
  | { kind: 'preview'; result: ImportResult; structure: LawStructure }

/**
 * "Import a draft": a .docx, .txt, .md or Akoma Ntoso .xml file (or pasted text) is parsed in a
 * Web Worker with progress, the recognised structure is previewed, and confirming creates the
 * draft (the importer owns it) and opens it. `file` is one dropped on the page: read at once, as
 * if chosen here.
 */
export function ImportDialog({ file, onClose }: { file?: File; onClose: () => void }) {
  const { t, language: uiLanguage } = useI18n()
  const worker = useMemo(() => new ImportWorkerClient(), [])
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [pasted, setPasted] = useState('')
  const [title, setTitle] = useState('')
  const [language, setLanguage] = useState<Language>(uiLanguage)
  const [error, setError] = useFailure()
  const [creating, setCreating] = useState(false)
  const fileName = useRef('')
  /** The Word file previewed, read again when its tracked changes are to be read another way. */
  const wordFile = useRef<File | null>(null)
  const [trackedChanges, setTrackedChanges] = useState<TrackedChanges>('accept')
  const run = useRef(0)

  useEffect(() => {
    worker.warm()
    return () => worker.terminate()
  }, [worker])

  function cancel() {
    run.current++
    worker.terminate()
    onClose()
  }
  const dialog = useModalDialog<HTMLDivElement>(cancel)

  /** `again`: the same file read anew (another way of reading its tracked changes): the title and language chosen stay. */
  async function parse(kind: ImportFileKind, load: () => Promise<ImportSource>, tracked = trackedChanges, again = false) {
    const mine = ++run.current
    setError(null)
    setStep({ kind: 'working', stage: 'reading', percent: 0 })
    try {
      const source = await load()
      const { result, structure } = await worker.parse(source, (stage) => mine === run.current && setStep({ kind: 'working', stage, percent: 100 }), tracked)
      if (mine !== run.current) return
      if (!again) {
        setTitle(lawTitleOf(result.doc).slice(0, 300) || fileName.current)
        setLanguage(result.language)
      }
      const shown = again && language !== result.language ? await worker.structure(result.doc, language) : structure
      if (mine !== run.current) return
      setStep({ kind: 'preview', result, structure: shown })
    } catch (err) {
      if (mine !== run.current) return
      setStep({ kind: 'choose' })
      // The reader gets what is wrong in words; the library's English detail goes to the console.
      console.warn('import: the file could not be read:', err)
      setError(importFailure(err, kind))
    }
  }

  function chooseFile(file: File | undefined) {
    if (!file) return
    const kind = sourceKind(file.name, file.type)
    setError(null)
    if (!kind) return setError(words('import.unsupported'))
    const large = tooLarge(file)
    if (large) return setError(large)
    fileName.current = file.name.replace(/\.[^.]+$/, '')
    wordFile.current = kind === 'docx' ? file : null
    const progress = (percent: number) => setStep({ kind: 'working', stage: 'reading', percent })
    void parse(kind, async () => bytesSource(kind, new Uint8Array(await readFile(file, progress))))
  }

  // Once for each file dropped (a second one, dropped while this one is previewed, replaces it).
  useEffect(() => {
    chooseFile(file)
  }, [file])

  function readTrackedChanges(next: TrackedChanges) {
    setTrackedChanges(next)
    const file = wordFile.current
    if (!file) return
    const progress = (percent: number) => setStep({ kind: 'working', stage: 'reading', percent })
    void parse('docx', async () => bytesSource('docx', new Uint8Array(await readFile(file, progress))), next, true)
  }

  async function changeLanguage(next: Language) {
    setLanguage(next)
    if (step.kind !== 'preview') return
    try {
      const structure = await worker.structure(step.result.doc, next)
      setStep({ ...step, structure })
    } catch (err) {
      setError(err)
    }
  }

  async function confirm() {
    if (step.kind !== 'preview' || !title.trim()) return
    setCreating(true)
    setError(null)
    try {
      const created = await api.importDocument({ title: title.trim(), language, doc: step.result.doc as { type: 'doc' }, wordComments: step.result.wordComments })
      onClose()
      navigate(`/d/${encodeURIComponent(created.document.id)}`)
    } catch (err) {
      setError(err)
      setCreating(false)
    }
  }

  const unrecognised = useMemo(() => new Set(step.kind === 'preview' ? step.result.unrecognisedIds : []), [step])
  const stageText =
    step.kind === 'working'
      ? step.stage === 'reading'
        ? t('import.stage.reading', { percent: step.percent })
        : t(`import.stage.${step.stage}`)
      : ''

  return (
    <div className="dialog-backdrop">
      <div className={`dialog import-dialog${step.kind === 'preview' ? ' wide' : ''}`} {...dialog} aria-labelledby="import-title">
        <h2 id="import-title">{t('import.title')}</h2>
        {step.kind === 'choose' && (
          <>
            <p className="muted small">{t('import.intro')}</p>
            <label>
              {t('import.file')}
              <input type="file" accept={ACCEPT} data-testid="import-file" onChange={(e) => chooseFile(e.target.files?.[0])} />
            </label>
            <label>
              {t('import.paste')}
              <textarea rows={6} value={pasted} data-testid="import-text" onChange={(e) => setPasted(e.target.value)} />
            </label>
          </>
        )}
        {step.kind === 'working' && (
          <div className="import-progress" role="status" data-testid="import-progress">
            <progress max={100} value={step.stage === 'reading' ? step.percent : undefined} />
            <span>{stageText}</span>
          </div>
        )}
        {step.kind === 'preview' && (
          <>
            <label>
              {t('create.name')}
              <input name="title" required maxLength={300} value={title} data-testid="import-title" onChange={(e) => setTitle(e.target.value)} />
            </label>
            <fieldset>
              <legend>{t('create.language')}</legend>
              {(['en', 'ru'] as const).map((lang) => (
                <label key={lang} className="inline">
                  <input type="radio" name="import-language" value={lang} checked={language === lang} onChange={() => void changeLanguage(lang)} />
                  {t(lang === 'en' ? 'docs.language.en' : 'docs.language.ru')}
                </label>
              ))}
            </fieldset>
            {step.result.notes.some((n) => n.code === 'trackedChanges' || n.code === 'trackedChangesProposed') && (
              <fieldset data-testid="import-tracked-changes">
                <legend>{t('import.trackedChanges')}</legend>
                {TRACKED_CHANGES.map((way) => (
                  <label key={way} className="inline">
                    <input type="radio" name="import-tracked-changes" value={way} checked={trackedChanges === way} onChange={() => readTrackedChanges(way)} />
                    {t(way === 'accept' ? 'import.trackedChanges.accept' : 'import.trackedChanges.propose')}
                  </label>
                ))}
              </fieldset>
            )}
            <ImportPreview structure={step.structure} stats={step.result.stats} notes={step.result.notes} unrecognised={unrecognised} wordComments={step.result.wordComments} />
          </>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={cancel}>{t('common.cancel')}</button>
          {step.kind === 'choose' && (
            <button type="button" className="primary" disabled={!pasted.trim()} onClick={() => void parse('text', async () => ({ type: 'text', text: pasted, format: 'auto' }))}>
              {t('import.read')}
            </button>
          )}
          {step.kind === 'preview' && (
            <>
              <button type="button" onClick={() => { setError(null); setStep({ kind: 'choose' }) }}>{t('import.again')}</button>
              <button type="button" className="primary" data-testid="import-confirm" disabled={creating || !title.trim()} onClick={() => void confirm()}>
                {t('import.confirm')}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  )
}
