import { describe, expect, it } from 'vitest'
import { alternativesIn, groupKeyOf, optionsOfKey, optionWords, WITHOUT } from '../../shared/alternatives/recognise'
import { alternativesOfDoc } from '../../shared/alternatives/inDocument'
import { matchPreferences } from '../../shared/alternatives/preferences'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import type { PreferenceView } from '../../shared/api'
import { reviewReportHtml } from '../../shared/review/reviewReportHtml'

const options = (text: string) => alternativesIn(text).map((g) => g.options.map((o) => o.text))

describe('alternatives in a block', () => {
  it('takes the word before the brackets as the current wording, then each bracket', () => {
    const [group] = alternativesIn('Non-liability [non-punishment] [non-prosecution] of victims')
    expect(group.options.map((o) => [o.text, o.bracketed])).toEqual([
      ['Non-liability', false],
      ['non-punishment', true],
      ['non-prosecution', true],
    ])
    expect(group.start).toBe(0)
    expect(group.end).toBe('Non-liability [non-punishment] [non-prosecution]'.length)
    expect(group.key).toBe(groupKeyOf(['Non-liability', 'non-punishment', 'non-prosecution']))
  })

  it('reads Russian text', () => {
    expect(options('Освобождение от ответственности [наказания] [уголовного преследования] жертв')).toEqual([
      ['ответственности', 'наказания', 'уголовного преследования'],
    ])
    expect(options('уголовно-правовой [административный] порядок')).toEqual([['уголовно-правовой', 'административный']])
  })

  it('has no current wording without a word and a space right before the brackets; a lone bracket may then be left out', () => {
    expect(options('[Optional opening] The State shall act.')).toEqual([[WITHOUT, 'Optional opening']])
    expect(options('victims,[persons] concerned')).toEqual([[WITHOUT, 'persons']])
    expect(options('(victims) [persons]')).toEqual([[WITHOUT, 'persons']])
    // Two brackets or more are the choice themselves.
    expect(options('(victims) [persons] [people]')).toEqual([['persons', 'people']])
    expect(optionWords({ text: WITHOUT, bracketed: false }, 'ru')).toBe('без слов в скобках')
    expect(optionWords({ text: 'persons', bracketed: true }, 'en')).toBe('[persons]')
  })

  it('takes no preposition or article before two brackets as the current wording, nor a word before an insertion', () => {
    expect(options('by [through] training')).toEqual([['by', 'through']])
    expect(options('на [трехлетний] [пятилетний] срок')).toEqual([['трехлетний', 'пятилетний']])
    expect(options('for a [three-year] [five-year] period')).toEqual([['three-year', 'five-year']])
    expect(options('преступления совершения [, если потерпевшим является ребенок]')).toEqual([[WITHOUT, ', если потерпевшим является ребенок']])
    expect(options('Неответственность [ненаказуемость] жертв')).toEqual([['Неответственность', 'ненаказуемость']])
  })

  it('finds several groups in one block, a run ending at anything but whitespace', () => {
    expect(options('shall [may] [must] take measures [steps], [including] [notably] training')).toEqual([
      ['shall', 'may', 'must'],
      ['measures', 'steps'],
      ['including', 'notably'],
    ])
  })

  it('ignores empty brackets, and they do not break a run', () => {
    expect(options('a [] text')).toEqual([])
    expect(options('word [ ] [other]')).toEqual([['word', 'other']])
  })

  it('ignores unbalanced brackets', () => {
    expect(options('an [unclosed bracket and a closed [one]')).toEqual([['closed', 'one']])
    expect(options('stray ] bracket [x]')).toEqual([['bracket', 'x']])
    expect(options('no brackets here')).toEqual([])
    expect(options('only [ open')).toEqual([])
  })

  it('keeps a nested pair inside its outer option, as typed', () => {
    expect(options('term [a [b] c] [d]')).toEqual([['term', 'a [b] c', 'd']])
  })

  it('counts a repeated option once', () => {
    expect(options('shall [shall] [may]')).toEqual([['shall', 'may']])
  })

  it('keys round-trip, and a non-key is refused', () => {
    const key = groupKeyOf(['a "quoted" | bar', 'b'])
    expect(optionsOfKey(key)).toEqual(['a "quoted" | bar', 'b'])
    expect(optionsOfKey('not json')).toBeNull()
    expect(optionsOfKey('[]')).toBeNull()
    expect(optionsOfKey('[1]')).toBeNull()
  })
})

function law(): DocJSON {
  const b = createBuilders('x')
  const withId = (block: DocJSON, id: string): DocJSON => ({ ...block, attrs: { id } })
  return b.law('Law', ['Preamble [with] brackets'], [
    withId(b.chapter('General [Common] provisions'), 'ch1'),
    withId(b.article('Purpose', [withId(b.clause('No alternatives.'), 'a1c1')]), 'a1'),
    withId(
      b.article('Non-liability [non-punishment] of victims', [
        withId(b.clause('First paragraph.'), 'a2c1'),
        withId(b.clause('States shall [may] act:'), 'a2c2'),
        withId(b.point('by [through] training;'), 'a2p1'),
      ]),
      'a2',
    ),
  ])
}

