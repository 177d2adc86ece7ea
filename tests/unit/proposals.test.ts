import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CreateThreadInput, WordingDecisionInput, type ThreadView } from '../../shared/api'
import { createAnchor, resolveAnchor, textBetween, textOfBlock } from '../../shared/comments/anchor'
import { oneLine, plainWordsBetween, replaceWords, withQuoteSpaces, wordingDiff } from '../../shared/comments/wording'
import { reviewReportHtml } from '../../shared/review/reviewReportHtml'
import { reviewReportDocx } from '../../shared/review/reviewReportDocx'
import type { ReportThread } from '../../shared/review/reviewReport'
import { createBuilders } from '../../shared/seed/builders'
import { TEXT_FIELD } from '../../shared/protocol'
import type { DocJSON } from '../../shared/schema'
import { plainWordsOfOneBlock } from '../../client/comments/proposable'
import { wordingView } from '../../client/comments/wordingView'
import { comment, thread } from '../helpers/reviewThreads'
import { nodesOfType, stateFromJSON } from '../helpers/editorState'

const ANCHOR = { start: 'AAAAAA==', end: 'AAAAAA==' }

describe('proposed wording: the request', () => {
  const base = { articleId: 'a1', anchor: ANCHOR, body: 'Why' }

  it('is optional, trimmed and plain text up to 5,000 characters', () => {
    expect(CreateThreadInput.parse(base).proposal).toBeUndefined()
    expect(CreateThreadInput.parse({ ...base, proposal: '  new <b>words</b>  ' }).proposal).toBe('new <b>words</b>')
    expect(CreateThreadInput.safeParse({ ...base, proposal: 'x'.repeat(5000) }).success).toBe(true)
    expect(CreateThreadInput.safeParse({ ...base, proposal: 'x'.repeat(5001) }).success).toBe(false)
    expect(CreateThreadInput.safeParse({ ...base, proposal: '   ' }).success).toBe(false)
  })

  it('is one line: a line break is refused (it replaces words inside one paragraph)', () => {
    for (const broken of ['one\ntwo', 'one\r\ntwo', 'one\u2028two']) expect(CreateThreadInput.safeParse({ ...base, proposal: broken }).success).toBe(false)
    // Trailing breaks are trimmed away first.
    expect(CreateThreadInput.parse({ ...base, proposal: 'one two\n' }).proposal).toBe('one two')
    expect(oneLine('one\ntwo\r\n\r\nthree')).toBe('one two three')
  })

  it('decides with accept or decline only', () => {
    expect(WordingDecisionInput.parse({ decision: 'accept' })).toEqual({ decision: 'accept' })
    expect(WordingDecisionInput.safeParse({ decision: 'maybe' }).success).toBe(false)
  })
})

/** One paragraph's Y.XmlText in a document of its own. */
function paragraph(words: string): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc()
  const block = new Y.XmlElement('clause')
  doc.getXmlFragment(TEXT_FIELD).insert(0, [block])
  const text = new Y.XmlText()
  block.insert(0, [text])
  text.insert(0, words)
  return { doc, text }
}

describe('proposed wording: applying it to the text', () => {
  it('reads plain words of one text, and refuses anything else in between', () => {
    const { text } = paragraph('shall be guided by principles')
    expect(plainWordsBetween({ text, index: 6 }, { text, index: 18 })).toEqual({ ok: true, words: 'be guided by' })
    const other = paragraph('other').text
    expect(plainWordsBetween({ text, index: 0 }, { text: other, index: 2 })).toEqual({ ok: false, reason: 'notOneText' })
    text.insertEmbed(9, { xref: 'a2' })
    expect(plainWordsBetween({ text, index: 6 }, { text, index: 19 })).toEqual({ ok: false, reason: 'notPlain' })
    // Outside the range, an embed does not matter; offsets count it as one.
    expect(plainWordsBetween({ text, index: 10 }, { text, index: 19 })).toEqual({ ok: true, words: 'guided by' })
  })

  it('replaces only the changed words, keeping the rest of the block and anchors on kept words', () => {
    const { doc, text } = paragraph('Меры принимаются с учётом следующих принципов: законности.')
    const passage = 'принимаются с учётом следующих принципов'
    const at = textOfBlock(text).indexOf(passage)
    const kept = textOfBlock(text).indexOf('следующих')
    const onKept = createAnchor({ text, index: kept }, { text, index: kept + 'следующих'.length })
    doc.transact(() => replaceWords({ text, index: at }, passage, 'принимаются на основе следующих принципов'))
    expect(textOfBlock(text)).toBe('Меры принимаются на основе следующих принципов: законности.')
    // Words kept are the same characters: a thread on them still finds them.
    const resolution = resolveAnchor(doc, onKept)
    expect(resolution.state === 'live' ? textBetween(resolution.start, resolution.end) : resolution.state).toBe('следующих')
  })

  it('replaces a whole passage, at the start or the end of a block, and with markup as characters', () => {
    const { doc, text } = paragraph('alpha beta gamma')
    doc.transact(() => replaceWords({ text, index: 0 }, 'alpha', '<img src=x onerror=alert(1)>'))
    expect(textOfBlock(text)).toBe('<img src=x onerror=alert(1)> beta gamma')
    const end = textOfBlock(text).indexOf('gamma')
    doc.transact(() => replaceWords({ text, index: end }, 'gamma', 'delta; epsilon'))
    expect(textOfBlock(text)).toBe('<img src=x onerror=alert(1)> beta delta; epsilon')
    // A passage selected with the space after it keeps that space.
    doc.transact(() => replaceWords({ text, index: end - 5 }, 'beta ', 'zeta'))
    expect(textOfBlock(text)).toBe('<img src=x onerror=alert(1)> zeta delta; epsilon')
    expect(withQuoteSpaces(' beta ', 'zeta')).toBe(' zeta ')
    expect(withQuoteSpaces('   ', 'zeta')).toBe('zeta')
  })
})

