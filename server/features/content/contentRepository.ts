import type { Article, ArticleSummary, StageId, Tip, TopicId } from '@domain/content'
import { Queryable, Transaction } from '../../platform/db/database'
import { containsPattern, SqlParams } from '../../platform/db/sqlParams'

/*
 * The compiled 生命1000天 library (006_content.sql): written by compileContent.ts in one
 * transaction, read by the content routes.
 */

export interface ArticleRowInput {
  article: Article
  position: number
  searchText: string
}

export async function storedContentHash(db: Queryable): Promise<string | null> {
  const result = await db.query<{ content_hash: string }>(`select content_hash from content_library_state`)
  return result.rows[0]?.content_hash ?? null
}

/** Replaces the whole library; the caller holds the transaction (and the advisory lock). */
export async function replaceLibrary(tx: Transaction, hash: string, articles: ArticleRowInput[], tips: Tip[]): Promise<void> {
  await tx.query(`delete from content_articles`)
  await tx.query(`delete from content_tips`)
  for (let i = 0; i < articles.length; i += 50) {
    const p = new SqlParams()
    const values = articles.slice(i, i + 50).map(({ article, position, searchText }) => {
      const row = [
        p.add(article.id),
        p.add(article.stage),
        p.add(article.topic),
        p.add(article.title),
        p.add(article.summary),
        p.add(article.pregnancyWeeks?.[0] ?? null),
        p.add(article.pregnancyWeeks?.[1] ?? null),
        p.add(article.ageMonths?.[0] ?? null),
        p.add(article.ageMonths?.[1] ?? null),
        `${p.add(JSON.stringify(article.blocks))}::jsonb`,
        `${p.add(JSON.stringify(article.sources))}::jsonb`,
        p.add(article.reviewed),
        p.add(position),
        p.add(searchText),
      ]
      return `(${row.join(', ')})`
    })
    await tx.query(
      `insert into content_articles (id, stage, topic, title, summary, pregnancy_week_from, pregnancy_week_to,
         age_month_from, age_month_to, blocks, sources, reviewed, position, search_text)
       values ${values.join(', ')}`,
      p.values,
    )
  }
  for (let i = 0; i < tips.length; i += 200) {
    const p = new SqlParams()
    const values = tips
      .slice(i, i + 200)
      .map((tip, j) => `(${[p.add(i + j + 1), p.add(tip.stage), p.add(tip.pregnancyWeek), p.add(tip.ageWeek), p.add(tip.text), p.add(tip.source)].join(', ')})`)
    await tx.query(`insert into content_tips (id, stage, pregnancy_week, age_week, text, source) values ${values.join(', ')}`, p.values)
  }
  await tx.query(
    `insert into content_library_state (only_row, content_hash, article_count, tip_count, compiled_at)
     values (true, $1, $2, $3, now())
     on conflict (only_row) do update
       set content_hash = excluded.content_hash, article_count = excluded.article_count,
           tip_count = excluded.tip_count, compiled_at = excluded.compiled_at`,
    [hash, articles.length, tips.length],
  )
}

interface ArticleSummaryRow {
  id: string
  title: string
  stage: StageId
  topic: TopicId
  summary: string
  pregnancy_week_from: number | null
  pregnancy_week_to: number | null
  age_month_from: number | null
  age_month_to: number | null
  position: number
}

const SUMMARY_COLUMNS = `a.id, a.title, a.stage, a.topic, a.summary, a.pregnancy_week_from, a.pregnancy_week_to,
  a.age_month_from, a.age_month_to, a.position`

function toSummary(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    stage: row.stage,
    topic: row.topic,
    summary: row.summary,
    pregnancyWeeks: row.pregnancy_week_from === null ? null : [row.pregnancy_week_from, row.pregnancy_week_to!],
    ageMonths: row.age_month_from === null ? null : [row.age_month_from, row.age_month_to!],
  }
}

export interface ArticleFilter {
  stage?: StageId
  topic?: TopicId
  /** Normalised search text: matched against titles, summaries (and their pinyin) and bodies. */
  text?: string
  /** Where the previous page ended: its rank and library position. */
  after?: { rank: number; position: number }
  limit: number
}

export interface RankedSummary {
  summary: ArticleSummary
  rank: number
  position: number
}

/** SEARCH_TEXT_SEPARATOR of platform/text/searchText.ts (not imported: it loads the pinyin dictionaries). */
const FORM_SEPARATOR = '|'

/**
 * One page of articles in library order. With a search text, ranked by where it matches
 * (search_text is four lines: title forms, summary forms, body, body initials — compileContent.ts):
 *   tier 0 a title form (Chinese, pinyin or initials) begins with it, 1 a title contains
 *   it, 2 the summary does, 3 only the body does;
 * within a tier, the article that says it more often first (an article about 辅食 names
 * it again and again; the body's initials count for a pinyin query), then library order. rank = tier × 100 +
 * (99 − occurrences), so one integer and the position page every order.
 */
