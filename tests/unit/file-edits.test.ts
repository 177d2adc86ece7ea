import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { toDocx } from '../../shared/export/docx'
import { fileEdits } from '../../shared/import/fileEdits'
import { parseDocx } from '../../shared/import/docx'
import { placeEach } from '../../shared/import/placeWordComments'
import type { Language } from '../../shared/language'
import type { DocJSON } from '../../shared/schema'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { encodeDocJSON } from '../../shared/ydoc'

const meta = (language: Language) => ({ title: 'Модельный закон', language, status: 'draft' as const, date: '2026-12-01', organizations: [] })

/** The node with the given id (or the article holding it, for its heading) in a copy to edit. */
function nodeById(doc: DocJSON, id: string): DocJSON {
  const found = (function walk(node: DocJSON): DocJSON | null {
    if (node.attrs?.id === id) return node
    for (const child of node.content ?? []) {
      const hit = walk(child)
      if (hit) return hit
    }
    return null
  })(doc)
  if (!found) throw new Error(`no node ${id}`)
  return found
}

const setText = (node: DocJSON, text: string) => (node.content = [{ type: 'text', text }])

describe('fileEdits: a draft’s text changed in its Word file without tracked changes', () => {
  it('finds no change in the draft’s own DOCX export read back (Russian and English)', async () => {
    for (const language of ['ru', 'en'] as const) {
      const law = sampleLaw(language)
      const read = await parseDocx(await toDocx(law, meta(language)), language)
      expect(fileEdits(law, read.doc, language, 'x.docx')).toEqual({ threads: [], unrelated: false })
    }
  })

  it('proposes each change of a line as a wording on its words; a line left out or added is a remark saying so', async () => {
    const draft = sampleLaw('ru')
    const file = structuredClone(draft)
    // Article 3: a word changed in the lead-in, a point left out, a heading changed; Article 1: a paragraph added after it.
    setText(nodeById(file, 'ru0006'), 'Меры, принимаемые в соответствии с настоящим Законом, основываются на следующих основных принципах:')
    const article3 = nodeById(file, 'ru000b')
    article3.content = article3.content!.filter((n) => n.attrs?.id !== 'ru0008')
    setText(article3.content![0], 'Принципы')
    const article1 = nodeById(file, 'ru0003')
    article1.content!.push({ type: 'clause', attrs: { id: 'new1' }, content: [{ type: 'text', text: 'Закон действует бессрочно.' }] })
    const read = await parseDocx(await toDocx(file, meta('ru')), 'ru')

    const { threads, unrelated } = fileEdits(draft, read.doc, 'ru', 'ответ МВД.docx')
    expect(unrelated).toBe(false)
    expect(threads.map(({ quote, proposal, comments }) => ({ quote, proposal, text: comments[0].text }))).toEqual([
      {
        quote: 'Настоящий Закон определяет правовые и организационные основы предупреждения торговли людьми и борьбы с ней, защиты жертв торговли людьми и оказания им помощи, а также сотрудничества компетентных органов государств-участников.',
        proposal: undefined,
        text: 'В файле после этого добавлено:\n«Закон действует бессрочно.»',
      },
      { quote: 'Основные принципы', proposal: 'Принципы', text: '' },
      // A bare insertion is proposed for the word after it, as a tracked one is.
      { quote: 'принципах:', proposal: 'основных принципах:', text: '' },
      { quote: 'приоритет наилучших интересов ребенка;', proposal: undefined, text: 'В файле этого текста нет.' },
    ])
    expect(threads.every((t) => t.comments[0].author === 'ответ МВД.docx')).toBe(true)
    expect(threads.filter((t) => t.proposal !== undefined).every((t) => t.untracked)).toBe(true)

    // Each goes on its words in the draft: the proposals headed as changes of the file, not as Word's tracked changes.
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, encodeDocJSON(draft))
    const placed = placeEach(ydoc, threads, 'ru', 'draft')
    expect(placed.map((p) => [p?.placeId, p?.quote, p?.anchor !== null])).toEqual([
      ['ru0003', threads[0].quote, true],
      ['ru000b', 'Основные принципы', true],
      ['ru000b', 'принципах:', true],
      ['ru000b', 'приоритет наилучших интересов ребенка;', true],
    ])
    expect(placed[1]?.bodies).toEqual(['Изменено в файле «ответ МВД.docx» без режима исправлений: предложено как редакция ниже.'])
    expect(placed[3]?.bodies).toEqual(['Из Word — ответ МВД.docx:\nВ файле этого текста нет.'])
  })

  it('says where the file moved an article (cut and pasted in Word), in one remark on its heading, not as lines left out and added', async () => {
    for (const language of ['ru', 'en'] as const) {
      const draft = sampleLaw(language)
      const file = structuredClone(draft)
      const chapter = file.content!
      const articles = chapter.flatMap((n, i) => (n.type === 'article' ? [i] : []))
      // Article 1 moved to after Article 3; Article 3's last line is what it now follows.
      const [first] = chapter.splice(articles[0], 1)
      chapter.splice(articles[2], 0, first)
      const read = await parseDocx(await toDocx(file, meta(language)), language)
      const { threads } = fileEdits(draft, read.doc, language, 'moved.docx')
      const textOf = (node: DocJSON): string => node.text ?? (node.content ?? []).map(textOf).join('')
      const heading = textOf(first.content![0])
      const lines = first.content!.length - 1
      const article3 = chapter[articles[2] - 1]
      const after = textOf(article3.content!.at(-1)!)
      expect(threads.map(({ quote, proposal, comments }) => ({ quote, proposal, text: comments[0].text }))).toEqual([
        {
          quote: heading,
          proposal: undefined,
          text: language === 'ru' ? `В файле это (и следующие строки: ${lines}) перенесено после:\n«${after}»` : `The file moves this and the ${lines === 1 ? 'line' : `${lines} lines`} after it to after:\n“${after}”`,
        },
      ])
    }
  })

  it('proposes nothing when the file holds another text altogether', async () => {
    const read = await parseDocx(await toDocx(sampleLaw('en'), meta('en')), 'en')
    expect(fileEdits(sampleLaw('ru'), read.doc, 'ru', 'other.docx')).toEqual({ threads: [], unrelated: true })
  })
})
