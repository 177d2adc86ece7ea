import type { ApiError, CreateDocumentInput, DocumentSummary, RenameDocumentInput } from '../../shared/api'

/** An API failure with the server's stable code, or 'network' when the server was not reached. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (err) {
    throw new RequestError('network', err instanceof Error ? err.message : String(err), 0)
  }
  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (payload as ApiError | null)?.error
    throw new RequestError(error?.code ?? 'http_error', error?.message ?? response.statusText, response.status)
  }
  return payload as T
}

export const api = {
  listDocuments: () => request<DocumentSummary[]>('GET', '/api/documents'),
  getDocument: (id: string) => request<DocumentSummary>('GET', `/api/documents/${encodeURIComponent(id)}`),
  createDocument: (input: CreateDocumentInput) => request<DocumentSummary>('POST', '/api/documents', input),
  renameDocument: (id: string, input: RenameDocumentInput) =>
    request<DocumentSummary>('PATCH', `/api/documents/${encodeURIComponent(id)}`, input),
  deleteDocument: (id: string) => request<void>('DELETE', `/api/documents/${encodeURIComponent(id)}`),
}
