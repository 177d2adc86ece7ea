import { describe, expect, it } from 'vitest'
import { amendmentRows, type OpenAmendment } from '../../shared/review/amendmentsTable'
import { comparativeTableHtml } from '../../shared/diff/comparativeTableHtml'
import { AMENDMENTS_WORDS } from '../../shared/review/amendmentsTable'

const mvd = { id: 'o2', name: 'Министерство внутренних дел', shortName: 'МВД', color: '#2a7d4f' }
const article: OpenAmendment['place'] = { kind: 'article', label: 'Статья 3.', heading: 'Основные принципы' }

describe('the table of amendments', () => {
  it('shows a provision as it reads now and as the proposal would have it, under its article, with who proposed it and why', () => {
    const [row] = amendmentRows([
      { place: article, block: { role: 'clause', label: '1.', }, before: 'Меры ', passage: 'основываются на', after: ' принципах.', proposal: 'исходят из', proposer: mvd, reason: ' Так точнее. ' },
    ])
    expect(row.before).toEqual([
      { role: 'heading', label: 'Статья 3.', status: 'unchanged', segments: [{ kind: 'equal', text: 'Основные принципы' }] },
      { role: 'clause', label: '1.', status: 'changed', segments: [{ kind: 'equal', text: 'Меры ' }, { kind: 'delete', text: 'основываются на' }, { kind: 'equal', text: ' принципах.' }] },
    ])
    expect(row.after[1].segments).toEqual([{ kind: 'equal', text: 'Меры ' }, { kind: 'insert', text: 'исходят из' }, { kind: 'equal', text: ' принципах.' }])
    expect(row.proposedBy).toEqual([mvd])
    expect(row.reasons).toEqual([{ organization: mvd, text: 'Так точнее.' }])
  })

  it('changes a heading in its own line, and gives no reason where none was written', () => {
    const [row] = amendmentRows([
      { place: { kind: 'chapter', label: 'Глава 1.', heading: 'Общие положения' }, block: null, before: '', passage: 'Общие', after: ' положения', proposal: 'Основные', proposer: mvd, reason: '' },
    ])
    expect(row.before).toEqual([{ role: 'chapter', label: 'Глава 1.', status: 'changed', segments: [{ kind: 'delete', text: 'Общие' }, { kind: 'equal', text: ' положения' }] }])
    expect(row.after).toEqual([{ role: 'chapter', label: 'Глава 1.', status: 'changed', segments: [{ kind: 'insert', text: 'Основные' }, { kind: 'equal', text: ' положения' }] }])
    expect(row.reasons).toEqual([])
  })

  it('renders as the comparative table does, with the Justification column, its own title and what an empty one says', () => {
    const rows = amendmentRows([{ place: article, block: { role: 'point', label: '2)' }, before: '', passage: 'a <b>', after: '', proposal: 'c', proposer: mvd, reason: '<i>x</i>' }])
    const words = AMENDMENTS_WORDS.ru
    const html = comparativeTableHtml(rows, { language: 'ru', title: words.title, justification: true, columns: words.columns, number: words.number })
    expect(html).toContain('<h1>Таблица поправок</h1>')
    expect(html).toContain('<td class="number">1.</td>')
    expect(html).toContain('<thead><tr><th class="number">№ п/п</th><th>Текст проекта</th><th>Предлагаемая редакция</th><th class="proposed-by">Кем предложено</th><th class="justification">Обоснование</th></tr></thead>')
    expect(html).toContain('<p class="point">2) <del>a &lt;b&gt;</del></p>')
    expect(html).toContain('<p class="point">2) <ins>c</ins></p>')
    expect(html).toContain('</b> &lt;i&gt;x&lt;/i&gt;</p>')
    expect(html).not.toContain('<i>')
    expect(comparativeTableHtml([], { language: 'ru', justification: true, noRows: words.noRows, number: words.number })).toContain('<td colspan="5">Предложенных редакций, ожидающих решения, нет.</td>')
    expect(comparativeTableHtml(rows, { language: 'ru' })).not.toContain('class="number"')
  })
})
