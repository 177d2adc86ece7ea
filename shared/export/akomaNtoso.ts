import { structuralRank, type DocJSON } from '../schema'
import { toLetters } from '../numbering'
import { escapeXml } from './escape'
import { transliterate } from '../transliterate'
import { isoDay, versionName, type ExportMeta } from './meta'
import type { TextPart } from '../xref'
import { capitalOnly, definitionIn, inlineDefinitions, isDefinitionsArticle, termFinder, type TermAt, type TermScope, type TermUse } from '../checks/definedTerms'
import { articlesOf, lawStructure, type ArticleNode, type ChapterNode, type LawStructure, type ParagraphNode, type PartNode, type PointNode, type SectionNode, type SubpointNode } from './structure'
import { orgLabel } from '../orgLabel'

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML) export: an `act` with FRBR metadata, preface, preamble,
 * a body of part / chapter / section / article / paragraph / point and, when the law has them,
 * conclusions (every paragraph a `<p>`, as the preamble's), valid against the OASIS schema.
 *
 * eIds follow the AKN naming convention (abbreviation + "_" + number, levels joined by "__") and
 * are the same in every language expression of the law, so that expressions can be aligned (the
 * `<term>`s marking a defined term's uses aside: they follow each language's words):
 * - parts and chapters use their ordinal (`part_1`, `chp_2`), not the displayed Roman numeral;
 *   whatever stands in a part nests in it and carries its prefix (`part_1__chp_2__art_5`);
 * - sections their number within the chapter, under it (`chp_1__sec_2`; `sec_1` before any
 *   chapter), and their articles nest in them (`chp_1__sec_2__art_5`);
 * - articles their number (`art_5`), which counts through the law;
 * - paragraphs their number, or ordinal 1 for the single unnumbered paragraph (`para_1`);
 * - points their ordinal (`point_2`, shown "2)" in Russian and "(b)" in English); sub-points the
 *   Latin letter of their ordinal (`point_c`, shown «в)» in Russian and "(iii)" in English):
 *   eIds stay ASCII and equal across languages (a transliteration would give `point_v` and
 *   could collide).
 * - the `list` that carries points is transparent in its points' eIds
 *   (`chp_1__art_5__para_1__point_2__point_a`, as in the naming convention's examples); the list
 *   itself is `<owner>__list_N`.
 * Blocks that precede their owner in the flat editor model (points before the first paragraph,
 * sub-points before the first point) are written as a `list` without intro directly in the
 * article / the paragraph's list; the importer reads them back to the same flat blocks.
 * Each element also carries the Accord stable id as `GUID`.
 * A defined term is written `<def refersTo="#term_N">` where it is defined (an item of a definitions
 * article, «(далее — …)»), with a `TLCTerm` in the references, and `<term refersTo="#term_N"
 * eId="…__term_K">` where the text uses it, in whatever case and number, as AKN tools mark terms:
 * a definitions article's term throughout the law, one a provision introduces only after it (and
 * in its article only, when it says so: «(далее в настоящей статье — …)»).
 */

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'
const ACCORD_NAMESPACE = 'https://accord.invalid/ns/akn-export/1.0'

export interface AkomaNtosoOptions {
  /**
   * FRBRcountry and the jurisdiction part of the FRBR URIs. A model law belongs to no single
   * country; "xx" is ISO 3166's user-assigned code, used by AKN tools for "not a country".
   */
  country?: string
  /** The work's name in its FRBR URIs; give the same value to every language version of a law. */
  workName?: string
}

/** ISO 639-2 codes, as AKN URIs and FRBRlanguage use them. */
const LANGUAGE_CODE = { en: 'eng', ru: 'rus' } as const

const text = escapeXml
const attr = escapeXml

/** Longest name component in a URI we write (a title can run to 300 characters). */
const MAX_SLUG = 60

