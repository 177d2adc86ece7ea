import { describe, expect, it } from 'vitest'
import { compareDocuments, definitionChangesLine } from '../../shared/diff'
import { createBuilders } from '../../shared/seed/builders'
import { sampleLaw } from '../../shared/seed/modelLaw'
import type { DocJSON } from '../../shared/schema'

const b = createBuilders('d')
const definitions = (items: DocJSON[]) => b.article('Основные понятия', [b.clause('Для целей настоящего Закона используются следующие основные понятия:'), ...items])

describe('comparing versions: definitions', () => {
  it('names the terms whose definitions were added, deleted or reworded, a reworded sub-point included; not those merely moved or respaced', () => {
    const before = b.law('Закон', [], [
      b.article('Цели', [b.clause('Текст.')]),
      definitions([
        b.point('торговля людьми — вербовка человека;'),
        b.point('эксплуатация — использование человека, включая:'),
        b.subpoint('сексуальную эксплуатацию;'),
        b.subpoint('принудительный труд;'),
        b.point('жертва — лицо, пострадавшее от преступления;'),
        b.point('ребенок — лицо моложе 18 лет.'),
      ]),
    ])
    const after = b.law('Закон', [], [
      definitions([
        b.point('ребенок — лицо  моложе 18 лет;'),
        b.point('Торговля людьми — вербовка человека;'),
        b.point('эксплуатация — использование человека, включая:'),
        b.subpoint('сексуальную эксплуатацию;'),
        b.subpoint('принудительный труд или услуги;'),
        b.point('вербовщик — лицо, вербующее других.'),
      ]),
      b.article('Цели', [b.clause('Текст.')]),
    ])
    // «Торговля людьми» capitalised is the same term reworded; the child's, only respaced and re-punctuated, changed in its mark.
    const changes = compareDocuments(before, after, 'ru').summary.definitions
    expect(changes).toEqual({ added: ['вербовщик'], deleted: ['жертва'], changed: ['ребенок', 'Торговля людьми', 'эксплуатация'] })
    // As the comparison and the comparative table say it, in either language.
    expect(definitionChangesLine(changes, 'ru')).toEqual({ label: 'Определения', text: 'изменены: «ребенок», «Торговля людьми», «эксплуатация» · добавлены: «вербовщик» · исключены: «жертва»' })
    expect(definitionChangesLine({ added: [], deleted: [], changed: ['child'] }, 'en')).toEqual({ label: 'Definitions', text: 'reworded: “child”' })
    expect(definitionChangesLine({ added: [], deleted: [], changed: [] }, 'en')).toBeNull()
  })

  it('finds none between two identical versions of the sample law, in either language, and none where nothing defines terms', () => {
    for (const language of ['ru', 'en'] as const) expect(compareDocuments(sampleLaw(language), sampleLaw(language), language).summary.definitions).toEqual({ added: [], deleted: [], changed: [] })
    const plain = b.law('Закон', [], [b.article('Цели', [b.clause('жертва — лицо.')])])
    expect(compareDocuments(plain, b.law('Закон', [], [b.article('Цели', [b.clause('жертва — иное лицо.')])]), 'ru').summary.definitions).toEqual({ added: [], deleted: [], changed: [] })
  })

  it('names the terms provisions introduce («(далее — Центр)») whose introducing sentence was reworded, added or deleted; the rest of the paragraph is not the definition', () => {
    const before = b.law('Закон', [], [
      b.article('Центр', [b.clause('Создается Национальный центр (далее — Центр). Центр подотчетен правительству.')]),
      b.article('Жалобы', [b.clause('Лицо, подавшее жалобу (далее в настоящей статье — заявитель), извещается.')]),
      b.article('Фонд', [b.clause('Учреждается фонд помощи (далее — Фонд).')]),
    ])
    const [centre, complaints] = before.content!.slice(2)
    const reworded = (text: string): DocJSON => ({ ...centre, content: [centre.content![0], { ...centre.content![1], content: [{ type: 'text', text }] }] })
    const after = b.law('Закон', [], [
      reworded('Создается Национальный центр помощи жертвам (далее — Центр). Центр подотчетен парламенту.'),
      complaints,
      // The same words for another article only: a term of its own.
      b.article('Обращения', [b.clause('Лицо, подавшее обращение (далее в настоящей статье — заявитель), извещается. Совет (далее — Совет) рассматривает обращения.')]),
    ])
    expect(compareDocuments(before, after, 'ru').summary.definitions).toEqual({ added: ['заявитель', 'Совет'], deleted: ['Фонд'], changed: ['Центр'] })
    // Only the second sentence reworded: the definition stands.
    const second = b.law('Закон', [], [
      reworded('Создается Национальный центр (далее — Центр). Центр подотчетен парламенту.'),
      ...before.content!.slice(3),
    ])
    expect(compareDocuments(before, second, 'ru').summary.definitions).toEqual({ added: [], deleted: [], changed: [] })
  })
})
