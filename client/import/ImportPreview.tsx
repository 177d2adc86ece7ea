import { worded, type ArticleNode, type ChapterNode, type LawStructure, type PartNode, type SectionNode } from '../../shared/export/structure'
import { clip } from '../../shared/clip'
import type { ReactNode } from 'react'
import type { ImportStats } from '../../shared/import/types'
import type { ImportNote } from '../../shared/import/notes'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'
import type { WordCommentThread } from '../../shared/import/wordComments'
import { WordCommentsPreview } from './WordCommentsPreview'

/** Articles shown in full in the preview; the rest are counted (the counts above cover all). */
const MAX_ARTICLES = 150
const MAX_TEXT = 240

const clipped = (text: string) => clip(text, MAX_TEXT)

const COUNTS: [keyof ImportStats, MessageKey][] = [
  ['parts', 'import.count.parts'],
  ['chapters', 'import.count.chapters'],
  ['sections', 'import.count.sections'],
  ['articles', 'import.count.articles'],
  ['clauses', 'import.count.clauses'],
  ['points', 'import.count.points'],
  ['subpoints', 'import.count.subpoints'],
  ['preambleParagraphs', 'import.count.preamble'],
  ['conclusionsParagraphs', 'import.count.conclusions'],
  ['unrecognised', 'import.count.unrecognised'],
]

/** Counts shown only when there is something: most laws have no parts, sections or conclusions, a clean import nothing unrecognised. */
const OPTIONAL_COUNTS = new Set<keyof ImportStats>(['parts', 'sections', 'conclusionsParagraphs', 'unrecognised'])

export function NoteText({ note }: { note: ImportNote }) {
  const { t } = useI18n()
  const { code, ...params } = note
  return <>{t(`import.note.${code}`, params as Record<string, string | number>)}</>
}

/**
 * The recognised structure before the import is confirmed: counts, notes, then the law as it
 * will be numbered — parts, chapters, their sections, articles with computed labels and headings, their paragraphs,
 * points and sub-points, then the conclusions; passages that matched nothing are marked as kept as plain text;
 * then a Word file's comments, which become review threads.
 * Everything is rendered as text (React escapes it): markup in a file stays words.
 */
export function ImportPreview({ structure, stats, notes, unrecognised, wordComments = [] }: {
  structure: LawStructure
  stats: ImportStats
  notes: ImportNote[]
  unrecognised: ReadonlySet<string>
  /** A Word file's comments and footnotes, to become review threads. */
  wordComments?: readonly WordCommentThread[]
}) {
  const { t } = useI18n()
  const preamble = worded(structure.preamble)
  const conclusions = worded(structure.conclusions)
  let shown = 0

  const article = (a: ArticleNode) => {
    if (++shown > MAX_ARTICLES) return null
    return (
      <li key={a.id ?? `a${a.index}`} className="preview-article" data-testid="preview-article">
        <div className="preview-heading">
          <span className="preview-label" data-testid="preview-article-label">{a.label}</span>{' '}
          <span data-testid="preview-article-heading">{a.heading || <em className="muted">{t('import.untitled')}</em>}</span>
        </div>
        <ol className="preview-blocks">
          {a.paragraphs.flatMap((p) => [
            ...(p.implicit ? [] : [{ kind: p.kind, id: p.id, label: p.label, text: p.text }]),
            ...p.points.flatMap((pt) => [
              ...(pt.implicit ? [] : [{ kind: pt.kind, id: pt.id, label: pt.label, text: pt.text }]),
              ...pt.subpoints.map((s) => ({ kind: s.kind, id: s.id, label: s.label, text: s.text })),
            ]),
          ]).map((b, i) => {
            const plain = b.id !== null && unrecognised.has(b.id)
            return (
              <li key={b.id ?? i} className={`preview-block preview-${b.kind}${plain ? ' preview-plain' : ''}`} data-testid="preview-block" data-kind={b.kind}>
                {b.label && <span className="preview-label">{b.label}</span>} {clipped(b.text)}
                {plain && <span className="preview-plain-note"> — {t('import.plain')}</span>}
              </li>
            )
          })}
        </ol>
      </li>
    )
  }

  const section = (s: SectionNode, key: string) => shown >= MAX_ARTICLES ? null : (
    <li key={s.id ?? key} className="preview-section" data-testid="preview-section">
      <div className="preview-heading"><span className="preview-label">{s.label}</span> {s.heading}</div>
      <ol className="preview-articles">{s.articles.map(article)}</ol>
    </li>
  )

  // Past the last article shown, no division heading either: chapters listed bare read as empty.
  const chapter = (c: ChapterNode) => shown >= MAX_ARTICLES ? null : (
    <li key={c.id ?? `c${c.index}`} className="preview-chapter" data-testid="preview-chapter">
      <div className="preview-heading"><span className="preview-label">{c.label}</span> {c.heading}</div>
      <ol className="preview-articles">
        {c.articles.map(article)}
        {c.sections.map((s) => section(s, `c${c.index}s${s.index}`))}
      </ol>
    </li>
  )

  type Item = LawStructure['body'][number]
  const item = (i: Item): ReactNode =>
    i.kind === 'part' ? part(i) : i.kind === 'chapter' ? chapter(i) : i.kind === 'section' ? section(i, `s${i.index}`) : article(i)

  // A part lists what follows its heading as the law's body is listed.
  const part = (p: PartNode) => shown >= MAX_ARTICLES ? null : (
    <li key={p.id ?? `p${p.index}`} className="preview-part" data-testid="preview-part">
      <div className="preview-heading"><span className="preview-label">{p.label}</span> {p.heading}</div>
      <ol className="preview-articles">{p.body.map(item)}</ol>
    </li>
  )

  const hidden = Math.max(0, stats.articles - MAX_ARTICLES)
  return (
    <div className="import-preview" data-testid="import-preview">
      <dl className="preview-counts" data-testid="preview-counts">
        {COUNTS.filter(([key]) => !OPTIONAL_COUNTS.has(key) || stats[key] > 0).map(([key, label]) => (
          <div key={key} data-count={key}>
            <dt>{t(label)}</dt>
            <dd>{stats[key]}</dd>
          </div>
        ))}
      </dl>
      {notes.length > 0 && (
        <div className="preview-notes" role="note">
          <h3>{t('import.notes')}</h3>
          <ul data-testid="preview-notes">{notes.map((n, i) => <li key={i}><NoteText note={n} /></li>)}</ul>
        </div>
      )}
      <div className="preview-law">
        <p className="preview-title" data-testid="preview-title">{structure.title || <em className="muted">{t('import.noTitle')}</em>}</p>
        {preamble.length > 0 && (
          <div className="preview-preamble">
            <h3>{t('import.preamble')}</h3>
            {preamble.map((p, i) => <p key={i}>{clipped(p)}</p>)}
          </div>
        )}
        <ol className="preview-body">
          {structure.body.map(item)}
        </ol>
        {hidden > 0 && <p className="muted" data-testid="preview-more">{t('import.more', { n: hidden })}</p>}
        {conclusions.length > 0 && (
          // In the preamble's quiet style: free paragraphs, not structure.
          <div className="preview-preamble preview-conclusions" data-testid="preview-conclusions">
            <h3>{t('import.conclusions')}</h3>
            {conclusions.map((p, i) => <p key={i}>{clipped(p)}</p>)}
          </div>
        )}
        <WordCommentsPreview threads={wordComments} />
      </div>
    </div>
  )
}