/**
 * A name as a URI component: lower-case ASCII words joined by "-", Cyrillic transliterated
 * ("Закон № 12-З" → "zakon-no-12-z"), cut at a word; '' when nothing readable is left.
 */
function slug(value: string): string {
  const words = transliterate(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (words.length <= MAX_SLUG) return words
  const cut = words.slice(0, MAX_SLUG + 1)
  const lastBreak = cut.lastIndexOf('-')
  return lastBreak > 0 ? cut.slice(0, lastBreak) : cut.slice(0, MAX_SLUG)
}

/** A stable ASCII stand-in for a name with nothing readable in it (an organization's, say). */
function hashName(value: string): string {
  let h = 0x811c9dc5
  for (const ch of value) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0
  return `h${h.toString(16).padStart(8, '0')}`
}

/**
 * The work's name in its FRBR URIs (the naming convention's "number" component: a number, a name
 * or a disambiguator): the title as a slug; for a title with nothing readable in it, the
 * document's id, unique per draft; else "nn", the convention's "no number".
 */
function workName(title: string, documentId: string | undefined): string {
  return slug(title) || slug(documentId ?? '') || 'nn'
}

/**
 * The eId of every element with a stable id, filled as the body is written: a reference may
 * point forward, so `<ref>`s are written with a placeholder and resolved at the end.
 */
let eIds = new Map<string, string>()
const REF_PLACEHOLDER = /\u0001([^\u0001]*)\u0001/g

function guid(id: string | null, eId: string): string {
  if (!id) return ''
  eIds.set(id, eId)
  return ` GUID="${attr(id)}"`
}

/** The terms defined in the law, to their references' eIds, in the order defined. */
let terms = new Map<string, string>()
/** Whether the article being written is one of definitions: its items define terms. */
let inDefinitions = false
/** The law's terms as `terms` orders them, a finder of their uses, and which ones the text may use so far. */
let glossary: { names: string[]; find: (text: string) => TermUse[]; usable: Set<number> } | null = null
/**
 * The article and divisions being written, innermost last, each with the terms introduced for it
 * only («(далее в настоящей статье — …)», «(далее в настоящей главе — …)»): no longer usable after it.
 */
let open: { rank: number; terms: number[] }[] = []

/** Writes an article or division's element, with the terms introduced for it only usable within. */
function scoped(rank: number, write: () => string[]): string[] {
  open.push({ rank, terms: [] })
  const out = write()
  for (const index of open.pop()!.terms) glossary?.usable.delete(index)
  return out
}

/** The element being written that a term introduced for `within` holds for: the innermost of that rank or above. */
function holderOf(within: TermScope): (typeof open)[number] | undefined {
  const rank = structuralRank(within)
  for (let i = open.length - 1; i >= 0; i--) if (open[i].rank >= rank) return open[i]
  return undefined
}
/** `<term>`s written so far in each element, for their eIds (`art_5__para_1__term_2`). */
let termCounts = new Map<string, number>()

/** `term_N`, by the order terms are defined in: the same in every language expression, as the other eIds. */
function termRef(term: string): string {
  let eId = terms.get(term)
  if (!eId) terms.set(term, (eId = `term_${terms.size + 1}`))
  return eId
}

/** The terms a block of text defines: as an item of a definitions article, or in a parenthesis («(далее — …)»). */
function definedIn(value: string, definitions: boolean): (TermAt & { inline: boolean; within: TermScope | null })[] {
  const definition = definitions ? definitionIn(value) : null
  return [...(definition ? [{ ...definition, inline: false, within: null }] : []), ...inlineDefinitions(value).map((t) => ({ ...t, inline: true }))].sort((a, b) => a.from - b.from)
}

/** Every block of an article's body, in order. */
function articleBlocks(article: ArticleNode): string[] {
  return article.paragraphs.flatMap((paragraph) => [
    ...(paragraph.implicit ? [] : [paragraph.text]),
    ...paragraph.points.flatMap((point) => [...(point.implicit ? [] : [point.text]), ...point.subpoints.map((s) => s.text)]),
  ])
}

function isDefinitions(article: ArticleNode): boolean {
  const first = article.paragraphs[0]
  return isDefinitionsArticle(article.heading, (first?.implicit ? first.points[0]?.text : first?.text) ?? '')
}

/** The law's terms, numbered in the order defined; a definitions article's may be used anywhere, one a provision introduces only after it. */
function readGlossary(law: LawStructure): void {
  const lawWide = new Set<string>()
  const define = (value: string, definitions: boolean) =>
    definedIn(value, definitions).forEach((t) => {
      termRef(t.term)
      if (!t.inline) lawWide.add(t.term)
    })
  law.preamble.forEach((value) => define(value, false))
  for (const { article } of articlesOf(law)) {
    const definitions = isDefinitions(article)
    articleBlocks(article).forEach((value) => define(value, definitions))
  }
  law.conclusions?.forEach((value) => define(value, false))
  const names = Array.from(terms.keys())
  const find = termFinder(names.map((term) => ({ term, capital: capitalOnly(term, !lawWide.has(term)) })))
  glossary = names.length ? { names, find, usable: new Set(names.flatMap((name, i) => (lawWide.has(name) ? [i] : []))) } : null
}

/** What a text marks: the terms it defines, and its uses of the terms the law has defined so far (not inside a definition). */
type Mark = { tag: 'def' | 'term'; term: string; from: number; to: number }

function marksIn(value: string, defined: readonly TermAt[]): Mark[] {
  const defs = defined.map((t): Mark => ({ tag: 'def', term: t.term, from: t.from, to: t.to }))
  if (!glossary) return defs
  const { names, find, usable } = glossary
  const uses = find(value)
    .filter((u) => !defined.some((d) => d.from < u.to && u.from < d.to) && (usable.has(u.term) || defined.some((d) => d.term === names[u.term] && d.to <= u.from)))
    .map((u): Mark => ({ tag: 'term', term: names[u.term], from: u.from, to: u.to }))
  return [...defs, ...uses].sort((a, b) => a.from - b.from)
}

/** Words escaped, with the marks that fall wholly within them (their offsets from `offset`); `container` is the eId `<term>`s are numbered under. */
function withMarks(words: string, offset: number, marks: readonly Mark[], container: string): string {
  let out = ''
  let at = 0
  for (const mark of marks) {
    const [from, to] = [mark.from - offset, mark.to - offset]
    if (from < at || from < 0 || to > words.length) continue
    const refersTo = `refersTo="#${termRef(mark.term)}"`
    const count = (termCounts.get(container) ?? 0) + (mark.tag === 'term' ? 1 : 0)
    termCounts.set(container, count)
    const open = mark.tag === 'def' ? `<def ${refersTo}>` : `<term ${refersTo} eId="${container}__term_${count}">`
    out += `${text(words.slice(at, from))}${open}${text(words.slice(from, to))}</${mark.tag}>`
    at = to
  }
  return out + text(words.slice(at))
}

/** Inline text: words escaped, a cross-reference as `<ref href="#eId">5</ref>` (AKN 3.0), defined terms as `<def>`, their uses as `<term>`. */
function inline(value: string, parts: TextPart[] | undefined, container: string, defined: readonly TermAt[] = []): string {
  const marks = marksIn(value, defined)
  let offset = 0
  return (parts ?? [{ text: value }])
    .map((part) => {
      const from = offset
      offset += part.text.length
      return part.target === undefined ? withMarks(part.text, from, marks, container) : `<ref href="#\u0001${part.target.replace(/\u0001/g, '')}\u0001">${text(part.text)}</ref>`
    })
    .join('')
}

/** A paragraph of text, with the terms it defines; those it introduces may be used from here on. */
function p(value: string, indent: string, container: string, parts?: TextPart[]): string {
  const defined = definedIn(value, inDefinitions)
  const xml = `${indent}<p>${inline(value, parts, container, defined)}</p>`
  if (glossary) {
    for (const t of defined) {
      const index = glossary.names.indexOf(t.term)
      // The innermost element of the scope's rank or above holds it; with none (a law without chapters), the rest of the law does.
      if (t.within !== null && !glossary.usable.has(index)) holderOf(t.within)?.terms.push(index)
      glossary.usable.add(index)
    }
  }
  return xml
}

function numAndHeading(num: string, heading: string | null, indent: string, container: string, headingParts?: TextPart[]): string[] {
  const out: string[] = []
  if (num) out.push(`${indent}<num>${text(num)}</num>`)
  if (heading) out.push(`${indent}<heading>${inline(heading, headingParts, container)}</heading>`)
  return out
}

/** The state one export fills as it writes, emptied before and after: nothing of a law is kept. */
function forgetLaw(): void {
  eIds = new Map()
  terms = new Map()
  glossary = null
  open = []
  termCounts = new Map()
  inDefinitions = false
}

export function toAkomaNtoso(doc: DocJSON, meta: ExportMeta, options: AkomaNtosoOptions = {}): string {
  const law = lawStructure(doc, meta.language)
  forgetLaw()
  readGlossary(law)
  const date = isoDay(meta.date)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`meta.date is not an ISO date: ${meta.date}`)
  const exprDate = meta.version ? isoDay(meta.version.createdAt) : date
  const expressionDate = /^\d{4}-\d{2}-\d{2}$/.test(exprDate) ? exprDate : date
  const country = (options.country ?? 'xx').replace(/[^A-Za-z0-9-]/g, '') || 'xx'
  const workDay = meta.work ? isoDay(meta.work.createdAt) : date
  const workDate = /^\d{4}-\d{2}-\d{2}$/.test(workDay) ? workDay : date
  const work = `/akn/${country}/act/${workDate}/${workName(options.workName ?? (meta.work?.title || meta.title || law.title), meta.work?.id ?? meta.documentId)}`
  const lang = LANGUAGE_CODE[meta.language]
  const expression = `${work}/${lang}@${expressionDate}`
  const manifestation = `${expression}.akn`
  const title = law.title || meta.title

  const lines: string[] = []
  const push = (...l: string[]) => lines.push(...l)

  push('<?xml version="1.0" encoding="UTF-8"?>')
  push(`<akomaNtoso xmlns="${AKN_NAMESPACE}">`)
  push('  <act name="act">')
  push('    <meta>')
  push('      <identification source="#accord">')
  push('        <FRBRWork>')
  push(`          <FRBRthis value="${attr(work)}/!main"/>`)
  push(`          <FRBRuri value="${attr(work)}"/>`)
  push(`          <FRBRdate date="${workDate}" name="Generation"/>`)
  push('          <FRBRauthor href="#accord"/>')
  push(`          <FRBRcountry value="${attr(country)}"/>`)
  if (title) push(`          <FRBRname value="${attr(title)}"/>`)
  push('        </FRBRWork>')
  push('        <FRBRExpression>')
  push(`          <FRBRthis value="${attr(expression)}/!main"/>`)
  push(`          <FRBRuri value="${attr(expression)}"/>`)
  push(`          <FRBRdate date="${expressionDate}" name="${meta.version ? 'Version' : 'Generation'}"/>`)
  push('          <FRBRauthor href="#accord"/>')
  if (meta.version) push(`          <FRBRversionNumber value="${attr(versionName(meta)!)}"/>`)
  push(`          <FRBRlanguage language="${lang}"/>`)
  push('        </FRBRExpression>')
  push('        <FRBRManifestation>')
  push(`          <FRBRthis value="${attr(expression)}/!main.xml"/>`)
  push(`          <FRBRuri value="${attr(manifestation)}"/>`)
  push(`          <FRBRdate date="${date}" name="Transformation"/>`)
  push('          <FRBRauthor href="#accord"/>')
  push('        </FRBRManifestation>')
  push('      </identification>')
  push('      <references source="#accord">')
  push('        <TLCOrganization eId="accord" href="/ontology/organization/accord" showAs="Accord"/>')
  meta.organizations.forEach((org, i) => {
    push(`        <TLCOrganization eId="org_${i + 1}" href="/ontology/organization/${attr(slug(orgLabel(org)) || hashName(org.name))}" showAs="${attr(org.name)}"/>`)
  })
  const termsAt = lines.length
  push('      </references>')
  // The review status has no AKN element of its own; it goes in the proprietary block.
  push(`      <proprietary source="#accord">`)
  push(`        <accord:export xmlns:accord="${ACCORD_NAMESPACE}" status="${meta.status}" date="${attr(meta.date)}"${meta.version ? ` version="${attr(versionName(meta)!)}"` : ''}/>`)
  push('      </proprietary>')
  push('    </meta>')
  push('    <preface>')
  push(`      <p class="title"><docTitle>${text(title)}</docTitle></p>`)
  push('    </preface>')
  push('    <preamble>', ...scoped(0, () => law.preamble.map((para) => p(para, '      ', 'preamble'))), '    </preamble>')
  push('    <body>')
  if (law.body.length === 0) {
    // The schema wants at least one element in the body; a law without articles gets an empty container.
    push('      <hcontainer name="empty" eId="hcontainer_1"><content><p/></content></hcontainer>')
  }
  for (const item of law.body) lines.push(...bodyXml(item, '', '      '))
  push('    </body>')
  if (law.conclusions) push('    <conclusions>', ...scoped(0, () => law.conclusions!.map((para) => p(para, '      ', 'conclusions'))), '    </conclusions>')
  push('  </act>')
  push('</akomaNtoso>')
  const termLine = ([term, eId]: [string, string]) => `        <TLCTerm eId="${eId}" href="/ontology/term/this.${lang}.${attr(slug(term) || hashName(term))}" showAs="${attr(term)}"/>`
  lines.splice(termsAt, 0, ...Array.from(terms, termLine))
  const xml = lines.join('\n') + '\n'
  const known = eIds
  forgetLaw()
  // eIds are ASCII from numbers; a target without one (never expected) points at the document.
  return xml.replace(REF_PLACEHOLDER, (_, id: string) => known.get(id) ?? '')
}

