import type { BodyType, DivisionType } from '../schema'
import type { Language } from '../language'

/**
 * The result of comparing two versions of a law. Plain data (JSON-serialisable), so the
 * server can send it and the client can render it without recomputing.
 */

/** A run of text in a word-level diff. Concatenating equal+delete gives the old text, equal+insert the new. */
export interface Segment {
  kind: 'equal' | 'insert' | 'delete'
  text: string
}

export type ChangeStatus = 'added' | 'deleted' | 'changed' | 'unchanged'

/** A single piece of text (title, heading, preamble or conclusions paragraph) compared word by word. */
export interface TextDiff {
  status: ChangeStatus
  before: string | null
  after: string | null
  segments: Segment[]
}

/** A numbered paragraph, point or sub-point of an article. */
export interface BlockDiff extends TextDiff {
  /** Stable id; null for blocks without one (matched by position among id-less blocks). */
  id: string | null
  typeBefore: BodyType | null
  typeAfter: BodyType | null
  /** Displayed labels ("2.", "1)", "а)"); "" for the single unnumbered paragraph of an article. */
  labelBefore: string | null
  labelAfter: string | null
  /** Position among the article's body blocks in each version (null: absent there). */
  indexBefore: number | null
  indexAfter: number | null
  /** Its order relative to the other matched blocks of the article changed. */
  moved: boolean
}

/** A part, chapter, section (or article) reference with its display label, for hints and context. */
export interface ProvisionRef {
  id: string | null
  label: string
  heading: string
}

export interface ArticleDiff {
  kind: 'article'
  /** Stable id; null only for an article without one (matched by position among such). */
  id: string | null
  status: ChangeStatus
  /** Its order relative to the other matched articles changed (not merely shifted by an insertion). */
  moved: boolean
  /** The displayed number differs ("Article 7." → "Article 8."). */
  renumbered: boolean
  /** It belongs to another part (by id) than before, or to one where it had none, or to none. */
  partChanged: boolean
  /** It belongs to another chapter (by id) than before. */
  chapterChanged: boolean
  /** It belongs to another section (by id) than before, or to one where it had none, or to none. */
  sectionChanged: boolean
  labelBefore: string | null
  labelAfter: string | null
  headingBefore: string | null
  headingAfter: string | null
  /** The part heading over it, if any. */
  partBefore: ProvisionRef | null
  partAfter: ProvisionRef | null
  /** The chapter heading over it within its part, if any. */
  chapterBefore: ProvisionRef | null
  chapterAfter: ProvisionRef | null
  /** The section heading over it within its chapter, if any. */
  sectionBefore: ProvisionRef | null
  sectionAfter: ProvisionRef | null
  heading: TextDiff
  blocks: BlockDiff[]
  /** On an added article: the article (before) most of its text came from. */
  splitFrom: ProvisionRef | null
  /** On an article whose text partly went into added articles: those articles (after). */
  splitInto: ProvisionRef[]
  /** On a deleted article: the article (after) most of its text went into. */
  mergedInto: ProvisionRef | null
  /** On an article that absorbed deleted articles: those articles (before). */
  mergedFrom: ProvisionRef[]
}

/** A part, chapter or section heading: the flat headings that divide the law, each an item of its own. */
export interface DivisionDiff {
  kind: DivisionType
  id: string | null
  /** 'changed' means renamed: its heading text differs. */
  status: ChangeStatus
  moved: boolean
  renumbered: boolean
  labelBefore: string | null
  labelAfter: string | null
  headingBefore: string | null
  headingAfter: string | null
  heading: TextDiff
}

/** 'changed' counts renamed headings, 'moved' those moved (whatever their text); only renumbered ones are not counted. */
export interface DivisionCounts {
  added: number
  deleted: number
  changed: number
  moved: number
}

export interface DiffSummary {
  articles: {
    added: number
    deleted: number
    /** Text changed (heading or body), whether or not also moved or renumbered. */
    changed: number
    /** Matched articles whose relative order changed, whatever their text. */
    moved: number
    /** Same text, not moved, only the number differs. */
    renumbered: number
    /** Same text, same number, not moved. */
    unchanged: number
  }
  parts: DivisionCounts
  chapters: DivisionCounts
  sections: DivisionCounts
  titleChanged: boolean
  preambleChanged: boolean
  /** The conclusions were added, deleted or reworded. */
  conclusionsChanged: boolean
  /** The terms whose definitions (a definitions article's items) were added, deleted or reworded. */
  definitions: DefinitionChanges
}

/** Terms, as written in the version after (deleted ones: before), in the order of the text. */
export interface DefinitionChanges {
  added: string[]
  deleted: string[]
  changed: string[]
}

export interface DocumentDiff {
  /** The language of the labels ("Article 5.", «Статья 5.») and of the table's place words. */
  language: Language
  title: TextDiff
  /** Preamble paragraphs, aligned by text (they carry no ids). */
  preamble: TextDiff[]
  /** Parts, chapters, sections and articles interleaved in reading order: after-order, deleted ones where they stood. */
  structure: (DivisionDiff | ArticleDiff)[]
  /** The same article objects as in `structure`, in that order. */
  articles: ArticleDiff[]
  /** The same part objects as in `structure`, in that order. */
  parts: DivisionDiff[]
  /** The same chapter objects as in `structure`, in that order. */
  chapters: DivisionDiff[]
  /** The same section objects as in `structure`, in that order. */
  sections: DivisionDiff[]
  /** The conclusions' paragraphs, aligned as the preamble's; none when neither side has conclusions. */
  conclusions: TextDiff[]
  summary: DiffSummary
}
