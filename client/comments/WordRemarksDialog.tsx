import { useEffect, useMemo, useRef, useState } from 'react'
import type { WordRemarkOutcome, WordRemarksResult } from '../../shared/api'
import { bytesSource, sourceKind } from '../../shared/import/fileKind'
import { MAX_WORD_COMMENT_THREADS, type WordCommentThread } from '../../shared/import/wordComments'
import { fileEdits } from '../../shared/import/fileEdits'
import type { Language } from '../../shared/language'
import type { DocJSON } from '../../shared/schema'
import { DOCX_CONTENT_TYPE } from '../../shared/apiConstants'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { ImportWorkerClient } from '../import/importClient'
import { readFile, tooLarge } from '../import/readFile'
import { importFailure } from '../import/importFailure'
import { WordCommentsPreview } from '../import/WordCommentsPreview'
import { useFailure, words } from '../ui/useFailure'
import { useModalDialog } from '../ui/useModalDialog'
import { useLatest } from '../ui/useLatest'
import type { PlaceInfo } from './CommentsController'

const ACCEPT = `.docx,${DOCX_CONTENT_TYPE}`

type Step =
  | { kind: 'choose' }
  | { kind: 'working'; percent: number | null }
  | { kind: 'preview'; remarks: WordCommentThread[]; plan: WordRemarksResult; unproposed: number; edits: number; unrelated: boolean }
  | { kind: 'done'; result: WordRemarksResult }

interface Counts {
  onWords: number
  notFound: number
  answered: number
  replies: number
  already: number
  /** The draft's open threads the file marks done. */
  doneInWord: number
}

function countsOf(outcomes: readonly WordRemarkOutcome[]): Counts {
  const counts: Counts = { onWords: 0, notFound: 0, answered: 0, replies: 0, already: 0, doneInWord: 0 }
  for (const o of outcomes) {
    if (o.doneInWord) counts.doneInWord++
    if (o.fate === 'replies') {
      counts.answered++
      counts.replies += o.replies
    } else counts[o.fate]++
  }
  return counts
}

/**
 * "Remarks from a Word file": a ministry sends the draft back as a Word file with remarks in the
 * margin, footnotes and tracked changes. Read in the browser as the import reads them (tracked
 * changes as proposed wordings), they are shown with what each will become in this draft
 * (a thread on its words, on the title when its words are no longer in the draft, replies to a
 * thread the draft has, or nothing new), as the server works it out without storing; confirming
 * adds them to the review (server/services/wordRemarks.ts). The draft's open threads the file
 * marks done are resolved too only when the adder ticks the box for it.
 */
