import { unzipText, zipDeflated, zipEntries } from './zip'

/** What a ministry does to a draft in Word before sending it back. */
export interface WordAnswers {
  /** Replies to the comments in the margin: to the first comment whose text holds `to` (`done`: that comment marked done). */
  replies?: { to: string; author: string; text: string; done?: boolean }[]
  /** New comments on words (the first run holding them). */
  comments?: { on: string; author: string; text: string }[]
  /** Tracked changes: `words` (in one run) replaced with `by`. */
  changes?: { words: string; by: string; author: string }[]
  /** Changes made without tracking them: `words` (in one run) replaced with `by`. */
  edits?: { words: string; by: string }[]
}

const DATE = '2026-12-05T09:00:00Z'
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The run holding `words` cut around them: `middle` gets the runs' markup that goes in their place. */
function aroundWords(xml: string, words: string, middle: (words: string) => string): string {
  const run = new RegExp(`<w:t xml:space="preserve">([^<]*?)${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^<]*)</w:t></w:r>`)
  if (!run.test(xml)) throw new Error(`no run holds "${words}"`)
  return xml.replace(run, (_, before: string, after: string) => `<w:t xml:space="preserve">${before}</w:t></w:r>${middle(words)}<w:r><w:t xml:space="preserve">${after}</w:t></w:r>`)
}

/**
 * A Word file (an Accord export) as a ministry sends it back: answered in the margin, commented
 * on, changed with tracked changes and without, written as Word writes them (comments.xml, the replies'
 * parents in commentsExtended.xml, ranges and revisions in document.xml).
 */
export function answeredInWord(bytes: Uint8Array, answers: WordAnswers): Uint8Array {
  const files: Record<string, string> = {}
  for (const name of zipEntries(bytes)) files[name] = unzipText(bytes, name)
  let comments = files['word/comments.xml'] ?? ''
  // Word writes this part for replies and "done"; an export without replies has none.
  let extended = files['word/commentsExtended.xml'] ?? '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"></w15:commentsEx>'
  let document = files['word/document.xml']
  if (!comments && (answers.replies?.length || answers.comments?.length)) throw new Error('the file has no comments to answer (export it with comments=1)')
  let id = Math.max(0, ...[...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => Number(m[1]))) + 1
  let paraId = 0x7a000000
  const add = (author: string, text: string, parent: string | null): number => {
    const para = (paraId++).toString(16).toUpperCase()
    comments = comments.replace(
      '</w:comments>',
      `<w:comment w:id="${id}" w:author="${esc(author)}" w:date="${DATE}"><w:p w14:paraId="${para}" w14:textId="${para}"><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:comment></w:comments>`,
    )
    extended = extended.replace('</w15:commentsEx>', `<w15:commentEx w15:paraId="${para}"${parent ? ` w15:paraIdParent="${parent}"` : ''}/></w15:commentsEx>`)
    return id++
  }
  for (const reply of answers.replies ?? []) {
    const at = comments.indexOf(esc(reply.to))
    if (at < 0) throw new Error(`no comment says "${reply.to}"`)
    const start = comments.lastIndexOf('<w:comment ', at)
    const end = comments.indexOf('</w:comment>', at)
    // Word names a comment by its last paragraph's w14:paraId, and gives it one when it is answered.
    let parent = [...comments.slice(start, end).matchAll(/w14:paraId="([0-9A-F]+)"/g)].pop()?.[1]
    if (!parent) {
      parent = (paraId++).toString(16).toUpperCase()
      const last = comments.lastIndexOf('<w:p>', end)
      comments = `${comments.slice(0, last)}<w:p w14:paraId="${parent}" w14:textId="${parent}">${comments.slice(last + '<w:p>'.length)}`
      extended = extended.replace('</w15:commentsEx>', `<w15:commentEx w15:paraId="${parent}"/></w15:commentsEx>`)
    }
    if (reply.done) extended = extended.replace(`<w15:commentEx w15:paraId="${parent}"`, `<w15:commentEx w15:paraId="${parent}" w15:done="1"`)
    add(reply.author, reply.text, parent)
  }
  for (const comment of answers.comments ?? []) {
    const n = add(comment.author, comment.text, null)
    document = aroundWords(document, comment.on, (words) => `<w:commentRangeStart w:id="${n}"/><w:r><w:t xml:space="preserve">${words}</w:t></w:r><w:commentRangeEnd w:id="${n}"/><w:r><w:commentReference w:id="${n}"/></w:r>`)
  }
  for (const change of answers.changes ?? []) {
    const revision = id++
    document = aroundWords(
      document,
      change.words,
      (words) =>
        `<w:del w:id="${revision}" w:author="${esc(change.author)}" w:date="${DATE}"><w:r><w:delText xml:space="preserve">${words}</w:delText></w:r></w:del>` +
        `<w:ins w:id="${revision}0" w:author="${esc(change.author)}" w:date="${DATE}"><w:r><w:t xml:space="preserve">${esc(change.by)}</w:t></w:r></w:ins>`,
    )
  }
  for (const edit of answers.edits ?? []) document = aroundWords(document, edit.words, () => `<w:r><w:t xml:space="preserve">${esc(edit.by)}</w:t></w:r>`)
  const margin: Record<string, string> = comments ? { 'word/comments.xml': comments, 'word/commentsExtended.xml': extended } : {}
  return zipDeflated({ ...files, ...margin, 'word/document.xml': document })
}
