import { describe, expect, it } from 'vitest'
import { EditorState } from '@tiptap/pm/state'
import { checkDraft, definedTermsOf, fixesInOneEdit, makeFix, type DraftIssue } from '../../shared/checks/draftChecks'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import type { Language } from '../../shared/language'
import { createRng } from '../helpers/random'
import { chapterTermLaw } from '../helpers/chapterTermLaw'

const check = (json: DocJSON, language: Language = 'ru') => checkDraft(docFromJSON(json), language)
const brief = (issues: DraftIssue[]) => issues.map((i) => [i.kind, i.place.label, i.blockLabel, i.detail])

/** The document with the issues' fixes made in one edit: what "Fix" and "Fix all" give the drafter. */
function fixed(json: DocJSON, issues: DraftIssue[]): DocJSON {
  const tr = EditorState.create({ doc: docFromJSON(json) }).tr
  for (const fix of fixesInOneEdit(issues)) makeFix(tr, fix)
  return tr.doc.toJSON() as DocJSON
}

const textOf = (json: DocJSON): string[] => {
  const out: string[] = []
  const walk = (node: DocJSON) => {
    if (node.content?.every((c) => c.type === 'text' || c.type === 'xref')) out.push(node.content.map((c) => c.text ?? '#').join(''))
    else node.content?.forEach(walk)
  }
  walk(json)
  return out
}

