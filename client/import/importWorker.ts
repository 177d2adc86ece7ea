import { importProblem } from '../../shared/import/errors'
import { fileKindOf, parseSource } from '../../shared/import/source'
import { lawStructure } from '../../shared/export/structure'
import { loadDocxReader } from '../../shared/import/docx'
import type { FromImportWorker, ToImportWorker } from './messages'

/**
 * Parses a draft off the page's thread: DOCX through mammoth, Akoma Ntoso through the XML
 * reader, text and Markdown through the recogniser, then the numbered structure for the preview.
 * The page never freezes, whatever the size of the file.
 */

const scope = self as unknown as {
  postMessage(message: FromImportWorker): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ToImportWorker>) => void): void
}

scope.addEventListener('message', (event) => {
  const message = event.data
  void handle(message).catch((err: unknown) => {
    const problem = message.kind === 'parse' ? importProblem(err, fileKindOf(message.source)) : 'failed'
    scope.postMessage({ id: message.id, kind: 'error', problem, message: err instanceof Error ? err.message : String(err) })
  })
})

async function handle(message: ToImportWorker): Promise<void> {
  const { id } = message
  if (message.kind === 'warm') {
    // A failure here is reported by the parse that needs the reader, if any.
    await loadDocxReader().catch(() => undefined)
    return
  }
  if (message.kind === 'structure') {
    scope.postMessage({ id, kind: 'structure', structure: lawStructure(message.doc, message.language) })
    return
  }
  const result = await parseSource(message.source, (stage) => scope.postMessage({ id, kind: 'stage', stage }), undefined, message.trackedChanges)
  scope.postMessage({ id, kind: 'stage', stage: 'preview' })
  scope.postMessage({ id, kind: 'parsed', result, structure: lawStructure(result.doc, result.language) })
}
