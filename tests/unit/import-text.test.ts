import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseText } from '../../shared/import/text'
import { ImportError } from '../../shared/import/errors'
import { MAX_IMPORT_BLOCKS } from '../../shared/import/limits'
import { matchHeading, matchMarker } from '../../shared/import/markers'
import { createBuilders } from '../../shared/seed/builders'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { idsOf as ids } from '../helpers/docIds'
import { conclusionsNode } from '../helpers/conclusionsLaw'

function stripIds(node: DocJSON): DocJSON {
  const out: DocJSON = { type: node.type }
  if (node.text !== undefined) out.text = node.text
  if (node.content) out.content = node.content.map(stripIds)
  return out
}

/** Parses, checks the schema and the ids, and returns the id-free tree. */
function parsed(text: string, ...rest: Parameters<typeof parseText> extends [string, ...infer R] ? R : never) {
  const result = parseText(text, ...rest)
  docFromJSON(result.doc)
  const all = ids(result.doc)
  expect(new Set(all).size).toBe(all.length)
  for (const id of all) expect(id).toMatch(/^[0-9a-z]{12}$/)
  return { ...result, tree: stripIds(result.doc) }
}

const b = createBuilders('t')
const expected = (doc: DocJSON) => stripIds(doc)

describe('heading and number recognition', () => {
  it.each([
    ['Chapter II', 'chapter', 'II', ''],
    ['Chapter 2.', 'chapter', '2', ''],
    ['CHAPTER II', 'chapter', 'II', ''],
    ['Глава 2', 'chapter', '2', ''],
    ['Глава II.', 'chapter', 'II', ''],
    ['ГЛАВА 3. ОБЩИЕ ПОЛОЖЕНИЯ', 'chapter', '3', 'ОБЩИЕ ПОЛОЖЕНИЯ'],
    ['Chapter IV General provisions', 'chapter', 'IV', 'General provisions'],
    ['Article 5. Title', 'article', '5', 'Title'],
    ['Article 5 – Title', 'article', '5', 'Title'],
    ['Article 5 - Title', 'article', '5', 'Title'],
    ['Article 5: Title', 'article', '5', 'Title'],
    ['ARTICLE 12', 'article', '12', ''],
    ['Статья 5. Название', 'article', '5', 'Название'],
    ['Статья 5 Название статьи', 'article', '5', 'Название статьи'],
    ['Ст. 7. Сроки', 'article', '7', 'Сроки'],
    ['Section 2', 'section', '2', ''],
    ['Section 2. Scope', 'section', '2', 'Scope'],
    ['SECTION 3 – Definitions', 'section', '3', 'Definitions'],
    ['§ 2. Title', 'section', '2', 'Title'],
    ['§ 2', 'section', '2', ''],
    ['§2. Сфера действия', 'section', '2', 'Сфера действия'],
    ['Параграф 2. Название', 'section', '2', 'Название'],
    ['ПАРАГРАФ 4 Общие правила', 'section', '4', 'Общие правила'],
    // «Раздел» stands above chapters in CIS drafting: a part.
    ['Раздел I. Общая часть', 'part', 'I', 'Общая часть'],
    ['Раздел I', 'part', 'I', ''],
    ['Раздел 2', 'part', '2', ''],
    ['РАЗДЕЛ III ОСОБЕННАЯ ЧАСТЬ', 'part', 'III', 'ОСОБЕННАЯ ЧАСТЬ'],
    ['Раздел первый. Общие положения', 'part', 'первый', 'Общие положения'],
    ['Part I', 'part', 'I', ''],
    ['Part II. General', 'part', 'II', 'General'],
    ['PART ONE', 'part', 'ONE', ''],
    ['Part 3 – Offences', 'part', '3', 'Offences'],
  ])('%s', (line, kind, number, rest) => {
    expect(matchHeading(line)).toEqual({ kind, number, rest })
  })

  it.each([
    'Article 4 of this Law applies to all forms.',
    'Статья 12 настоящего Закона применяется.',
    'Chapters of the Law',
    'Chapter 2nd',
    'Articles 5 and 6',
    'Section 5 of this Law applies.',
    '§ 5 настоящего Кодекса применяется.',
    'Section II',
    // A sentence that starts with a reference to a part stays a sentence.
    'Раздел 2 настоящего Кодекса применяется к договорам.',
    'Part 2 of this Law applies.',
    'Part of the Law',
    'Partnership 2',
    'Разделы 1 и 2',
    // Letters in a series, not Roman numerals 100 and 500.
    'Part C. Schedules',
    'Part D',
  ])('not a heading: %s', (line) => {
    expect(matchHeading(line)).toBeNull()
  })

  it.each([
    ['1. text', 'N.', '1'],
    ['12) text', 'N)', '12'],
    ['(3) text', '(N)', '3'],
    ['a) text', 'L)', 'a'],
    ['а) текст', 'L)', 'а'],
    ['(b) text', '(L)', 'b'],
    ['(iv) text', '(L)', 'iv'],
    ['- text', 'bullet', ''],
    ['• text', 'bullet', ''],
  ])('marker %s', (line, style, value) => {
    expect(matchMarker(line)).toMatchObject({ style, value, rest: line.replace(/^\S+\s/, '') })
  })

  it.each(['1.5 million people', '2024 was a year', 'a.m. sessions', 'Text (a) in the middle'])('not a marker: %s', (line) => {
    expect(matchMarker(line)).toBeNull()
  })

  it('bullets that Markdown cannot escape are only markers in plain text', () => {
    expect(matchMarker('• text', true)).toBeNull()
    expect(matchMarker('— text', true)).toBeNull()
    expect(matchMarker('- text', true)).toMatchObject({ style: 'bullet' })
  })
})

