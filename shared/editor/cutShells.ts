import { Plugin, PluginKey, type Selection } from '@tiptap/pm/state'
import { Mapping, type Mappable } from '@tiptap/pm/transform'
import type { Node as PMNode } from '@tiptap/pm/model'
import { isDivisionType } from '../schema'

export const cutShellsKey = new PluginKey('cutShells')

/**
 * Cutting whole articles or headings takes them away whole. A selection from the start of an
 * article's heading to the end of its last paragraph (or further) is a range of text to
 * ProseMirror, whose cut leaves the article it began in as an empty shell ("Article 5." with no
 * heading and no text), numbered among the rest; pasted elsewhere, the cut article came with a
 * fresh id, since the shell kept its own. When a cut began at the start of an article's or a
 * division's heading, went on past it, and left that unit without a word, the unit goes too: a
 * cut and paste is a move, and the article keeps its identity. (A drag that moves them: drop.ts.)
 */
export function cutShellsPlugin(): Plugin {
  return new Plugin({
    key: cutShellsKey,
    appendTransaction(trs, oldState, newState) {
      if (!trs.some((tr) => tr.docChanged && tr.getMeta('uiEvent') === 'cut')) return null
      const mapping = new Mapping()
      for (const tr of trs) mapping.appendMapping(tr.mapping)
      const shell = emptiedUnit(oldState.selection, newState.doc, mapping)
      return shell ? newState.tr.delete(shell.from, shell.to) : null
    },
  })
}

/**
 * The unit (article or division) that taking `selection` away left without a word, in `doc` (the
 * document after, reached from the one before by `mapping`), when the selection began at the
 * start of the unit's heading and went on past it; else null.
 */
export function emptiedUnit(selection: Selection, doc: PMNode, mapping: Mappable): { from: number; to: number } | null {
  const { $from, to } = selection
  // Past the heading: a cut of the heading's words alone (to retitle) leaves the unit.
  if ($from.depth < 1 || $from.parentOffset !== 0 || to <= $from.end()) return null
  // An article's heading is inside the article; a part's, chapter's or section's is the unit itself.
  const block = $from.parent.type.name
  if (!(block === 'articleHeading' && $from.depth === 2) && !(isDivisionType(block) && $from.depth === 1)) return null
  const unitType = $from.node(1).type
  const pos = mapping.map($from.before(1), 1)
  const unit = doc.nodeAt(pos)
  if (!unit || unit.type !== unitType || unit.textContent !== '') return null
  return { from: pos, to: pos + unit.nodeSize }
}
