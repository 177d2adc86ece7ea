import type { OrganizationSummary } from '../api'
import { wordingDiff } from '../comments/wording'
import type { ComparativeRow, WordingLine } from '../diff/comparativeTable'
import type { Segment } from '../diff/types'
import type { Language } from '../language'
import type { TableWording } from '../diff/tableWords'

/**
 * The table of amendments («Таблица поправок»): every open proposed wording of a draft, one row
 * each in the order of the text, laid out as the comparative table is — the provision as it reads
 * now | as the proposal would have it | proposed by | justification — for a working group to
 * decide on at a meeting. Pure: the server finds each passage in the live text and its provision.
 */

/** An open proposed wording, found in the text now. */
export interface OpenAmendment {
  /** The place (an article, a heading, the title, the preamble) as numbered now: "Article 3." and its heading; the title or the preamble's name. */
  place: { kind: ComparativeRow['kind']; label: string; heading: string }
  /** The block holding the words, when it is not the place's own heading line: its role and number ("2.", "(b)"). */
  block: { role: WordingLine['role']; label: string } | null
  /** The block's words before the passage, the passage, and the words after it, as they read now. */
  before: string
  passage: string
  after: string
  proposal: string
  proposer: OrganizationSummary
  /** The comment it was proposed with ('' when it was deleted). */
  reason: string
}

export const AMENDMENTS_WORDS: Record<Language, Required<TableWording> & { title: string; file: string }> = {
  en: { title: 'Table of amendments', file: 'table of amendments', noRows: 'No proposed wording is awaiting a decision.', columns: { before: 'Text of the draft', after: 'Proposed wording' }, number: 'No.' },
  ru: { title: 'Таблица поправок', file: 'таблица поправок', noRows: 'Предложенных редакций, ожидающих решения, нет.', columns: { before: 'Текст проекта', after: 'Предлагаемая редакция' }, number: '№ п/п' },
}

const oldSide = (segments: Segment[]) => segments.filter((s) => s.kind !== 'insert')
const newSide = (segments: Segment[]) => segments.filter((s) => s.kind !== 'delete')

/** The rows: each amendment's provision now and with the proposal, word by word, its proposer and reason. */
export function amendmentRows(amendments: readonly OpenAmendment[]): ComparativeRow[] {
  return amendments.map((a) => {
    const changed: Segment[] = [
      ...(a.before ? [{ kind: 'equal', text: a.before } as const] : []),
      ...wordingDiff(a.passage, a.proposal),
      ...(a.after ? [{ kind: 'equal', text: a.after } as const] : []),
    ]
    const role: WordingLine['role'] = a.place.kind === 'article' ? 'heading' : a.place.kind
    // The title's words say what they are, as in the comparative table; other places go by their number or name.
    const label = a.place.kind === 'title' ? '' : a.place.label
    // On words of a provision: the place's heading line as it is, then the provision's, changed.
    const side = (segments: Segment[]): WordingLine[] =>
      a.block
        ? [
            { role, label, status: 'unchanged', segments: a.place.heading ? [{ kind: 'equal', text: a.place.heading }] : [] },
            { role: a.block.role, label: a.block.label, status: 'changed', segments },
          ]
        : [{ role, label, status: 'changed', segments }]
    return {
      kind: a.place.kind,
      id: null,
      status: 'changed',
      labelBefore: a.place.label,
      labelAfter: a.place.label,
      headingBefore: a.place.heading,
      headingAfter: a.place.heading,
      moved: false,
      renumbered: false,
      splitFrom: null,
      mergedInto: null,
      mergedFrom: [],
      before: side(oldSide(changed)),
      after: side(newSide(changed)),
      proposedBy: [a.proposer],
      reasons: a.reason.trim() ? [{ organization: a.proposer, text: a.reason.trim() }] : [],
    }
  })
}
