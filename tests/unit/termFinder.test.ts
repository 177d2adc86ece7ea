import { describe, expect, it } from 'vitest'
import { termFinder } from '../../shared/checks/definedTerms'

const found = (terms: string[], text: string, capital: string[] = []) =>
  termFinder(terms.map((term) => ({ term, capital: capital.includes(term) })))(text).map((u) => `${terms[u.term]}=${text.slice(u.from, u.to)}`)

describe('finding the uses of defined terms in a text', () => {
  it('finds a Russian term in any case and number, whole words only, the longest at a word', () => {
    const terms = ['торговля', 'торговля людьми', 'ребенок', 'жертва']
    expect(found(terms, 'Защита жертв торговли людьми и детей; торговлей; неторговля; Жертве.')).toEqual([
      'жертва=жертв',
      'торговля людьми=торговли людьми',
      'ребенок=детей',
      'торговля=торговлей',
      'жертва=Жертве',
    ])
  })

  it('finds an English term in the plural and possessive; one marked capital only with a capital', () => {
    const terms = ['victim', 'Agency', 'trafficking in persons']
    expect(found(terms, 'Victims, a victim’s family, the Agency’s staff, an agency, trafficking in persons and trafficking.', ['Agency'])).toEqual([
      'victim=Victims',
      'victim=victim’s',
      'Agency=Agency’s',
      'trafficking in persons=trafficking in persons',
    ])
    expect(found(['Agency'], 'an agency')).toEqual(['Agency=agency'])
    expect(found([], 'anything')).toEqual([])
  })
})
