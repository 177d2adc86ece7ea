import { structuralRank, type DivisionType } from '../schema'
import { eachWord, stemOf, stemsOf, SUPPLETIVE_STEMS } from './stems'

/**
 * Defined terms: those of a definitions article («Основные понятия», "Definitions") — «торговля
 * людьми — …», "“victim” means …" — and those a provision introduces as it goes, «(далее —
 * уполномоченный орган)», "(hereinafter “the Agency”)". Drafting manuals ask that a term be
 * defined once, and only if the law uses it: a definition the text never uses again is a sign that
 * a provision was dropped or reworded without it. The term is looked for by its words' stems, in
 * whatever case and number the text has it.
 */

/** Where a term stands in a block's words (character offsets) and what it is. */
export interface TermAt {
  term: string
  from: number
  to: number
}

/** A piece of a top-level node's words, to find a term in. */
export interface WordsPiece {
  text: string
  /** Its stems joined by spaces (' торговл людьм '), made when a term is first looked for in it: a law that defines nothing pays nothing. */
  line?: string
  /** Whether it holds each term looked for so far: a piece of an article unchanged since the last check is not searched again. */
  holds?: Map<string, boolean>
  /** Its words lower-cased, ё as е: looked at before its stems are made. */
  folded?: string
  /** The index (in its node's terms) of the definition these are the words of: they are not a use of that term. */
  owner: number | null
}

/**
 * Where a term a provision introduces holds, when not the whole law: its own article («(далее в
 * настоящей статье — …)», and «в настоящей части / пункте», taken as the article), or the
 * division it stands in («в настоящей главе», "in this Chapter").
 */
export type TermScope = 'article' | DivisionType

export interface NodeTerms {
  /** The node's rank as a division (structuralRank): 0 for an article, the title or the preamble; the conclusions rank above every division, ending them all. */
  rank: number
  pieces: WordsPiece[]
  terms: {
    term: string
    line: string
    /** Introduced in the text («(далее — …)»): used only after, from this piece on. */
    usedFrom: number | null
    /** Used only with a capital (capitalOnly). */
    capital: boolean
    /** Introduced for its own article or division only: used only there, and defined again elsewhere as it may be. */
    within: TermScope | null
  }[]
}

/** An article of definitions: by its heading (not «Участие понятых», "Terms of office"), or by the words introducing its list. */
const DEFINITIONS_HEADING = /поняти[еяй]|термин|определени|definition|meaning|interpretation|use of terms|terms used/i
const DEFINITIONS_INTRO = /следующие\s+(основные\s+)?(понятия|термины|определения)|(понятия|термины)[^:]{0,200}?(используются|применяются|означают)|following\s+(terms|expressions|words|definitions)|(terms|expressions|words)\s+(used|have)\b|\bmeanings?\s+(given|assigned|set\s+out)/i

export function isDefinitionsArticle(heading: string, firstBlock: string): boolean {
  return DEFINITIONS_HEADING.test(heading) || DEFINITIONS_INTRO.test(firstBlock.trim())
}

/** A term of at most eight words, starting with a letter. */
const isTerm = (term: string) => /^\p{L}/u.test(term) && term.split(/\s+/).length <= 8

/** The term as the text uses it: "the Agency" is used as "Agency" ("an Agency's", "the Agency"). */
function termAt(chars: string, found: string, near: number): TermAt | null {
  const term = found.trim().replace(/^the\s+/i, '')
  if (!isTerm(term)) return null
  const from = chars.indexOf(term, near)
  return { term, from, to: from + term.length }
}

