import type { ComparativeTableFormat } from '../../shared/api'
import { DOCX_CONTENT_TYPE } from '../../shared/apiConstants'
import type { ComparativeRow } from '../../shared/diff/comparativeTable'
import { comparativeTableDocx, type ComparativeTableDocxOptions } from '../../shared/diff/comparativeTableDocx'
import { comparativeTableHtml } from '../../shared/diff/comparativeTableHtml'
import { contentDisposition, type DownloadFile } from './filename'

/** Rows laid out as the comparative table (the comparison's, the table of amendments'), as a Word document or a standalone HTML page named `name`. */
export async function comparativeTableDownload(rows: ComparativeRow[], options: ComparativeTableDocxOptions, format: ComparativeTableFormat, name: string): Promise<DownloadFile> {
  const disposition = contentDisposition(name, format)
  if (format === 'docx') return { body: await comparativeTableDocx(rows, options), contentType: DOCX_CONTENT_TYPE, disposition }
  return { body: new TextEncoder().encode(comparativeTableHtml(rows, options)), contentType: 'text/html; charset=utf-8', disposition }
}
