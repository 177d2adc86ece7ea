import { describe, expect, it } from 'vitest'
import { createBuilders } from '../../shared/seed/builders'
import { toHtml } from '../../shared/export/html'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import { toDocx } from '../../shared/export/docx'
import { toMarkdown } from '../../shared/export/markdown'
import type { ExportMeta } from '../../shared/export/meta'
import { parseAkomaNtoso } from '../../shared/import/akomaNtoso'
import { parseDocx } from '../../shared/import/docx'
import { parseText } from '../../shared/import/text'
import { compareDocuments, comparativeTable, comparativeTableHtml } from '../../shared/diff'
import { docFromJSON, type DocJSON } from '../../shared/schema'

/**
 * Every text a person can type — titles, headings, paragraphs, organization names, version names —
 * is text in every export, whatever it contains: the exported markup of a hostile draft is tag
 * for tag and attribute for attribute that of a harmless one. Files read in (imports) keep such
 * text as text too. (A browser loads the HTML exports in tests/e2e/hostileText.test.ts.)
 */

const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '"><svg/onload=window.__pwned=1>',
  "' onmouseover='window.__pwned=1' x='",
  '<a href="javascript:window.__pwned=1">link</a>',
  '<![CDATA[ ]]> <!-- --> <?xml version="1.0"?>',
  '&amp; &lt;b&gt; &#60;i&#62; &',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
  '{{constructor.constructor("window.__pwned=1")()}} ${1+1}',
  '<style>body{display:none}</style>',
]
const HOSTILE = PAYLOADS.join(' ¶ ')

function law(text: string): DocJSON {
  const b = createBuilders('h')
  return b.law(text, [text], [b.chapter(text), b.article(text, [b.clause(text), b.clause(text), b.point(text), b.subpoint(text)])])
}

function meta(text: string): ExportMeta {
  return {
    title: text,
    language: 'en',
    status: 'draft',
    date: '2025-01-01',
    version: { name: text, createdAt: '2025-01-01' },
    organizations: [{ name: text, shortName: text.slice(0, 30) }],
  }
}

/** Element and attribute names in order of appearance: the shape of the markup, without its text. */
function markup(source: string): string[] {
  return [...source.matchAll(/<([!?/]?[A-Za-z][\w:.-]*)((?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)].map(
    (m) => `${m[1]}(${[...m[2].matchAll(/([\w:.-]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => a[1]).join(',')})`,
  )
}

function texts(doc: DocJSON): string[] {
  const out: string[] = []
  const walk = (n: DocJSON) => {
    if (['lawTitle', 'paragraph', 'chapter', 'articleHeading', 'clause', 'point', 'subpoint'].includes(n.type)) out.push((n.content ?? []).map((t) => t.text ?? '').join(''))
    n.content?.forEach(walk)
  }
  walk(doc)
  return out
}

/** Same length as HOSTILE, harmless: the reference markup. */
const HARMLESS = 'x'.repeat(HOSTILE.length)

describe('hostile text in exports', () => {
  it('HTML: the same markup as a harmless draft, and the text escaped', () => {
    const html = toHtml(law(HOSTILE), meta(HOSTILE))
    expect(markup(html)).toEqual(markup(toHtml(law(HARMLESS), meta(HARMLESS))))
    expect(html).not.toMatch(/<(script|img|svg|iframe|a)[\s>/]/i)
    expect(html).toContain('&lt;img src=x onerror=window.__pwned=1&gt;')
  })

  it('Akoma Ntoso: the same elements and attributes as a harmless draft; reads back literally', () => {
    const xml = toAkomaNtoso(law(HOSTILE), meta(HOSTILE))
    expect(markup(xml)).toEqual(markup(toAkomaNtoso(law(HARMLESS), meta(HARMLESS))))
    expect(texts(parseAkomaNtoso(xml).doc)).toEqual(texts(law(HOSTILE)))
  })

  it('DOCX: reads back literally through the importer', async () => {
    const bytes = await toDocx(law(HOSTILE), meta(HOSTILE))
    const back = await parseDocx(bytes, 'en')
    const all = texts(back.doc).join('\n')
    for (const payload of PAYLOADS) expect(all).toContain(payload)
  })

  it('Markdown: reads back literally through the importer', () => {
    expect(texts(parseText(toMarkdown(law(HOSTILE), meta(HOSTILE))).doc)).toEqual(texts(law(HOSTILE)))
  })

  it('comparative table: the same markup as for harmless text', () => {
    // Fresh builders number alike: the same ids on both sides, so the article is "changed".
    const side = (text: string, clause: string) => {
      const b = createBuilders('t')
      return b.law(text, [text], [b.article(text, [b.clause(clause)])])
    }
    const table = (text: string) => {
      const rows = comparativeTable(compareDocuments(side(text, `${text} old`), side(`${text}!`, `${text} new`), 'en'))
      expect(rows.length).toBeGreaterThan(0)
      return comparativeTableHtml(rows, { language: 'en', title: text })
    }
    expect(markup(table(HOSTILE))).toEqual(markup(table(HARMLESS)))
  })
})

describe('hostile files read in', () => {
  it('an Akoma Ntoso file with markup inside its text yields only schema nodes, its words as text', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta/>
<preface><p class="title"><docTitle>Law &lt;script&gt;window.__pwned=1&lt;/script&gt;</docTitle></p></preface>
<body><article eId="art_1"><num>Article 1.</num><heading>Head <img src="x" onerror="window.__pwned=1"/>ing</heading>
<paragraph eId="art_1__para_1"><content><p>Text <script>window.__pwned=1</script><a href="javascript:window.__pwned=1">link</a> end</p></content></paragraph>
</article></body></act></akomaNtoso>`
    const result = parseAkomaNtoso(xml)
    expect(() => docFromJSON(result.doc)).not.toThrow()
    const types = new Set<string>()
    const walk = (n: DocJSON) => {
      types.add(n.type)
      n.content?.forEach(walk)
    }
    walk(result.doc)
    for (const type of types) expect(['doc', 'lawTitle', 'preamble', 'paragraph', 'chapter', 'article', 'articleHeading', 'clause', 'point', 'subpoint', 'text']).toContain(type)
    const all = texts(result.doc).join('\n')
    expect(all).toContain('<script>window.__pwned=1</script>') // the escaped title is text
    expect(all).toContain('link')
    // Exported again, it is escaped like any typed text.
    expect(toHtml(result.doc, meta('t'))).not.toMatch(/<(script|img|a)[\s>/]/i)
  })

  it('a text or Markdown file full of markup is imported as that text', () => {
    const source = `Title ${PAYLOADS[0]}\n\nArticle 1. ${PAYLOADS[1]}\n\n1. ${PAYLOADS[2]}\n`
    const result = parseText(source)
    expect(() => docFromJSON(result.doc)).not.toThrow()
    const all = texts(result.doc).join('\n')
    for (const payload of PAYLOADS.slice(0, 3)) expect(all).toContain(payload)
  })
})