describe('parseText: plain text', () => {
  it('recognises title, preamble, chapters with titles on the same or the next line, articles, paragraphs, points and sub-points', () => {
    const text = [
      'Model Law On Combating Human Trafficking',
      '',
      'Recognizing the gravity of the crime,',
      'the member states agree as follows.',
      '',
      'CHAPTER I',
      'General provisions',
      '',
      'Article 1. Purpose',
      'This Law sets out the framework.',
      '',
      'Article 2 – Definitions',
      '1. For the purposes of this Law:',
      '(a) “child” means a person under eighteen;',
      '(b) “exploitation” includes:',
      '(i) forced labour;',
      '(ii) slavery;',
      '(c) “victim” means a person harmed.',
      '2. Other terms keep their usual meaning.',
      '',
      'Chapter 2. Protection',
      '',
      'Article 3',
      'Assistance',
      '',
      'Victims receive assistance.',
    ].join('\n')
    const { tree, language, stats, warnings } = parsed(text)
    expect(tree).toEqual(
      expected(
        b.law('Model Law On Combating Human Trafficking', ['Recognizing the gravity of the crime, the member states agree as follows.'], [
          b.chapter('General provisions'),
          b.article('Purpose', [b.clause('This Law sets out the framework.')]),
          b.article('Definitions', [
            b.clause('For the purposes of this Law:'),
            b.point('“child” means a person under eighteen;'),
            b.point('“exploitation” includes:'),
            b.subpoint('forced labour;'),
            b.subpoint('slavery;'),
            b.point('“victim” means a person harmed.'),
            b.clause('Other terms keep their usual meaning.'),
          ]),
          b.chapter('Protection'),
          b.article('Assistance', [b.clause('Victims receive assistance.')]),
        ]),
      ),
    )
    expect(language).toBe('en')
    expect(stats).toEqual({ parts: 0, chapters: 2, sections: 0, articles: 3, clauses: 4, points: 3, subpoints: 2, preambleParagraphs: 1, conclusionsParagraphs: 0, unrecognised: 0 })
    expect(warnings).toEqual([])
  })

  it('recognises a Russian draft: Глава, Статья, части "1.", пункты "1)", подпункты "а)"', () => {
    const text = [
      'Модельный закон о противодействии торговле людьми',
      'Глава 1. Общие положения',
      'Статья 1. Основные понятия',
      '1. Для целей настоящего Закона используются следующие понятия:',
      '1) эксплуатация — использование человека, включая:',
      'а) принудительный труд;',
      'б) рабство;',
      '2) ребенок — лицо, не достигшее восемнадцати лет.',
      '2. Иные понятия используются в значениях, определенных законодательством.',
      'Глава II.',
      'Защита жертв',
      'Статья 2. Помощь жертвам',
      'Жертвам оказывается помощь:',
      '1) безопасное размещение;',
      '2) медицинская помощь.',
    ].join('\n')
    const { tree, language } = parsed(text)
    expect(language).toBe('ru')
    expect(tree).toEqual(
      expected(
        b.law('Модельный закон о противодействии торговле людьми', [], [
          b.chapter('Общие положения'),
          b.article('Основные понятия', [
            b.clause('Для целей настоящего Закона используются следующие понятия:'),
            b.point('эксплуатация — использование человека, включая:'),
            b.subpoint('принудительный труд;'),
            b.subpoint('рабство;'),
            b.point('ребенок — лицо, не достигшее восемнадцати лет.'),
            b.clause('Иные понятия используются в значениях, определенных законодательством.'),
          ]),
          b.chapter('Защита жертв'),
          b.article('Помощь жертвам', [b.clause('Жертвам оказывается помощь:'), b.point('безопасное размещение;'), b.point('медицинская помощь.')]),
        ]),
      ),
    )
  })

  it('recognises sections in Russian: «§ 1.», «Параграф 2.», a bare «§ 3» titled on the next line; «Раздел» as a part', () => {
    const text = [
      'Кодекс об образовании',
      'Раздел I. Общая часть',
      'Глава 1. Общие положения',
      'Статья 1. Цель',
      'Текст цели.',
      '§ 1. Сфера действия',
      'Статья 2. Предмет',
      'Текст предмета.',
      'Параграф 2. Основные понятия',
      'Статья 3. Понятия',
      '1. Первое.',
      '2. Второе.',
      'Раздел II',
      'Глава 2. Особенная часть',
      '§ 1',
      'Действие кодекса',
      'Статья 4. Действие',
      'Текст действия.',
    ].join('\n')
    const { tree, stats } = parsed(text)
    expect(stats).toMatchObject({ parts: 2, chapters: 2, sections: 3, articles: 4 })
    expect(tree).toEqual(
      expected(
        b.law('Кодекс об образовании', [], [
          b.part('Общая часть'),
          b.chapter('Общие положения'),
          b.article('Цель', [b.clause('Текст цели.')]),
          b.section('Сфера действия'),
          b.article('Предмет', [b.clause('Текст предмета.')]),
          b.section('Основные понятия'),
          b.article('Понятия', [b.clause('Первое.'), b.clause('Второе.')]),
          // A bare «Раздел II» takes no title from a chapter heading after it.
          b.part(''),
          b.chapter('Особенная часть'),
          b.section('Действие кодекса'),
          b.article('Действие', [b.clause('Текст действия.')]),
        ]),
      ),
    )
  })

  it('recognises sections in English: "Section 1" with its title on the next line, "Section 2. Title", "§ 3 Title"', () => {
    const text = [
      'Law on Things',
      'Chapter I General provisions',
      'Section 1',
      'Scope',
      'Article 1. Subject',
      'Text one.',
      'Section 2. Definitions',
      'Article 2. Terms',
      'Text two.',
      '§ 3 Final rules',
      'Article 3. Effect',
      'Text three.',
    ].join('\n')
    const { tree, stats } = parsed(text)
    expect(stats).toMatchObject({ chapters: 1, sections: 3, articles: 3 })
    expect(tree).toEqual(
      expected(
        b.law('Law on Things', [], [
          b.chapter('General provisions'),
          b.section('Scope'),
          b.article('Subject', [b.clause('Text one.')]),
          b.section('Definitions'),
          b.article('Terms', [b.clause('Text two.')]),
          b.section('Final rules'),
          b.article('Effect', [b.clause('Text three.')]),
        ]),
      ),
    )
  })

  it('recognises parts in English: "PART ONE" titled on the next line, "Part II. Title", a sentence about a part left as text', () => {
    const text = [
      'Criminal Code',
      'Article 1. Before',
      'Text zero.',
      'PART ONE',
      'General Part',
      'Article 2. Own',
      'Part 2 of this Code applies to offences abroad.',
      'Chapter I Offences',
      'Article 3. Offence',
      'Text three.',
      'Part II. Special',
      'Section 1. Persons',
      'Article 4. Murder',
      'Text four.',
    ].join('\n')
    const { tree, stats } = parsed(text)
    expect(stats).toMatchObject({ parts: 2, chapters: 1, sections: 1, articles: 4, unrecognised: 0 })
    expect(tree).toEqual(
      expected(
        b.law('Criminal Code', [], [
          b.article('Before', [b.clause('Text zero.')]),
          b.part('General Part'),
          b.article('Own', [b.clause('Part 2 of this Code applies to offences abroad.')]),
          b.chapter('Offences'),
          b.article('Offence', [b.clause('Text three.')]),
          b.part('Special'),
          b.section('Persons'),
          b.article('Murder', [b.clause('Text four.')]),
        ]),
      ),
    )
  })

  it('"1)" opening an article is a paragraph; "(a)" then is a point and "(i)" a sub-point', () => {
    const text = ['Law', 'Article 1. Scope', '1) This Law applies:', '(a) to citizens; and', '(i) residents;', '(ii) visitors;', '(b) to stateless persons.', '2) It does not apply to diplomats.'].join('\n')
    expect(parsed(text).tree).toEqual(
      expected(
        b.law('Law', [], [
          b.article('Scope', [
            b.clause('This Law applies:'),
            b.point('to citizens; and'),
            b.subpoint('residents;'),
            b.subpoint('visitors;'),
            b.point('to stateless persons.'),
            b.clause('It does not apply to diplomats.'),
          ]),
        ]),
      ),
    )
  })

  it('"(h)", "(i)", "(j)" stay letters when they follow on', () => {
    const points = 'abcdefghij'.split('').map((l) => `(${l}) item ${l};`)
    const { tree } = parsed(['Law', 'Article 1. List', 'Intro:', ...points].join('\n'))
    const article = tree.content![2]
    expect(article.content!.map((n) => n.type)).toEqual(['articleHeading', 'clause', ...Array(10).fill('point')])
  })

  it('keeps unrecognised text in place and never drops a word', () => {
    const text = [
      'Law',
      'Some preamble.',
      '1. A numbered line before any article stays in the preamble as typed.',
      'Article 1. First',
      '1. Paragraph one.',
      'A stray line with no number.',
      'Chapter I. Later chapter',
      'A note between the chapter heading and its first article.',
      'Article 2. Second',
      'Text.',
    ].join('\n')
    const { tree, warnings, stats } = parsed(text)
    expect(tree).toEqual(
      expected(
        b.law('Law', ['Some preamble.', '1. A numbered line before any article stays in the preamble as typed.'], [
          b.article('First', [b.clause('Paragraph one.'), b.clause('A stray line with no number.')]),
          b.chapter('Later chapter'),
          b.article('', [b.clause('A note between the chapter heading and its first article.')]),
          b.article('Second', [b.clause('Text.')]),
        ]),
      ),
    )
    expect(stats.unrecognised).toBe(2)
    expect(warnings.some((w) => w.includes('untitled article'))).toBe(true)
    expect(warnings.some((w) => w.includes('A stray line with no number.'))).toBe(true)
  })

  it('joins hard-wrapped lines of a paragraph when blank lines separate paragraphs', () => {
    const text = 'Law\n\nArticle 1. Wrapped\n\n1. This paragraph was\nwrapped by an e-mail client\nat a fixed width.\n2. Next paragraph.\n'
    expect(parsed(text).tree).toEqual(expected(b.law('Law', [], [b.article('Wrapped', [b.clause('This paragraph was wrapped by an e-mail client at a fixed width.'), b.clause('Next paragraph.')])])))
  })

  it('uses indentation to keep points before any paragraph as points', () => {
    const text = 'Law\nArticle 1. Points only\n   1) one;\n   2) two.\n'
    expect(parsed(text).tree).toEqual(expected(b.law('Law', [], [b.article('Points only', [b.point('one;'), b.point('two.')])])))
  })

  it('warns about typed numbers that Accord will recompute, and about missing articles', () => {
    expect(parsed('Law\nArticle 3. A\nText.\nArticle 7. B\nText.').warnings.join(' ')).toContain('3 → 1')
    const none = parsed('Just a title\nAnd a paragraph.')
    expect(none.stats.articles).toBe(0)
    expect(none.warnings.join(' ')).toContain('No articles')
  })

  it('says when typed point labels will show otherwise, and not when they show as typed', () => {
    const relabelled = (text: string) => parsed(text).notes.find((n) => n.code === 'relabelled')
    // "а)" directly under a part: points, which Accord numbers "1)", "2)".
    expect(relabelled('Закон\nСтатья 1. Сфера\n1. Закон распространяется на:\nа) граждан;\nб) иностранцев.\n2. Иное.')).toEqual({ code: 'relabelled', typed: 'а)', computed: '1)' })
    // English points show as "(a)", sub-points as "(i)": typed "1)" and "a)" are told, the first difference.
    expect(relabelled('Law\nArticle 1. Scope\nIt applies:\n1) to citizens, namely:\na) residents;\nb) visitors.')).toEqual({ code: 'relabelled', typed: '1)', computed: '(a)' })
    // Numbered as Accord numbers them (a Latin "a" typed for a Cyrillic "а" included): nothing to say.
    expect(relabelled('Закон\nСтатья 1. Сфера\n1. Понятия:\n1) первое, включая:\na) одно;\nб) другое;\n2) второе.')).toBeUndefined()
    expect(relabelled('Law\nArticle 1. Scope\n1. It applies:\n(a) to citizens, namely:\n(i) residents;\n(ii) visitors;\n(b) to others.\n2. Other.')).toBeUndefined()
    expect(parsed('Law\nArticle 1. Scope\n1. It applies:\n1) to citizens;').warnings.join(' ')).toContain('(“1)” → “(a)”)')
  })

  it('gives an article with a heading only an empty paragraph, as a new article has in the editor', () => {
    expect(parsed('Law\nArticle 1. Empty\nArticle 2. Full\nText.').tree).toEqual(
      expected(b.law('Law', [], [b.article('Empty', [b.clause('')]), b.article('Full', [b.clause('Text.')])])),
    )
  })

  it('guesses the language unless given, and handles an empty input', () => {
    expect(parsed('Закон\nСтатья 1. Цель\nТекст.').language).toBe('ru')
    expect(parsed('Закон\nСтатья 1. Цель\nТекст.', 'en').language).toBe('en')
    const empty = parsed('')
    expect(empty.tree).toEqual(expected(b.law('', [], [])))
    expect(empty.language).toBe('en')
  })
})

