import { z } from 'zod'
import { storedValue } from './storedValue'

/*
 * 生命1000天 articles the family saved, kept on the phone only: what a parent reads is
 * theirs, and the server needs none of it. The article body is fetched again when
 * opened, so a corrected article is never read from a stale copy.
 */

/** Enough for a year of saving a few a week; the oldest go first beyond it. */
export const SAVED_ARTICLES_MAX = 200

export const SavedArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  savedAt: z.string(),
})
export type SavedArticle = z.infer<typeof SavedArticleSchema>

const saved = storedValue('anxin.savedArticles', z.array(SavedArticleSchema), [])

/** The list with this article first (saved again moves it up), at most SAVED_ARTICLES_MAX long. */
export function withArticleSaved(list: readonly SavedArticle[], article: Omit<SavedArticle, 'savedAt'>, now: Date = new Date()): SavedArticle[] {
  const entry: SavedArticle = { id: article.id, title: article.title, ...(article.summary ? { summary: article.summary } : {}), savedAt: now.toISOString() }
  return [entry, ...list.filter((item) => item.id !== article.id)].slice(0, SAVED_ARTICLES_MAX)
}

export function withoutArticle(list: readonly SavedArticle[], id: string): SavedArticle[] {
  return list.filter((item) => item.id !== id)
}

export function saveArticle(article: Omit<SavedArticle, 'savedAt'>): void {
  saved.set(withArticleSaved(saved.get(), article))
}

export function unsaveArticle(id: string): void {
  saved.set(withoutArticle(saved.get(), id))
}

export const getSavedArticles = saved.get
export const useSavedArticles = saved.use
