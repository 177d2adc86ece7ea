import { AllSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import type { Node as PMNode, Slice } from '@tiptap/pm/model'
import type { Language } from '../../shared/language'
import type { SourceBlock } from '../../shared/import/recognise'
import { textBlocks } from '../../shared/import/text'
import { recogniseFragment, recogniseLaw, type FragmentOptions } from '../../shared/import/fragment'
import { pasteFragment } from '../../shared/editor/paste'
import { dropUnits } from '../../shared/editor/drop'
import { structuralContext } from '../../shared/editor/commands'
import { COPIED_LABEL_CLASS, isBodyType, isDivisionType, type DocJSON } from '../../shared/schema'

/**
 * Pasting a passage from Word (or any page or text) keeps its structure: the clipboard's HTML
 * (else its plain text) is read into blocks, the shared recogniser turns typed numbers and
 * headings ("Article 5.", "1.", "1)", "a)", Word's list levels) into chapters, articles,
 * paragraphs, points and sub-points with the numbers stripped, and they are inserted as nodes;
 * numbering and fresh ids follow as for any edit. A single plain line, and anything copied inside
 * Accord itself, is left to ProseMirror's own paste — which keeps only what our schema has (no
 * marks, no links, no images): hostile markup is reduced to its text. Whole articles copied in
 * Accord are pasted, or dropped, as articles.
 */

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'video', 'audio', 'canvas', 'button', 'select', 'input', 'textarea'])
const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'address', 'dd', 'dt', 'figure', 'figcaption', 'main', 'aside', 'nav', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot', 'dl', 'center'])
const HEADING = /^h([1-6])$/

/** Word's list paragraphs say their level in `mso-list: l0 level2 lfo1`. */
function msoListDepth(el: Element): number | undefined {
  const style = el.getAttribute('style') ?? ''
  const m = /mso-list:\s*l\d+\s+level(\d+)/i.exec(style)
  return m ? Number(m[1]) - 1 : undefined
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim()
}

type Extra = Omit<SourceBlock, 'text'>

/** The blocks of pasted HTML, read from an inert document (nothing in it loads or runs). */
export function htmlToBlocks(html: string): SourceBlock[] {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const blocks: SourceBlock[] = []
  let buffer = ''
  let listDepth = -1

  const flush = (extra: Extra) => {
    const text = clean(buffer)
    buffer = ''
    if (text) blocks.push({ ...extra, text })
  }

  /** Text accumulates until a block boundary; `extra` is what the enclosing block says about it. */
  const walk = (node: Node, extra: Extra): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        buffer += child.textContent ?? ''
        continue
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue
      const el = child as Element
      const name = el.localName
      if (SKIP.has(name)) continue
      const heading = HEADING.exec(name)
      if (name === 'br') flush(extra)
      else if (heading) {
        flush(extra)
        walk(el, extra)
        // As for DOCX: Heading 1 holds chapters, Heading 2 articles.
        flush({ heading: Number(heading[1]) + 1 })
      } else if (name === 'ol' || name === 'ul') {
        flush(extra)
        listDepth++
        for (const item of Array.from(el.children)) {
          const itemExtra = item.localName === 'li' ? { listDepth } : extra
          walk(item, itemExtra)
          flush(itemExtra)
        }
        listDepth--
      } else if (BLOCK.has(name) || name === 'li') {
        flush(extra)
        const depth = msoListDepth(el)
        const own = depth !== undefined ? { listDepth: depth } : extra
        walk(el, own)
        flush(own)
      } else walk(el, extra)
    }
  }

  walk(doc.body, {})
  flush({})
  return blocks
}

/**
 * The articles and headings of a copy made in Accord, when it began at the start of one and went
 * on past its heading: its heading then carries its number (copyNumbers.ts). Null for a copy begun
 * inside a paragraph or heading, of a heading's words alone, or holding anything else at its top:
 * ProseMirror's own paste joins that at the caret.
 */
function wholeStructure(html: string, slice: Slice): PMNode[] | null {
  if (slice.content.childCount === 0) return null
  // A heading's words alone (copied from its start to quote them, or dragged) are words, not a unit.
  const only = slice.content.childCount === 1 ? slice.content.firstChild! : null
  if (only && (isDivisionType(only.type.name) || (only.type.name === 'article' && only.childCount === 1))) return null
  const parts: PMNode[] = []
  slice.content.forEach((node) => {
    if (node.type.name === 'article' || isDivisionType(node.type.name)) parts.push(node)
  })
  if (parts.length !== slice.content.childCount) return null
  const first = new DOMParser().parseFromString(html, 'text/html').body.querySelector('article, h2')
  const heading = first?.localName === 'article' ? first.querySelector(':scope > h3') : first
  return heading?.firstElementChild?.classList.contains(COPIED_LABEL_CLASS) && heading.firstChild === heading.firstElementChild ? parts : null
}

export const structuredPasteKey = new PluginKey('structuredPaste')

export function structuredPastePlugin(language: Language): Plugin {
  return new Plugin({
    key: structuredPasteKey,
    props: {
      handlePaste(view, event, slice) {
        if (!view.editable) return false
        const data = event.clipboardData
        if (!data) return false
        const html = data.getData('text/html')
        // Copied inside an editor: ProseMirror's own slice keeps the nodes (ids are then made unique).
        if (html && /data-pm-slice/.test(html)) {
          const parts = wholeStructure(html, slice)
          if (!parts) return false
          // Whole articles or headings: pasted as such, after the article at the caret, not joined into its paragraph.
          const tr = pasteFragment(view.state, { blocks: [], parts: parts.map((node) => node.toJSON() as DocJSON), structured: true })
          if (!tr) return false
          view.dispatch(tr)
          return true
        }
        const text = data.getData('text/plain')
        const markdown = !html && /^ {0,3}#{1,6}\s/m.test(text)
        const blocks = html ? htmlToBlocks(html) : textBlocks(text).blocks
        if (blocks.length === 0) return false
        const ctx = structuralContext(view.state)
        const childName = ctx?.child?.type.name
        const after = childName && isBodyType(childName) ? (childName as FragmentOptions['after']) : undefined
        // Over the whole text (select all, then paste a law), or into an empty title: a whole law, its title line the title.
        const wholeLaw = view.state.selection instanceof AllSelection || (ctx?.top.type.name === 'lawTitle' && ctx.top.content.size === 0 && view.state.selection.empty)
        const fragment = wholeLaw ? recogniseLaw(blocks, { language, markdown }) : recogniseFragment(blocks, { language, markdown, after })
        if (!fragment.structured) return false
        const tr = pasteFragment(view.state, fragment)
        if (!tr) return false
        view.dispatch(tr)
        return true
      },
      handleDrop(view, event, slice, moved) {
        if (!view.editable) return false
        const html = event.dataTransfer?.getData('text/html')
        const parts = html && /data-pm-slice/.test(html) ? wholeStructure(html, slice) : null
        const at = parts && view.posAtCoords({ left: event.clientX, top: event.clientY })
        if (!parts || !at) return false
        const tr = dropUnits(view.state, parts, at.pos, moved)
        if (tr) {
          view.focus()
          view.dispatch(tr)
        }
        return true
      },
    },
  })
}
