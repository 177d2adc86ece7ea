import type { DocJSON } from '../../schema'
import type { Language } from '../../language'
import { createBuilders } from '../../seed/builders'
import { createRandom } from './prng'
import { sentence } from './generateLaw'
import { WORDS } from './words'

export interface EditLawOptions {
  language?: Language
  seed?: number
  /** Share of articles with a word replaced, inserted and deleted in one body block (default 0.05). */
  editShare?: number
  /** Insert a new article before the first one (default true). */
  insertAtTop?: boolean
  /** Move the article at this index (0-based among articles; null: no move) ... */
  moveFrom?: number | null
  /** ... to this index among the others (default: 10 → 50, i.e. Article 11 → 51, then 52 after the insertion). */
  moveTo?: number
}

/**
 * A second version of a generated law for benchmarks: a few articles edited word-wise, one
 * article inserted at the top (renumbering everything after it) and one article moved.
 * Returns a new tree; the input is left as it was.
 */
export function editLaw(doc: DocJSON, options: EditLawOptions = {}): DocJSON {
  const { language = 'en', seed = 2, editShare = 0.05, insertAtTop = true, moveFrom = 10, moveTo = 50 } = options
  const random = createRandom(seed)
  const out = structuredClone(doc)
  const parts = out.content!
  const articleAt = () => parts.flatMap((node, i) => (node.type === 'article' ? [i] : []))

  const articles = articleAt()
  const edits = Math.round(articles.length * editShare)
  const step = Math.max(1, Math.floor(articles.length / Math.max(1, edits)))
  for (let k = 0; k < edits; k++) {
    const article = parts[articles[(k * step + 3) % articles.length]]
    const body = article.content!.slice(1)
    if (body.length) editBlock(body[random.int(0, body.length - 1)], random, language)
  }

  if (moveFrom !== null) {
    const from = articleAt()[moveFrom]
    const [moved] = parts.splice(from, 1)
    parts.splice(articleAt()[moveTo], 0, moved)
  }

  if (insertAtTop) {
    const b = createBuilders(`new${seed}-`)
    const fresh = b.article(sentence(random, language, 4, ''), [b.clause(sentence(random, language, 50, '.'))])
    parts.splice(articleAt()[0], 0, fresh)
  }
  return out
}

/** Replaces, inserts and deletes one word each in a block's text. */
function editBlock(block: DocJSON, random: ReturnType<typeof createRandom>, language: Language): void {
  const textNode = block.content?.[0]
  if (!textNode?.text) return
  const words = textNode.text.split(' ')
  if (words.length < 6) return
  words[random.int(1, words.length - 2)] = random.pick(WORDS[language]).toUpperCase()
  words.splice(random.int(1, words.length - 2), 0, 'INSERTED')
  words.splice(random.int(1, words.length - 2), 1)
  textNode.text = words.join(' ')
}
