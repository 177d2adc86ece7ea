import { describe, expect, it } from 'vitest'
import { compareDocuments, comparativeTable, comparativeTableHtml, isChange, renderComparativeTable, withoutRow, type ComparativeRow } from '../../shared/diff'
import { article, chapter, clause, law, point, section, subpoint } from '../../shared/diff/testing/fixtures'
import { rowNotes } from '../../shared/diff/tableWords'
import type { DocJSON } from '../../shared/schema'

/** The comparative table model (rows, sides, labels) and its HTML rendering. */

const c1 = chapter('c1', 'General provisions')
const c2 = chapter('c2', 'Jurisdiction')
const simple = (n: number) => article(`a${n}`, `Heading ${n}`, clause(`a${n}c1`, `Text ${n}.`))
const doc = (parts: DocJSON[], title = 'Model Law', preamble = ['Preamble.']) => law(title, preamble, parts)
const rowsOf = (before: DocJSON, after: DocJSON, language: 'en' | 'ru' = 'en') => comparativeTable(compareDocuments(before, after, language))
/** Rows reduced to what a reader sees: kind, labels, and each side as "label text" lines with [-del-] and {+ins+}. */
function sketch(rows: ComparativeRow[]) {
  const render = (lines: ComparativeRow['before']) =>
    lines.map((l) => `${l.label ? `${l.label} ` : ''}${l.segments.map((s) => (s.kind === 'delete' ? `[-${s.text}-]` : s.kind === 'insert' ? `{+${s.text}+}` : s.text)).join('')}`)
  return rows.map((r) => ({ kind: r.kind, status: r.status, before: render(r.before), after: render(r.after) }))
}

