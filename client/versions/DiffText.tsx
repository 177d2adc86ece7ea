import type { Segment } from '../../shared/diff'

/** Word-level changes as <ins>/<del>; every piece of text is rendered as text, never as HTML. */
export function DiffText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'insert' ? <ins key={i}>{s.text}</ins> : s.kind === 'delete' ? <del key={i}>{s.text}</del> : <span key={i}>{s.text}</span>,
      )}
    </>
  )
}
