import type { DocJSON } from '../schema'
import type { Language } from '../language'
import { createBuilders } from './builders'
import { newId } from '../ids'

/** A new draft: its title, an empty preamble and a first, empty article. */
export function emptyLaw(title: string, _language: Language): DocJSON {
  const b = createBuilders(newId().slice(0, 8))
  return b.law(title, [], [b.article('', [b.clause('')])])
}
