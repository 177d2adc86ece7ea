import type { ArticleDiff, BlockDiff, DivisionDiff, DocumentDiff, Segment, TextDiff } from './types'

/**
 * A DocumentDiff as sent over the network, without what the receiver rebuilds: each text's
 * `before` and `after` (its segments joined: equal + delete, equal + insert), and the
 * `articles`, `parts`, `chapters` and `sections` lists (the very objects of `structure`, which JSON would write out
 * a second time). The 300-article law with 5% of it edited: 5.0 MB of JSON before, 1.2 MB after.
 */
export type WireText<T extends TextDiff = TextDiff> = Omit<T, 'before' | 'after'>
export type WireArticle = Omit<ArticleDiff, 'heading' | 'blocks'> & { heading: WireText; blocks: WireText<BlockDiff>[] }
export type WireDivision = Omit<DivisionDiff, 'heading'> & { heading: WireText }
export interface WireDiff {
  language: DocumentDiff['language']
  title: WireText
  preamble: WireText[]
  structure: (WireDivision | WireArticle)[]
  /** Left out when neither side has conclusions; a payload without it (an older server's) reads as none. */
  conclusions?: WireText[]
  summary: DocumentDiff['summary']
}

function packText<T extends TextDiff>({ before: _before, after: _after, ...rest }: T): WireText<T> {
  return rest
}

function unpackText<T extends TextDiff>(wire: WireText<T>): T {
  const side = (skip: Segment['kind']) => wire.segments.filter((s) => s.kind !== skip).map((s) => s.text).join('')
  return { ...wire, before: wire.status === 'added' ? null : side('insert'), after: wire.status === 'deleted' ? null : side('delete') } as T
}

export function packDiff(diff: DocumentDiff): WireDiff {
  return {
    language: diff.language,
    title: packText(diff.title),
    preamble: diff.preamble.map(packText),
    structure: diff.structure.map((item) =>
      item.kind === 'article' ? { ...item, heading: packText(item.heading), blocks: item.blocks.map(packText) } : { ...item, heading: packText(item.heading) },
    ),
    ...(diff.conclusions.length ? { conclusions: diff.conclusions.map(packText) } : {}),
    summary: diff.summary,
  }
}

export function unpackDiff(wire: WireDiff): DocumentDiff {
  const structure = wire.structure.map((item): DivisionDiff | ArticleDiff =>
    item.kind === 'article' ? { ...item, heading: unpackText(item.heading), blocks: item.blocks.map(unpackText) } : { ...item, heading: unpackText(item.heading) },
  )
  return {
    language: wire.language,
    title: unpackText(wire.title),
    preamble: wire.preamble.map(unpackText),
    structure,
    articles: structure.filter((item): item is ArticleDiff => item.kind === 'article'),
    parts: structure.filter((item): item is DivisionDiff => item.kind === 'part'),
    chapters: structure.filter((item): item is DivisionDiff => item.kind === 'chapter'),
    sections: structure.filter((item): item is DivisionDiff => item.kind === 'section'),
    conclusions: (wire.conclusions ?? []).map(unpackText),
    summary: wire.summary,
  }
}
