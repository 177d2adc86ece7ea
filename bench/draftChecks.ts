/**
 * Section 6e: "Check the text" on the 300-article law (shared/checks/draftChecks.ts), as the
 * editor runs it while the panel is open: the first time (every article read), and again after a
 * keystroke in one article (the others' scans reused: ProseMirror nodes are immutable). Medians.
 * The law is given a definitions article first, as a real one has: 20 terms, of which the 5 of two
 * words are used nowhere (the generated text pairs its words at random), so the defined-terms
 * check reads the whole law for them.
 */
import { EditorState } from '@tiptap/pm/state'
import { checkDraft } from '../shared/checks/draftChecks'
import { docFromJSON } from '../shared/schema'
import { FULL_LAW_ARTICLES, law } from './lib/law'
import { medianTime } from './lib/stats'
import { createBuilders } from '../shared/seed/builders'
import type { DocJSON } from '../shared/schema'

const TERMS = ['person', 'victim', 'offence', 'child', 'authority', 'court', 'assistance', 'protection', 'cooperation', 'procedure', 'organization', 'information', 'service', 'right', 'measures', 'competent court victim', 'public body service', 'national procedure', 'child protection authority', 'member offence']

/** The generated law with a definitions article before its first article. */
function withDefinitions(json: DocJSON): DocJSON {
  const b = createBuilders('defs-')
  const definitions = b.article('Definitions', [b.clause('For the purposes of this Law:'), ...TERMS.map((term, i) => b.point(`“${term}” means the ${term} referred to in this Law${i === TERMS.length - 1 ? '.' : ';'}`))])
  const content = [...(json.content ?? [])]
  content.splice(content.findIndex((n) => n.type === 'article'), 0, definitions)
  return { ...json, content }
}

export interface DraftChecksBenchResult {
  issues: number
  firstMedianMs: number
  againMedianMs: number
}

export async function runDraftChecksBenchmark(log: (line: string) => void): Promise<DraftChecksBenchResult> {
  const json = withDefinitions(law(FULL_LAW_ARTICLES))
  // A fresh document each time: nothing read before.
  const docs = Array.from({ length: 6 }, () => docFromJSON(json))
  let next = 0
  const firstMedianMs = await medianTime(() => checkDraft(docs[next++ % docs.length], 'en'), 5)
  const doc = docFromJSON(json)
  const issues = checkDraft(doc, 'en').length
  // One character typed into a paragraph in the middle of the law, then checked again: a new document each time.
  let state = EditorState.create({ doc })
  let middle = 0
  doc.forEach((node, offset, index) => {
    if (index === Math.floor(doc.childCount / 2)) middle = offset + node.child(0).nodeSize + 2
  })
  const againMedianMs = await medianTime(() => {
    state = state.apply(state.tr.insertText('x', middle))
    checkDraft(state.doc, 'en')
  }, 20)
  log(`  check the text (with a definitions article of ${TERMS.length} terms): ${issues} issues; first ${firstMedianMs.toFixed(1)} ms, after a keystroke ${againMedianMs.toFixed(1)} ms`)
  return { issues, firstMedianMs, againMedianMs }
}
