/**
 * What an importer tells the person about a file: each note has a code and its values, so the
 * interface can say it in the reader's language (client/i18n: `import.note.<code>`); `noteText`
 * gives the English sentence kept in ImportResult.warnings for logs, tests and API clients.
 */
export type ImportNote =
  | { code: 'imagesLeftOut'; count: number }
  | { code: 'tablesFlattened'; count: number }
  | { code: 'docxMessage'; message: string }
  | { code: 'noArticles' }
  | { code: 'noTitle' }
  | { code: 'renumbered'; typed: string; computed: string }
  | { code: 'relabelled'; typed: string; computed: string }
  | { code: 'nestedTooDeep'; count: number }
  | { code: 'strayAfterChapter'; count: number }
  | { code: 'unrecognised'; count: number; first: string }
  | { code: 'aknFlattened'; elements: string }
  | { code: 'appendixLeftOut'; title: string }
  | { code: 'trackedChanges'; inserted: number; deleted: number }
  | { code: 'trackedChangesProposed'; proposed: number; accepted: number }
  | { code: 'wordComments'; count: number }
  | { code: 'footnotes'; count: number }

export type ImportNoteCode = ImportNote['code']

export function noteText(note: ImportNote): string {
  switch (note.code) {
    case 'imagesLeftOut':
      return `${note.count} image(s) were left out: a law's text holds no images.`
    case 'tablesFlattened':
      return `${note.count} table(s) were flattened into paragraphs, a row each (cells separated by "|").`
    case 'docxMessage':
      return `DOCX: ${note.message}`
    case 'noArticles':
      return 'No articles were recognised: the text was imported as the title and preamble.'
    case 'noTitle':
      return 'No title line was found: the draft’s title, if given, becomes the law’s title.'
    case 'renumbered':
      return `Typed article numbers differ from the computed ones (${note.typed} → ${note.computed}); Accord numbers articles itself.`
    case 'relabelled':
      return `Typed point labels differ from the computed ones (“${note.typed}” → “${note.computed}”); Accord numbers points and sub-points itself.`
    case 'nestedTooDeep':
      return `${note.count} item(s) nested deeper than sub-points were kept as sub-points.`
    case 'strayAfterChapter':
      return `${note.count} passage(s) between a chapter heading and its first article were put in an untitled article.`
    case 'unrecognised':
      return `${note.count} passage(s) had no recognised heading or number and were kept as plain paragraphs (first: “${note.first}”).`
    case 'aknFlattened':
      return `Elements with no place in Accord's structure were flattened: ${note.elements}.`
    case 'appendixLeftOut':
      return `The appendix after the text (“${note.title}”) was left out: it is not part of the law.`
    case 'trackedChanges':
      return `The file holds tracked changes (insertions: ${note.inserted}, deletions: ${note.deleted}); they were read as accepted: inserted words kept, deleted words left out. To keep the text as it was and propose them as wordings instead, import with trackedChanges=propose.`
    case 'footnotes':
      return `${note.count} footnote(s) or endnote(s): their marks were taken out of the text, and each became a review thread on the word it followed.`
    case 'trackedChangesProposed':
      return `The file holds tracked changes: the text is as it was before them, and ${note.proposed} change(s) within paragraphs are proposed as wordings, each from its author, to accept or decline one by one; ${note.accepted} paragraph(s) added, removed, joined or renumbered by them were read as accepted.`
    case 'wordComments':
      return `${note.count} Word comment(s) and replies become review threads on the words they were made on, in the importer's name, each headed by its Word author and date; replies join their thread, and comments marked done are resolved.`
  }
}