/** One item of the law's body or of a part's; `prefix` is the part's eId and "__" inside a part. */
function bodyXml(item: LawStructure['body'][number], prefix: string, indent: string): string[] {
  if (item.kind === 'part') return partXml(item, indent)
  if (item.kind === 'chapter') return chapterXml(item, prefix, indent)
  if (item.kind === 'section') return sectionXml(item, prefix, indent)
  return articleXml(item, prefix, indent)
}

function partXml(part: PartNode, indent: string): string[] {
  const eId = `part_${part.index}`
  return scoped(structuralRank('part'), () => [
    `${indent}<part eId="${eId}"${guid(part.id, eId)}>`,
    ...numAndHeading(part.label, part.heading, indent + '  ', eId),
    ...part.body.flatMap((item) => bodyXml(item, `${eId}__`, indent + '  ')),
    `${indent}</part>`,
  ])
}

function chapterXml(chapter: ChapterNode, prefix: string, indent: string): string[] {
  const eId = `${prefix}chp_${chapter.index}`
  return scoped(structuralRank('chapter'), () => [
    `${indent}<chapter eId="${eId}"${guid(chapter.id, eId)}>`,
    ...numAndHeading(chapter.label, chapter.heading, indent + '  ', eId),
    ...chapter.articles.flatMap((a) => articleXml(a, `${eId}__`, indent + '  ')),
    ...chapter.sections.flatMap((s) => sectionXml(s, `${eId}__`, indent + '  ')),
    `${indent}</chapter>`,
  ])
}

