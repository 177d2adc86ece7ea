/**
 * Cyrillic in Latin letters, for names that must be ASCII (a download's plain `filename`, an
 * Akoma Ntoso work URI): Russian as in Russian passports (ICAO Doc 9303: "щ" → "shch",
 * "ю" → "iu", "й" → "i"), and the other Cyrillic letters of the region's languages —
 * Ukrainian, Belarusian, Kazakh, Kyrgyz, Tajik, Uzbek — by the nearest Latin letter.
 * Anything else passes through unchanged.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u', ә: 'a', ғ: 'g', қ: 'k',
  ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u',
}

/** The text with its Cyrillic letters in Latin ones, capitals kept ("Щит" → "Shchit"). */
export function transliterate(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase()
    const latin = CYRILLIC[lower]
    if (latin === undefined) out += ch
    else out += ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1)
  }
  return out
}
