import {
  Article,
  ArticlePage,
  ArticlePageSchema,
  ArticleSchema,
  LecturePage,
  LecturePageSchema,
  StageId,
  StagesOverview,
  StagesOverviewSchema,
  Today,
  TodaySchema,
  TopicId,
} from '@domain/content'
import { LatLng } from '@domain/geo'
import { getJson } from './client'

/** 生命1000天 (docs/api.md "生命1000天 content and lectures"): public, no sign-in. */

type Params = Array<[string, string]>

function present(entries: Array<[string, string | undefined]>): Params {
  return entries.filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
}

/** Where the family is today, its tips and the articles for now; `dates` is birthDate and/or dueDate. */
export function getToday(dates: { birthDate?: string; dueDate?: string }): Promise<Today> {
  return getJson('/api/v1/content/today', TodaySchema, present([['birthDate', dates.birthDate], ['dueDate', dates.dueDate]]))
}

export interface ArticleFilter {
  stage?: StageId
  topic?: TopicId
  /** Chinese text or pinyin initials. */
  q?: string
}

export function listArticles(filter: ArticleFilter, page: { cursor?: string; limit?: number } = {}): Promise<ArticlePage> {
  return getJson(
    '/api/v1/content/articles',
    ArticlePageSchema,
    present([
      ['stage', filter.stage],
      ['topic', filter.topic],
      ['q', filter.q?.trim()],
      ['cursor', page.cursor],
      ['limit', page.limit === undefined ? undefined : String(page.limit)],
    ]),
  )
}

export function getArticle(id: string): Promise<Article> {
  return getJson(`/api/v1/content/articles/${encodeURIComponent(id)}`, ArticleSchema)
}

export function getStagesOverview(): Promise<StagesOverview> {
  return getJson('/api/v1/content/stages', StagesOverviewSchema)
}

export interface LectureFilter {
  /** Nearest first when given; by start time otherwise. */
  origin?: LatLng | null
  from?: string
  to?: string
  district?: string
  cursor?: string
}

export function listLectures(filter: LectureFilter = {}): Promise<LecturePage> {
  return getJson(
    '/api/v1/lectures',
    LecturePageSchema,
    present([
      ['lat', filter.origin ? String(filter.origin.lat) : undefined],
      ['lng', filter.origin ? String(filter.origin.lng) : undefined],
      ['from', filter.from],
      ['to', filter.to],
      ['district', filter.district],
      ['cursor', filter.cursor],
    ]),
  )
}
