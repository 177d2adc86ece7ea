import { inflateSync } from 'node:zlib'
import * as Y from 'yjs'
import type { Language } from '../../shared/language'
import { docFromJSON, isIdNodeType, type DocJSON } from '../../shared/schema'
import { newId } from '../../shared/ids'
import { docJSONOf, encodeDocJSON } from '../../shared/ydoc'
import type { ExportMeta } from '../../shared/export/meta'
import type { ExportAppendix } from '../../shared/export/positions'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import { toDocx } from '../../shared/export/docx'
import { toHtml } from '../../shared/export/html'
import { toMarkdown } from '../../shared/export/markdown'
import { bytesSource, type ImportFileKind } from '../../shared/import/fileKind'
import { importProblem } from '../../shared/import/errors'
import { parseSource } from '../../shared/import/source'
import { lawTitleOf, titledIfUntitled } from '../../shared/import/lawTitle'
import type { ImportStats } from '../../shared/import/types'
import type { WordCommentThread } from '../../shared/import/wordComments'
import type { TrackedChanges } from '../../shared/import/types'
import { placeWordComments, type PlacedWordThread } from '../../shared/import/placeWordComments'

/**
 * The CPU-heavy work of exports and imports, as plain functions of plain data: the export
 * worker runs them (server/export/worker.ts), tests may call them directly. Nothing here touches
 * the database or a live Y.Doc.
 */

/**
 * The text to export: Yjs updates (a live state, or a stored state and its log), a tree, or a
 * saved version's canonical JSON as it is stored (deflated), inflated and parsed in the worker.
 */
export type TextSource = { updates: Uint8Array[] } | { doc: DocJSON } | { deflatedJson: Uint8Array }

/** Formats a worker writes itself; PDF is converted from its DOCX outside the worker. */
export type WorkerFormat = 'docx' | 'html' | 'md' | 'akn'

export type Task =
  | { kind: 'export'; format: WorkerFormat; source: TextSource; meta: ExportMeta; appendix?: ExportAppendix }
  /** `title`: the law's title when the tree has none (titledIfUntitled). */
  | { kind: 'importDoc'; doc: unknown; title?: string; language: Language; wordComments?: WordCommentThread[] }
  /** A draft's text encoded afresh as a new draft's, with the same stable ids (a language version). */
  | { kind: 'copyDoc'; source: TextSource }
  | { kind: 'importFile'; type: ImportFileKind; bytes: Uint8Array; language?: Language; title?: string; trackedChanges?: TrackedChanges }

export type TaskResult =
  | { kind: 'export'; bytes: Uint8Array }
  | {
      kind: 'import'
      state: Uint8Array
      title: string
      language?: Language
      stats: ImportStats
      warnings: string[]
      /** A Word file's comments placed on the encoded text, to be stored as review threads. */
      threads: PlacedWordThread[]
    }

/** A document tree that is not a valid legal text; answered as 400, never logged with content. */
export class InvalidDocument extends Error {
  override name = 'InvalidDocument'
}

/**
 * A file with nothing to import, or not what its type says: the message is the ImportProblem
 * (shared/import/errors.ts), which crosses the worker boundary where a class would not.
 */
export class ImportRefused extends Error {
  override name = 'ImportRefused'
}

/** Imported trees nest doc → article → block → text; anything deeper is not ours. */
const MAX_DEPTH = 6
const MAX_NODES = 500_000

export function treeOf(source: TextSource): DocJSON {
  if ('doc' in source) return source.doc
  if ('deflatedJson' in source) return JSON.parse(inflateSync(source.deflatedJson).toString('utf8')) as DocJSON
  const ydoc = new Y.Doc()
  try {
    for (const update of source.updates) Y.applyUpdate(ydoc, update)
    if (ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null) throw new Error('the stored text has missing updates')
    return docJSONOf(ydoc)
  } finally {
    ydoc.destroy()
  }
}

export async function exportBytes(format: WorkerFormat, doc: DocJSON, meta: ExportMeta, appendix: ExportAppendix = {}): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return toDocx(doc, meta, appendix)
    case 'html':
      return new TextEncoder().encode(toHtml(doc, meta, appendix))
    case 'md':
      return new TextEncoder().encode(toMarkdown(doc, meta, appendix))
    case 'akn':
      return new TextEncoder().encode(toAkomaNtoso(doc, meta))
  }
}

