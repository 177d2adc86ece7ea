import { describe, expect, it } from 'vitest'
import { englishStem, russianStem, stemsOf } from '../../shared/checks/stems'

describe('word stems', () => {
  it('gives the forms a Russian term takes in a law one stem, a dropped vowel included', () => {
    const same = [
      ['торговля', 'торговли', 'торговлей', 'торговлю'],
      ['людьми', 'люди', 'людей', 'человек', 'человека'],
      ['жертва', 'жертвы', 'жертвам', 'жертвой', 'жертв'],
      ['ребенок', 'ребёнка', 'ребенку', 'ребенком', 'дети', 'детей', 'Детям'],
      ['уязвимое', 'уязвимого', 'уязвимым'],
      ['положение', 'положения', 'положением', 'положении'],
      ['эксплуатация', 'эксплуатации', 'эксплуатацию'],
      ['уполномоченный', 'уполномоченного', 'уполномоченным'],
      ['орган', 'органа', 'органом', 'органы'],
      ['отец', 'отца'],
      ['права', 'прав', 'правам'],
      ['находящийся', 'находящегося', 'находящимся'],
    ]
    for (const forms of same) expect(new Set(forms.map(russianStem)), forms.join(', ')).toHaveLength(1)
    expect(new Set(same.map((forms) => russianStem(forms[0])))).toHaveLength(same.length)
  })

  it('gives English singular, plural and possessive one stem, and tells different words apart', () => {
    for (const forms of [['victim', 'victims', 'victim’s', "victims'"], ['child', 'children', 'child’s'], ['agency', 'agencies'], ['process', 'processes'], ['person', 'persons']]) {
      expect(new Set(forms.map(englishStem)), forms.join(', ')).toHaveLength(1)
    }
    expect(englishStem('status')).toBe('status')
    expect(englishStem('constructor')).toBe('constructor')
    expect(englishStem('exploitation')).not.toBe(englishStem('exploitative'))
  })

  it('reads words of either alphabet in one text, a hyphen parting two', () => {
    expect(stemsOf('Жертвам торговли людьми (victims) государства-участника')).toEqual([
      russianStem('жертва'), russianStem('торговля'), russianStem('людьми'), 'victim', russianStem('государство'), russianStem('участник'),
    ])
  })
})
