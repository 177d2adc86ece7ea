import { BLOCK_DEPTH, eachDefinition, inlineDefinitions, isDefinitionsArticle, stemLine, type InlineTerm } from '../checks/definedTerms'
import { sentenceAround } from '../checks/sentenceAround'
import type { Language } from '../language'
import type { FlatBlock, FlatDocument } from './flatten'
import type { DefinitionChanges } from './types'

/** A term's definition: the term as written, and the words of its item with the blocks under it. */
interface Definition {
  term: string
  text: string
}

/**
 * The terms whose definitions were added, deleted or reworded between two versions: a definitions
 * article's items («жертва — …»), and the terms provisions introduce («(далее — Центр)»), whose
 * definition is the sentence introducing them. A changed definition changes the meaning of every
 * provision using the term, so the comparison names them above the articles. Terms are matched by
 * their words' stems («Ребёнок» is «ребенок»), wherever their article now stands; one introduced
 * for an article or division only, by that article's or division's id too.
 */
export function definitionChanges(before: FlatDocument, after: FlatDocument): DefinitionChanges {
  const old = definitionsIn(before)
  const now = definitionsIn(after)
  const changes: DefinitionChanges = { added: [], deleted: [], changed: [] }
  for (const [key, definition] of now) {
    const was = old.get(key)
    if (!was) changes.added.push(definition.term)
    else if (was.text !== definition.text) changes.changed.push(definition.term)
  }
  for (const [key, definition] of old) if (!now.has(key)) changes.deleted.push(definition.term)
  return changes
}

function definitionsIn(doc: FlatDocument): Map<string, Definition> {
  const found = new Map<string, Definition>()
  for (const article of doc.structure) {
    if (article.kind !== 'article' || !isDefinitionsArticle(article.heading, article.blocks[0]?.text ?? '')) continue
    const terms: { key: string; definition: Definition }[] = []
    eachDefinition<FlatBlock>(article.blocks, (b) => BLOCK_DEPTH[b.type], (b) => b.text, true, (block, definition, owner) => {
      const words = block.text.replace(/\s+/g, ' ').trim()
      if (definition) return terms.push({ key: stemLine(definition.term), definition: { term: definition.term, text: words } }) - 1
      if (owner !== null) terms[owner].definition.text += `\n${words}`
      return owner
    })
    // The first definition of a term is the one in force (a second is a slip Check the text finds).
    for (const { key, definition } of terms) if (!found.has(key)) found.set(key, definition)
  }
  const introduced = (text: string, scopeId: (t: InlineTerm) => string) => {
    for (const t of inlineDefinitions(text)) {
      const key = `${stemLine(t.term)}${t.within ? `@${scopeId(t)}` : ''}`
      if (!found.has(key)) found.set(key, { term: t.term, text: sentenceAround(text, t.to).replace(/\s+/g, ' ') })
    }
  }
  doc.preamble.forEach((text) => introduced(text, () => 'preamble'))
  for (const article of doc.structure) {
    if (article.kind !== 'article') continue
    const scopeId = ({ within }: InlineTerm) => (within === null || within === 'article' ? article.id : article[within]?.id) ?? ''
    article.blocks.forEach((block) => introduced(block.text, scopeId))
  }
  doc.conclusions.forEach((text) => introduced(text, () => 'conclusions'))
  return found
}

const WORDS: Record<Language, { definitions: string; changed: string; added: string; deleted: string; quoted: (term: string) => string }> = {
  en: { definitions: 'Definitions', changed: 'reworded', added: 'added', deleted: 'deleted', quoted: (term) => `“${term}”` },
  ru: { definitions: 'Определения', changed: 'изменены', added: 'добавлены', deleted: 'исключены', quoted: (term) => `«${term}»` },
}

/**
 * What the comparison and the comparative table say of the definitions: «Определения» and
 * «изменены: «ребенок» · добавлены: «вербовщик»»; null when none changed.
 */
export function definitionChangesLine(changes: DefinitionChanges, language: Language): { label: string; text: string } | null {
  const w = WORDS[language]
  const parts = (['changed', 'added', 'deleted'] as const).filter((k) => changes[k].length > 0).map((k) => `${w[k]}: ${changes[k].map(w.quoted).join(', ')}`)
  return parts.length > 0 ? { label: w.definitions, text: parts.join(' · ') } : null
}