describe('parseText: a text longer than any law', () => {
  it('is refused (tooLong) as soon as it passes MAX_IMPORT_BLOCKS, in plain text and in Markdown', () => {
    for (const [text, what] of [['a\n'.repeat(8_000_000), '8 million lines'], ['# a\n'.repeat(MAX_IMPORT_BLOCKS + 1), 'headings']] as const) {
      const started = performance.now()
      const err = (() => {
        try {
          parseText(text)
        } catch (e) {
          return e
        }
      })()
      expect(err, what).toBeInstanceOf(ImportError)
      expect((err as ImportError).problem, what).toBe('tooLong')
      expect(performance.now() - started, what).toBeLessThan(10_000)
    }
  }, 30_000)

  it('a text of MAX_IMPORT_BLOCKS paragraphs still imports', () => {
    const result = parseText('Law\n' + 'a\n'.repeat(MAX_IMPORT_BLOCKS - 1))
    expect(result.stats.preambleParagraphs).toBe(MAX_IMPORT_BLOCKS - 1)
  }, 30_000)
})

describe('parseText: a title on two lines', () => {
  const ru = 'Модельный закон о противодействии торговле людьми'
  const preamble = 'Настоящий Закон определяет основы противодействия торговле людьми.'
  const body = [b.article('Цель', [b.clause('Текст.')])]

  it.each([
    ['one line each, no blank lines', `МОДЕЛЬНЫЙ ЗАКОН\nО противодействии торговле людьми\n${preamble}\nСтатья 1. Цель\nТекст.`],
    ['a paragraph of two lines', `МОДЕЛЬНЫЙ ЗАКОН\nО противодействии торговле людьми\n\n${preamble}\n\nСтатья 1. Цель\nТекст.`],
    ['a hard-wrapped second line', `МОДЕЛЬНЫЙ ЗАКОН\nО противодействии\nторговле людьми\n\n${preamble}\n\nСтатья 1. Цель\nТекст.`],
    ['two paragraphs', `МОДЕЛЬНЫЙ ЗАКОН\n\nО противодействии торговле людьми\n\n${preamble}\n\nСтатья 1. Цель\nТекст.`],
    ['Markdown', `# МОДЕЛЬНЫЙ ЗАКОН\n\n# О противодействии торговле людьми\n\n${preamble}\n\n## Статья 1. Цель\n\nТекст.`],
  ])('makes one title, its words kept, of %s, and keeps the preamble', (_, text) => {
    const result = parsed(text)
    expect(result.tree).toEqual(expected(b.law(ru, [preamble], body)))
    expect(result.notes.find((n) => n.code === 'noTitle')).toBeUndefined()
  })

  it('in English: title case for the upper-case head, "on" in lower case', () => {
    const text = 'MODEL LAW\nOn Combating Trafficking in Persons\nThe States agree as follows.\nArticle 1. Purpose\nText.'
    expect(parsed(text).tree).toEqual(expected(b.law('Model Law on Combating Trafficking in Persons', ['The States agree as follows.'], [b.article('Purpose', [b.clause('Text.')])])))
  })

  it('keeps a longer upper-case head as typed (it may hold names), and a title in ordinary case as typed', () => {
    expect(parsed('ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nО языках\nСтатья 1. Цель\nТекст.').tree).toEqual(
      expected(b.law('ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН О языках', [], body)),
    )
    expect(parsed('Law of Ukraine\nOn Copyright\nArticle 1. Purpose\nText.').tree).toEqual(
      expected(b.law('Law of Ukraine On Copyright', [], [b.article('Purpose', [b.clause('Text.')])])),
    )
  })

  it('never takes the preamble into the title', () => {
    // A short capitalised line that does not start the title's subject, a sentence, a number.
    for (const [text, title, lines] of [
      ['Law on Bees\nThe Parliament adopts this Law\nArticle 1. Purpose\nText.', 'Law on Bees', ['The Parliament adopts this Law']],
      ['МОДЕЛЬНЫЙ ЗАКОН\nО пчёлах.\nСтатья 1. Цель\nТекст.', 'МОДЕЛЬНЫЙ ЗАКОН', ['О пчёлах.']],
      ['Law on Bees\n1. On bees\nArticle 1. Purpose\nText.', 'Law on Bees', ['On bees']],
    ] as const) {
      const result = parsed(text)
      expect(result.tree.content?.[0]).toEqual(expected(b.law(title, [], [])).content?.[0])
      expect(result.stats.preambleParagraphs, text).toBe(lines.length)
    }
  })
})