describe('proposed wording: the card', () => {
  const t = (key: string, params?: Record<string, string | number>) => `${key}${params ? ` ${JSON.stringify(params)}` : ''}`
  const time = (iso: string) => `at ${iso.slice(0, 10)}`
  const proposed = (extra: Partial<NonNullable<ThreadView['proposal']>> = {}) =>
    thread('t1', 'a1', 'shall be guided by the principles', [comment('Clearer')], {
      proposal: { text: 'shall follow the principles', status: 'open', decidedBy: null, decidedAt: null, canDecide: true, ...extra },
    })

  it('shows the proposal as word changes against the quote', () => {
    const view = wordingView(proposed(), t, time)!
    expect(view.segments).toEqual([
      { kind: 'equal', text: 'shall ' },
      { kind: 'delete', text: 'be guided by' },
      { kind: 'insert', text: 'follow' },
      { kind: 'equal', text: ' the principles' },
    ])
    expect(wordingDiff('по принципам', 'на основе принципов')).toEqual([
      { kind: 'delete', text: 'по принципам' },
      { kind: 'insert', text: 'на основе принципов' },
    ])
    expect(view).toMatchObject({ status: 'open', state: 'comments.proposalOpen', canDecide: true })
  })

  it('says who decided and when; a decided proposal offers no buttons', () => {
    const accepted = wordingView(proposed({ status: 'accepted', decidedBy: { id: 'u2', displayName: 'Boris' }, decidedAt: '2026-03-01T10:00:00Z', canDecide: true }), t, time)!
    expect(accepted).toMatchObject({ status: 'accepted', state: 'comments.proposalAccepted {"name":"Boris","date":"at 2026-03-01"}', canDecide: false })
    const declined = wordingView(proposed({ status: 'declined', decidedBy: { id: 'u2', displayName: 'Boris' }, decidedAt: '2026-03-02T10:00:00Z', canDecide: false }), t, time)!
    expect(declined.state).toBe('comments.proposalDeclined {"name":"Boris","date":"at 2026-03-02"}')
    expect(wordingView(thread('t2', 'a1', 'q', [comment('x')]), t, time)).toBeNull()
  })
})

describe('proposed wording: where the client offers it', () => {
  const b = createBuilders('p')
  const withXref: DocJSON = { ...b.clause('x'), content: [{ type: 'text', text: 'Under ' }, { type: 'xref', attrs: { target: 'a1' } }, { type: 'text', text: ' the rules apply.' }] }
  const state = stateFromJSON(b.law('T', [], [b.article('First', [b.clause('Alpha beta gamma.'), b.point('delta epsilon;'), withXref])]))

  it('on words of one block only, without a cross-reference', () => {
    const [clause, second] = nodesOfType(state.doc, 'clause')
    const point = nodesOfType(state.doc, 'point')[0]
    const inClause = clause.pos + 1
    expect(plainWordsOfOneBlock(state.doc, inClause + 6, inClause + 10)).toBe(true)
    expect(plainWordsOfOneBlock(state.doc, inClause + 6, point.pos + 4)).toBe(false)
    const inSecond = second.pos + 1
    expect(plainWordsOfOneBlock(state.doc, inSecond + 7 + 1, inSecond + 7 + 10)).toBe(true)
    expect(plainWordsOfOneBlock(state.doc, inSecond + 2, inSecond + 10)).toBe(false)
  })
})

describe('proposed wording: the review report', () => {
  const b = createBuilders('r')
  const doc = b.law('Model Law', [], [{ ...b.article('Principles', [b.clause('Measures shall be guided by principles.')]), attrs: { id: 'a2' } }])
  const entry = (proposal: ThreadView['proposal']): ReportThread => ({
    thread: thread('t1', 'a2', 'shall be guided by', [comment('Clearer')], { proposal }),
    state: 'live',
    current: 'shall be guided by',
    order: 0,
  })
  const input = (entries: ReportThread[], language: 'en' | 'ru' = 'en') => ({ doc, language, title: 'Draft', generatedAt: '2026-03-02T09:30:00.000Z', status: 'all' as const, threads: entries })

  it('lists the proposed wording and its state, in HTML and Word, in both languages', async () => {
    const open = entry({ text: 'shall follow <b>', status: 'open', decidedBy: null, decidedAt: null, canDecide: false })
    expect(reviewReportHtml(input([open]))).toContain('<strong>Proposed wording:</strong> shall follow &lt;b&gt; <span class="state">(awaiting a decision)</span>')
    const accepted = entry({ text: 'shall follow', status: 'accepted', decidedBy: { id: 'u2', displayName: 'Boris Drafter' }, decidedAt: '2026-03-01T12:00:00.000Z', canDecide: false })
    expect(reviewReportHtml(input([accepted], 'ru'))).toContain('Предложенная редакция:</strong> shall follow <span class="state">(принята: Boris Drafter, 1 марта 2026 г., 12:00 (UTC))</span>')
    const { default: mammoth } = await import('mammoth')
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await reviewReportDocx(input([accepted]))) })
    expect(value).toContain('Proposed wording: shall follow (accepted by Boris Drafter, 1 March 2026, 12:00 (UTC))')
    expect(reviewReportHtml(input([entry(null)]))).not.toContain('Proposed wording')
  })
})
