import { escapeHtml } from '../export/escape'
import { optionLine, staleLine } from './alternativesReport'
import { authorLine, reportHeadings, reportMetaLine, reviewReportModel, statusLine, wordingLines, type ReportThread, type ReviewReportInput, type ReviewReportModel } from './reviewReport'

/**
 * The review report as one standalone HTML file (inline CSS, no script, nothing external).
 * Every string that came from a person — titles, headings, passages, names, comments — goes
 * through escapeHtml: a comment reading `<img src=x onerror=…>` is shown as those characters.
 */

/** The rules for the threads themselves; the text exports (shared/export/html.ts) include them too. */
export const REVIEW_THREAD_CSS = `
.thread { margin: 0 0 1.2rem; padding: 0.6rem 0.9rem; border: 1px solid #ddd; border-radius: 6px; page-break-inside: avoid; break-inside: avoid; }
.status { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; color: #555; }
.status.resolved { color: #2d7a3e; }
blockquote { margin: 0.4rem 0; padding: 0.2rem 0.8rem; border-left: 3px solid #c9a227; background: #fdf8e7; white-space: pre-wrap; }
blockquote.deleted { border-left-color: #a32121; background: #f8eded; text-decoration: line-through; }
.now { margin: 0.2rem 0 0.4rem; color: #555; white-space: pre-wrap; }
.comments { list-style: none; margin: 0.5rem 0 0; padding: 0; }
.comments li { margin: 0 0 0.5rem; }
.author { font-weight: 600; }
.org { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.3em; }
.time { color: #666; font-size: 9pt; }
.body { margin: 0.1rem 0 0; white-space: pre-wrap; }
.wording { margin: 0.3rem 0 0.5rem; white-space: pre-wrap; }
.wording .state { color: #555; font-size: 9pt; }
`

const CSS = `
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 50rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 18pt; margin: 0 0 0.3rem; }
.meta { color: #555; margin: 0 0 1.5rem; }
h2 { font-size: 13pt; margin: 2rem 0 0.6rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
${REVIEW_THREAD_CSS}
@media print { body { max-width: none; padding: 0; } }
`

const COLOR = /^#[0-9a-fA-F]{6}$/

function threadHtml(model: ReviewReportModel, entry: ReportThread): string {
  const w = model.words
  const t = entry.thread
  const out: string[] = [`<div class="thread" id="thread-${escapeHtml(t.id)}" data-thread-id="${escapeHtml(t.id)}">`]
  const status = statusLine(w, t)
  out.push(`<div class="status ${t.status}">${escapeHtml(status)}</div>`)
  if (entry.state === 'article') out.push(`<p class="now"><em>${escapeHtml(w.wholeArticle)}</em></p>`)
  else if (entry.state === 'orphaned') {
    out.push(`<p class="now"><em>${escapeHtml(w.onDeletedText)}</em></p>`)
    out.push(`<blockquote class="deleted">${escapeHtml(t.quote)}</blockquote>`)
  } else {
    out.push(`<blockquote>${escapeHtml(t.quote)}</blockquote>`)
    if (entry.current !== null && entry.current !== t.quote) out.push(`<p class="now">${escapeHtml(w.nowReads)}: ${escapeHtml(entry.current)}</p>`)
  }
  const wording = wordingLines(w, t)
  if (wording) {
    out.push(`<p class="wording"><strong>${escapeHtml(wording.label)}:</strong> ${escapeHtml(wording.text)} <span class="state">(${escapeHtml(wording.state)})</span></p>`)
  }
  out.push('<ul class="comments">')
  for (const c of t.comments) {
    if (c.deleted) continue
    const dot = COLOR.test(c.organization.color) ? `<span class="org" style="background:${c.organization.color}"></span>` : ''
    const edited = c.editedAt ? `, ${escapeHtml(w.edited)} ${escapeHtml(w.time(c.editedAt))}` : ''
    out.push(
      `<li>${dot}<span class="author">${escapeHtml(authorLine(c.author.displayName, c.organization))}</span> ` +
        `<span class="time">${escapeHtml(w.time(c.createdAt))}${edited}</span>` +
        `<p class="body">${escapeHtml(c.body)}</p></li>`,
    )
  }
  out.push('</ul></div>')
  return out.join('\n')
}

/**
 * The articles with their threads (and the deleted articles' group), headings at `heading`
 * level: the report's own body, and the open comments after an exported text.
 */
export function reviewSectionsHtml(model: ReviewReportModel, heading: 'h2' | 'h3'): string[] {
  const w = model.words
  const out: string[] = []
  if (model.sections.length === 0) out.push(`<p>${escapeHtml(w.none)}</p>`)
  for (const { section, heading: text } of reportHeadings(model)) {
    const id = section.deleted ? '' : ` data-article-id="${escapeHtml(section.articleId)}"`
    if (text !== null) out.push(`<${heading}${id}>${escapeHtml(text)}</${heading}>`)
    for (const entry of section.threads) out.push(threadHtml(model, entry))
  }
  return out
}

/** The stated preferences among alternative wordings, if any: a heading, a list per group. */
function alternativesHtml(model: ReviewReportModel): string[] {
  const a = model.alternatives
  if (!a) return []
  const out = [`<h2>${escapeHtml(model.words.alternatives)}</h2>`]
  for (const g of a.groups) {
    out.push(`<p class="alternatives-where"><strong>${escapeHtml(g.where)}</strong></p>`, '<ul class="alternatives">')
    for (const o of g.options) out.push(`<li>${escapeHtml(optionLine(o))}</li>`)
    out.push('</ul>')
  }
  if (a.stale.length > 0) {
    out.push(`<p><strong>${escapeHtml(model.words.noLongerInText)}</strong></p>`, '<ul class="alternatives">')
    for (const p of a.stale) out.push(`<li>${escapeHtml(staleLine(p))}</li>`)
    out.push('</ul>')
  }
  return out
}

export function reviewReportHtml(input: ReviewReportInput): string {
  const model = reviewReportModel(input)
  const w = model.words
  const body: string[] = [
    `<h1>${escapeHtml(w.report)}: ${escapeHtml(model.title)}</h1>`,
    `<p class="meta">${escapeHtml(reportMetaLine(model))}</p>`,
    ...reviewSectionsHtml(model, 'h2'),
    ...alternativesHtml(model),
  ]
  return [
    '<!DOCTYPE html>',
    `<html lang="${model.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${w.report}: ${model.title}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