export function WordRemarksDialog({ docId, language, places, currentText, dropped = null, onDroppedTaken, onClose }: {
  docId: string
  /** The draft's. */
  language: Language
  places: ReadonlyMap<string, PlaceInfo>
  /** The draft's text now, which the file's is compared with. */
  currentText: () => DocJSON | null
  /** A file dropped on the page (or on this dialog), read as one chosen; `onDroppedTaken` says it is taken. */
  dropped?: File | null
  onDroppedTaken?: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const worker = useMemo(() => new ImportWorkerClient(), [])
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [error, setError] = useFailure()
  const [adding, setAdding] = useState(false)
  const [resolveDone, setResolveDone] = useState(false)
  const run = useRef(0)

  useEffect(() => {
    worker.warm()
    return () => worker.terminate()
  }, [worker])

  function close() {
    run.current++
    worker.terminate()
    onClose()
  }
  const dialog = useModalDialog<HTMLDivElement>(close)
  const readLatest = useLatest(read)
  useEffect(() => {
    if (!dropped) return
    onDroppedTaken?.()
    void readLatest.current(dropped)
  }, [dropped, onDroppedTaken, readLatest])

  async function read(file: File) {
    const mine = ++run.current
    setError(null)
    if (sourceKind(file.name, file.type) !== 'docx') return setError(words('remarks.notDocx'))
    const large = tooLarge(file)
    if (large) return setError(large)
    setStep({ kind: 'working', percent: 0 })
    let read: Awaited<ReturnType<ImportWorkerClient['parse']>>['result']
    try {
      const bytes = new Uint8Array(await readFile(file, (percent) => mine === run.current && setStep({ kind: 'working', percent })))
      if (mine !== run.current) return
      setStep({ kind: 'working', percent: null })
      read = (await worker.parse(bytesSource('docx', bytes), () => {}, 'propose')).result
    } catch (err) {
      if (mine !== run.current) return
      setStep({ kind: 'choose' })
      // The reader gets what is wrong in words; the library's English detail goes to the console.
      console.warn('remarks: the file could not be read:', err)
      return setError(importFailure(err, 'docx'))
    }
    if (mine !== run.current) return
    const draft = currentText()
    // Tracked changes were read as proposals, on the text as it was before them: compared, the rest is what was changed untracked.
    const edits = draft ? fileEdits(draft, read.doc, language, file.name) : { threads: [], unrelated: false }
    const remarks = [...(read.wordComments ?? []), ...edits.threads].slice(0, MAX_WORD_COMMENT_THREADS)
    if (remarks.length === 0) {
      setStep({ kind: 'choose' })
      return setError(words(edits.unrelated ? 'remarks.unrelatedOnly' : 'remarks.none'))
    }
    try {
      const plan = await api.addWordRemarks(docId, { wordComments: remarks }, true)
      if (mine !== run.current) return
      setResolveDone(false)
      const proposed = read.notes.find((n) => n.code === 'trackedChangesProposed')
      setStep({ kind: 'preview', remarks, plan, unproposed: proposed?.code === 'trackedChangesProposed' ? proposed.accepted : 0, edits: edits.threads.length, unrelated: edits.unrelated })
    } catch (err) {
      if (mine !== run.current) return
      setStep({ kind: 'choose' })
      setError(err)
    }
  }

  async function add() {
    if (step.kind !== 'preview') return
    setAdding(true)
    setError(null)
    try {
      const result = await api.addWordRemarks(docId, { wordComments: step.remarks, resolveDone }, false)
      setStep({ kind: 'done', result })
    } catch (err) {
      setError(err)
    } finally {
      setAdding(false)
    }
  }

  const placeName = (placeId: string | null) => {
    const place = placeId ? places.get(placeId) : undefined
    return place ? `${place.label} ${place.heading}`.trim() : ''
  }
  const outcome = (outcomes: readonly WordRemarkOutcome[], remarks: readonly WordCommentThread[]) => (i: number) => {
    const o = outcomes[i]
    if (!o) return null
    const where = placeName(o.placeId)
    const text =
      o.fate === 'onWords'
        ? t(remarks[i].resolved ? 'remarks.fate.onWordsResolved' : 'remarks.fate.onWords', { place: where })
        : o.fate === 'notFound'
          ? t('remarks.fate.notFound')
          : o.fate === 'replies'
            ? t('remarks.fate.replies', { n: o.replies, place: where })
            : t('remarks.fate.already', { place: where })
    // Done in Word on one of the draft's open threads: settled only if the adder says so (the box below the list).
    const done = o.doneInWord ? t(resolveDone ? 'remarks.fate.doneInWordResolve' : 'remarks.fate.doneInWord') : ''
    const reopens = o.reopens ? t('remarks.fate.reopens') : ''
    return (
      <span className={`remark-fate remark-fate-${o.fate}`} data-testid="remark-fate" data-fate={o.fate}>
        {' '}→ {text}
        {done}
        {reopens}
      </span>
    )
  }
  const summary = (counts: Counts, done: WordRemarksResult | null = null) =>
    [
      counts.onWords > 0 && t('remarks.count.onWords', { n: counts.onWords }),
      counts.notFound > 0 && t('remarks.count.notFound', { n: counts.notFound }),
      counts.answered > 0 && t('remarks.count.replies', { n: counts.replies, threads: counts.answered }),
      counts.already > 0 && t('remarks.count.already', { n: counts.already }),
      done !== null && done.resolved > 0 && t('remarks.count.resolved', { n: done.resolved }),
      done !== null && done.reopened > 0 && t('remarks.count.reopened', { n: done.reopened }),
    ].filter((line): line is string => typeof line === 'string')

  const counts = step.kind === 'preview' ? countsOf(step.plan.outcomes) : step.kind === 'done' ? countsOf(step.result.outcomes) : null
  const nothingNew = counts !== null && counts.onWords + counts.notFound + counts.answered === 0
  const nothingToDo = nothingNew && !(resolveDone && counts.doneInWord > 0)

  return (
    <div className="dialog-backdrop">
      <div className={`dialog import-dialog word-remarks-dialog${step.kind === 'preview' ? ' wide' : ''}`} {...dialog} aria-labelledby="remarks-title" data-testid="word-remarks-dialog">
        <h2 id="remarks-title">{t('remarks.title')}</h2>
        {step.kind === 'choose' && (
          <>
            <p className="muted small">{t('remarks.intro')}</p>
            <label>
              {t('remarks.file')}
              <input type="file" accept={ACCEPT} data-testid="remarks-file" onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
            </label>
          </>
        )}
        {step.kind === 'working' && (
          <div className="import-progress" role="status" data-testid="remarks-progress">
            <progress max={100} value={step.percent ?? undefined} />
            <span>{step.percent === null ? t('remarks.working') : t('import.stage.reading', { percent: step.percent })}</span>
          </div>
        )}
        {step.kind === 'preview' && counts && (
          <>
            <ul className="remarks-summary" data-testid="remarks-summary">
              {summary(counts).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {step.edits > 0 && <p className="small" data-testid="remarks-edits">{t('remarks.edits', { n: step.edits })}</p>}
            {step.unrelated && <p className="notice small">{t('remarks.unrelated')}</p>}
            {step.unproposed > 0 && <p className="notice small">{t('remarks.unproposed', { n: step.unproposed })}</p>}
            <p className="muted small">{!nothingNew ? t('remarks.asYou') : counts.doneInWord > 0 ? t('remarks.onlyDone', { n: counts.doneInWord }) : t('remarks.nothingNew')}</p>
            {counts.doneInWord > 0 && (
              <label className="inline">
                <input type="checkbox" data-testid="remarks-resolve-done" checked={resolveDone} onChange={(e) => setResolveDone(e.target.checked)} />{' '}
                {t('remarks.resolveDone', { n: counts.doneInWord })}
              </label>
            )}
            <WordCommentsPreview threads={step.remarks} heading={t('remarks.list')} outcome={outcome(step.plan.outcomes, step.remarks)} />
          </>
        )}
        {step.kind === 'done' && counts && (
          <div role="status" data-testid="remarks-done">
            <p>{t('remarks.done')}</p>
            <ul className="remarks-summary">
              {summary(counts, step.result).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          {step.kind === 'done' ? (
            <button type="button" className="primary" onClick={close}>{t('common.close')}</button>
          ) : (
            <button type="button" onClick={close}>{t('common.cancel')}</button>
          )}
          {step.kind === 'preview' && (
            <>
              <button type="button" onClick={() => { setError(null); setStep({ kind: 'choose' }) }}>{t('remarks.another')}</button>
              <button type="button" className="primary" data-testid="remarks-confirm" disabled={adding || nothingToDo} onClick={() => void add()}>
                {t('remarks.confirm')}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  )
}
