import type { Language } from '../language'
import { isDivisionType } from '../schema'
import { DocAssembler, guessLanguage, type BodyKind } from './build'
import { child, elements, localName, parseXml, textContent, type XmlElement } from './xml'
import type { ImportResult } from './types'
import { noteText, type ImportNote } from './notes'
import { ImportError } from './errors'
import { collapseSpaces } from './spaces'

/**
 * Akoma Ntoso 3.0 import: the reverse of shared/export/akomaNtoso.ts, and tolerant of other
 * producers' acts. The hierarchy is read from the elements, not from `num` (numbers are
 * computed); everything is flattened back to the editor's sibling blocks:
 * paragraph → clause, its points → point, their points → subpoint. An `intro` is its owner's
 * text, a `wrapUp` a further paragraph. A `section` becomes a section heading followed by its
 * articles, as a chapter does. `conclusions` become the law's conclusions, a paragraph for each
 * `<p>` in them (a signature's parts are its words). Elements the model has no place for (title,
 * hcontainer, tables…) keep their text: a heading-only container becomes text in place.
 */

/** Elements the law's structure is made of: text outside them is kept as text. */
const DIVISIONS = ['part', 'chapter', 'section', 'article']

const LANGUAGE_BY_CODE: Record<string, Language> = { eng: 'en', en: 'en', rus: 'ru', ru: 'ru' }

/**
 * Text of block content (<content>, <intro>, <preamble>, <recitals>…): one string per <p>
 * (however deep in containers), or the whole text when there is no <p>.
 */
function blockTexts(el: XmlElement | undefined): string[] {
  if (!el) return []
  const ps = findAll(el, 'p')
  if (ps.length === 0) return [collapseSpaces(textContent(el))]
  return ps.map((p) => collapseSpaces(textContent(p)))
}

