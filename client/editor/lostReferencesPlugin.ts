import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Language } from '../../shared/language'
import { isRemoteTransaction, isTextOnlyTransaction } from '../../shared/editor/changes'
import { idsTouchedBy, lostReferences } from '../../shared/editor/lostReferences'

/**
 * What this person's deletions left the text's cross-references pointing at: the ids gone and
 * where the references stand. `seq` counts the deletions that lost a reference, so that a notice
 * closed for one comes back for the next. Looked at only after a change to the structure that
 * replaced blocks (not while typing), and again while something is lost, so that an undo, a
 * paste or anyone's edit that brings the target back, or removes the reference, clears it.
 */
export interface LostReferencesState {
  targets: readonly string[]
  places: readonly string[]
  seq: number
}

export const lostReferencesKey = new PluginKey<LostReferencesState>('lostReferences')

export function lostReferencesPlugin(language: Language): Plugin<LostReferencesState> {
  return new Plugin<LostReferencesState>({
    key: lostReferencesKey,
    state: {
      init: () => ({ targets: [], places: [], seq: 0 }),
      apply(tr, value, _before, after) {
        if (!tr.docChanged || isTextOnlyTransaction(tr)) return value
        // Someone else's change (or an undo) loses nothing of ours, but may give it back.
        const touched = isRemoteTransaction(tr) ? new Set<string>() : idsTouchedBy(tr)
        if (touched.size === 0 && value.targets.length === 0) return value
        const lost = lostReferences(after.doc, new Set([...value.targets, ...touched]), language)
        if (lost.missing.length === 0) return value.targets.length === 0 ? value : { targets: [], places: [], seq: value.seq }
        const more = lost.missing.some((id) => touched.has(id) && !value.targets.includes(id))
        return { targets: lost.missing, places: lost.places, seq: more ? value.seq + 1 : value.seq }
      },
    },
  })
}