describe('alternatives in a draft', () => {
  it('labels each group by its article (or chapter) and block, under the block\'s stable id', () => {
    const groups = alternativesOfDoc(docFromJSON(law()), 'en')
    expect(groups.map((g) => [g.blockId, g.label, g.place, g.options.map((o) => o.text).join('|')])).toEqual([
      // The preamble has no id: its place names it (it was skipped).
      ['preamble', 'Preamble', 'Preamble', 'Preamble|with'],
      ['ch1', 'Chapter I.', 'Chapter I', 'General|Common'],
      ['a2', 'Article 2.', 'Article 2', 'Non-liability|non-punishment'],
      ['a2c2', 'Article 2.', 'Article 2, paragraph 2', 'shall|may'],
      ['a2p1', 'Article 2.', 'Article 2, point a', 'by|through'],
    ])
    // Named as the cross-reference dialog names them (it said "Article 2. 2." and "Статья 2. 1)").
    expect(alternativesOfDoc(docFromJSON(law()), 'ru').map((g) => g.place)).toEqual(['Преамбула', 'Глава 1', 'Статья 2', 'Статья 2, часть 2', 'Статья 2, пункт 1'])
  })

  it('reads the title, and each paragraph of the preamble, under their places', () => {
    const b = createBuilders('x')
    const groups = alternativesOfDoc(docFromJSON(b.law('Model Law [Code] on trafficking', ['First.', 'Recognizing [Acknowledging] that…'], [])), 'ru')
    expect(groups.map((g) => [g.blockId, g.paragraph, g.place, g.options.map((o) => o.text).join('|')])).toEqual([
      ['title', undefined, 'Название', 'Law|Code'],
      ['preamble', 1, 'Преамбула', 'Recognizing|Acknowledging'],
    ])
  })

  it('reads each paragraph of the conclusions under their place, last', () => {
    const b = createBuilders('x')
    const doc = b.law('Model Law', [], [b.article('One', [b.clause('Text.')]), b.conclusions(['Minsk', 'Adopted at the [31st] [32nd] plenary session'])])
    const groups = alternativesOfDoc(docFromJSON(doc), 'en')
    expect(groups.map((g) => [g.blockId, g.paragraph, g.place, g.options.map((o) => o.text).join('|')])).toEqual([['conclusions', 1, 'Closing formula', '31st|32nd']])
  })
})

const org = (shortName: string) => ({ id: shortName, name: shortName, shortName, color: '#123456' })
const pref = (blockId: string, groupKey: string, option: string, shortName: string): PreferenceView => ({
  blockId,
  groupKey,
  option,
  organization: org(shortName),
  statedBy: { id: 'u', displayName: 'U' },
  statedAt: '2026-01-01T00:00:00.000Z',
})

describe('stated preferences matched to the text', () => {
  it('shows a preference on its group, and one whose wording changed as no longer in the text', () => {
    const groups = alternativesOfDoc(docFromJSON(law()), 'en')
    const key = groupKeyOf(['shall', 'may'])
    const matched = matchPreferences(groups, [
      pref('a2c2', key, 'may', 'MIN'),
      pref('a2c2', key, 'may', 'ABC'),
      pref('a2c2', key, 'shall', 'SEC'),
      pref('a2c2', groupKeyOf(['shall', 'might']), 'might', 'OLD'),
      pref('gone', key, 'may', 'DEL'),
    ])
    const group = matched.groups.find((g) => g.group.blockId === 'a2c2')!
    expect(group.byOption.get('may')!.map((p) => p.organization.shortName)).toEqual(['ABC', 'MIN'])
    expect(group.byOption.get('shall')!.map((p) => p.organization.shortName)).toEqual(['SEC'])
    expect(matched.stale.map((p) => p.organization.shortName)).toEqual(['DEL', 'OLD'])
  })
})

describe('stated preferences in the review report', () => {
  it('lists each group someone stated a preference in, with who supports which option, and those no longer in the text', () => {
    const key = groupKeyOf(['shall', 'may'])
    const html = reviewReportHtml({
      doc: law(),
      language: 'en',
      title: 'Law',
      generatedAt: '2026-01-01T00:00:00.000Z',
      status: 'open',
      threads: [],
      preferences: [
        pref('a2c2', key, 'may', 'MIN'),
        pref('a2c2', key, 'may', '<b>X</b>'),
        pref('a2c2', groupKeyOf(['shall', 'might']), 'might', 'OLD'),
      ],
    })
    expect(html).toContain('<h2>Stated preferences among alternative wordings</h2>')
    expect(html).toContain('<strong>Article 2, paragraph 2</strong>')
    expect(html).toContain('<li>shall: —</li>')
    expect(html).toContain('<li>[may]: &lt;b&gt;X&lt;/b&gt;, MIN</li>')
    expect(html).toContain('For a wording no longer in the text')
    expect(html).toContain('<li>OLD: “might” (shall / might)</li>')
    // Groups nobody stated a preference in are left out.
    expect(html).not.toContain('Chapter I.')
  })

  it('says "without the bracketed words" for leaving a lone bracket out, in the draft\'s language', () => {
    const b = createBuilders('x')
    const doc: DocJSON = b.law('Закон', ['Преамбула'], [
      { ...b.article('Статья', [{ ...b.clause('Лицо [, совершившее преступление впервые,] освобождается.'), attrs: { id: 'c1' } }]), attrs: { id: 'a1' } },
    ])
    const key = groupKeyOf([WITHOUT, ', совершившее преступление впервые,'])
    const html = reviewReportHtml({
      doc,
      language: 'ru',
      title: 'Закон',
      generatedAt: '2026-01-01T00:00:00.000Z',
      status: 'open',
      threads: [],
      preferences: [pref('c1', key, WITHOUT, 'МВД'), pref('c1', key, ', совершившее преступление впервые,', 'МЮ')],
    })
    expect(html).toContain('<li>без слов в скобках: МВД</li>')
    expect(html).toContain('<li>[, совершившее преступление впервые,]: МЮ</li>')
  })

  it('has no such section when nobody stated a preference', () => {
    const html = reviewReportHtml({ doc: law(), language: 'ru', title: 'Закон', generatedAt: '2026-01-01T00:00:00.000Z', status: 'open', threads: [] })
    expect(html).not.toContain('Предпочтения организаций')
  })
})
