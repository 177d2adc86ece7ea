import type { ExportFormat } from '../../shared/api'
import { DOCX_CONTENT_TYPE } from '../../shared/apiConstants'

/** How each export format is sent: file extension and media type. */
export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  docx: { extension: 'docx', contentType: DOCX_CONTENT_TYPE },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
  md: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  akn: { extension: 'xml', contentType: 'application/xml; charset=utf-8' },
}

