/**
 * Browser entry of the stack's floor page (bench/stackFloorRuns.ts): the least editor of
 * Accord's stack, TipTap 3 with only a document, paragraphs and text, bound to a Y.Doc through
 * the Collaboration extension (no provider, no plugins of Accord's, no app around it), holding
 * the paragraphs given in #floor's data-paragraphs.
 */
import { Editor, Node } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import * as Y from 'yjs'

const Document = Node.create({ name: 'doc', topNode: true, content: 'paragraph+' })
const Paragraph = Node.create({ name: 'paragraph', content: 'text*', parseHTML: () => [{ tag: 'p' }], renderHTML: () => ['p', 0] })
const Text = Node.create({ name: 'text' })

const element = document.getElementById('floor')!
const paragraphs = JSON.parse(element.dataset.paragraphs!) as string[]
const editor = new Editor({ element, extensions: [Document, Paragraph, Text, Collaboration.configure({ document: new Y.Doc() })] })
editor.commands.setContent({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) })
