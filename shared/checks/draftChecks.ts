import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import type { Language } from '../language'
import { blockAncestors, numberArticleBody, numberDocument, type BlockAncestor, type NumberedNode } from '../numbering'
import { placeIdOf, placesOf, type Place } from '../places'
import { isBodyType, isDivisionType, structuralRank } from '../schema'
import { xrefNumbers, xrefText } from '../xref'
import { BLOCK_DEPTH as DEPTH, capitalOnly, eachDefinition, inlineDefinitions, isDefinitionsArticle, scopeOf, stemLine, termIssues, termUses, type NodeTerms, type TermScope } from './definedTerms'

/**
 * "Check the draft" («Проверка текста»): what a drafter looks over before a version goes out for
 * agreement, found in the text now. Enumerations punctuated as the region's drafting (and the
 * UNODC Model Law) punctuates them — the words introducing a list end with a colon, each item
 * followed by another with a semicolon ("; and", "; or" in English), the last with a full stop —
 * paragraphs ending with a full stop, headings without one; empty headings and blocks; references
 * to deleted provisions; two articles with the same heading; a part, chapter or section with no article; unpaired quotation marks or brackets;
 * double spaces and spaces before punctuation, as text pasted from Word brings them. Pure: the
 * editor runs it on its document, and applies a fix as an ordinary edit.
 */

export type CheckKind =
  | 'introColon'
  | 'itemSemicolon'
  | 'lastItemStop'
  | 'paragraphStop'
  | 'headingStop'
  | 'singleItem'
  | 'emptyTitle'
  | 'emptyHeading'
  | 'emptyBlock'
  | 'emptyArticle'
  | 'emptyDivision'
  | 'brokenReference'
  | 'selfReference'
  | 'typedReference'
  | 'duplicateHeading'
  | 'unusedTerm'
  | 'duplicateTerm'
  | 'termBeforeIntroduced'
  | 'unpaired'
  | 'doubleSpace'
  | 'spaceBeforePunctuation'

/** A replacement of the document's content from `from` to `to` (ProseMirror positions): by `text`, or by a cross-reference to `xref`. */
export interface CheckFix {
  from: number
  to: number
  text: string
  /** The id of the article or chapter a typed number is made a cross-reference to. */
  xref?: string
}

export interface DraftIssue {
  /** Stable while the text around it stays: the kind, the place, the block and the issue's count in it. */
  key: string
  kind: CheckKind
  /** The place it is in (an article, a division's heading, the title, the preamble, the conclusions). */
  place: Pick<Place, 'id' | 'kind' | 'label' | 'heading'>
  /** The block's number ("2.", "(b)", «а)»), '' for an unnumbered one or the place's own heading line. */
  blockLabel: string
  /** For a point or sub-point, the numbered paragraph and point it is in, outermost first. */
  blockWithin?: BlockAncestor[]
  /** The block's kind: a body block's, 'heading' for a heading line, 'paragraph' for the preamble's and the conclusions'. */
  blockKind: 'clause' | 'point' | 'subpoint' | 'heading' | 'title' | 'paragraph'
  /** Where the caret goes to show it: inside the block (ProseMirror position). */
  pos: number
  /** What it is about: the marks unpaired, the article with the same heading, the expected mark. */
  detail: string
  fix: CheckFix | null
}

/**
 * The fixes of `issues` to make in one edit, from the last: a fix reaching into one made after it
 * is left for the next check (the two spaces before a mark: one fix or the other, not both).
 */
export function fixesInOneEdit(issues: readonly DraftIssue[]): CheckFix[] {
  let floor = Infinity
  return issues
    .flatMap((issue) => (issue.fix ? [issue.fix] : []))
    .sort((a, b) => b.from - a.from)
    .filter((fix) => fix.to <= floor && ((floor = fix.from), true))
}

/** Makes a fix in `tr`: its text in place of the range, or a cross-reference to the article or chapter it names. */
export function makeFix(tr: Transaction, fix: CheckFix): void {
  if (fix.xref) tr.replaceWith(fix.from, fix.to, tr.doc.type.schema.nodes.xref.create({ target: fix.xref }))
  else tr.insertText(fix.text, fix.from, fix.to)
}

