import { LineRuleType } from 'docx'

/**
 * Paragraph line spacing for our Word documents, as a multiple of the line: `line` in 240ths of
 * a line (276 = 1.15 lines). The rule must be said: without w:lineRule, LibreOffice (and so our
 * PDF export) reads w:line as an exact height in twentieths of a point (276 = 13.8 pt), and the
 * wrapped lines of anything in a larger font are drawn over each other.
 */
export function autoLineSpacing(line: number): { line: number; lineRule: (typeof LineRuleType)['AUTO'] } {
  return { line, lineRule: LineRuleType.AUTO }
}
