import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LANGUAGES, type Language } from '../../shared/language'
import { docFromJSON, ID_NODE_TYPES, type DocJSON } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import { docJSONOf, encodeDocJSON } from '../../shared/ydoc'
import { sampleLaw } from '../../shared/seed/modelLaw'

/** Every node of the tree, depth first, in document order. */
function walk(node: DocJSON, visit: (node: DocJSON) => void): void {
  visit(node)
  for (const child of node.content ?? []) walk(child, visit)
}

function textOf(node: DocJSON): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(textOf).join('')
}

function topLevel(json: DocJSON, type: string): DocJSON[] {
  return (json.content ?? []).filter((node) => node.type === type)
}

/** Body block types of an article, in order (heading excluded). */
function bodyTypes(article: DocJSON): string[] {
  return (article.content ?? []).filter((node) => node.type !== 'articleHeading').map((node) => node.type)
}

/** The tree without text: node types and nesting only. */
function shape(node: DocJSON): unknown {
  if (node.type === 'text') return 'text'
  return [node.type, (node.content ?? []).filter((child) => child.type !== 'text').map(shape)]
}

/** Headings: chapter titles and article headings. */
function headings(json: DocJSON): string[] {
  const out: string[] = []
  walk(json, (node) => {
    if (node.type === 'chapter' || node.type === 'articleHeading') out.push(textOf(node))
  })
  return out
}

/** Every text-bearing block (title, preamble paragraphs, headings, body blocks). */
function textBlocks(json: DocJSON): string[] {
  const out: string[] = []
  walk(json, (node) => {
    if (node.content?.some((child) => child.type === 'text')) out.push(textOf(node))
  })
  return out
}

function ids(json: DocJSON): string[] {
  const out: string[] = []
  walk(json, (node) => {
    if ((ID_NODE_TYPES as readonly string[]).includes(node.type)) out.push(String(node.attrs?.id))
  })
  return out
}

describe.each(LANGUAGES.map((language) => [language] as [Language]))('sampleLaw(%s)', (language) => {
  const json = sampleLaw(language)

  it('is valid against the schema', () => {
    expect(() => docFromJSON(json)).not.toThrow()
  })

  it('is deterministic', () => {
    expect(sampleLaw(language)).toEqual(json)
  })

  it('gives every chapter, article and body block a unique id', () => {
    const all = ids(json)
    expect(all.length).toBeGreaterThan(0)
    for (const id of all) expect(id).toMatch(/^[0-9a-z]+$/)
    expect(new Set(all).size).toBe(all.length)
  })

  it('has a title, a preamble of 2–3 paragraphs, ≥ 8 chapters and 20–30 articles', () => {
    const [title, preamble] = json.content ?? []
    expect(title.type).toBe('lawTitle')
    expect(textOf(title).length).toBeGreaterThan(0)
    expect(preamble.type).toBe('preamble')
    expect(preamble.content?.length).toBeGreaterThanOrEqual(2)
    expect(preamble.content?.length).toBeLessThanOrEqual(3)
    expect(topLevel(json, 'chapter').length).toBeGreaterThanOrEqual(8)
    const articles = topLevel(json, 'article').length
    expect(articles).toBeGreaterThanOrEqual(20)
    expect(articles).toBeLessThanOrEqual(30)
    // Starts with a chapter, so every article belongs to one.
    expect(json.content?.[2]?.type).toBe('chapter')
  })

  it('has single-paragraph articles, numbered paragraphs and points with sub-points', () => {
    const articles = topLevel(json, 'article')
    const single = articles.filter((a) => bodyTypes(a).join() === 'clause')
    expect(single.length).toBeGreaterThanOrEqual(3)
    const full = articles.filter((a) => {
      const types = bodyTypes(a)
      return types.filter((t) => t === 'clause').length >= 2 && types.includes('point') && types.includes('subpoint')
    })
    expect(full.length).toBeGreaterThanOrEqual(1)
    for (const article of articles) {
      const types = bodyTypes(article)
      // Every article has a body that opens with a paragraph; a sub-point always follows a
      // point or another sub-point, a point follows a paragraph or a point or sub-point.
      expect(types[0]).toBe('clause')
      types.forEach((type, i) => {
        if (type === 'subpoint') expect(['point', 'subpoint']).toContain(types[i - 1])
      })
    }
  })

  it('contains bracketed alternative wordings, in a heading and in body text', () => {
    const articleHeadings = topLevel(json, 'article').map((a) => textOf(a.content![0]))
    expect(articleHeadings.some((h) => /\[[^\]]+\]/.test(h))).toBe(true)
    const bodies = topLevel(json, 'article').flatMap((a) => (a.content ?? []).slice(1).map(textOf))
    expect(bodies.some((t) => /\[[^\]]+\]/.test(t))).toBe(true)
    for (const text of textBlocks(json)) {
      expect(text.split('[').length).toBe(text.split(']').length)
    }
  })

  it('never types numbers into headings or block labels', () => {
    for (const heading of headings(json)) {
      expect(heading.trim().length).toBeGreaterThan(0)
      expect(heading).not.toMatch(/^\s*\d/)
      expect(heading).not.toMatch(/^\s*(Article|Статья|Chapter|Глава|Section|Раздел)\b/i)
      expect(heading).not.toMatch(/^\s*[IVXLC]+\.\s/)
    }
    for (const text of textBlocks(json)) {
      expect(text).not.toMatch(/^\s*(\(?\d+[.)]|\(?[a-zа-я]\)\s)/)
    }
  })
})

describe('sampleLaw language versions', () => {
  const en = sampleLaw('en')
  const ru = sampleLaw('ru')

  it('writes the Russian version in Cyrillic and the English one in Latin script', () => {
    for (const text of textBlocks(ru)) {
      expect(text).toMatch(/[а-яё]/i)
      expect(text).not.toMatch(/[a-z]/i)
    }
    expect(textOf(ru.content![0])).toBe('Модельный закон о противодействии торговле людьми')
    for (const text of textBlocks(en)) expect(text).not.toMatch(/[а-яё]/i)
    expect(textOf(en.content![0])).toBe('Model Law On Combating Human Trafficking')
  })

  it('has the same structure in both languages', () => {
    const types = (json: DocJSON) => {
      const out: string[] = []
      walk(json, (node) => {
        if (node.type !== 'text') out.push(node.type)
      })
      return out
    }
    expect(types(ru)).toEqual(types(en))
    expect(shape(ru)).toEqual(shape(en))
  })

  it('uses distinct ids in the two languages', () => {
    const enIds = new Set(ids(en))
    for (const id of ids(ru)) expect(enIds.has(id)).toBe(false)
  })
})

describe.each(LANGUAGES.map((language) => [language] as [Language]))('sampleLaw(%s) through Yjs', (language) => {
  it('survives encodeDocJSON → Y.Doc → docJSONOf unchanged', () => {
    const json = sampleLaw(language)
    const update = encodeDocJSON(json)
    const ydoc = new Y.Doc()
    try {
      Y.applyUpdate(ydoc, update)
      expect(ydoc.getXmlFragment(TEXT_FIELD).length).toBeGreaterThan(0)
      expect(docJSONOf(ydoc)).toEqual(json)
    } finally {
      ydoc.destroy()
    }
  })
})