/** A textblock's text as positions: a reference counts one character (U+FFFC), as it takes one position. */
interface BlockText {
  node: PMNode
  /** Position of the block's content start. */
  start: number
  /** Text with each reference as U+FFFC; the same length as the content. */
  chars: string
  /** What names it in issues' keys when it has no id: a preamble's paragraph by its index (its offset moves as the one before changes). */
  key?: string
}

const OBJECT = '\uFFFC'
const CLOSERS = '»”"\')\\]'
/** A block that opens with a quotation mark quotes another text (an amending law's new wording). */
const QUOTE_OPENERS = /^[«“"„]/
/** A block that is a quotation from end to end: its closing mark last, or before the sentence's own. */
const QUOTED_WHOLE = /[»”"][.;:,]?$/

/** Endings that close a sentence, introduce a list, or go on with it: a mark, then closing quotes or brackets. */
const ENDS_WITH = {
  stop: new RegExp(`\\.[${CLOSERS}]*$`),
  colon: new RegExp(`:[${CLOSERS}]*$`),
  semicolon: new RegExp(`;[${CLOSERS}]*(\\s+(and|or|и|или))?$`, 'i'),
}

/** An issue found in one top-level node, its positions from the node's own (0). */
interface Finding {
  kind: CheckKind
  blockKind: DraftIssue['blockKind']
  blockLabel: string
  /** The block's id, or its offset in the node. */
  blockKey: string
  at: number
  detail: string
  fix: CheckFix | null
}

/** What a top-level node holds for the checks across the law: its heading's words, its references. */
interface NodeScan {
  findings: Finding[]
  heading: string
  references: { target: unknown; finding: Omit<Finding, 'kind' | 'detail' | 'fix'> }[]
  /** References to this law typed as words and numbers ("статье 4 настоящего Закона"), made cross-references only on asking. */
  typed: { finding: Omit<Finding, 'kind' | 'fix'>; unit: TypedUnit | null; num: string; from: number; to: number }[]
  /** Its words as stems, and the terms it defines, each with where it is (its detail the term). */
  words: NodeTerms
  termFindings: Omit<Finding, 'kind' | 'fix'>[]
  /** Where each piece of its words starts, to show a term used there. */
  pieceFindings: Omit<Finding, 'kind' | 'fix' | 'detail'>[]
}

/** Scans of articles, per language: an article unchanged since the last run is not read again (ProseMirror's nodes are immutable). */
const scans: Record<Language, WeakMap<PMNode, NodeScan>> = { en: new WeakMap(), ru: new WeakMap() }

export function checkDraft(doc: PMNode, language: Language): DraftIssue[] {
  const numbered = numberDocument(doc, language)
  const numbers = xrefNumbers(numbered)
  // What a typed "Article 4" or "Chapter II" names now, to offer it as a cross-reference.
  const byNumber = new Map(numbered.flatMap((n) => (n.id && (n.kind === 'article' || n.kind === 'chapter') ? [[`${n.kind}:${n.num.toLowerCase()}`, n.id] as const] : [])))
  const placed = placedScans(doc, language)
  const within = blockAncestors(numbered)
  const issues: DraftIssue[] = []
  const counts = new Map<string, number>()
  const headings = new Map<string, string>()
  /** Divisions whose articles are still to come, innermost last: a division met again at its rank or above, or the end, finds it empty. */
  let waiting: { rank: number; place: Place; offset: number; node: PMNode }[] = []
  const add = (place: Place, offset: number, f: Finding) => {
    const base = `${f.kind}:${place.id}:${f.blockKey}`
    const n = counts.get(base) ?? 0
    counts.set(base, n + 1)
    const fix = f.fix && { ...f.fix, from: f.fix.from + offset, to: f.fix.to + offset }
    const blockWithin = within.get(f.blockKey)
    issues.push({ key: `${base}:${n}`, kind: f.kind, place: placeRef(place), blockKind: f.blockKind, blockLabel: f.blockLabel, ...(blockWithin?.length ? { blockWithin } : {}), pos: f.at + offset, detail: f.detail, fix })
  }
  const emptyDivision = (d: (typeof waiting)[number]) =>
    add(d.place, d.offset, { kind: 'emptyDivision', blockKind: 'heading', blockLabel: '', blockKey: 'heading', at: endOf(textOf(d.node, 1)), detail: '', fix: null })
  for (const { node, scan, place, offset } of placed) {
    for (const f of scan.findings) add(place, offset, f)
    const rank = structuralRank(node.type.name)
    if (rank > 0 || node.type.name === 'article' || node.type.name === 'conclusions') {
      const closed = node.type.name === 'article' ? [] : waiting.filter((d) => node.type.name === 'conclusions' || d.rank <= rank)
      for (const d of closed) emptyDivision(d)
      waiting = node.type.name === 'article' ? [] : waiting.filter((d) => !closed.includes(d))
      if (rank > 0) waiting.push({ rank, place, offset, node })
    }
    for (const r of scan.references) {
      if (typeof r.target !== 'string' || !numbers.has(r.target)) add(place, offset, { ...r.finding, kind: 'brokenReference', detail: xrefText(r.target, numbers), fix: null })
      // An article refers to itself as «настоящая статья», "this article", not by its number (its parts by number are fine: «части 2 настоящей статьи»).
      else if (node.type.name === 'article' && r.target === node.attrs.id) add(place, offset, { ...r.finding, kind: 'selfReference', detail: '', fix: null })
    }
    for (const t of scan.typed) {
      const target = t.unit && byNumber.get(`${t.unit}:${t.num.toLowerCase()}`)
      add(place, offset, { ...t.finding, kind: 'typedReference', fix: target ? { from: t.from, to: t.to, text: '', xref: target } : null })
    }
    if (node.type.name === 'article' && scan.heading) {
      const first = headings.get(scan.heading)
      const heading = textOf(node.child(0), 2)
      if (first) add(place, offset, { kind: 'duplicateHeading', blockKind: 'heading', blockLabel: '', blockKey: 'heading', at: endOf(heading), detail: first, fix: null })
      else headings.set(scan.heading, place.label)
    }
  }
  waiting.forEach(emptyDivision)
  for (const t of termIssues(placed.map((p) => p.scan.words))) {
    const { scan, place, offset } = placed[t.node]
    const finding = scan.termFindings[t.term]
    if (t.kind !== 'termBeforeIntroduced') add(place, offset, { ...finding, kind: t.kind, fix: null })
    else {
      // Shown where it is first used: that is where the text should introduce it.
      const use = placed[t.usedAt.node]
      add(use.place, use.offset, { ...use.scan.pieceFindings[t.usedAt.piece], kind: t.kind, detail: finding.detail, fix: null })
    }
  }
  // In the order of the text; the sort is stable, so issues at one position keep the order found.
  return issues.sort((a, b) => a.pos - b.pos)
}

/** A term the law defines, and where. */
export interface LawTerm {
  /** Stable while the text around it stays: its place, block and the term's count in it. */
  key: string
  term: string
  place: DraftIssue['place']
  blockKind: DraftIssue['blockKind']
  blockLabel: string
  /** Right after the term, where it is defined (ProseMirror position). */
  pos: number
  /** Introduced by a provision («(далее — …)»), not a definitions article: used only after it. */
  introduced: boolean
  /** For its own article or division only («(далее в настоящей статье — …)», «(далее в настоящей главе — …)»): used only there. */
  within: TermScope | null
  /** Where such a term holds (ProseMirror positions, `to` excluded), and the article or division that is; null for one of the whole law (one for a chapter in a law without chapters). */
  scope: { from: number; to: number; place: DraftIssue['place']; num: string } | null
}

/** A term the law defines, where, and how many times the text uses it. */
export interface DefinedTerm extends LawTerm {
  uses: number
}

/** The terms the law defines, in the order of the text: a definitions article's and those introduced in provisions («(далее — …)»). */
export function lawTermsOf(doc: PMNode, language: Language): LawTerm[] {
  const placed = placedScans(doc, language)
  const ranks = placed.map((p) => p.scan.words.rank)
  return placed.flatMap((p, n) => p.scan.words.terms.map((_, k) => lawTerm(doc, placed, ranks, n, k)))
}

/** The same, with how many times the text uses each, in whatever form. */
export function definedTermsOf(doc: PMNode, language: Language): DefinedTerm[] {
  const placed = placedScans(doc, language)
  const ranks = placed.map((p) => p.scan.words.rank)
  return termUses(placed.map((p) => p.scan.words)).map(({ node, term, uses }) => ({ ...lawTerm(doc, placed, ranks, node, term), uses }))
}

/** Term `k` of placed node `n`; `ranks`: the placed nodes' ranks, for its scope. */
function lawTerm(doc: PMNode, placed: readonly PlacedScan[], ranks: readonly number[], n: number, k: number): LawTerm {
  const { scan, place, offset } = placed[n]
  const f = scan.termFindings[k]
  const { usedFrom, within } = scan.words.terms[k]
  const [from, to] = scopeOf(ranks, n, within)
  // A scope that is the whole law (one of the law's, or no division of that rank around it) is none.
  const scope = from > 0 || to < placed.length ? { from: placed[from].offset, to: placed[to]?.offset ?? doc.content.size, place: placeRef(placed[from].place), num: placed[from].place.num } : null
  return { key: `${place.id}:${f.blockKey}:${k}`, term: f.detail, place: placeRef(place), blockKind: f.blockKind, blockLabel: f.blockLabel, pos: f.at + offset, introduced: usedFrom !== null, within, scope }
}

type PlacedScan = { node: PMNode; scan: NodeScan; place: Place; offset: number }

/** Each top-level node that is a place (the title, the preamble, a heading, an article, the conclusions), with its scan. */
function placedScans(doc: PMNode, language: Language): PlacedScan[] {
  const places = new Map(placesOf(doc, language).map((p) => [p.id, p]))
  const placed: PlacedScan[] = []
  doc.forEach((node, offset) => {
    const placeId = placeIdOf(node.type.name, node.attrs.id)
    const place = placeId ? places.get(placeId) : undefined
    if (place) placed.push({ node, scan: scanOf(node, language), place, offset })
  })
  return placed
}

const placeRef = (place: Place): DraftIssue['place'] => ({ id: place.id, kind: place.kind, label: place.label, heading: place.heading })

/** A top-level node's scan: an article's kept while it is unchanged. */
function scanOf(node: PMNode, language: Language): NodeScan {
  let scan = node.type.name === 'article' ? scans[language].get(node) : undefined
  if (!scan) {
    scan = scanNode(node, language)
    if (node.type.name === 'article') scans[language].set(node, scan)
  }
  return scan
}

/** A node's rank as terms' scopes see it (structuralRank): the conclusions, after the last article, end every division. */
const rankOf = (node: PMNode) => (node.type.name === 'conclusions' ? Infinity : structuralRank(node.type.name))

/** Everything about one top-level node that depends on it alone. */
function scanNode(node: PMNode, language: Language): NodeScan {
  const scan: NodeScan = { findings: [], heading: '', references: [], typed: [], words: { rank: rankOf(node), pieces: [], terms: [] }, termFindings: [], pieceFindings: [] }
  const { pieces, terms } = scan.words
  const term = (block: BlockText, blockKind: DraftIssue['blockKind'], blockLabel: string, at: { term: string; to: number; within?: TermScope | null }, usedFrom: number | null) => {
    terms.push({ term: at.term, line: stemLine(at.term), usedFrom, capital: capitalOnly(at.term, usedFrom !== null), within: at.within ?? null })
    scan.termFindings.push({ blockKind, blockLabel, blockKey: keyOf(block), at: block.start + at.to, detail: at.term })
    return terms.length - 1
  }
  /** The block's words, less the parentheses introducing a term («(далее — …)»): the term is used only after them. */
  const wordsOf = (block: BlockText, blockKind: DraftIssue['blockKind'], blockLabel: string, owner: number | null = null) => {
    const piece = (from: number, to?: number) => {
      pieces.push({ text: block.chars.slice(from, to), owner })
      scan.pieceFindings.push({ blockKind, blockLabel, blockKey: keyOf(block), at: block.start + from })
    }
    let from = 0
    for (const inline of inlineDefinitions(block.chars)) {
      piece(from, inline.start)
      term(block, blockKind, blockLabel, inline, pieces.length)
      from = inline.end
    }
    piece(from)
  }
  const typedIn = (block: BlockText, blockKind: DraftIssue['blockKind'], blockLabel: string) => {
    for (const t of typedReferences(block.chars)) {
      scan.typed.push({ finding: { blockKind, blockLabel, blockKey: keyOf(block), at: block.start + t.from, detail: t.words }, unit: t.unit, num: t.num, from: block.start + t.numFrom, to: block.start + t.numTo })
    }
  }
  const found = (kind: CheckKind, block: BlockText, blockKind: DraftIssue['blockKind'], blockLabel: string, detail: string, fix: CheckFix | null, at = endOf(block)) =>
    scan.findings.push({ kind, blockKind, blockLabel, blockKey: keyOf(block), at, detail, fix })
  const typography = (block: BlockText, blockKind: DraftIssue['blockKind'], blockLabel: string, quotes = true) => {
    typographyOf(block, blockKind, blockLabel, found, quotes)
    block.node.forEach((child, offset) => {
      if (child.type.name === 'xref') scan.references.push({ target: child.attrs.target, finding: { blockKind, blockLabel, blockKey: keyOf(block), at: block.start + offset } })
    })
  }
  if (node.type.name === 'lawTitle') {
    const title = textOf(node, 1)
    if (!title.chars.trim()) found('emptyTitle', title, 'title', '', '', null)
    typography(title, 'title', '')
    wordsOf(title, 'title', '')
  } else if (node.type.name === 'preamble' || node.type.name === 'conclusions') {
    node.forEach((paragraph, inner, index) => {
      const text = { ...textOf(paragraph, 1 + inner + 1), key: `p${index}` }
      typography(text, 'paragraph', '')
      typedIn(text, 'paragraph', '')
      wordsOf(text, 'paragraph', '')
    })
  } else if (isDivisionType(node.type.name)) {
    const heading = textOf(node, 1)
    headingChecks(heading, found)
    typography(heading, 'heading', '')
    wordsOf(heading, 'heading', '')
  } else if (node.type.name === 'article') {
    const numbered: NumberedNode[] = []
    numberArticleBody(node, 1, language, numbered)
    const labels = new Map(numbered.map((n) => [n.id, n.label]))
    const blocks: ListBlock[] = []
    node.forEach((child, inner) => {
      const text = textOf(child, 1 + inner + 1)
      if (child.type.name === 'articleHeading') {
        headingChecks(text, found)
        typography(text, 'heading', '')
        wordsOf(text, 'heading', '')
        scan.heading = normalised(text.chars)
      } else if (isBodyType(child.type.name)) {
        const label = labels.get(child.attrs.id) ?? ''
        blocks.push({ text, kind: child.type.name, label })
        if (!text.chars.trim()) found('emptyBlock', text, child.type.name, label, '', null, text.start)
        typography(text, child.type.name, label, false)
      }
    })
    if (blocks.length === 0) found('emptyArticle', textOf(node.child(0), 2), 'heading', '', '', null)
    const definitions = isDefinitionsArticle(scan.heading, blocks[0]?.text.chars ?? '')
    eachDefinition(blocks, (block) => DEPTH[block.kind], (block) => block.text.chars, definitions, (block, definition, owner) => {
      const own = definition ? term(block.text, block.kind, block.label, definition, null) : owner
      wordsOf(block.text, block.kind, block.label, own)
      return own
    })
    const quoted = quotations(blocks, found)
    enumerations(blocks, quoted, found)
    // An article quoting new wording amends another law: its numbers ("Статью 5 изложить…", "Article 6 is repealed") are that law's.
    if (quoted.size === 0) blocks.forEach((block) => typedIn(block.text, block.kind, block.label))
  }
  return scan
}

type Found = (kind: CheckKind, block: BlockText, blockKind: DraftIssue['blockKind'], blockLabel: string, detail: string, fix: CheckFix | null, at?: number) => void

interface ListBlock {
  text: BlockText
  kind: 'clause' | 'point' | 'subpoint'
  label: string
}

/** Where an issue at the end of a block's words is shown: after the last of them. */
function endOf(block: BlockText): number {
  return block.start + block.chars.trimEnd().length
}

function keyOf(block: BlockText): string {
  return block.key ?? (typeof block.node.attrs.id === 'string' ? block.node.attrs.id : String(block.start))
}

function textOf(node: PMNode, start: number): BlockText {
  let chars = ''
  node.forEach((child) => {
    chars += child.isText ? child.text ?? '' : OBJECT.repeat(child.nodeSize)
  })
  return { node, start, chars }
}

/** A heading's words for comparing: case, ё/е and spacing aside. */
function normalised(chars: string): string {
  return chars.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е')
}

function headingChecks(heading: BlockText, found: Found): void {
  const words = heading.chars.trimEnd()
  if (!words.trim()) {
    found('emptyHeading', heading, 'heading', '', '', null, heading.start)
    return
  }
  // A heading is a name, not a sentence: no full stop (an ellipsis's or an abbreviation's, «т.д.», aside).
  const last = words.split(/\s/).pop()!
  if (words.endsWith('.') && !words.endsWith('..') && !last.slice(0, -1).includes('.')) {
    found('headingStop', heading, 'heading', '', '.', { from: heading.start + words.length - 1, to: heading.start + words.length, text: '' })
  }
}

/**
 * The punctuation of an article's paragraphs, points and sub-points. A block followed by a block
 * one level down introduces it (":"); an item followed by another of its list, or whose list goes
 * on after its own sub-points, ends with ";"; the last item of a list and a paragraph that
 * introduces nothing end with ".", and a list has more than one item. A list whose items all end with a full stop (sentences) is
 * left as it is, and so are quoted blocks (an amending law's new wording, «…»), which a block
 * ending with a colon may introduce.
 */
function enumerations(blocks: ListBlock[], quoted: ReadonlySet<number>, found: Found): void {
  // Lists of sentences: every item of the run after an introduction ends with a full stop.
  const sentences = new Set<number>()
  for (let i = 0; i < blocks.length; ) {
    if (blocks[i].kind === 'clause') {
      i++
      continue
    }
    let j = i
    while (j < blocks.length && blocks[j].kind !== 'clause') j++
    const items = blocks.slice(i, j).filter((b, k) => !(k + i + 1 < j && DEPTH[blocks[k + i + 1].kind] > DEPTH[b.kind]))
    if (items.length > 1 && items.every((b) => ENDS_WITH.stop.test(b.text.chars.trimEnd()))) for (let k = i; k < j; k++) sentences.add(k)
    i = j
  }
  blocks.forEach((block, i) => {
    const words = block.text.chars.trimEnd()
    if (!words.trim() || quoted.has(i)) return
    const next = blocks[i + 1]
    if (quoted.has(i + 1) && ENDS_WITH.colon.test(words)) return
    let expected: 'colon' | 'semicolon' | 'stop'
    if (next && DEPTH[next.kind] > DEPTH[block.kind]) expected = 'colon'
    else if (block.kind === 'clause') expected = 'stop'
    else if (sentences.has(i)) return
    else if (next && next.kind !== 'clause') expected = 'semicolon'
    else expected = 'stop'
    if (ENDS_WITH[expected].test(words)) return
    const kind: CheckKind = expected === 'colon' ? 'introColon' : expected === 'semicolon' ? 'itemSemicolon' : block.kind === 'clause' ? 'paragraphStop' : 'lastItemStop'
    const mark = expected === 'colon' ? ':' : expected === 'semicolon' ? ';' : '.'
    found(kind, block.text, block.kind, block.label, mark, endFix(block.text, words, mark))
  })
  // A list of one item is no list: drafting manuals have it written into the words introducing it.
  blocks.forEach((block, i) => {
    let items = 0
    for (let j = i + 1; j < blocks.length && DEPTH[blocks[j].kind] > DEPTH[block.kind]; j++) if (DEPTH[blocks[j].kind] === DEPTH[block.kind] + 1) items++
    const item = blocks[i + 1]
    if (items === 1 && !quoted.has(i + 1)) found('singleItem', item.text, item.kind, item.label, '', null, item.text.start)
  })
}

/** Puts `mark` at the end of the words: in place of a wrong mark there (inside closing quotes or brackets too), else after them all. */
function endFix(block: BlockText, words: string, mark: string): CheckFix {
  const closers = new RegExp(`[${CLOSERS}]*$`).exec(words)![0]
  const body = words.slice(0, words.length - closers.length)
  if (/[.;:,]$/.test(body)) return { from: block.start + body.length - 1, to: block.start + body.length, text: mark }
  const end = block.start + words.length
  return { from: end, to: end, text: mark }
}

/**
 * Unpaired marks, double spaces and spaces before punctuation in one block. Quotation marks are
 * the block's own to pair unless it is in an article's body (`quotes` false: see quotations).
 */
function typographyOf(block: BlockText, blockKind: DraftIssue['blockKind'], blockLabel: string, found: Found, quotes = true): void {
  const chars = block.chars
  const marks = unpaired(balanceOf(chars), quotes ? [...QUOTES, ...BRACKETS] : BRACKETS, quotes)
  if (marks) found('unpaired', block, blockKind, blockLabel, marks, null)
  // Between words only: before a punctuation mark the spaces go whole (below).
  for (const m of chars.matchAll(/(\S)( {2,}|\u00a0 +| +\u00a0)(?=[^\s,;:.)»”\]])/g)) {
    const from = block.start + m.index! + 1
    found('doubleSpace', block, blockKind, blockLabel, '', { from, to: from + m[2].length, text: ' ' }, from)
  }
  for (const m of chars.matchAll(/(\S)([ \u00a0]+)([,;:.)»”\]])/g)) {
    // An ellipsis after a space ("and so on ...") is left as typed.
    if (m[3] === '.' && chars.slice(m.index! + m[0].length).startsWith('..')) continue
    const from = block.start + m.index! + 1
    found('spaceBeforePunctuation', block, blockKind, blockLabel, m[3], { from, to: from + m[2].length, text: '' }, from)
  }
}