describe('checking a draft', () => {
  it('finds in the sample laws, which follow the conventions, only the reference to Article 4 typed as words, and makes it a cross-reference', () => {
    for (const [language, words] of [['ru', 'статье 4'], ['en', 'Article 4']] as const) {
      const law = sampleLaw(language)
      const issues = check(law, language)
      expect(brief(issues)).toEqual([['typedReference', language === 'ru' ? 'Статья 19.' : 'Article 19.', '2.', words]])
      const after = fixed(law, issues)
      expect(check(after, language)).toEqual([])
      // The number is now a reference to the article numbered 4, by its id.
      const article4 = law.content!.filter((n) => n.type === 'article')[3].attrs!.id
      expect(JSON.stringify(after)).toContain(`{"type":"xref","attrs":{"target":"${article4}"}}`)
    }
  })

  it('finds references to this law typed as words, not another act’s, and offers a cross-reference for a single article or chapter', () => {
    const b = createBuilders('t')
    const law = b.law('Закон', ['в соответствии со статьей 6 Конвенции,'], [
      b.chapter('Общие'),
      b.article('Первая', [b.clause('Текст.')]),
      b.article('Вторая', [
        b.clause('Меры, указанные в статье 1, применяются по правилам главы 1 настоящего Закона.'),
        b.clause('Порядок, предусмотренный пунктом 2 части 1 статьи 1 и статьями 1 и 2, действует с учетом статьи 127 Уголовного кодекса и статьи 3 «Протокола».'),
        b.clause('Лицо, не достигшее 18 лет, является ребенком.'),
      ]),
      // An article quoting new wording amends another law: its numbers are that law's.
      b.article('Изменения', [b.clause('Статью 1 изложить в следующей редакции:'), b.clause('«Статья 1. Текст статьи 5 закона».'), b.clause('Статья 6 утрачивает силу.')]),
    ])
    const issues = check(law)
    const [chapter1, article1] = law.content!.slice(2).map((n) => n.attrs!.id)
    expect(brief(issues)).toEqual([
      ['typedReference', 'Статья 2.', '1.', 'статье 1'],
      ['typedReference', 'Статья 2.', '1.', 'главы 1'],
      // One reference made of several units and numbers: no single cross-reference stands for it.
      ['typedReference', 'Статья 2.', '2.', 'пунктом 2 части 1 статьи 1 и статьями 1 и 2'],
    ])
    expect(issues.map((i) => i.fix?.xref ?? null)).toEqual([article1, chapter1, null])
  })

  it('checks the punctuation of enumerations, and fixes it in place', () => {
    const b = createBuilders('t')
    const law = b.law('Закон', [], [
      b.article('Принципы', [
        b.clause('Меры основываются на следующих принципах'),
        b.point('законность,'),
        b.point('гуманизм:'),
        b.subpoint('уважение «достоинства»'),
        b.subpoint('недискриминация;'),
        b.point('сотрудничество;'),
        b.clause('Государство обеспечивает защиту:'),
      ]),
    ])
    const issues = check(law)
    expect(brief(issues)).toEqual([
      ['introColon', 'Статья 1.', '1.', ':'],
      ['itemSemicolon', 'Статья 1.', '1)', ';'],
      ['itemSemicolon', 'Статья 1.', 'а)', ';'],
      ['lastItemStop', 'Статья 1.', '3)', '.'],
      ['paragraphStop', 'Статья 1.', '2.', '.'],
    ])
    expect(textOf(fixed(law, issues)).slice(2)).toEqual([
      'Меры основываются на следующих принципах:',
      'законность;',
      'гуманизм:',
      'уважение «достоинства»;',
      'недискриминация;',
      'сотрудничество.',
      'Государство обеспечивает защиту.',
    ])
    expect(check(fixed(law, issues))).toEqual([])
  })

  it('finds a list of one item, in a paragraph or a point', () => {
    const b = createBuilders('t')
    expect(brief(check(b.law('Закон', [], [
      b.article('Одно', [b.clause('Закон применяется:'), b.point('к гражданам:'), b.subpoint('проживающим за рубежом.'), b.clause('Текст.')]),
      b.article('Два', [b.clause('Закон применяется:'), b.point('к гражданам;'), b.point('к апатридам.')]),
    ])))).toEqual([
      ['singleItem', 'Статья 1.', '1)', ''],
      ['singleItem', 'Статья 1.', 'а)', ''],
    ])
  })

  it('takes "; and", lists of sentences, definitions and an amending law’s quoted wording as they are', () => {
    const b = createBuilders('t')
    expect(check(b.law('Law', [], [
      b.article('Scope', [b.clause('This Law applies to:'), b.point('nationals; and'), b.point('stateless persons.')]),
      b.article('Sentences', [b.clause('The following apply:'), b.point('The first rule applies.'), b.point('The second rule applies.')]),
      b.article('Amendment', [b.clause('Article 5 shall read as follows:'), b.clause('“Article 5. Scope'), b.clause('This Law applies to everyone”.'), b.clause('Article 6 is repealed.')]),
      b.article('Terms', [b.clause('In this Law:'), b.point('“child” means a person under eighteen;'), b.point('“victim” means a natural person.')]),
      b.article('Protection', [b.clause('A child victim is protected.')]),
    ]), 'en')).toEqual([])
    // A definition's punctuation is still checked; a quotation never closed is found where it opens.
    expect(brief(check(b.law('Law', [], [
      b.article('Terms', [b.clause('In this Law:'), b.point('“child” means a person under eighteen'), b.point('“victim” means a natural person.')]),
      b.article('Amendment', [b.clause('Article 5 shall read as follows:'), b.clause('“Article 5. Scope'), b.clause('This Law applies to everyone.')]),
      b.article('Protection', [b.clause('A child victim is protected.')]),
    ]), 'en'))).toEqual([
      ['itemSemicolon', 'Article 1.', '(a)', ';'],
      ['unpaired', 'Article 2.', '2.', '“'],
    ])
  })

  it('finds empty headings and blocks, a heading ending with a full stop, an article without text and two with the same heading', () => {
    const b = createBuilders('t')
    const law = b.law('', [], [
      b.chapter(''),
      b.article('Цели.', [b.clause('Текст.'), b.clause('')]),
      b.article('Цели ', []),
      b.article('ЦЕЛИ', [b.clause('Текст.')]),
      b.article('Прочее и т.д.', [b.clause('Текст.')]),
    ])
    expect(brief(check(law))).toEqual([
      ['emptyTitle', 'Название', '', ''],
      ['emptyHeading', 'Глава 1.', '', ''],
      ['headingStop', 'Статья 1.', '', '.'],
      ['emptyBlock', 'Статья 1.', '2.', ''],
      ['emptyArticle', 'Статья 2.', '', ''],
      ['duplicateHeading', 'Статья 3.', '', 'Статья 2.'],
    ])
  })

  it('finds a defined term the law does not use again, in whatever case it uses one, a term defined twice and one used before it is introduced', () => {
    const b = createBuilders('t')
    const law = b.law('О противодействии торговле людьми', [], [
      b.article('Основные понятия', [
        b.clause('Для целей настоящего Закона используются следующие основные понятия:'),
        b.point('торговля людьми — вербовка человека в целях наживы;'),
        b.point('вербовка — привлечение человека любым способом;'),
        b.point('эксплуатация — использование другого человека, включая:'),
        b.subpoint('сексуальную эксплуатацию;'),
        b.subpoint('принудительный труд;'),
        b.point('жертва — лицо, пострадавшее от преступления;'),
        b.point('ребенок — лицо, не достигшее восемнадцати лет;'),
        b.point('«Ребёнок» – лицо в возрасте до 18 лет.'),
      ]),
      b.article('Органы', [
        b.clause('Помощь оказывает Центр помощи пострадавшим.'),
        b.clause('Уполномоченный орган по противодействию торговле людьми (далее — уполномоченный орган) координирует работу Центра помощи пострадавшим (далее — Центр).'),
        b.clause('Интересы детей обеспечиваются уполномоченным органом.'),
        b.clause('Фонд помощи (далее – «Фонд») создается при уполномоченном органе.'),
        b.clause('Суды — независимы.'),
      ]),
    ])
    expect(brief(check(law))).toEqual([
      ['unusedTerm', 'Статья 1.', '3)', 'эксплуатация'],
      ['unusedTerm', 'Статья 1.', '4)', 'жертва'],
      ['duplicateTerm', 'Статья 1.', '6)', 'Ребёнок'],
      ['termBeforeIntroduced', 'Статья 2.', '1.', 'Центр'],
      ['unusedTerm', 'Статья 2.', '2.', 'Центр'],
      ['unusedTerm', 'Статья 2.', '4.', 'Фонд'],
    ])
    // Shown after the term, in the definition's point.
    const [exploitation] = check(law)
    expect(docFromJSON(law).textBetween(exploitation.pos - 'эксплуатация'.length, exploitation.pos)).toBe('эксплуатация')
    // Used once more after all: the list is clear.
    const used = structuredClone(law)
    used.content!.push(b.article('Помощь', [b.clause('Жертвы эксплуатации получают помощь Фонда.')]))
    expect(brief(check(used))).toEqual([['duplicateTerm', 'Статья 1.', '6)', 'Ребёнок'], ['termBeforeIntroduced', 'Статья 2.', '1.', 'Центр'], ['unusedTerm', 'Статья 2.', '2.', 'Центр']])
  })

  it('lists the terms the law defines, where, and how many times the text uses each in any form', () => {
    const b = createBuilders('g')
    const law = b.law('О противодействии торговле людьми', [], [
      b.article('Основные понятия', [
        b.clause('Для целей настоящего Закона используются следующие основные понятия:'),
        b.point('торговля людьми — вербовка человека в целях эксплуатации;'),
        b.point('эксплуатация — использование человека, включая сексуальную эксплуатацию.'),
      ]),
      b.article('Меры', [b.clause('Центр помощи (далее — Центр) помогает жертвам торговли людьми; Центр, Центры и Центру — одно, культурный центр — нет. Торговля людьми, торговля людьми.')]),
    ])
    const terms = definedTermsOf(docFromJSON(law), 'ru')
    expect(terms.map((t) => [t.term, t.place.label, t.blockLabel, t.uses])).toEqual([
      // The title's, and three in Article 2.
      ['торговля людьми', 'Статья 1.', '1)', 4],
      // In the definition of trafficking; not its own sub-words.
      ['эксплуатация', 'Статья 1.', '2)', 1],
      // Only after the parenthesis: «Центр помощи» before it is the long name; and with a capital, as introduced: «культурный центр» is another word.
      ['Центр', 'Статья 2.', '', 3],
    ])
    const doc = docFromJSON(law)
    expect(doc.textBetween(terms[2].pos - 'Центр'.length, terms[2].pos)).toBe('Центр')
    expect(definedTermsOf(docFromJSON(b.law('Закон', [], [b.article('Статья', [b.clause('Текст.')])])), 'ru')).toEqual([])
  })

  it('reads English definitions, quoted before “means”, and terms introduced with “hereinafter”', () => {
    const b = createBuilders('t')
    const law = b.law('Model Law', [], [
      b.article('Definitions', [
        b.clause('For the purposes of this Law:'),
        b.point('“child” means a person under eighteen years of age;'),
        b.point('“victim” shall mean a person harmed by trafficking;'),
        b.point('“exploitation” includes forced labour.'),
      ]),
      b.article('Assistance', [
        b.clause('The National Referral Agency (hereinafter “the Agency”) assists victims and their children.'),
        b.clause('The Trust Fund (hereinafter referred to as "the Fund") is established.'),
        b.clause('The Agency’s report is public. The Anti-Trafficking Council (the “Council”) advises it.'),
      ]),
    ])
    expect(brief(check(law, 'en'))).toEqual([
      ['unusedTerm', 'Article 1.', '(c)', 'exploitation'],
      ['unusedTerm', 'Article 2.', '2.', 'Fund'],
      ['unusedTerm', 'Article 2.', '3.', 'Council'],
    ])
    // Not every article with a dash in its points defines terms.
    expect(check(b.law('Law', [], [
      b.article('Terms of office', [b.clause('The terms of office are:'), b.point('Chair — five years;'), b.point('members — four years.')]),
      b.article('Участие понятых', [b.clause('Понятые:'), b.point('первый — из числа соседей;'), b.point('второй — по выбору суда.')]),
    ]), 'en')).toEqual([])
  })

  it('takes a term introduced for its own article («далее в настоящей статье») as used there only, and introduced again in another as it may be', () => {
    const b = createBuilders('s')
    const law = b.law('Закон', [], [
      b.article('Обращения', [b.clause('Лицо, подавшее обращение (далее в настоящей статье — заявитель), вправе его отозвать. Заявитель уведомляется о решении.')]),
      b.article('Жалобы', [b.clause('Лицо, подавшее жалобу (далее в настоящей статье — заявитель), извещается о ее рассмотрении.')]),
      b.article('Сроки', [
        b.clause('Организация, оказывающая помощь (далее в настоящей части — исполнитель), отчитывается ежегодно.'),
        b.clause('Исполнитель и заявитель вправе знакомиться с материалами.'),
      ]),
      b.article('Помощь', [b.clause('Приют (hereinafter in this Article “the Shelter”) is open. The Shelter is free.')]),
    ])
    // Article 2's «заявитель» is used nowhere in it (Article 3's is another article's word); Article 3's «исполнитель» is used in it; neither is defined twice.
    expect(brief(check(law))).toEqual([['unusedTerm', 'Статья 2.', '', 'заявитель']])
    expect(definedTermsOf(docFromJSON(law), 'ru').map((t) => [t.term, t.place.label, t.uses, t.within])).toEqual([
      ['заявитель', 'Статья 1.', 1, 'article'],
      ['заявитель', 'Статья 2.', 0, 'article'],
      ['исполнитель', 'Статья 3.', 1, 'article'],
      ['Shelter', 'Статья 4.', 1, 'article'],
    ])
  })

  it('takes a term introduced for its chapter («далее в настоящей главе», "in this Chapter") as used through that chapter, its sections too, and no further', () => {
    const b = createBuilders('g')
    const law = chapterTermLaw(b, [
      b.chapter('Отчеты'),
      b.article('Отчеты', [b.clause('Центр (hereinafter in this Chapter “the Centre”) reports yearly.')]),
      b.article('Сроки', [b.clause('Лицо, подавшее жалобу (далее в настоящем разделе — заявитель), извещается.')]),
      b.conclusions(['Заявитель вправе обжаловать решение.']),
    ])
    // Chapter 2's «Приют» is another word (no term there); chapter 3's "Centre" is used nowhere after it; «заявитель» holds through the law, which has no parts: the conclusions use it.
    expect(brief(check(law))).toEqual([['unusedTerm', 'Статья 4.', '', 'Centre']])
    expect(definedTermsOf(docFromJSON(law), 'ru').map((t) => [t.term, t.uses, t.within, t.scope?.place.label, t.scope?.num])).toEqual([
      ['приют', 1, 'chapter', 'Глава 1.', '1'],
      ['Centre', 0, 'chapter', 'Глава 3.', '3'],
      // No part to hold it: the rest of the law, as one of the whole law.
      ['заявитель', 1, 'part', undefined, undefined],
    ])
    // Used before its parenthesis, in its own chapter: a finding; in the chapter before it, none. Nothing after it uses it.
    const early = b.law('Закон', [], [
      b.chapter('Общие положения'),
      b.article('Цели', [b.clause('Приют работает круглосуточно.')]),
      b.chapter('Помощь'),
      b.article('Виды помощи', [b.clause('Приют принимает лиц.')]),
      b.article('Бесплатная помощь', [b.clause('Организация, предоставляющая приют (далее в настоящей главе — приют), действует бесплатно.')]),
    ])
    expect(brief(check(early))).toEqual([['termBeforeIntroduced', 'Статья 2.', '', 'приют'], ['unusedTerm', 'Статья 3.', '', 'приют']])
  })

  it('finds a part, chapter or section with no article under it, the last one too', () => {
    const b = createBuilders('t')
    const article = () => b.article('Текст', [b.clause('Текст.')])
    expect(brief(check(b.law('Закон', [], [
      b.part('Общая часть'), b.chapter('Пустая'), b.chapter('Полная'), b.section('Пустой'), b.section('Полный'), article(),
      b.part('Пустая часть'), b.part('Особенная часть'), b.chapter('Последняя'), b.conclusions(['Принят.']),
    ])))).toEqual([
      ['emptyDivision', 'Глава 1.', '', ''],
      ['emptyDivision', '§ 1.', '', ''],
      ['emptyDivision', 'Раздел II.', '', ''],
      ['emptyDivision', 'Раздел III.', '', ''],
      ['emptyDivision', 'Глава 3.', '', ''],
    ])
  })

  it('names the mark without its pair: a closing one that closed nothing, an opening one left open', () => {
    const b = createBuilders('t')
    const issues = check(b.law('Закон', [], [b.article('Термины', [b.clause('Текст) и «слово».'), b.clause('Слово» и (скобка.')])]))
    expect(brief(issues).filter(([kind]) => kind === 'unpaired').map((i) => i[3])).toEqual([')', '(', '»'])
  })

  it('finds unpaired marks, double spaces, spaces before punctuation and references to deleted provisions, and puts the spaces right', () => {
    const b = createBuilders('t')
    const law = b.law('Закон  о «защите', [], [
      b.article('Термины', [b.clause('В  настоящем Законе (далее — Закон , используются понятия :'), b.point('первое [или второе.')]),
    ])
    const article = (law.content![2].content![1] as DocJSON)
    article.content!.push({ type: 'text', text: ', см. статью ' }, { type: 'xref', attrs: { target: 'gone00000000' } })
    const issues = check(law)
    expect(brief(issues)).toEqual([
      ['doubleSpace', 'Название', '', ''],
      ['unpaired', 'Название', '', '«'],
      ['doubleSpace', 'Статья 1.', '', ''],
      ['spaceBeforePunctuation', 'Статья 1.', '', ','],
      ['spaceBeforePunctuation', 'Статья 1.', '', ':'],
      ['brokenReference', 'Статья 1.', '', '[?]'],
      ['unpaired', 'Статья 1.', '', '('],
      ['introColon', 'Статья 1.', '', ':'],
      ['singleItem', 'Статья 1.', '1)', ''],
      ['unpaired', 'Статья 1.', '1)', '['],
    ])
    const spaces = issues.filter((i) => i.kind === 'doubleSpace' || i.kind === 'spaceBeforePunctuation')
    expect(textOf(fixed(law, spaces)).slice(0, 1)).toEqual(['Закон о «защите'])
    expect(textOf(fixed(law, spaces))[2]).toBe('В настоящем Законе (далее — Закон, используются понятия:, см. статью #')
  })

  it('finds an article referring to itself by number, not to its own parts', () => {
    const b = createBuilders('s')
    const law = b.law('Закон', [], [b.article('Первая', [b.clause('Текст.'), b.clause('x')]), b.article('Вторая', [b.clause('x')])])
    const [first, second] = law.content!.filter((n) => n.type === 'article')
    const withRef = (block: DocJSON, before: string, target: unknown, after: string) => (block.content = [{ type: 'text', text: before }, { type: 'xref', attrs: { target } }, { type: 'text', text: after }])
    withRef(first.content![2], 'В случаях, указанных в статье ', first.attrs!.id, ', и в части ')
    first.content![2].content!.push({ type: 'xref', attrs: { target: first.content![1].attrs!.id } }, { type: 'text', text: ' настоящей статьи.' })
    withRef(second.content![1], 'Применяется статья ', first.attrs!.id, '.')
    expect(brief(check(law))).toEqual([['selfReference', 'Статья 1.', '2.', '']])
  })

  it('keys each issue by its place and block, so that it is found again after edits elsewhere', () => {
    const b = createBuilders('n')
    const law = generateLaw({ articles: 30 })
    const before = check(law, 'en')
    expect(before.length).toBeGreaterThan(0)
    const added = b.article('Purpose', [b.clause('This Law has a purpose.')])
    const moved = { ...law, content: [law.content![0], law.content![1], added, ...law.content!.slice(2)] }
    const after = check(moved, 'en')
    expect(after.map((i) => i.key)).toEqual(before.map((i) => i.key))
    // Every issue moved by the article's size, and is found at its new place.
    const shift = docFromJSON(moved).content.size - docFromJSON(law).content.size
    expect(after.map((i) => i.pos - before.find((b) => b.key === i.key)!.pos)).toEqual(after.map(() => shift))
  })
})

