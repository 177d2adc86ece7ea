import type { Translate } from '../i18n/i18n'
import type { ArticleInfo, Composer } from './CommentsController'

/**
 * The new-comment box's title, naming the article: «Новое замечание к словам в статье 5 —
 * Принципы», "New comment on the whole of Article 5 — Principles". Without the article (not
 * outlined yet) the title says what it can.
 */
export function composerTitle(composer: Composer, articles: ReadonlyMap<string, ArticleInfo>, t: Translate): string {
  const passage = composer.kind === 'passage'
  const article = articles.get(passage ? composer.passage.articleId : composer.articleId)
  if (!article) return t(passage ? 'comments.newOnPassage' : 'comments.newOnArticle')
  const title = t(passage ? 'comments.newOnPassageIn' : 'comments.newOnArticleIn', { n: article.num })
  return article.heading ? `${title} — ${article.heading}` : title
}
