import type { Language } from '../../language'

/** Vocabulary of the generated laws: plausible legal words, so token statistics look real. */
export const WORDS: Record<Language, readonly string[]> = {
  en: (
    'the of and to in a for by on with under shall may must any person law state member ' +
    'authority competent court victim offence trafficking protection assistance measures ' +
    'provided accordance this article paragraph point national international cooperation ' +
    'procedure right rights freedom child children organization public body bodies service ' +
    'information data request decision appeal period days months year years responsible ' +
    'prevention criminal liability penalty compensation residence permit return safety ' +
    'identification investigation prosecution evidence witness support shelter medical ' +
    'legal social economic labour exploitation purpose including other such as where ' +
    'referred established relevant applicable without prejudice consent written notice'
  ).split(' '),
  ru: (
    'в и на с по для о об при не от до из к государство орган органы компетентный суд ' +
    'жертва жертвы преступление торговля людьми защита помощь меры предусмотренные ' +
    'соответствии настоящей статьей частью пунктом национальный международный сотрудничество ' +
    'порядок право права свобода ребенок ребёнка дети организация государственный служба ' +
    'информация сведения запрос решение обжалование срок дней месяцев год лет ответственность ' +
    'предупреждение уголовная наказание возмещение вреда проживание разрешение возвращение ' +
    'безопасность выявление расследование уголовное преследование доказательства свидетель ' +
    'поддержка приют медицинская правовая социальная экономическая трудовая эксплуатация цель ' +
    'включая иные такие случае указанные установленные соответствующие применимые письменное ' +
    'согласие уведомление ёмкость обеспечивает осуществляет'
  ).split(' '),
}
