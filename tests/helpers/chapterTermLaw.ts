import { createBuilders } from '../../shared/seed/builders'
import type { DocJSON } from '../../shared/schema'

type Builders = ReturnType<typeof createBuilders>

/**
 * Chapter 1 introduces «приют» for itself («(далее в настоящей главе — приют)») in Article 1 and
 * uses it in Article 2, under its section; Chapter 2's Article 3 has the word «Приют» too, where
 * it is no use of the term. `after` adds what follows.
 */
export function chapterTermLaw(b: Builders = createBuilders('g'), after: DocJSON[] = []): DocJSON {
  return b.law('Закон', [], [
    b.chapter('Помощь'),
    b.article('Бесплатная помощь', [b.clause('Организация, предоставляющая приют (далее в настоящей главе — приют), действует бесплатно.')]),
    b.section('Порядок'),
    b.article('Размещение', [b.clause('Приют размещает лиц в течение суток.')]),
    b.chapter('Контроль'),
    b.article('Проверки', [b.clause('Приют проверяется ежегодно.')]),
    ...after,
  ])
}