export function parseAkomaNtoso(xml: string): ImportResult {
  const root = parseXml(xml)
  // Text with no markup at all parses, as one text node: it is not XML as anyone means it.
  if (elements(root).length === 0) throw new ImportError('notXml', 'no XML element in the file')
  const akn = elements(root).find((e) => localName(e) === 'akomaNtoso')
  if (!akn) throw new ImportError('notAkn', 'not an Akoma Ntoso document: no <akomaNtoso> root')
  const act = elements(akn)[0]
  if (!act) throw new ImportError('notAkn', 'empty <akomaNtoso>')

  const asm = new DocAssembler()
  const notes: ImportNote[] = []
  const skipped = new Set<string>()

  const meta = child(act, 'meta')
  const languageCode = meta && findFirst(meta, 'FRBRlanguage')?.attrs.language
  const preface = child(act, 'preface')
  const docTitle = preface && findFirst(preface, 'docTitle')
  asm.title = collapseSpaces(docTitle ? textContent(docTitle) : preface ? textContent(preface) : '')
  const preamble = child(act, 'preamble')
  if (preamble) for (const t of blockTexts(preamble)) asm.preambleParagraph(t)

  const body = child(act, 'body')
  if (!body) throw new ImportError('notAkn', 'Akoma Ntoso act has no <body>')
  const conclusions = child(act, 'conclusions')

  // Walks the hierarchy; `depth` is the body-block level the next point would take.
  const walkArticleChildren = (el: XmlElement, depth: number): void => {
    for (const c of elements(el)) {
      const name = localName(c)
      if (name === 'num' || name === 'heading' || name === 'subheading') continue
      if (name === 'paragraph') {
        ownerWithText(c, 0)
      } else if (name === 'list') {
        // A bare list: items owned by nothing above them (points before the first paragraph).
        listItems(c, depth)
      } else if (name === 'point' || name === 'alinea' || name === 'indent' || name === 'subparagraph') {
        ownerWithText(c, Math.min(depth, 2))
      } else if (name === 'intro' || name === 'wrapUp' || name === 'content') {
        for (const t of blockTexts(c)) asm.block('clause', t)
      } else {
        skipped.add(name)
        for (const t of blockTexts(c)) if (t) asm.block('clause', t)
      }
    }
  }

  /** A paragraph or point: its text (content, or a list's intro) and its sub-items. */
  function ownerWithText(el: XmlElement, level: number): void {
    const kind: BodyKind = (['clause', 'point', 'subpoint'] as const)[Math.min(level, 2)]
    const content = child(el, 'content')
    if (content) {
      asm.block(kind, blockTexts(content).join(' '))
      return
    }
    const list = child(el, 'list')
    const intro = child(el, 'intro') ?? (list && child(list, 'intro'))
    asm.block(kind, blockTexts(intro).join(' '))
    if (list) listItems(list, level + 1)
    for (const c of elements(el)) {
      const name = localName(c)
      if (name === 'point') ownerWithText(c, level + 1)
      else if (name === 'list' && c !== list) listItems(c, level + 1)
      else if (name === 'wrapUp') for (const t of blockTexts(c)) asm.block('clause', t)
    }
  }

  function listItems(list: XmlElement, level: number): void {
    for (const c of elements(list)) {
      const name = localName(c)
      if (name === 'intro' || name === 'num' || name === 'heading') continue
      if (name === 'list') listItems(c, level + 1) // sub-points with no point before them
      else if (name === 'wrapUp') for (const t of blockTexts(c)) asm.block('clause', t)
      else ownerWithText(c, level)
    }
  }

  const article = (el: XmlElement) => {
    asm.startArticle(heading(el))
    walkArticleChildren(el, 1)
  }

  const heading = (el: XmlElement) => collapseSpaces(textContent(child(el, 'heading') ?? { name: '', attrs: {}, children: [] }))

  // Parts, chapters, sections and articles wherever they are; containers the model lacks (title, book…)
  // are walked through, their own num and heading left out (and reported).
  const walkContainer = (el: XmlElement): void => {
    for (const c of elements(el)) {
      const name = localName(c)
      if (name === 'num' || name === 'heading' || name === 'subheading') continue
      if (isDivisionType(name)) {
        asm.division(name, heading(c))
        walkContainer(c)
      } else if (name === 'article') article(c)
      else if (name === 'hcontainer' && c.attrs.name === 'empty') continue
      else if (DIVISIONS.every((d) => findAll(c, d).length === 0)) {
        // Text outside any article: kept in place, as the text importer does.
        if (name !== 'content' && name !== 'intro' && name !== 'wrapUp') skipped.add(name)
        const texts = blockTexts(c).filter(Boolean)
        if (texts.length === 0) continue
        if (!asm.currentArticle && asm.parts.length === 0) texts.forEach((t) => asm.preambleParagraph(t))
        else {
          if (!asm.currentArticle) asm.startArticle('')
          texts.forEach((t) => asm.block('clause', t))
        }
      } else {
        skipped.add(name)
        walkContainer(c)
      }
    }
  }
  walkContainer(body)
  if (conclusions) {
    // Each block child gives its paragraphs: a `<p>` one, a container one per `<p>` in it (or its whole text).
    const items = elements(conclusions)
    for (const t of items.length ? items.flatMap(blockTexts) : blockTexts(conclusions)) asm.conclusionsParagraph(t)
  }

  if (skipped.size) notes.push({ code: 'aknFlattened', elements: [...skipped].sort().join(', ') })
  const language = (languageCode && LANGUAGE_BY_CODE[languageCode.toLowerCase()]) || guessLanguage(textContent(body))
  return { doc: asm.toJSON(), language, warnings: notes.map(noteText), notes, stats: asm.stats, unrecognisedIds: [] }
}

function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of elements(el)) {
    if (localName(c) === name) return c
    const found = findFirst(c, name)
    if (found) return found
  }
  return undefined
}

function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of elements(el)) {
    if (localName(c) === name) out.push(c)
    else out.push(...findAll(c, name))
  }
  return out
}