describe('fixing a draft (randomized)', () => {
  const seed = Number(process.env.CHECKS_SEED ?? Math.floor(Math.random() * 2 ** 31))

  it('fixes every fixable issue of a damaged law, changing only punctuation and spaces', () => {
    console.log(`fixing a draft: CHECKS_SEED=${seed}`)
    const rng = createRng(seed)
    for (const language of ['en', 'ru'] as const) {
      // The law's words damaged as careless typing and pasting damage them: marks dropped or swapped, spaces doubled or put before marks.
      const law = generateLaw({ articles: 12, language, seed: rng.between(1, 1000) })
      const damage = (text: string): string => {
        let out = text
        if (rng.chance(0.3)) out = out.replace(/[.;:]$/, '')
        else if (rng.chance(0.2)) out = out.replace(/[.;:]$/, rng.pick([',', ';', ':', '.']))
        if (rng.chance(0.3)) out = out.replace(' ', '   ')
        if (rng.chance(0.2)) out = out.replace(/(\S)([,;:.])/, '$1 $2')
        return out
      }
      const walk = (node: DocJSON): DocJSON => (node.type === 'text' ? { ...node, text: damage(node.text!) } : node.content ? { ...node, content: node.content.map(walk) } : node)
      const damaged = walk(law)
      expect(check(damaged, language).filter((i) => i.fix).length, `seed ${seed}`).toBeGreaterThan(5)
      let doc = damaged
      const letters = (json: DocJSON) => textOf(json).join('\n').replace(/[\s.,;:]/g, '')
      for (let pass = 0; pass < 3; pass++) {
        const fixable = check(doc, language).filter((i) => i.fix)
        if (fixable.length === 0) break
        // As "Fix all" does: one overlapping a fix already made waits for the next pass.
        doc = fixed(doc, fixable)
      }
      expect(check(doc, language).filter((i) => i.fix).map((i) => [i.kind, i.place.label, i.blockLabel]), `seed ${seed}`).toEqual([])
      expect(letters(doc), `seed ${seed}`).toBe(letters(law))
    }
  })
})

describe('where a finding is', () => {
  it('names a point with its paragraph and a sub-point with its point: two points 1) of one article differ', async () => {
    const { whereOf } = await import('../../client/checks/issueWords')
    const { format } = await import('../../client/i18n/i18n')
    const { ru } = await import('../../client/i18n/ru')
    const t = ((key: string, params?: Record<string, unknown>) => format((ru as Record<string, string>)[key], params as never)) as Parameters<typeof whereOf>[1]
    const b = createBuilders('w')
    const law = b.law('Закон', [], [
      b.article('Юрисдикция', [
        b.clause('Суды рассматривают дела:'),
        b.point('о  преступлениях;'),
        b.point('о правонарушениях.'),
        b.clause('Суды также рассматривают дела:'),
        b.point('по  запросу другого государства;'),
        b.subpoint('в  порядке помощи;'),
        b.point('иные.'),
      ]),
    ])
    const places = check(law).filter((i) => i.kind === 'doubleSpace').map((i) => whereOf(i, t))
    expect(places).toEqual(['Статья 1, часть 1, пункт 1)', 'Статья 1, часть 2, пункт 1)', 'Статья 1, часть 2, пункт 1), подпункт а)'])
  })
})