function sectionXml(section: SectionNode, prefix: string, indent: string): string[] {
  const eId = `${prefix}sec_${section.num}`
  return scoped(structuralRank('section'), () => [
    `${indent}<section eId="${eId}"${guid(section.id, eId)}>`,
    ...numAndHeading(section.label, section.heading, indent + '  ', eId),
    ...section.articles.flatMap((a) => articleXml(a, `${eId}__`, indent + '  ')),
    `${indent}</section>`,
  ])
}

function articleXml(article: ArticleNode, prefix: string, indent: string): string[] {
  return scoped(structuralRank('article'), () => articleElement(article, prefix, indent))
}

function articleElement(article: ArticleNode, prefix: string, indent: string): string[] {
  const eId = `${prefix}art_${article.num}`
  const inner = indent + '  '
  const out = [`${indent}<article eId="${eId}"${guid(article.id, eId)}>`, ...numAndHeading(article.label, article.heading, inner, eId, article.headingParts)]
  let lists = 0
  inDefinitions = isDefinitions(article)
  for (const paragraph of article.paragraphs) {
    if (paragraph.implicit) out.push(...listXml(`${eId}__list_${++lists}`, null, paragraph.points, eId, inner))
    else out.push(...paragraphXml(paragraph, eId, inner))
  }
  inDefinitions = false
  out.push(`${indent}</article>`)
  return out
}