/** «торговля людьми — …», «„жертва“ – …»: the term before a dash. */
const RUSSIAN_DEFINITION = /^\s*[«"„“]?([^—–:;.,«»"„“”()]{1,80}?)[»"“”]?\s+[—–-]\s+\S/u
/** "“victim” means …", "'child' shall mean …", "the term “Agency” refers to …": the quoted term before "means". */
const ENGLISH_DEFINITION = /^\s*(?:the\s+(?:term|expression)\s+)?[“"‘']([^”"’']{1,80})[”"’']\s+(?:means|shall\s+mean|includes|shall\s+include|refers\s+to|has\s+the\s+meaning)\b/iu

/** The term an item of a definitions article defines, or null when it defines none. */
export function definitionIn(chars: string): TermAt | null {
  const m = ENGLISH_DEFINITION.exec(chars) ?? RUSSIAN_DEFINITION.exec(chars)
  return m && termAt(chars, m[1], m.index)
}

/** How deep a block of an article's body stands: a paragraph, a point in it, a sub-point in that. */
export const BLOCK_DEPTH = { clause: 0, point: 1, subpoint: 2 } as const

/**
 * Goes through an article's blocks with the definition each is part of: in an article of
 * definitions, an item defining a term, and the blocks under it («эксплуатация — …, включая: а) …»).
 * `visit` returns the index of the term whose definition the block is in, or null.
 */
export function eachDefinition<T>(
  blocks: readonly T[],
  depthOf: (block: T) => number,
  textOf: (block: T) => string,
  definitions: boolean,
  visit: (block: T, definition: TermAt | null, owner: number | null) => number | null,
): void {
  let owner: number | null = null
  let ownerDepth = -1
  for (const block of blocks) {
    if (depthOf(block) <= ownerDepth) owner = null
    const definition = definitions && owner === null ? definitionIn(textOf(block)) : null
    owner = visit(block, definition, owner)
    if (definition) ownerDepth = depthOf(block)
    if (owner === null) ownerDepth = -1
  }
}

/**
 * «(далее — уполномоченный орган)», «(далее также – «Агентство»)», "(hereinafter “the Agency”)", "(hereinafter referred to as "the Fund")", "(the “Agency”)";
 * for its own article or division only: «(далее в настоящей статье — заявитель)», «(далее в настоящей части — …)», «(далее в настоящей главе — …)», "(hereinafter in this Article “the applicant”)", "(hereinafter in this Chapter …)".
 */
const INLINE = /\(\s*(?:далее(?:\s+(?:также|по\s+тексту))?(?:\s+в\s+настоящ(?:ей|ем)\s+(?<ruScope>стать|част|пункт|глав|раздел|параграф)[а-яё]*)?\s*[—–-]\s*[«"„“]?(?<ru>[^()«»"„“”]{1,80}?)[»"“”]?|(?:hereinafter(?:\s+in\s+this\s+(?<enScope>article|paragraph|chapter|part|section))?(?:\s+referred\s+to\s+as)?\s*|the\s+)[“"‘'](?<en>[^”"’'()]{1,80})[”"’'])\s*\)/giu

/** What the scope's word names: a part of an article is taken as the article. */
const SCOPES: Record<string, TermScope> = { глав: 'chapter', chapter: 'chapter', раздел: 'part', part: 'part', параграф: 'section', section: 'section' }

/** A term a provision introduces: the parenthesis doing it (`start`, `end`), and where it holds when not the whole law («далее в настоящей статье»). */
export type InlineTerm = TermAt & { start: number; end: number; within: TermScope | null }

/** The terms a block's words introduce as they go, each with the parenthesis that does it. */
export function inlineDefinitions(chars: string): InlineTerm[] {
  // Most blocks have no parenthesis: the pattern's case-insensitive Unicode search costs ~2 µs a block even so.
  if (!chars.includes('(')) return []
  return Array.from(chars.matchAll(INLINE)).flatMap((m) => {
    const { ru, en, ruScope, enScope } = m.groups!
    const at = termAt(chars, ru ?? en, m.index)
    const scope = (ruScope ?? enScope)?.toLowerCase()
    return at ? [{ ...at, start: m.index, end: m.index + m[0].length, within: scope === undefined ? null : (SCOPES[scope] ?? 'article') }] : []
  })
}

/**
 * The nodes (from, to: indices, `to` excluded) where a term introduced in node `n` holds: all for
 * one of the whole law; its own node for an article's; for a division's, the innermost division
 * around `n` of that rank or above, up to the next heading of that division's rank or above — or
 * the whole law when there is no such division.
 */
export function scopeOf(ranks: readonly number[], n: number, within: TermScope | null): [number, number] {
  if (within === null) return [0, ranks.length]
  if (within === 'article') return [n, n + 1]
  const wanted = structuralRank(within)
  let from = n
  while (from >= 0 && ranks[from] < wanted) from--
  if (from < 0) return [0, ranks.length]
  let to = n + 1
  while (to < ranks.length && ranks[to] < ranks[from]) to++
  return [from, to]
}

/** Where a text uses one of the terms: `term` is its index in the terms given. */
export interface TermUse {
  term: number
  from: number
  to: number
}

/**
 * Finds the terms' uses in a text, in whatever case and number: runs of whole words whose stems
 * are a term's, the longest where two start at one word («торговля людьми» before «торговля»),
 * none overlapping another. A term marked `capital` (see capitalOnly) is used only with one.
 */
export function termFinder(terms: readonly { term: string; capital: boolean }[]): (text: string) => TermUse[] {
  const byFirst = new Map<string, { term: number; stems: string[]; capital: boolean }[]>()
  terms.forEach(({ term, capital }, index) => {
    const stems = stemsOf(term)
    if (stems.length === 0) return
    const list = byFirst.get(stems[0]) ?? []
    list.push({ term: index, stems, capital })
    list.sort((a, b) => b.stems.length - a.stems.length)
    byFirst.set(stems[0], list)
  })
  return (text) => {
    const words: { from: number; to: number; stem: string }[] = []
    eachWord(text, (from, to) => words.push({ from, to, stem: stemOf(text.slice(from, to)) }))
    const uses: TermUse[] = []
    for (let i = 0; i < words.length; i++) {
      const found = byFirst.get(words[i].stem)?.find(({ stems, capital }) => (!capital || isCapital(text[words[i].from])) && stems.every((stem, k) => words[i + k]?.stem === stem))
      if (!found) continue
      const last = words[i + found.stems.length - 1]
      uses.push({ term: found.term, from: words[i].from, to: last.to })
      i += found.stems.length - 1
    }
    return uses
  }
}

const isCapital = (text: string) => /^\p{Lu}/u.test(text)

/**
 * Whether a term is used only with a capital: one a provision introduces with a capital in the
 * middle of its sentence («(далее — Центр)», "(hereinafter “the Board”)"), where «центр» and "a
 * board" are words of their own. A definitions article's item may start with a capital as a
 * sentence does: its term is found in either case.
 */
export function capitalOnly(term: string, introduced: boolean): boolean {
  return introduced && isCapital(term)
}

/** ' торговл людьм ': a text's stems, padded so that a term's run is found whole words only. */
export function stemLine(text: string): string {
  const stems = stemsOf(text)
  return stems.length ? ` ${stems.join(' ')} ` : ' '
}

type Term = NodeTerms['terms'][number]

/** Whether piece `i` of node `m` may hold a use of term `k` of node `n`: within its scope, not its own definition's words, and after the parenthesis introducing it. */
function mayUse(term: Term, scope: readonly [number, number], n: number, k: number, m: number, piece: WordsPiece, i: number): boolean {
  if (m < scope[0] || m >= scope[1]) return false
  return !(m === n && piece.owner === k) && (term.usedFrom === null || m > n || (m === n && i >= term.usedFrom))
}

/**
 * What every form of a term's first word holds: its stem but the last two letters (a stem differs
 * from its word at most there — a dropped vowel, one н of two — and is otherwise the word's start).
 */
const leads = new Map<string, string>()
function leadOf(term: string): string {
  let lead = leads.get(term)
  if (lead === undefined) {
    const first = term.trim().split(' ', 1)[0]
    // «ребенок» is used as «детей» too: nothing of it to look for first.
    leads.set(term, (lead = SUPPLETIVE_STEMS.has(first) ? '' : first.slice(0, Math.max(1, first.length - 2))))
  }
  return lead
}

/** A finder of one term defined with a capital («Центр», "the Board"): its uses are those with a capital. */
const capitalFinders = new Map<string, (text: string) => TermUse[]>()
function capitalUses(piece: WordsPiece, term: string): number {
  let find = capitalFinders.get(term)
  if (!find) {
    // A law has a few such terms; a server checking many laws over months keeps only the latest.
    if (capitalFinders.size >= 1000) capitalFinders.clear()
    capitalFinders.set(term, (find = termFinder([{ term, capital: true }])))
  }
  return find(piece.text).length
}

function holds(piece: WordsPiece, term: Term): boolean {
  const known = (piece.holds ??= new Map())
  const key = term.capital ? `^${term.line}` : term.line
  let found = known.get(key)
  if (found === undefined) {
    // Most pieces do not hold even the word's start: their stems are never made (a law's first check reads ~600 KB).
    const folded = (piece.folded ??= piece.text.toLowerCase().replace(/ё/g, 'е'))
    found = folded.includes(leadOf(term.line)) && (piece.line ??= stemLine(piece.text)).includes(term.line) && (!term.capital || capitalUses(piece, term.term) > 0)
    known.set(key, found)
  }
  return found
}

export type TermIssue =
  | { kind: 'unusedTerm' | 'duplicateTerm'; node: number; term: number }
  /** Where it is first used, before it is introduced: that node's piece. */
  | { kind: 'termBeforeIntroduced'; node: number; term: number; usedAt: { node: number; piece: number } }

/**
 * The terms defined but not used elsewhere, those defined again after their first definition, and
 * those a provision introduces («(далее — …)») that the text uses before it (the words just before
 * the parenthesis are the long name it shortens): by node and index.
 */
export function termIssues(nodes: readonly NodeTerms[]): TermIssue[] {
  const issues: TermIssue[] = []
  const defined = new Set<string>()
  const ranks = nodes.map((node) => node.rank)
  nodes.forEach((node, n) =>
    node.terms.forEach((term, k) => {
      if (term.line.trim() === '') return
      // One for an article or division only may be introduced again in another, or stand beside the law's own.
      if (term.within === null) {
        if (defined.has(term.line)) return void issues.push({ node: n, term: k, kind: 'duplicateTerm' })
        defined.add(term.line)
      }
      const scope = scopeOf(ranks, n, term.within)
      const used = nodes.some((other, m) => (term.usedFrom === null || m >= n) && other.pieces.some((piece, i) => mayUse(term, scope, n, k, m, piece, i) && holds(piece, term)))
      if (!used) issues.push({ node: n, term: k, kind: 'unusedTerm' })
      const { usedFrom } = term
      if (usedFrom === null) return
      for (let m = scope[0]; m <= n; m++) {
        const piece = nodes[m].pieces.findIndex((p, i) => (m < n || i < usedFrom - 1) && holds(p, term))
        if (piece >= 0) return void issues.push({ node: n, term: k, kind: 'termBeforeIntroduced', usedAt: { node: m, piece } })
      }
    }),
  )
  return issues
}

/** How many times each term is used, in whatever form (its own definition aside, and one introduced in a provision only after it): by node and index. */
export function termUses(nodes: readonly NodeTerms[]): { node: number; term: number; uses: number }[] {
  const ranks = nodes.map((node) => node.rank)
  return nodes.flatMap((node, n) =>
    node.terms.map((term, k) => {
      let uses = 0
      const scope = scopeOf(ranks, n, term.within)
      nodes.forEach((other, m) =>
        other.pieces.forEach((piece, i) => {
          if (!term.line.trim() || !mayUse(term, scope, n, k, m, piece, i) || !holds(piece, term)) return
          if (term.capital) return void (uses += capitalUses(piece, term.term))
          // Runs of stems share no space at their ends: the next is looked for from the last space matched.
          for (let at = piece.line!.indexOf(term.line); at >= 0; at = piece.line!.indexOf(term.line, at + term.line.length - 1)) uses++
        }),
      )
      return { node: n, term: k, uses }
    }),
  )
}