describe('parseText: Markdown', () => {
  it('maps # / ## / ### to title, chapter and article, with or without the words', () => {
    const md = ['# The Law', '', 'Preamble *text*.', '', '## Chapter I. General', '', '### Article 1. Purpose', '', 'Text \\[alt\\].', '', '## Miscellaneous', '', '### Entry into force', '', '1. First.', '', '   1) point;', '', '      a) sub;', '', '2. Second.'].join('\n')
    const { tree } = parsed(md)
    expect(tree).toEqual(
      expected(
        b.law('The Law', ['Preamble *text*.'], [
          b.chapter('General'),
          b.article('Purpose', [b.clause('Text [alt].')]),
          b.chapter('Miscellaneous'),
          b.article('Entry into force', [b.clause('First.'), b.point('point;'), b.subpoint('sub;'), b.clause('Second.')]),
        ]),
      ),
    )
  })

  it('reads ### § / Section headings as sections and #### headings as articles', () => {
    const md = ['# Закон', '## Глава 1. Общие', '### § 1. Сфера', '#### Статья 1. Предмет', 'Текст.', '### Section 2', '#### Article 2', 'More.'].join('\n\n')
    const { tree } = parsed(md)
    expect(tree).toEqual(
      expected(
        b.law('Закон', [], [
          b.chapter('Общие'),
          b.section('Сфера'),
          b.article('Предмет', [b.clause('Текст.')]),
          b.section(''),
          b.article('', [b.clause('More.')]),
        ]),
      ),
    )
  })

  it('reads ## Part / Раздел headings as parts beside ## chapters', () => {
    const md = ['# Кодекс', '## Раздел I. Общая часть', '### Статья 1. Цель', 'Текст.', '## Глава 1. Общие', '### Статья 2. Предмет', 'Ещё.', '## Part II', '## Chapter II. End', '### Article 3. Last', 'Last.'].join('\n\n')
    const { tree, stats } = parsed(md)
    expect(stats).toMatchObject({ parts: 2, chapters: 2, articles: 3 })
    expect(tree).toEqual(
      expected(
        b.law('Кодекс', [], [
          b.part('Общая часть'),
          b.article('Цель', [b.clause('Текст.')]),
          b.chapter('Общие'),
          b.article('Предмет', [b.clause('Ещё.')]),
          b.part(''),
          b.chapter('End'),
          b.article('Last', [b.clause('Last.')]),
        ]),
      ),
    )
  })

  it('reads soft-wrapped Markdown paragraphs as one block and leaves "Article 5." in text alone once headings define structure', () => {
    const md = '# Law\n\n### Article 1. One\n\nArticle 5. of the Convention applies\nto this Law.\n'
    expect(parsed(md).tree).toEqual(expected(b.law('Law', [], [b.article('One', [b.clause('Article 5. of the Convention applies to this Law.')])])))
  })

  it('format can be forced', () => {
    expect(parsed('# Not markdown\nArticle 1. A\nText \\[x\\]', undefined, { format: 'text' }).tree).toEqual(
      expected(b.law('# Not markdown', [], [b.article('A', [b.clause('Text \\[x\\]')])])),
    )
  })
})

