import type { Translate } from '../i18n/i18n'
import type { PlaceKind } from '../../shared/places'
import type { PlaceInfo, Composer } from './CommentsController'

/**
 * The new-comment box's title, naming where the words are: «Новое замечание к словам в статье 5 —
 * Принципы», "New comment on the whole of Article 5 — Principles", «…к словам в преамбуле». Without
 * the place (not outlined yet) the title says what it can.
 */
export function composerTitle(composer: Composer, places: ReadonlyMap<string, PlaceInfo>, t: Translate): string {
  const passage = composer.kind === 'passage'
  const place = places.get(passage ? composer.passage.articleId : composer.articleId)
  if (!place) return t(passage ? 'comments.newOnPassage' : 'comments.newOnArticle')
  return withHeading(t((passage ? PASSAGE_IN : WHOLE)[place.kind], { n: place.num }), place.heading)
}

const WHOLE = {
  article: 'comments.newOnArticleIn',
  title: 'comments.newOnWholeTitle',
  preamble: 'comments.newOnWholePreamble',
  conclusions: 'comments.newOnWholeConclusions',
  part: 'comments.newOnWholePart',
  chapter: 'comments.newOnWholeChapter',
  section: 'comments.newOnWholeSection',
} as const satisfies Record<PlaceKind, string>

const PASSAGE_IN = {
  article: 'comments.newOnPassageIn',
  title: 'comments.newOnPassageInTitle',
  preamble: 'comments.newOnPassageInPreamble',
  conclusions: 'comments.newOnPassageInConclusions',
  part: 'comments.newOnPassageInPart',
  chapter: 'comments.newOnPassageInChapter',
  section: 'comments.newOnPassageInSection',
} as const satisfies Record<PlaceKind, string>

const withHeading = (title: string, heading: string) => (heading ? `${title} — ${heading}` : title)
