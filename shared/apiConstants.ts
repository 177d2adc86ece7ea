/**
 * The HTTP API's constants the browser needs as values. Kept apart from api.ts, whose request
 * schemas (zod) the browser never runs: importing a value from there put zod in the app's entry
 * and built every schema while a draft opened (~100 ms of a cold open on a slow machine).
 * api.ts re-exports these; client code imports values from here and only types from api.ts
 * (tests/integration/clientBundle.test.ts fails if zod reaches the build).
 */

/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token'

export const COMMENT_MAX_LENGTH = 5000

/** GET /api/documents/:id/export?format=…[&version=…] (read access) downloads one of these. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'akn'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The media type of a Word document (exports, the comparative table, imports). */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The `version` an export speaks for when none is given, and a comparison's side: the live text. */
export const CURRENT = 'current'

export const POSITION_TEXT_MAX = 5000
