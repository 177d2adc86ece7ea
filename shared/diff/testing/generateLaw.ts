import type { DocJSON } from '../../schema'
import type { Language } from '../../language'
import { createBuilders } from '../../seed/builders'
import { createRandom, type Random } from './prng'
import { WORDS } from './words'

export interface GenerateLawOptions {
  /** Number of articles (default 300). */
  articles?: number
  /** A chapter heading is placed before every `chapterEvery`-th article (default 20). */
  chapterEvery?: number
  language?: Language
  seed?: number
}

/** A sentence of `count` words from the vocabulary, capitalised and ending with `end`. */
export function sentence(random: Random, language: Language, count: number, end: string): string {
  const words: string[] = []
  for (let i = 0; i < count; i++) words.push(random.pick(WORDS[language]))
  // Commas and a bracketed alternative now and then, so punctuation tokens are exercised.
  if (count > 8) words[random.int(2, count - 3)] += ','
  if (count > 12 && random.next() < 0.3) words[random.int(3, count - 4)] = `[${random.pick(WORDS[language])}]`
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + end
}

/**
 * A deterministic law for benchmarks and property tests: with the defaults, 300 articles in
 * 15 chapters, each article with 1–3 paragraphs, some with points and sub-points, about
 * 600 KB of text. Ids come from `createBuilders`, so the same seed gives the same ids.
 */
export function generateLaw(options: GenerateLawOptions = {}): DocJSON {
  const { articles = 300, chapterEvery = 20, language = 'en', seed = 1 } = options
  const random = createRandom(seed)
  const b = createBuilders(`g${seed}-`)
  const parts: DocJSON[] = []
  for (let n = 0; n < articles; n++) {
    if (n % chapterEvery === 0) parts.push(b.chapter(sentence(random, language, random.int(2, 5), '')))
    parts.push(b.article(sentence(random, language, random.int(3, 8), ''), articleBody(random, language, b)))
  }
  return b.law(sentence(random, language, 8, ''), [sentence(random, language, 40, ','), sentence(random, language, 30, '.')], parts)
}

function articleBody(random: Random, language: Language, b: ReturnType<typeof createBuilders>): DocJSON[] {
  const body: DocJSON[] = []
  const clauses = random.int(1, 3)
  for (let c = 0; c < clauses; c++) {
    const withPoints = random.next() < 0.4
    body.push(b.clause(sentence(random, language, random.int(40, 100), withPoints ? ':' : '.')))
    if (!withPoints) continue
    const points = random.int(2, 5)
    for (let p = 0; p < points; p++) {
      const withSubpoints = random.next() < 0.25
      body.push(b.point(sentence(random, language, random.int(15, 45), withSubpoints ? ':' : p === points - 1 ? '.' : ';')))
      if (!withSubpoints) continue
      const subpoints = random.int(2, 3)
      for (let s = 0; s < subpoints; s++) body.push(b.subpoint(sentence(random, language, random.int(8, 20), ';')))
    }
  }
  return body
}
