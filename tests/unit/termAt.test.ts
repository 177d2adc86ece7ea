import { describe, expect, it } from 'vitest'
import type { Node as PMNode } from '@tiptap/pm/model'
import { docFromJSON } from '../../shared/schema'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { createBuilders } from '../../shared/seed/builders'
import { definedTermsOf, lawTermsOf } from '../../shared/checks/draftChecks'
import { termAt } from '../../shared/checks/termAt'
import { chapterTermLaw } from '../helpers/chapterTermLaw'

/** The position `offset` characters into the `nth` text holding `words` (the first by default). */
function posOf(doc: PMNode, words: string, offset = 0, nth = 0): number {
  const found: number[] = []
  doc.descendants((node, pos) => {
    if (!node.isText) return
    for (let at = node.text!.indexOf(words); at >= 0; at = node.text!.indexOf(words, at + 1)) found.push(pos + at + offset)
  })
  if (found[nth] === undefined) throw new Error(`no “${words}” #${nth}`)
  return found[nth]
}

const at = (doc: PMNode, pos: number) => termAt(doc, pos, lawTermsOf(doc, 'ru'), () => '5')

describe('the defined term at a place of the text', () => {
  const doc = docFromJSON(sampleLaw('ru'))

  it('finds a definitions article’s term in any form, before that article too, with its definition’s words and place', () => {
    const found = at(doc, posOf(doc, 'торговли людьми и борьбы', 3))!
    expect(found.term.term).toBe('торговля людьми')
    expect([found.term.place.label, found.term.blockLabel]).toEqual(['Статья 4.', '1)'])
    expect(doc.textBetween(found.from, found.to)).toBe('торговли людьми')
    expect(found.definition[0]).toMatch(/^торговля людьми — вербовка, перемещение/)
    // Every word of a term of two finds it, the end of it too.
    expect(at(doc, posOf(doc, 'торговли людьми и борьбы', 'торговли людьми'.length))?.term.term).toBe('торговля людьми')
    expect(at(doc, posOf(doc, 'Несопровождаемому ребенку', 'Несопровождаемому р'.length))?.term.term).toBe('ребенок')
    expect(at(doc, posOf(doc, 'Дети —', 1))?.definition[0]).toMatch(/^ребенок — лицо/)
  })

  it('gives an item introducing a list its items too, and nothing for the definition itself or a word no term has', () => {
    const found = at(doc, posOf(doc, 'сексуальную эксплуатацию', 'сексуальную '.length + 2))!
    expect(found.term.term).toBe('эксплуатация')
    expect(found.definition.length).toBeGreaterThan(2)
    expect(found.definition[0]).toMatch(/^эксплуатация — .*:$/)
    expect(found.definition[1]).toMatch(/^сексуальную эксплуатацию/)
    expect(at(doc, posOf(doc, 'жертва — физическое', 2))).toBeNull()
    expect(at(doc, posOf(doc, 'Настоящий Закон', 3))).toBeNull()
  })

  it('takes a term a provision introduces from the parenthesis on, not before it; a capitalised one only capitalised', () => {
    const b = createBuilders('t')
    const law = docFromJSON(b.law('Закон', [], [
      b.article('Центр', [b.clause('Создается Национальный центр (далее — Центр); Центр подотчетен правительству, культурный центр — нет.')]),
    ]))
    const terms = lawTermsOf(law, 'ru')
    expect(terms.map((t) => [t.term, t.introduced])).toEqual([['Центр', true]])
    expect(termAt(law, posOf(law, 'Национальный центр', 15), terms, () => '')).toBeNull()
    expect(termAt(law, posOf(law, 'Центр)', 2), terms, () => '')).toBeNull()
    const use = termAt(law, posOf(law, 'Центр подотчетен', 2), terms, () => '')!
    expect(use.definition).toEqual(['Создается Национальный центр (далее — Центр); Центр подотчетен правительству, культурный центр — нет.'])
    expect(termAt(law, posOf(law, 'культурный центр', 'культурный '.length + 1), terms, () => '')).toBeNull()

    // Of a paragraph of several sentences, the card shows the one introducing the term; a cross-reference before it counts as its words, here longer than the sentence's start.
    const clause = b.clause('')
    clause.content = [
      { type: 'text', text: 'Порядок установлен в ' },
      { type: 'xref', attrs: { target: 'x' } },
      { type: 'text', text: '. Создается Национальное агентство (далее — Агентство). Агентство подотчетно правительству.' },
    ]
    const long = docFromJSON(b.law('Закон', [], [b.article('Агентство', [clause])]))
    const agency = termAt(long, posOf(long, 'Агентство подотчетно', 2), lawTermsOf(long, 'ru'), () => 'статье 12 настоящего Закона и в постановлении Правительства')!
    expect(agency.definition).toEqual(['… Создается Национальное агентство (далее — Агентство). …'])
    expect(termAt(law, posOf(law, 'Закон', 1), [], () => '')).toBeNull()
    // Check the text counts the same uses: «культурный центр» is none.
    expect(definedTermsOf(law, 'ru').map((t) => [t.term, t.uses])).toEqual([['Центр', 1]])
  })

  it('takes a term introduced for its own article («далее в настоящей статье») there only, before a term of the law of the same words', () => {
    const b = createBuilders('a')
    const law = docFromJSON(b.law('Закон', [], [
      b.article('Основные понятия', [b.clause('В настоящем Законе используются следующие основные понятия:'), b.point('заявитель — лицо, обратившееся за помощью.')]),
      b.article('Жалобы', [b.clause('Лицо, подавшее жалобу (далее в настоящей статье — заявитель), извещается. Заявитель вправе отозвать жалобу.')]),
      b.article('Сроки', [b.clause('Заявитель уведомляется в срок.')]),
    ]))
    const terms = lawTermsOf(law, 'ru')
    expect(termAt(law, posOf(law, 'Заявитель вправе', 2), terms, () => '')?.definition).toEqual(['Лицо, подавшее жалобу (далее в настоящей статье — заявитель), извещается. …'])
    expect(termAt(law, posOf(law, 'Заявитель уведомляется', 2), terms, () => '')?.definition).toEqual(['заявитель — лицо, обратившееся за помощью.'])
    const without = terms.filter((t) => !(t.term === 'заявитель' && t.within === null))
    expect(termAt(law, posOf(law, 'Заявитель уведомляется', 2), without, () => '')).toBeNull()
  })

  it('takes a term introduced for its chapter («далее в настоящей главе») through the chapter and its sections, and nowhere after', () => {
    const law = docFromJSON(chapterTermLaw())
    const terms = lawTermsOf(law, 'ru')
    expect(termAt(law, posOf(law, 'Приют размещает', 2), terms, () => '')?.term.term).toBe('приют')
    expect(termAt(law, posOf(law, 'Приют проверяется', 2), terms, () => '')).toBeNull()
  })

  it('finds a definitions article’s term in either case, its item starting with a capital as a sentence does', () => {
    const b = createBuilders('c')
    const law = docFromJSON(b.law('Закон', [], [
      b.article('Основные понятия', [b.clause('В настоящем Законе используются следующие основные понятия:'), b.point('Торговля людьми — вербовка человека.')]),
      b.article('Ответственность', [b.clause('За торговлю людьми наступает ответственность.')]),
    ]))
    const terms = lawTermsOf(law, 'ru')
    expect(termAt(law, posOf(law, 'торговлю', 2), terms, () => '')?.definition).toEqual(['Торговля людьми — вербовка человека.'])
    expect(definedTermsOf(law, 'ru').map((t) => [t.term, t.uses])).toEqual([['Торговля людьми', 1]])
  })
})