describe('parseText: the conclusions after the last article', () => {
  const NOTE = 'Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи государств – участников СНГ (постановление № 31-11 от 3 апреля 2008 года)'
  const force = 'Настоящий Закон вступает в силу со дня его официального опубликования.'

  it('a model law’s adoption note after the last article is the conclusions, not a paragraph "2." of it', () => {
    const { tree, stats, warnings } = parsed(`Модельный закон о защите данных\n\nСтатья 1. Предмет\nТекст.\n\nСтатья 2. Вступление в силу\n${force}\n\n${NOTE}\n`)
    expect(tree).toEqual(expected(b.law('Модельный закон о защите данных', [], [b.article('Предмет', [b.clause('Текст.')]), b.article('Вступление в силу', [b.clause(force)]), conclusionsNode([NOTE])])))
    expect(stats).toMatchObject({ articles: 2, clauses: 2, conclusionsParagraphs: 1, unrecognised: 0 })
    expect(warnings).toEqual([])
  })

  it('a signature block, a line each, with what follows it: place, date, number', () => {
    const lines = ['Принят Государственной Думой 21 марта 2008 года', 'Президент Российской Федерации                В. Путин', 'Москва, Кремль', '3 апреля 2008 года', '№ 12-ФЗ']
    const { tree } = parsed(['Федеральный закон о данных', 'Статья 1. Предмет', 'Текст.', ...lines].join('\n'))
    expect(tree).toEqual(expected(b.law('Федеральный закон о данных', [], [b.article('Предмет', [b.clause('Текст.')]), conclusionsNode(lines)])))
    const signed = parsed(['Law on Data', 'Article 1. Subject', '1. Text.', '2. More text.', 'President of the Republic   J. Smith', 'Done at Minsk, 3 April 2008'].join('\n'))
    expect(signed.tree.content!.at(-1)).toEqual(expected(conclusionsNode(['President of the Republic   J. Smith', 'Done at Minsk, 3 April 2008'])))
  })

  it('in a file with blank lines between paragraphs, a signature block set a line each keeps its lines, and a note opens them after an unpunctuated last line', () => {
    const signature = ['Президент Российской Федерации В. Путин', 'Москва, Кремль', '27 июля 2006 года', '№ 152-ФЗ']
    const { tree } = parsed(['Федеральный закон о данных', '', 'Статья 1. Предмет', 'Текст.', '', ...signature].join('\n'))
    expect(tree.content!.at(-1)).toEqual(expected(conclusionsNode(signature)))
    // The last paragraph ends without a full stop: the note still does not continue it.
    const note = parsed(['Модельный закон о данных', '', 'Статья 1. Вступление в силу', 'Настоящий Закон вступает в силу со дня опубликования', 'Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи', '(постановление № 31-11)'].join('\n'))
    expect(note.tree.content!.at(-2)).toEqual(expected(b.article('Вступление в силу', [b.clause('Настоящий Закон вступает в силу со дня опубликования')])))
    expect(note.tree.content!.at(-1)).toEqual(expected(conclusionsNode(['Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи', '(постановление № 31-11)'])))
    // A wrapped line of the last article that starts as a signature would is still the article's.
    const wrapped = parsed(['Law on Data', '', 'Article 1. Entry into force', 'This Law is signed by the', 'President of the Republic and', 'enters into force on publication.'].join('\n'))
    expect(wrapped.tree.content!.at(-1)).toEqual(expected(b.article('Entry into force', [b.clause('This Law is signed by the President of the Republic and enters into force on publication.')])))
  })

  it('never takes a paragraph of the last article, nor a note before it', () => {
    const text = [
      'Закон о Президенте',
      'Статья 1. Избрание',
      'Принят Государственной Думой порядок избрания.',
      'Статья 2. Полномочия',
      'Президент Республики назначает Премьер-министра с согласия Парламента.',
      'Президент Республики вправе:',
      '1) распустить Парламент;',
      'Принято решение о выборах.',
    ].join('\n')
    const { doc, stats } = parseText(text)
    expect(doc.content!.map((n) => n.type)).toEqual(['lawTitle', 'preamble', 'article', 'article'])
    expect(stats).toMatchObject({ articles: 2, conclusionsParagraphs: 0 })
  })

  it('Markdown: what follows a thematic break after the last article, whatever it says; a break elsewhere changes nothing', () => {
    const md = ['# Law on Data', '## Chapter I. General', '### Article 1. Subject', 'Text.', '---', 'Minsk', '', 'Article 5 \\- not a heading', '', '---', 'after a second break'].join('\n\n')
    const { tree } = parsed(md)
    expect(tree).toEqual(expected(b.law('Law on Data', [], [b.chapter('General'), b.article('Subject', [b.clause('Text.')]), conclusionsNode(['Minsk', 'Article 5 - not a heading', 'after a second break'])])))
    const before = parsed(['# Law on Data', 'Preamble.', '---', '### Article 1. Subject', 'Text.'].join('\n\n'))
    expect(before.tree).toEqual(expected(b.law('Law on Data', ['Preamble.'], [b.article('Subject', [b.clause('Text.')])])))
  })
})

describe('parseText never loses words', () => {
  const word = fc.stringMatching(/^w[0-9]{1,4}$/)
  const line = fc.tuple(
    fc.constantFrom('', '', '1. ', '2) ', '(a) ', 'a) ', 'а) ', '- ', '• ', 'Article 4. ', 'Статья 9. ', 'Chapter II. ', 'Глава 3 ', '   ', '# ', '## ', '### '),
    fc.array(word, { minLength: 1, maxLength: 5 }),
  )
  it('every word of every line is in the imported document, exactly as often', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.boolean(), (lines, blankLines) => {
        const text = lines.map(([p, ws]) => p + ws.join(' ')).join(blankLines ? '\n\n' : '\n')
        const result = parseText(text)
        docFromJSON(result.doc)
        const out: string[] = []
        const walk = (n: DocJSON) => {
          if (n.text) out.push(...n.text.split(/\s+/).filter((w) => /^w\d+$/.test(w)))
          n.content?.forEach(walk)
        }
        walk(result.doc)
        const input = lines.flatMap(([, ws]) => ws)
        expect(out.sort()).toEqual(input.sort())
      }),
      { numRuns: 300 },
    )
  })
})
