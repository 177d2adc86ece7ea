import type { ImportProblem } from './errors'

/**
 * The problems in English, one copy for the interface's English words (client/i18n/en.ts) and
 * the API's answers (server/http/importRefusal.ts), so that the server need not import the
 * client's dictionary. A file of its own: the interface's main chunk needs the words, not the readers.
 */
export const IMPORT_PROBLEM_EN: Record<ImportProblem, string> = {
  empty: "There is no text to import.",
  notDocx: "This file is not a Word document (.docx) or is damaged.",
  notXml: "This file is not well-formed XML: it may be damaged or cut short.",
  notAkn: "This XML file is not an Akoma Ntoso act (no <akomaNtoso> document with a <body>).",
  notText: "This file is not readable text. Save it as UTF-8 text (.txt, .md) or as a Word document (.docx).",
  tooLarge: "This Word document unpacks to far more text than any law holds: it is damaged or not a genuine document.",
  tooLong: "This file has more paragraphs than any law (over 100,000): check that it is the right file, or split it into several drafts.",
  failed: "The file could not be read. Try again, or save it in another format.",
}