describe('comparativeTable', () => {
  it('renumbering only: one row for the new article, none for the renumbered ones', () => {
    const rows = rowsOf(doc([c1, simple(1), simple(2), simple(3)]), doc([c1, simple(0), simple(1), simple(2), simple(3)]))
    expect(sketch(rows)).toEqual([{ kind: 'article', status: 'added', before: [], after: ['Article 1. {+Heading 0+}', '{+Text 0.+}'] }])
    expect(rows[0]).toMatchObject({ id: 'a0', labelBefore: null, labelAfter: 'Article 1.', renumbered: false, moved: false })
  })

  it('a moved article whose text is unchanged is no row', () => {
    expect(rowsOf(doc([c1, simple(1), simple(2), simple(3)]), doc([c1, simple(2), simple(3), simple(1)]))).toEqual([])
  })

  it('counts what the comparison lists but the table has no row for: moved or renumbered with the same text', () => {
    // Article 1 moved to the end (2 and 3 renumbered), Article 3 reworded.
    const before = doc([c1, simple(1), simple(2), simple(3)])
    const after = doc([c1, simple(2), article('a3', 'Heading 3', clause('a3c1', 'Text 3, reworded.')), simple(1)])
    const diff = compareDocuments(before, after, 'en')
    const rows = comparativeTable(diff)
    expect(rows.map((r) => r.id)).toEqual(['a3'])
    const listed = diff.structure.filter(isChange).map((item) => item.id)
    expect(listed).toContain('a3')
    // a1 moved, a2 renumbered: listed article by article, no row; a3 has its row.
    expect(withoutRow(diff)).toBe(2)
    expect(rows.length + withoutRow(diff)).toBe(diff.structure.filter((i) => isChange(i) || i.renumbered).length)
  })

  it('an edited point: old wording with deletions, new wording with insertions, blocks with their labels', () => {
    const before = doc([c1, simple(1), article('a2', 'Principles', clause('p0', 'Guided by:'), point('p1', 'respect for rights;'), point('p2', 'the interests of the child.'))])
    const after = doc([c1, simple(1), article('a2', 'Principles', clause('p0', 'Guided by:'), point('p1', 'respect for human rights;'), point('p2', 'the best interests of the child.'))])
    const rows = rowsOf(before, after)
    expect(sketch(rows)).toEqual([
      {
        kind: 'article', status: 'changed',
        before: ['Article 2. Principles', 'Guided by:', '(a) respect for rights;', '(b) the interests of the child.'],
        after: ['Article 2. Principles', 'Guided by:', '(a) respect for {+human +}rights;', '(b) the {+best +}interests of the child.'],
      },
    ])
    expect(rows[0].after.map((l) => [l.role, l.status])).toEqual([['heading', 'unchanged'], ['clause', 'unchanged'], ['point', 'changed'], ['point', 'changed']])
  })

  it('a changed article that was also renumbered carries both labels', () => {
    const before = doc([c1, simple(1), article('a2', 'Penalty', clause('x', 'Punishable by a fine.'))])
    const after = doc([c1, simple(0), simple(1), article('a2', 'Penalty', clause('x', 'Punishable by imprisonment.'))])
    const rows = rowsOf(before, after)
    expect(sketch(rows)[1]).toEqual({
      kind: 'article', status: 'changed',
      before: ['Article 2. Penalty', 'Punishable by [-a fine-].'],
      after: ['Article 3. Penalty', 'Punishable by {+imprisonment+}.'],
    })
    expect(rows[1]).toMatchObject({ labelBefore: 'Article 2.', labelAfter: 'Article 3.', renumbered: true })
  })

  it('old side in old order, new side in new order when points were reordered', () => {
    const before = doc([c1, article('a1', 'H', clause('c', 'Intro:'), point('x', 'first;'), point('y', 'second.'))])
    const after = doc([c1, article('a1', 'H', clause('c', 'Intro:'), point('y', 'second.'), point('x', 'first;'))])
    expect(sketch(rowsOf(before, after))[0]).toMatchObject({
      before: ['Article 1. H', 'Intro:', '(a) first;', '(b) second.'],
      after: ['Article 1. H', 'Intro:', '(a) second.', '(b) first;'],
    })
  })

  it('split and merge rows carry their provenance', () => {
    const before = doc([c1, simple(1), article('a2', 'Protection and assistance', clause('x', 'Victims are protected from retaliation.'), clause('y', 'Victims receive free legal assistance.')), simple(3), article('a4', 'Permit', clause('p', 'A permit is issued for six months.')), article('a5', 'Renewal', clause('r', 'The permit may be renewed once.'))])
    const after = doc([c1, simple(1), article('a2', 'Protection', clause('x', 'Victims are protected from retaliation.')), article('n', 'Assistance', clause('y2', 'Victims receive free legal assistance.')), simple(3), article('a4', 'Permit', clause('p', 'A permit is issued for six months.'), clause('r', 'The permit may be renewed once.'))])
    const rows = rowsOf(before, after)
    expect(rows.map((r) => [r.id, r.status, r.splitFrom?.label ?? null, r.mergedInto?.label ?? null, r.mergedFrom.map((m) => m.label)])).toEqual([
      ['a2', 'changed', null, null, []],
      ['n', 'added', 'Article 2.', null, []],
      ['a4', 'changed', null, null, ['Article 5.']],
      ['a5', 'deleted', null, 'Article 5.', []],
    ])
    expect(sketch(rows)[3]).toEqual({ kind: 'article', status: 'deleted', before: ['Article 5. [-Renewal-]', '[-The permit may be renewed once.-]'], after: [] })
    expect(sketch(rows)[2].after).toEqual(['Article 5. Permit', '1. A permit is issued for six months.', '2. {+The permit may be renewed once.+}'])
  })

  it('title, preamble and chapter headings get rows; a renumbered-only chapter does not', () => {
    const before = doc([c1, simple(1), c2, simple(2), chapter('c3', 'Final provisions'), simple(3)], 'Model Law', ['Recognizing the harm,', 'Enacts:'])
    const after = doc([chapter('c1', 'General rules'), simple(1), simple(2), chapter('c3', 'Final provisions'), simple(3)], 'Model Law On Trafficking', ['Recognizing the grave harm,', 'Enacts:'])
    expect(sketch(rowsOf(before, after))).toEqual([
      { kind: 'title', status: 'changed', before: ['Model Law'], after: ['Model Law{+ On Trafficking+}'] },
      { kind: 'preamble', status: 'changed', before: ['Recognizing the harm,', 'Enacts:'], after: ['Recognizing the {+grave +}harm,', 'Enacts:'] },
      { kind: 'chapter', status: 'changed', before: ['Chapter I. General [-provisions-]'], after: ['Chapter I. General {+rules+}'] },
      { kind: 'chapter', status: 'deleted', before: ['Chapter II. [-Jurisdiction-]'], after: [] },
    ])
  })

  it('a renamed section heading gets a row like a chapter heading; an article gone to another section with the same text does not', () => {
    const before = doc([c1, section('s1', 'Scope'), simple(1), section('s2', 'Definitions'), simple(2), simple(3)])
    const after = doc([c1, section('s1', 'Scope'), simple(1), simple(2), section('s2', 'Definitions and terms'), simple(3)])
    const diff = compareDocuments(before, after, 'en')
    const rows = comparativeTable(diff)
    expect(sketch(rows)).toEqual([
      { kind: 'section', status: 'changed', before: ['Section 2. Definitions'], after: ['Section 2. Definitions{+ and terms+}'] },
    ])
    expect(rows[0]).toMatchObject({ id: 's2', labelBefore: 'Section 2.', labelAfter: 'Section 2.', renumbered: false, moved: false })
    expect(rows[0].after.map((l) => l.role)).toEqual(['section'])
    // a2 is now in section 1: listed by the comparison, no row.
    expect(withoutRow(diff)).toBe(1)
  })

  it('a section moved and renamed: both labels, and «перемещён» (a «параграф» is masculine)', () => {
    const before = law('Закон', [''], [chapter('c', 'Общие положения'), section('s1', 'Сфера'), simple(1), section('s2', 'Термины'), simple(2)])
    const after = law('Закон', [''], [chapter('c', 'Общие положения'), section('s2', 'Термины и понятия'), simple(2), section('s1', 'Сфера'), simple(1)])
    const rows = rowsOf(before, after, 'ru')
    expect(sketch(rows)).toEqual([{ kind: 'section', status: 'changed', before: ['§ 2. Термины'], after: ['§ 1. Термины{+ и понятия+}'] }])
    expect(rowNotes(rows[0], 'ru')).toEqual(['§ 2. → § 1.', 'перемещён'])
  })

  it('Russian labels for paragraphs, points and sub-points', () => {
    const before = law('Закон', [''], [chapter('c', 'Общие положения'), article('a', 'Термины', clause('k1', 'Первая часть.'), clause('k2', 'Вторая часть:'), point('p', 'пункт;'), subpoint('s', 'подпункт;'))])
    const after = law('Закон', [''], [chapter('c', 'Общие положения'), article('a', 'Термины', clause('k1', 'Первая часть.'), clause('k2', 'Вторая часть:'), point('p', 'пункт;'), subpoint('s', 'подпункт «а».'))])
    expect(sketch(rowsOf(before, after, 'ru'))[0]).toEqual({
      kind: 'article', status: 'changed',
      before: ['Статья 1. Термины', '1. Первая часть.', '2. Вторая часть:', '1) пункт;', 'а) подпункт[-;-]'],
      after: ['Статья 1. Термины', '1. Первая часть.', '2. Вторая часть:', '1) пункт;', 'а) подпункт{+ «а».+}'],
    })
  })
})

