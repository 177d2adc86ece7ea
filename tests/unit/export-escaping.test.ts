import { afterAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createBuilders } from '../../shared/seed/builders'
import { toMarkdown } from '../../shared/export/markdown'
import { toHtml } from '../../shared/export/html'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import type { ExportMeta } from '../../shared/export/meta'
import { parseText } from '../../shared/import/text'
import { parseAkomaNtoso } from '../../shared/import/akomaNtoso'
import type { DocJSON } from '../../shared/schema'

/** Hostile user text stays text in every format (DOCX: see export-docx.test.ts). */

const EVIL = '<img src=x onerror=alert(1)> & ]]> *bold*'
const dir = mkdtempSync(join(tmpdir(), 'accord-esc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const meta: ExportMeta = {
  title: EVIL,
  language: 'en',
  status: 'proposed',
  date: '2025-03-14',
  version: { name: EVIL, createdAt: '2025-03-01' },
  organizations: [{ name: EVIL, shortName: '<b>' }],
}

function evilLaw(): DocJSON {
  const b = createBuilders('x')
  return b.law(EVIL, [EVIL], [b.chapter(EVIL), b.article(EVIL, [b.clause(EVIL), b.clause(EVIL), b.point(EVIL), b.subpoint(EVIL)])])
}

/** Every text of a document, in order. */
function texts(doc: DocJSON): string[] {
  const out: string[] = []
  const walk = (n: DocJSON) => {
    if (['lawTitle', 'paragraph', 'chapter', 'articleHeading', 'clause', 'point', 'subpoint'].includes(n.type)) out.push((n.content ?? []).map((t) => t.text ?? '').join(''))
    n.content?.forEach(walk)
  }
  walk(doc)
  return out
}

describe('escaping of user text', () => {
  it('Markdown: markup characters are backslash-escaped and read back literally', () => {
    const md = toMarkdown(evilLaw(), meta)
    // Every markup character carries a backslash.
    expect(md).not.toMatch(/(?<!\\)<img/)
    expect(md).not.toMatch(/(?<!\\)\*bold/)
    expect(md).not.toMatch(/(?<!\\)&/)
    expect(md).toContain('\\<img src=x onerror=alert(1)\\> \\& \\]\\]\\> \\*bold\\*')
    expect(md).toContain('### Article 1. \\<img')
    expect(texts(parseText(md).doc)).toEqual(texts(evilLaw()))
  })

  it('HTML: every user string is escaped, in the body, the cover and the <title>', () => {
    const html = toHtml(evilLaw(), meta)
    expect(html).not.toMatch(/<img|<b>|<script/i)
    expect(html).toContain(`<title>&lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; *bold*</title>`)
    const escaped = '&lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; *bold*'
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(10)
    expect(html).toContain('(&lt;b&gt;)')
  })

  it('Akoma Ntoso: text and attributes are escaped, the file stays schema-valid and reads back literally', () => {
    const xml = toAkomaNtoso(evilLaw(), meta)
    expect(xml).not.toContain('<img')
    expect(xml).toContain('<docTitle>&lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; *bold*</docTitle>')
    expect(xml).toContain('showAs="&lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; *bold*"')
    const file = join(dir, 'evil.xml')
    writeFileSync(file, xml)
    execFileSync('xmllint', ['--noout', '--schema', resolve(__dirname, '../fixtures/akn/akomantoso30.xsd'), file], { stdio: 'pipe' })
    expect(texts(parseAkomaNtoso(xml).doc)).toEqual(texts(evilLaw()))
  })

  it('characters XML cannot carry become U+FFFD instead of breaking the file', () => {
    const b = createBuilders('c')
    const xml = toAkomaNtoso(b.law('Bell\u0007 and \uD800 lone', [''], [b.article('A', [b.clause('x\u0000y')])]), { ...meta, title: 'T' })
    expect(xml).toContain('Bell\uFFFD and \uFFFD lone')
    expect(xml).toContain('x\uFFFDy')
    expect(xml).not.toMatch(/[\u0000-\u0008]/)
  })
})