export async function listArticles(db: Queryable, filter: ArticleFilter): Promise<RankedSummary[]> {
  const p = new SqlParams()
  const where: string[] = []
  if (filter.stage) where.push(`a.stage = ${p.add(filter.stage)}`)
  if (filter.topic) where.push(`a.topic = ${p.add(filter.topic)}`)
  let rank = '0'
  if (filter.text) {
    const contains = containsPattern(filter.text)
    const pattern = p.add(contains)
    const text = p.add(filter.text)
    // Forms are joined by FORM_SEPARATOR: a form begins with the text where "|" + text occurs.
    const begins = p.add(`%${FORM_SEPARATOR}${contains.slice(1)}`)
    const title = `'${FORM_SEPARATOR}' || split_part(a.search_text, chr(10), 1)`
    const occurrences = `least(99, (length(a.search_text) - length(replace(a.search_text, ${text}, ''))) / length(${text}))`
    // The body's initials only weigh the order: matching them would find any f…s in a long text.
    where.push(`array_to_string((string_to_array(a.search_text, chr(10)))[1:3], chr(10)) like ${pattern} escape '\\'`)
    rank = `(case when ${title} like ${begins} escape '\\' then 0
                  when ${title} like ${pattern} escape '\\' then 1
                  when split_part(a.search_text, chr(10), 2) like ${pattern} escape '\\' then 2
                  else 3 end) * 100 + 99 - ${occurrences}`
  }
  const ranked = `select ${SUMMARY_COLUMNS}, ${rank} as rank from content_articles a ${where.length ? `where ${where.join(' and ')}` : ''}`
  const after = filter.after ? `where (rank, position) > (${p.add(filter.after.rank)}::int, ${p.add(filter.after.position)}::int)` : ''
  const result = await db.query<ArticleSummaryRow & { rank: number }>(
    `select * from (${ranked}) ranked ${after} order by rank, position limit ${p.add(filter.limit)}`,
    p.values,
  )
  return result.rows.map((row) => ({ summary: toSummary(row), rank: row.rank, position: row.position }))
}

export async function findArticle(db: Queryable, id: string): Promise<Article | undefined> {
  const result = await db.query<ArticleSummaryRow & { blocks: Article['blocks']; sources: Article['sources']; reviewed: string }>(
    `select ${SUMMARY_COLUMNS}, a.blocks, a.sources, a.reviewed from content_articles a where a.id = $1`,
    [id],
  )
  const row = result.rows[0]
  if (!row) return undefined
  return { ...toSummary(row), blocks: row.blocks, sources: row.sources, reviewed: row.reviewed }
}

export async function countArticlesByStageAndTopic(db: Queryable): Promise<Array<{ stage: StageId; topic: TopicId; n: number }>> {
  const result = await db.query<{ stage: StageId; topic: TopicId; n: number }>(
    `select stage, topic, count(*)::int as n from content_articles group by stage, topic`,
  )
  return result.rows
}

export type WeekOf = { pregnancyWeek: number } | { ageWeek: number }

export async function tipsForWeek(db: Queryable, week: WeekOf): Promise<Tip[]> {
  const result = await db.query<{ stage: StageId; pregnancy_week: number | null; age_week: number | null; text: string; source: string }>(
    'pregnancyWeek' in week
      ? `select stage, pregnancy_week, age_week, text, source from content_tips where pregnancy_week = $1 order by id`
      : `select stage, pregnancy_week, age_week, text, source from content_tips where age_week = $1 order by id`,
    ['pregnancyWeek' in week ? week.pregnancyWeek : week.ageWeek],
  )
  return result.rows.map((row) => ({ stage: row.stage, pregnancyWeek: row.pregnancy_week, ageWeek: row.age_week, text: row.text, source: row.source }))
}

export interface ArticlesForAge {
  /** In pregnancy: the pregnancy week. */
  pregnancyWeek?: number
  /** After birth: months of age, and the corrected months for developmental topics. */
  ageMonths?: number
  correctedAgeMonths?: number | null
  developmentalTopics: readonly TopicId[]
  limit: number
}

/**
 * Articles whose range holds the family's week or month (corrected age for developmental
 * topics), the most specific (narrowest range) first.
 */
export async function articlesForAge(db: Queryable, age: ArticlesForAge): Promise<ArticleSummary[]> {
  const p = new SqlParams()
  let where: string
  if (age.pregnancyWeek !== undefined) {
    where = `${p.add(age.pregnancyWeek)}::int between a.pregnancy_week_from and a.pregnancy_week_to`
  } else {
    const months = p.add(age.ageMonths ?? 0)
    const corrected = p.add(age.correctedAgeMonths ?? age.ageMonths ?? 0)
    where = `case when a.topic = any(${p.add(age.developmentalTopics)}::text[])
                  then ${corrected}::int between a.age_month_from and a.age_month_to
                  else ${months}::int between a.age_month_from and a.age_month_to end`
  }
  const result = await db.query<ArticleSummaryRow>(
    `select ${SUMMARY_COLUMNS} from content_articles a where ${where}
     order by coalesce(a.pregnancy_week_to - a.pregnancy_week_from, a.age_month_to - a.age_month_from), a.position
     limit ${p.add(age.limit)}`,
    p.values,
  )
  return result.rows.map(toSummary)
}
