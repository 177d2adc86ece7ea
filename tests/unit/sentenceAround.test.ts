import { describe, expect, it } from 'vitest'
import { sentenceAround } from '../../shared/checks/sentenceAround'

describe('the sentence around a place in a text', () => {
  const text = 'Центр создается Правительством. Специализированный центр помощи (далее — Центр) оказывает помощь жертвам. Центр подотчетен Правительству.'

  it('takes the sentence that holds the place, marking the words left out before and after', () => {
    expect(sentenceAround(text, text.indexOf('(далее'))).toBe('… Специализированный центр помощи (далее — Центр) оказывает помощь жертвам. …')
    expect(sentenceAround(text, 2)).toBe('Центр создается Правительством. …')
    expect(sentenceAround(text, text.length - 2)).toBe('… Центр подотчетен Правительству.')
  })

  it('gives a text of one sentence whole, without marks', () => {
    expect(sentenceAround('Лицо, подавшее жалобу (далее — заявитель), извещается.', 10)).toBe('Лицо, подавшее жалобу (далее — заявитель), извещается.')
    expect(sentenceAround('', 0)).toBe('')
  })

  it('does not end a sentence at an abbreviation, a number or a lower-case word after the full stop', () => {
    const long = 'Приказом от 1 января 2020 г. Министерство (далее — Министерство) утвердило порядок, предусмотренный ст. 5 закона, т. е. Порядок. Прочее.'
    expect(sentenceAround(long, long.indexOf('(далее'))).toBe('Приказом от 1 января 2020 г. Министерство (далее — Министерство) утвердило порядок, предусмотренный ст. 5 закона, т. е. Порядок. …')
    const english = 'The Minister may act. The Board (hereinafter “the Board”) meets under rule No. 3 of the Rules. It reports yearly!'
    expect(sentenceAround(english, english.indexOf('hereinafter'))).toBe('… The Board (hereinafter “the Board”) meets under rule No. 3 of the Rules. …')
  })

  it('ends a sentence before a quoted or bracketed capital', () => {
    const quoted = 'Первое предложение. «Центр» (далее — Центр) действует.'
    expect(sentenceAround(quoted, quoted.indexOf('(далее'))).toBe('… «Центр» (далее — Центр) действует.')
  })
})