describe('comparativeTable: proposed by', () => {
  const moj = { id: 'o1', name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' }
  const moi = { id: 'o2', name: 'Ministry of Interior', shortName: 'MoI', color: '#2a7d4f' }

  it('gives each article row the organizations the map names for its id, and nobody to the other rows', () => {
    const before = law('Model Law', ['Preamble.'], [c1, simple(1), simple(2), simple(3)])
    const after = law('Model Law, amended', ['Preamble, amended.'], [chapter('c1', 'General rules'), simple(0), article('a1', 'Heading 1', clause('a1c1', 'Text 1, amended.')), simple(2), article('a3', 'Heading 3', clause('a3c1', 'Text 3, amended.'))])
    const rows = comparativeTable(compareDocuments(before, after, 'en'), { a0: [moj], a1: [moi, moj], nosuch: [moi] })
    expect(rows.map((r) => [r.kind, r.id, r.proposedBy.map((o) => o.shortName)])).toEqual([
      ['title', null, []],
      ['preamble', null, []],
      ['chapter', 'c1', []],
      ['article', 'a0', ['MoJ']],
      ['article', 'a1', ['MoI', 'MoJ']],
      // Changed, but no session recorded it: nobody.
      ['article', 'a3', []],
    ])
    expect(rows[3].proposedBy[0]).toEqual(moj)
    // Without a map (a comparison nobody edited through the server) every cell is empty.
    expect(comparativeTable(compareDocuments(before, after, 'en')).every((r) => r.proposedBy.length === 0 && r.reasons.length === 0)).toBe(true)
  })

  it('gives each row the reasons the map names for its place, the title and preamble included, in order', () => {
    const before = law('Model Law', ['Preamble.'], [simple(1), simple(2)])
    const after = law('Model Law, amended', ['Preamble.'], [article('a1', 'Heading 1', clause('a1c1', 'Text 1, amended.')), simple(2)])
    const first = { organization: moi, text: 'Shorter.' }
    const second = { organization: moj, text: 'As the Code says.' }
    const rows = comparativeTable(compareDocuments(before, after, 'en'), {}, { a1: [first, second], title: [second], a2: [first] })
    expect(rows.map((r) => [r.kind, r.id, r.reasons])).toEqual([
      ['title', null, [second]],
      ['article', 'a1', [first, second]],
    ])
  })
})

describe('comparativeTableHtml', () => {
  const attack = '<img src=x onerror=alert(1)>'

  it('escapes every piece of text: nothing typed becomes markup', () => {
    const before = law(`Law ${attack}`, [`Pre ${attack}`], [chapter('c1', `Chapter ${attack}`), article('a1', `Old ${attack}`, clause('x', `Text & "quotes" ${attack}`))])
    const after = law(`Law ${attack} 2`, [`Pre ${attack} 2`], [
      chapter('c1', `Chapter ${attack} 2`),
      article('n', `New ${attack}`, clause('y', `Text & "quotes" ${attack}`)),
    ])
    const rows = comparativeTable(compareDocuments(before, after, 'en'))
    expect(rows.map((r) => r.kind)).toEqual(['title', 'preamble', 'chapter', 'article', 'article'])
    expect(rows[3].splitFrom).toMatchObject({ heading: `Old ${attack}` }) // reaches the notes too
    const html = comparativeTableHtml(rows, { language: 'en', title: `Round ${attack}` })
    expect(html).not.toContain('<img')
    expect(html).not.toMatch(/<[^>]*onerror/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Text &amp; &quot;quotes&quot;')
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => m[1].toLowerCase()))
    expect([...tags].sort()).toEqual(['!doctype', 'body', 'del', 'h1', 'head', 'html', 'ins', 'meta', 'p', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr'])
  })

  it('renders deletions and insertions, labels and notes', () => {
    const before = doc([c1, simple(1), article('a2', 'Penalty', clause('x', 'Punishable by a fine;'))])
    const after = doc([c1, simple(0), simple(1), article('a2', 'Penalty', clause('x', 'Punishable by a fine.'))])
    const table = renderComparativeTable(comparativeTable(compareDocuments(before, after, 'en')), { language: 'en' })
    expect(table).toBe(
      '<table class="comparative-table"><thead><tr><th>Previous wording</th><th>New wording</th><th class="proposed-by">Proposed by</th></tr></thead><tbody>' +
        '<tr data-kind="article" data-status="added"><td><p class="note">(none)</p></td>' +
        '<td><p class="heading">Article 1. <ins>Heading 0</ins></p><p class="clause"><ins>Text 0.</ins></p></td><td class="proposed-by"></td></tr>' +
        '<tr data-kind="article" data-status="changed"><td><p class="heading">Article 2. Penalty</p><p class="clause">Punishable by a fine<del>;</del></p></td>' +
        '<td><p class="heading">Article 3. Penalty</p><p class="clause">Punishable by a fine<ins>.</ins></p><p class="note">Article 2. → Article 3.</p></td>' +
        '<td class="proposed-by"></td></tr>' +
        '</tbody></table>',
    )
  })

  it('renders a section heading row as a bold heading line', () => {
    const before = doc([c1, section('s1', 'Scope'), simple(1)])
    const after = doc([c1, section('s1', 'Scope of application'), simple(1)])
    const table = renderComparativeTable(comparativeTable(compareDocuments(before, after, 'en')), { language: 'en' })
    expect(table).toContain(
      '<tr data-kind="section" data-status="changed"><td><p class="section">Section 1. Scope</p></td>' +
        '<td><p class="section">Section 1. Scope<ins> of application</ins></p></td><td class="proposed-by"></td></tr>',
    )
    expect(comparativeTableHtml(comparativeTable(compareDocuments(before, after, 'en')), { language: 'en' })).toMatch(/\.section[,{][^}]*font-weight:bold/)
  })

  it('speaks Russian and says when there is nothing to show', () => {
    const same = doc([c1, simple(1)])
    const html = comparativeTableHtml(comparativeTable(compareDocuments(same, same, 'ru')), { language: 'ru' })
    expect(html).toContain('<html lang="ru">')
    expect(html).toContain('<th>Прежняя редакция</th><th>Новая редакция</th><th class="proposed-by">Кем предложено</th></tr>')
    expect(html).toContain('<td colspan="3">Изменений нет.</td>')
    expect(html).toContain('<title>Сравнительная таблица</title>')
  })

  it('has a "Proposed by" column: short names with the full name as their title, escaped, and the key under the table', () => {
    const before = doc([c1, simple(1), simple(2)])
    const after = doc([c1, simple(1), article('a2', 'Heading 2', clause('a2c1', 'Text 2, amended.'))])
    const bold = { id: 'o9', name: 'Ministry <b>of</b> "Justice"', shortName: '<b>MoJ</b>', color: '#8a2be2' }
    const rows = comparativeTable(compareDocuments(before, after, 'en'), { a2: [bold] })
    const html = comparativeTableHtml(rows, { language: 'en' })
    expect(html).toContain('<th class="proposed-by">Proposed by</th></tr>')
    expect(html).toContain('<td class="proposed-by"><p><abbr title="Ministry &lt;b&gt;of&lt;/b&gt; &quot;Justice&quot;">&lt;b&gt;MoJ&lt;/b&gt;</abbr></p></td></tr>')
    expect(html).toContain('<p class="note">Organizations: &lt;b&gt;MoJ&lt;/b&gt; — Ministry &lt;b&gt;of&lt;/b&gt; &quot;Justice&quot;.</p></body>')
    expect(html).not.toMatch(/<b>/)
    // No justification column unless asked.
    expect(html).not.toContain('<th class="justification">')
    expect(html).not.toContain('<td class="justification">')
  })

  it('adds a "Justification" column when asked, in the draft\'s language: empty, or the reasons given', () => {
    const before = doc([c1, simple(1)])
    const after = doc([c1, article('a1', 'Heading 1', clause('a1c1', 'Text 1, amended.'))])
    const rows = comparativeTable(compareDocuments(before, after, 'ru'), { a1: [{ id: 'o1', name: 'Министерство юстиции', shortName: 'Минюст', color: '#8a2be2' }] })
    const html = comparativeTableHtml(rows, { language: 'ru', justification: true })
    expect(html).toContain('<th class="proposed-by">Кем предложено</th><th class="justification">Обоснование</th></tr>')
    expect(html).toContain('<td class="proposed-by"><p><abbr title="Министерство юстиции">Минюст</abbr></p></td><td class="justification"></td></tr>')
    expect(html).toContain('Организации: Минюст — Министерство юстиции.')
    // The reasons given with accepted wordings fill it, escaped, their lines kept; without the column they are not shown.
    const reasons = { a1: [{ organization: { id: 'o2', name: 'МВД <i>"России"</i>', shortName: 'МВД', color: '#2a7d4f' }, text: 'Короче <img src=x onerror=alert(1)>\nи яснее' }] }
    const explained = comparativeTableHtml(comparativeTable(compareDocuments(before, after, 'ru'), {}, reasons), { language: 'ru', justification: true })
    expect(explained).toContain('<td class="justification"><p><b><abbr title="МВД &lt;i&gt;&quot;России&quot;&lt;/i&gt;">МВД</abbr>:</b> Короче &lt;img src=x onerror=alert(1)&gt;<br>и яснее</p></td></tr>')
    expect(explained).not.toMatch(/<img|<i>/)
    expect(comparativeTableHtml(comparativeTable(compareDocuments(before, after, 'ru'), {}, reasons), { language: 'ru' })).not.toContain('Короче')
    const none = comparativeTableHtml([], { language: 'ru', justification: true })
    expect(none).toContain('<td colspan="4">Изменений нет.</td>')
    expect(none).not.toContain('Организации')
  })
})
