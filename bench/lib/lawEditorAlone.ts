/**
 * Browser entry of a floor page (bench/stackFloorRuns.ts): Accord's editor alone, its
 * extensions, styles and the law (the Y update in #floor's data-update), with the typing path
 * warmed as the app does, but no app around it: no server, provider, outline, panels or React.
 * With data-parts="schema", only the law's schema bound to the Y.Doc (none of Accord's plugins:
 * numbering, ids, carets, its own insertion of typed characters…; the binding is Accord's
 * incremental one in both, installed by the module that builds the editor's extensions).
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { fromBase64 } from 'lib0/buffer'
import { legalEditorParts } from '../../client/editor/legalExtensions'
import { legalNodes } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import { warmTypingPath } from '../../client/editor/warmTyping'

const element = document.getElementById('floor')!
const ydoc = new Y.Doc()
Y.applyUpdate(ydoc, fromBase64(element.dataset.update!))
delete element.dataset.update
const identity = { userId: 'drafter', name: 'Drafter', organization: 'Secretariat', color: '#1f5fa8' }
const parts = (doc: Y.Doc, awareness: Awareness) => legalEditorParts({ ydoc: doc, awareness, identity, language: 'en', t: (key: string) => key })
const editorProps = { attributes: { class: 'legal-text lang-en', lang: 'en' } }
if (element.dataset.parts === 'schema') new Editor({ element, extensions: [...legalNodes, Collaboration.configure({ document: ydoc, field: TEXT_FIELD })], editorProps })
else {
  new Editor({ element, ...parts(ydoc, new Awareness(ydoc)), editorProps })
  void warmTypingPath(parts)
}