function paragraphXml(paragraph: ParagraphNode, owner: string, indent: string): string[] {
  const eId = `${owner}__para_${paragraph.num || paragraph.index}`
  const inner = indent + '  '
  const out = [`${indent}<paragraph eId="${eId}"${guid(paragraph.id, eId)}>`, ...numAndHeading(paragraph.label, null, inner, eId)]
  if (paragraph.points.length === 0) out.push(`${inner}<content>`, p(paragraph.text, inner + '  ', eId, paragraph.parts), `${inner}</content>`)
  else out.push(...listXml(`${eId}__list_1`, paragraph.text, paragraph.points, eId, inner, paragraph.parts))
  out.push(`${indent}</paragraph>`)
  return out
}

/** A list of points (or of sub-points): `intro` carries the owner's text; null means no intro. */
function listXml(eId: string, intro: string | null, items: (PointNode | SubpointNode)[], owner: string, indent: string, introParts?: TextPart[]): string[] {
  const inner = indent + '  '
  const out = [`${indent}<list eId="${eId}">`]
  if (intro !== null) out.push(`${inner}<intro>`, p(intro, inner + '  ', eId, introParts), `${inner}</intro>`)
  let nested = 1
  for (const item of items) {
    if (item.kind === 'point' && item.implicit) {
      // Sub-points with no point before them: a bare nested list, in place.
      out.push(...listXml(`${owner}__list_${++nested}`, null, item.subpoints, owner, inner))
    } else {
      out.push(...pointXml(item, owner, inner))
    }
  }
  out.push(`${indent}</list>`)
  return out
}

function pointXml(point: PointNode | SubpointNode, owner: string, indent: string): string[] {
  const number = point.kind === 'subpoint' ? toLetters(point.index, 'en') : String(point.index)
  const eId = `${owner}__point_${number}`
  const inner = indent + '  '
  const out = [`${indent}<point eId="${eId}"${guid(point.id, eId)}>`, ...numAndHeading(point.label, null, inner, eId)]
  if (point.kind === 'point' && point.subpoints.length > 0) out.push(...listXml(`${eId}__list_1`, point.text, point.subpoints, eId, inner, point.parts))
  else out.push(`${inner}<content>`, p(point.text, inner + '  ', eId, point.parts), `${inner}</content>`)
  out.push(`${indent}</point>`)
  return out
}
