/** Review threads on the benchmark's law: one per article, as reviewers leave them. */
import * as Y from 'yjs'
import { TEXT_FIELD } from '../../shared/protocol'
import { createAnchor } from '../../shared/comments/anchor'
import type { CreateThreadInput } from '../../shared/api'
import { COMMENT_RATE } from '../../server/services/comments'
import { createMember, createOrganization, grant, person, type Account } from '../../tests/helpers/accounts'
import { clauseTexts } from './law'

/** Words a passage thread covers at the start of its article's first paragraph. */
const PASSAGE_CHARS = 24

/**
 * What `addReviewThreads` posts for the law in `ydoc`: for every article, a thread on the first
 * words of its first paragraph (even articles) or on the whole article (odd ones).
 */
export function reviewThreadInputs(ydoc: Y.Doc): CreateThreadInput[] {
  const inputs: CreateThreadInput[] = []
  let index = 0
  for (const node of ydoc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== 'article') continue
    const articleId = node.getAttribute('id')
    if (!articleId) continue
    const body = `Review note ${index + 1}: please check the wording.`
    const clause = index % 2 === 0 ? clauseTexts(node)[0] : undefined
    if (clause && clause.length > 0) {
      const end = Math.min(PASSAGE_CHARS, clause.length)
      inputs.push({ articleId, anchor: createAnchor({ text: clause, index: 0 }, { text: clause, index: end }), body })
    } else inputs.push({ articleId, anchor: null, body })
    index++
  }
  return inputs
}

/**
 * Posts the threads of `reviewThreadInputs` as reviewers of several organizations (each may
 * start only so many threads a minute), a few at a time; returns how many were created.
 */
export async function addReviewThreads(owner: Account, docId: string, ydoc: Y.Doc): Promise<number> {
  const inputs = reviewThreadInputs(ydoc)
  const perReviewer = COMMENT_RATE.limit
  const reviewers: Account[] = []
  for (let i = 0; reviewers.length * perReviewer < inputs.length; i++) {
    const org = await createOrganization(owner, { name: `Reviewing ministry ${i + 1}`, shortName: `RM${i + 1}` })
    const reviewer = await createMember(owner, org.id, `Reviewer ${i + 1}`)
    await grant(owner, docId, person(reviewer), 'reviewer')
    reviewers.push(reviewer)
  }
  const post = (input: CreateThreadInput, i: number) =>
    reviewers[Math.floor(i / perReviewer)].json(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify(input) })
  for (let i = 0; i < inputs.length; i += 8) await Promise.all(inputs.slice(i, i + 8).map((input, j) => post(input, i + j)))
  return inputs.length
}