/** Pairs a block must close itself; quotations may run over several blocks of an article (an amending law's new wording). */
const BRACKETS = ['()', '[]']
const QUOTES = ['«»', '“”']
const PAIR_MARKS = /[«»()[\]“”"]/g

/** How a run of text leaves each pair: its depth after it (opened less closed), whether it closed one not opened, and its straight quotes. */
interface Balance {
  depth: Map<string, number>
  negative: Set<string>
  straight: number
}

function balanceOf(chars: string, from: Balance = { depth: new Map(), negative: new Set(), straight: 0 }): Balance {
  const balance: Balance = { depth: new Map(from.depth), negative: new Set(), straight: from.straight }
  for (const [mark] of chars.matchAll(PAIR_MARKS)) {
    if (mark === '"') {
      balance.straight++
      continue
    }
    const pair = [...BRACKETS, ...QUOTES].find((p) => p.includes(mark))!
    const d = (balance.depth.get(pair) ?? 0) + (mark === pair[0] ? 1 : -1)
    if (d < 0) balance.negative.add(pair)
    balance.depth.set(pair, Math.max(d, 0))
  }
  return balance
}

/**
 * The marks `balance` leaves without their pair, as "« )": an opening one left open, a closing
 * one that closed nothing (and '"' for an odd number of straight quotes). It gave the pair, «»,
 * which did not say which of the two to look for.
 */
function unpaired(balance: Balance, pairs: readonly string[], straight: boolean): string {
  const out: string[] = []
  for (const p of pairs) {
    if (balance.negative.has(p)) out.push(p[1])
    if ((balance.depth.get(p) ?? 0) > 0) out.push(p[0])
  }
  if (straight && balance.straight % 2 === 1) out.push('"')
  return out.join(' ')
}

/**
 * Quotation marks over an article's body: a quotation may open in one block and close in a later
 * one. Reports the block that closes one never opened, and the block whose quotation is never
 * closed; marks which blocks are inside a quotation (their punctuation is the quoted text's).
 */
function quotations(blocks: ListBlock[], found: Found): Set<number> {
  const inside = new Set<number>()
  let balance: Balance = { depth: new Map(), negative: new Set(), straight: 0 }
  let opened = -1
  const isOpen = (b: Balance) => QUOTES.some((p) => (b.depth.get(p) ?? 0) > 0) || b.straight % 2 === 1
  blocks.forEach((block, i) => {
    const open = isOpen(balance)
    balance = balanceOf(block.text.chars, balance)
    const closedUnopened = unpaired({ ...balance, depth: new Map() }, QUOTES, false)
    if (closedUnopened) found('unpaired', block.text, block.kind, block.label, closedUnopened, null)
    const stillOpen = isOpen(balance)
    if (stillOpen && !open) opened = i
    // Quoted wording: inside a quotation from an earlier block, or opening one that runs on or takes the whole block
    // (not a definition's “term” means …, whose quotation closes within its words).
    const words = block.text.chars.trim()
    if (open || (QUOTE_OPENERS.test(words) && (stillOpen || QUOTED_WHOLE.test(words)))) inside.add(i)
  })
  const left = unpaired({ ...balance, negative: new Set() }, QUOTES, true)
  if (left && opened >= 0) found('unpaired', blocks[opened].text, blocks[opened].kind, blocks[opened].label, left, null)
  return inside
}

/** The units a typed reference may name that a cross-reference can stand for: an article, a chapter. */
type TypedUnit = 'article' | 'chapter'

/** A word naming a unit of a law ("статье", "пунктом", "Article", "paragraphs"), before its number. */
const UNIT = /(?<![\p{L}\d])(стать[а-яё]*|глав[а-яё]*|част[а-яё]*|пункт[а-яё]*|подпункт[а-яё]*|абзац[а-яё]*|articles?|chapters?|paragraphs?|subparagraphs?|points?|sub-points?)\s+(\d+(?:\.\d+)*|[IVXLC]+(?![\p{L}\d])|\([a-z]{1,4}\))/giu
/** What may join the units and numbers of one reference: "пункт 2 части 1 статьи 5", "Articles 4 and 5", "paragraph 2 of Article 4". */
const JOIN = /^(\s*,\s*|\s+(и|или|and|or|of)\s+|\s*[–-]\s*|\s+)/i
/** What may join a further bare number to a reference ("статьями 4 и 5"): not a space alone ("статье 4 5 раз" is not a list). */
const LIST_JOIN = /^(\s*,\s*|\s+(и|или|and|or)\s+|\s*[–-]\s*)$/i
const CHAINED_UNIT = new RegExp(`^${UNIT.source}`, 'iu')
const MORE_NUMBER = /^(\d+(?:\.\d+)*|[IVXLC]+(?![\p{L}\d])|\([a-z]{1,4}\))/u
/** After a reference: this law's ("настоящего Закона", "of this Law"), or another's (a name: "Конвенции", "of the Protocol", «…»). */
const OF_THIS_LAW = /^\s*(,\s*)?(настоящ[а-яё]+|of\s+(this|the\s+present)\s)/i
const OF_ANOTHER = /^\s*(,\s*)?(of\s+the\s+)?[«“"„A-ZА-ЯЁ]/

/**
 * References typed as words and numbers where a cross-reference would follow renumbering: a unit
 * and its number, with the units and numbers chained to it, unless another act is named right
 * after (its numbers are that act's). An imported draft brings its references so.
 */
function typedReferences(chars: string): { from: number; words: string; unit: TypedUnit | null; num: string; numFrom: number; numTo: number }[] {
  const out: ReturnType<typeof typedReferences> = []
  UNIT.lastIndex = 0
  for (let m = UNIT.exec(chars); m; m = UNIT.exec(chars)) {
    const from = m.index
    let end = from + m[0].length
    let parts = 1
    // The chain: more units and numbers, or more numbers, joined.
    for (;;) {
      const rest = chars.slice(end)
      const join = JOIN.exec(rest)
      if (!join) break
      const after = rest.slice(join[0].length)
      const unit = CHAINED_UNIT.exec(after)
      const number = unit ? null : MORE_NUMBER.exec(after)
      const next = unit ?? number
      if (!next || (number && !LIST_JOIN.test(join[0]))) break
      end += join[0].length + next[0].length
      parts++
    }
    UNIT.lastIndex = end
    const after = chars.slice(end, end + 60)
    if (OF_ANOTHER.test(after) && !OF_THIS_LAW.test(after)) continue
    const word = m[1].toLowerCase()
    const unit: TypedUnit | null = parts > 1 ? null : /^(стать|article)/.test(word) ? 'article' : /^(глав|chapter)/.test(word) ? 'chapter' : null
    const numFrom = from + m[0].length - m[2].length
    out.push({ from, words: chars.slice(from, end), unit, num: m[2], numFrom, numTo: numFrom + m[2].length })
  }
  return out
}