/** Cheap shape checks before the schema sees the tree: bounded depth and size, no stray types. */
function checkShape(value: unknown): void {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }]
  let count = 0
  while (stack.length) {
    const { node, depth } = stack.pop()!
    if (++count > MAX_NODES) throw new InvalidDocument('the document has too many nodes')
    if (depth > MAX_DEPTH) throw new InvalidDocument('the document is nested too deeply')
    if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new InvalidDocument('every node must be an object')
    const { type, content, text } = node as Record<string, unknown>
    if (typeof type !== 'string') throw new InvalidDocument('every node needs a type')
    if (text !== undefined && typeof text !== 'string') throw new InvalidDocument('text must be a string')
    if (content !== undefined) {
      if (!Array.isArray(content)) throw new InvalidDocument('content must be an array')
      for (const child of content) stack.push({ node: child, depth: depth + 1 })
    }
  }
}

function countNodes(doc: DocJSON): ImportStats {
  const stats: ImportStats = { parts: 0, chapters: 0, sections: 0, articles: 0, clauses: 0, points: 0, subpoints: 0, preambleParagraphs: 0, conclusionsParagraphs: 0, unrecognised: 0 }
  const nonEmpty = (node: DocJSON) => (node.content ?? []).filter((p) => (p.content ?? []).length > 0).length
  for (const top of doc.content ?? []) {
    if (top.type === 'part') stats.parts++
    else if (top.type === 'chapter') stats.chapters++
    else if (top.type === 'section') stats.sections++
    else if (top.type === 'preamble') stats.preambleParagraphs = nonEmpty(top)
    else if (top.type === 'conclusions') stats.conclusionsParagraphs = nonEmpty(top)
    else if (top.type === 'article') {
      stats.articles++
      for (const block of top.content ?? []) {
        if (block.type === 'clause') stats.clauses++
        else if (block.type === 'point') stats.points++
        else if (block.type === 'subpoint') stats.subpoints++
      }
    }
  }
  return stats
}

/** Gives every part, chapter, section, article and body block a fresh id (a pasted or crafted tree may repeat them). */
function withFreshIds(node: DocJSON): DocJSON {
  const out: DocJSON = { ...node }
  if (isIdNodeType(node.type)) out.attrs = { ...node.attrs, id: newId() }
  if (node.content) out.content = node.content.map(withFreshIds)
  return out
}

/**
 * A tree sent by a browser: checked against the schema (unknown node types, marks or attributes
 * and misplaced nodes are refused), normalised by the schema and given fresh ids.
 */
export function validImportedDoc(value: unknown): DocJSON {
  checkShape(value)
  let normalised: DocJSON
  try {
    normalised = docFromJSON(value as DocJSON).toJSON() as DocJSON
  } catch (err) {
    throw new InvalidDocument(`not a valid legal text: ${err instanceof Error ? err.message.slice(0, 200) : 'schema check failed'}`)
  }
  return withFreshIds(normalised)
}


export async function runTask(task: Task): Promise<TaskResult> {
  switch (task.kind) {
    case 'export':
      return { kind: 'export', bytes: await exportBytes(task.format, treeOf(task.source), task.meta, task.appendix) }
    case 'importDoc': {
      const doc = titledIfUntitled(validImportedDoc(task.doc), task.title)
      const state = encodeDocJSON(doc)
      return { kind: 'import', state, title: lawTitleOf(doc), stats: countNodes(doc), warnings: [], threads: placed(state, task.wordComments, task.language) }
    }
    case 'copyDoc': {
      const doc = treeOf(task.source)
      return { kind: 'import', state: encodeDocJSON(doc), title: lawTitleOf(doc), stats: countNodes(doc), warnings: [], threads: [] }
    }
    case 'importFile': {
      // The browser's path (shared/import/source.ts): the same readers, checks and problems.
      const result = await parseSource(bytesSource(task.type, task.bytes), undefined, task.language, task.trackedChanges).catch((err: unknown) => {
        const problem = importProblem(err, task.type)
        // 'failed' is not the file's fault as far as we can tell: a server error, logged as such.
        throw problem === 'failed' ? err : new ImportRefused(problem)
      })
      const doc = titledIfUntitled(validImportedDoc(result.doc), task.title)
      const state = encodeDocJSON(doc)
      const threads = placed(state, result.wordComments, task.language ?? result.language)
      return { kind: 'import', state, title: lawTitleOf(doc), language: result.language, stats: result.stats, warnings: result.warnings, threads }
    }
  }
}

/** Word comments placed on the text as it was encoded (their anchors name its characters). */
function placed(state: Uint8Array, comments: readonly WordCommentThread[] | undefined, language: Language): PlacedWordThread[] {
  if (!comments?.length) return []
  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, state)
    return placeWordComments(ydoc, comments, language)
  } finally {
    ydoc.destroy()
  }
}
