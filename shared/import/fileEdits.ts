import { flattenDocument } from '../diff/flatten'
import { diffParagraphs } from '../diff/paragraphs'
import type { TextDiff } from '../diff/types'
import type { Language } from '../language'
import type { DocJSON } from '../schema'
import { clip } from '../clip'
import { COMMENT_MAX_LENGTH } from '../apiConstants'
import { changesOf } from './trackedChanges'
import type { WordCommentThread } from './wordComments'

/**
 * What a ministry changed in the draft's text without tracked changes — the common way: it
 * edits the Word file it was sent and sends it back — as remarks on the draft, so that the
 * drafters see and decide each change: the file's text and the draft's are compared line by line
 * (the title, the preamble's paragraphs, headings, paragraphs, points and sub-points, the closing
 * formula, without their numbers), as the comparison of versions compares free paragraphs
 * (diffParagraphs: equal lines aligned, the lines between paired in order). A changed line's
 * changes are proposed wordings, each on its own words, as tracked changes are
 * (trackedChanges.ts); a line the file leaves out, or adds, is a remark on the draft's words
 * that says so. Lines the file has elsewhere, word for word (an article cut and pasted in Word),
 * are one remark on the first of them saying where they went, not one left out and one added
 * for each.
 */
export interface FileEdits {
  threads: WordCommentThread[]
  /** The file's text is another text altogether (fewer than half of the draft's lines kept, or edited keeping half their words): nothing is proposed. */
  unrelated: boolean
}

const WORDS = {
  en: {
    removed: 'The file leaves this out.',
    added: (lines: string[]) => `The file adds after this:\n${lines.map((l) => `“${l}”`).join('\n')}`,
    moved: (more: number, after: string | null) =>
      `The file moves this${more > 0 ? ` and the ${more === 1 ? 'line' : `${more} lines`} after it` : ''} ${after === null ? 'to the start of the text' : `to after:\n“${after}”`}`,
  },
  ru: {
    removed: 'В файле этого текста нет.',
    added: (lines: string[]) => `В файле после этого добавлено:\n${lines.map((l) => `«${l}»`).join('\n')}`,
    moved: (more: number, after: string | null) =>
      `В файле это${more > 0 ? ` (и следующие строки: ${more})` : ''} перенесено ${after === null ? 'в начало текста' : `после:\n«${after}»`}`,
  },
} satisfies Record<Language, unknown>

/**
 * Lines the file leaves out in one place and adds, word for word, in another (in `diffs`' order):
 * for each moved line's index, the index of the added line it became.
 */
function movedLines(diffs: readonly TextDiff[]): Map<number, number> {
  const added = new Map<string, number[]>()
  diffs.forEach((d, i) => {
    if (d.before !== null || d.after === null) return
    const at = added.get(d.after)
    if (at) at.push(i)
    else added.set(d.after, [i])
  })
  const moved = new Map<number, number>()
  diffs.forEach((d, i) => {
    if (d.after !== null || d.before === null) return
    const to = added.get(d.before)?.shift()
    if (to !== undefined) moved.set(i, to)
  })
  return moved
}

/** A law's lines in reading order, without numbers; empty ones (an article without a heading) left out. */
function linesOf(doc: DocJSON, language: Language): string[] {
  const flat = flattenDocument(doc, language)
  const body = flat.structure.flatMap((item) => (item.kind === 'article' ? [item.heading, ...item.blocks.map((b) => b.text)] : [item.heading]))
  return [flat.title, ...flat.preamble, ...body, ...flat.conclusions].map((line) => line.trim()).filter(Boolean)
}

/** Lines kept, or edited in place keeping at least half of their words. */
function similar(diffs: readonly TextDiff[]): number {
  return diffs.filter((d) => {
    if (d.before === null || d.after === null) return false
    const kept = d.segments.reduce((n, s) => n + (s.kind === 'equal' ? s.text.length : 0), 0)
    return kept * 2 >= d.before.length
  }).length
}

/** The draft's changes in `file` (named `fileName`, the remarks' author), as threads to add to its review. */
export function fileEdits(draft: DocJSON, file: DocJSON, language: Language, fileName: string): FileEdits {
  const before = linesOf(draft, language)
  const diffs = diffParagraphs(before, linesOf(file, language))
  if (similar(diffs) * 2 < before.length) return { threads: [], unrelated: true }
  const remark = (line: string, text: string): WordCommentThread => ({
    quote: line,
    paragraph: line,
    resolved: false,
    comments: [{ author: fileName, date: null, text: clip(text, COMMENT_MAX_LENGTH) }],
  })
  const threads: WordCommentThread[] = []
  const moved = movedLines(diffs)
  const arrived = new Set(moved.values())
  /** The file's line before each of `diffs` (null before the first). */
  const fileLineBefore: (string | null)[] = []
  let fileLine: string | null = null
  for (const d of diffs) {
    fileLineBefore.push(fileLine)
    fileLine = d.after ?? fileLine
  }
  let last: string | null = null
  let added: string[] = []
  const flushAdded = () => {
    // Added before the first line of the draft: said on its first line (the title).
    const at = last ?? before[0]
    if (added.length > 0 && at !== undefined) threads.push(remark(at, WORDS[language].added(added)))
    added = []
  }
  for (let i = 0; i < diffs.length; i++) {
    const d = diffs[i]
    if (d.before === null) {
      if (!arrived.has(i)) added.push(d.after!)
      continue
    }
    flushAdded()
    last = d.before
    const to = moved.get(i)
    if (to !== undefined) {
      // The lines moved with it, together: those that follow it here and there alike.
      let more = 0
      while (moved.get(i + more + 1) === to + more + 1) more++
      threads.push(remark(d.before, WORDS[language].moved(more, fileLineBefore[to])))
      i += more
      last = diffs[i].before
    } else if (d.after === null) threads.push(remark(d.before, WORDS[language].removed))
    else if (d.after !== d.before) {
      for (const span of changesOf(d.before, d.after)) {
        threads.push({ quote: span.before, paragraph: d.before, resolved: false, proposal: span.after, untracked: true, comments: [{ author: fileName, date: null, text: '' }] })
      }
    }
  }
  flushAdded()
  return { threads, unrelated: false }
}
