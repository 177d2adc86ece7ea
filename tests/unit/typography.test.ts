import { describe, expect, it } from 'vitest'
import { SPACED_HYPHEN, typesetTyped, typographicDash, typographicQuote } from '../../shared/editor/typography'

/** Types `text` key by key, each straight quotation mark made as the editor makes it. */
function typed(text: string, language: 'en' | 'ru'): string {
  let out = ''
  for (const ch of text) out += ch === '"' || ch === "'" ? typographicQuote(out, ch, language) : ch
  return out
}

describe('quotation marks typed as straight ones', () => {
  it('are Russian «…», inside others too, as the region\'s laws print them', () => {
    expect(typed('Закон "О свидетелях" применяется', 'ru')).toBe('Закон «О свидетелях» применяется')
    expect(typed('"ООО "Ромашка""', 'ru')).toBe('«ООО «Ромашка»»')
    expect(typed('Закон "О внесении изменений в Закон "О связи""', 'ru')).toBe('Закон «О внесении изменений в Закон «О связи»»')
    expect(typed('(см. "Закон")', 'ru')).toBe('(см. «Закон»)')
    expect(typed('"слово" и "другое"', 'ru')).toBe('«слово» и «другое»')
  })

  it('are English “…”, with ‘…’ inside, and an apostrophe after a letter', () => {
    expect(typed('"child" means a person', 'en')).toBe('“child” means a person')
    expect(typed(`the State's "victim's 'own' word."`, 'en')).toBe('the State’s “victim’s ‘own’ word.”')
    expect(typed(`д'Артаньян`, 'ru')).toBe('д’Артаньян')
    expect(typed(`слово 'a' и д'Артаньян`, 'ru')).toBe(`слово 'a' и д’Артаньян`) // Russian has no single quotation marks: as typed
  })

  it('open at a block\'s start and after a space, a bracket or a dash; close after anything else', () => {
    expect(typographicQuote('', '"', 'en')).toBe('“')
    expect(typographicQuote('word —', '"', 'ru')).toBe('«')
    expect(typographicQuote('Article 5', '"', 'en')).toBe('”')
    expect(typographicQuote('«конец.', '"', 'ru')).toBe('»')
  })
})

describe('a hyphen typed between spaces', () => {
  it('is a dash after a word, not at a block\'s start, nor inside a word', () => {
    expect(SPACED_HYPHEN.test('торговля людьми - ')).toBe(true)
    expect(SPACED_HYPHEN.test(' - ')).toBe(false)
    expect(SPACED_HYPHEN.test('- ')).toBe(false)
    expect(SPACED_HYPHEN.test('кто-то ')).toBe(false)
    expect([typographicDash('ru'), typographicDash('en')]).toEqual(['—', '–'])
  })
})

describe('a key typed into a text field (a proposed wording)', () => {
  it('makes the mark just typed as the editor does, keeping the length, and nothing else', () => {
    expect(typesetTyped('Закон "', 7, 'ru')).toBe('Закон «')
    expect(typesetTyped('«Щит" и', 5, 'ru')).toBe('«Щит» и')
    expect(typesetTyped('слово - ', 8, 'ru')).toBe('слово — ')
    expect(typesetTyped('the State\'s', 10, 'en')).toBe('the State’s')
    expect(typesetTyped('"already" x', 11, 'en')).toBeNull() // a letter typed: the marks before stay as they are
  })
})
