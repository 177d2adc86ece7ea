import { z } from 'zod'
import { LANGUAGES } from './language'

/** HTTP API shapes, validated on the server and used as types by the client. */

export const DocumentTitle = z.string().trim().min(1).max(300)

export const CreateDocumentInput = z.object({
  title: DocumentTitle,
  language: z.enum(LANGUAGES).default('en'),
  template: z.enum(['empty', 'sample']).default('empty'),
})
export type CreateDocumentInput = z.input<typeof CreateDocumentInput>

export const RenameDocumentInput = z.object({ title: DocumentTitle })
export type RenameDocumentInput = z.infer<typeof RenameDocumentInput>

export interface DocumentSummary {
  id: string
  title: string
  language: (typeof LANGUAGES)[number]
  createdAt: string
  updatedAt: string
}

export const ErrorCode = {
  badRequest: 'bad_request',
  validation: 'validation_failed',
  notFound: 'not_found',
  documentNotFound: 'document_not_found',
  payloadTooLarge: 'payload_too_large',
  methodNotAllowed: 'method_not_allowed',
  internal: 'internal_error',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export interface ApiError {
  error: { code: ErrorCode; message: string; details?: unknown }
}
