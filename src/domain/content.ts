import { z } from 'zod'
import { readsInChinese, READS_IN_CHINESE_MESSAGE } from './readsInChinese'
import { MAX_PAGE_LIMIT, pageSchema } from './page'
import { IsoDateTimeSchema, SlotSchema } from './slot'
import { CalendarDateSchema } from './calendarDate'
import { FactFlagSchema, ReviewSchema } from './contentSources'
import { VaccinationsThisMonthSchema } from './vaccinationGuidance'
import { isValidIsoDate, ISO_DATE } from './shanghaiTime'
import { safeText } from './safeText'
import { decimalParam, textParam } from './queryParams'
import { LAST_AGE_MONTH, LAST_AGE_WEEK, LAST_PREGNANCY_WEEK, Span, STAGE_BY_ID, STAGE_IDS } from './stages'

/*
 * 生命1000天: the content library's shapes, shared by the build check, the server and the
 * app. The library lives in content/ as Markdown with front matter (content/README.md);
 * these schemas are the one definition of that format and of the API answers built from it.
 *
 * Weeks, as the library counts them:
 * - pregnancy week n (孕第 n 周) covers days 7(n−1)+1 … 7n of the 1000-day count, whose day 1 is
 *   the due date − 280 days (the first day of the last period). Week 0 stands for 备孕.
 * - age week k covers days 7k … 7k+6 of life, the birth day being day 0; age week 156
 *   reaches the third birthday.
 */

export * from './stages'

export const StageIdSchema = z.enum(STAGE_IDS, { error: '阶段只能是备孕与孕早期、孕中期、孕晚期、0–6 月、6–12 月、1–2 岁或 2–3 岁' })

export const TOPIC_IDS = [
  'nutrition',
  'sleep',
  'growth',
  'vaccination',
  'illness_care',
  'safety',
  'early_development',
  'childcare_readiness',
  'parent_wellbeing',
] as const
export const TopicIdSchema = z.enum(TOPIC_IDS, { error: '主题不正确' })
export type TopicId = z.infer<typeof TopicIdSchema>
export const TOPIC_NAMES: Record<TopicId, string> = {
  nutrition: '营养与喂养',
  sleep: '睡眠',
  growth: '生长发育',
  vaccination: '预防接种',
  illness_care: '疾病与护理',
  safety: '安全与防伤害',
  early_development: '早期发展与亲子互动',
  childcare_readiness: '入托准备',
  parent_wellbeing: '家长心理',
}
export const TOPICS: readonly { id: TopicId; name: string }[] = TOPIC_IDS.map((id) => ({ id, name: TOPIC_NAMES[id] }))

/** Topics that follow development rather than the calendar: a premature baby's corrected age picks them. */
export const DEVELOPMENTAL_TOPICS: readonly TopicId[] = ['growth', 'early_development', 'sleep', 'nutrition']

// ---------------------------------------------------------------- the library format

export const ARTICLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const ARTICLE_TITLE_MAX = 30
export const ARTICLE_SUMMARY_MAX = 60
export const TIP_TEXT_MAX = 80


export const SourceSchema = z.object({
  org: safeText({ error: '来源缺少发布机构 org' }).trim().min(1, '来源缺少发布机构 org').refine(readsInChinese, READS_IN_CHINESE_MESSAGE),
  title: safeText({ error: '来源缺少文件名称 title' }).trim().min(1, '来源缺少文件名称 title').refine(readsInChinese, READS_IN_CHINESE_MESSAGE),
  year: z.number({ error: '来源年份 year 应为数字' }).int('来源年份 year 应为整数').min(1900, '来源年份不对').max(2100, '来源年份不对').optional(),
  url: z.url({ protocol: /^https?$/, error: '来源链接 url 应为 http(s) 网址' }).optional(),
  /** Said when the document cited has since been amended or superseded: what changed and what the article follows. */
  note: safeText().trim().min(1).optional(),
})
export type Source = z.infer<typeof SourceSchema>

function spanSchema(label: string, max: number) {
  return z
    .tuple([z.number().int().min(0).max(max), z.number().int().min(0).max(max)], { error: `${label}应写成 [起, 止]，整数 0–${max}` })
    .refine(([from, to]) => from <= to, `${label}的起点不能大于终点`)
}

function within(span: Span, outer: Span): boolean {
  return span[0] >= outer[0] && span[1] <= outer[1]
}

/** An article's front matter (content/articles/<stage>/<id>.md). */
export const ArticleFrontMatterSchema = z
  .object({
    id: safeText({ error: '缺少 id' }).regex(ARTICLE_ID, 'id 只能用小写字母、数字和连字符'),
    title: safeText({ error: '缺少标题 title' }).trim().min(1, '缺少标题 title').max(ARTICLE_TITLE_MAX, `标题最多 ${ARTICLE_TITLE_MAX} 个字`),
    stage: StageIdSchema,
    topic: TopicIdSchema,
    ageMonths: spanSchema('月龄范围 ageMonths', LAST_AGE_MONTH).optional(),
    pregnancyWeeks: spanSchema('孕周范围 pregnancyWeeks', LAST_PREGNANCY_WEEK).optional(),
    summary: safeText({ error: '缺少摘要 summary' }).trim().min(1, '缺少摘要 summary').max(ARTICLE_SUMMARY_MAX, `摘要最多 ${ARTICLE_SUMMARY_MAX} 个字`),
    sources: z.array(SourceSchema, { error: '缺少来源 sources' }).min(1, '每篇文章至少列出一个来源 sources'),
    /** The review trail, oldest first: who checked the article against which documents, and when. */
    reviews: z.array(ReviewSchema, { error: '缺少审核记录 reviews' }).min(1, '每篇文章至少有一条审核记录 reviews'),
    /** When the next review is due; by default 12 months after the last one. */
    reviewDue: CalendarDateSchema.optional(),
    /** Facts a writer flagged for checking (open) and how each was resolved. */
    flags: z.array(FactFlagSchema).optional(),
  })
  .strict()
  .superRefine((article, ctx) => {
    const stage = STAGE_BY_ID[article.stage]
    if (article.reviews.some((r, i) => i > 0 && r.on < article.reviews[i - 1].on)) {
      ctx.addIssue({ code: 'custom', path: ['reviews'], message: '审核记录应按日期从早到晚排列' })
    }
    if ((article.ageMonths === undefined) === (article.pregnancyWeeks === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ageMonths'], message: 'ageMonths 和 pregnancyWeeks 必须且只能填写一个' })
      return
    }
    if (stage.phase === 'pregnancy') {
      if (article.pregnancyWeeks === undefined) ctx.addIssue({ code: 'custom', path: ['pregnancyWeeks'], message: `孕期阶段 ${stage.id} 的文章应填写 pregnancyWeeks` })
      else if (!within(article.pregnancyWeeks, stage.pregnancyWeeks!)) {
        ctx.addIssue({ code: 'custom', path: ['pregnancyWeeks'], message: `孕周范围应在本阶段的 ${stage.pregnancyWeeks!.join('–')} 周以内` })
      }
    } else if (article.ageMonths === undefined) ctx.addIssue({ code: 'custom', path: ['ageMonths'], message: `出生后阶段 ${stage.id} 的文章应填写 ageMonths` })
    else if (!within(article.ageMonths, stage.ageMonths!)) {
      ctx.addIssue({ code: 'custom', path: ['ageMonths'], message: `月龄范围应在本阶段的 ${stage.ageMonths!.join('–')} 个月以内` })
    }
  })
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatterSchema>

const week = (label: string, max: number) => z.number({ error: `${label}应为整数` }).int(`${label}应为整数`).min(0, `${label}不能小于 0`).max(max, `${label}不能大于 ${max}`)

export const TipEntrySchema = z
  .object({
    pregnancyWeek: week('孕周 pregnancyWeek', LAST_PREGNANCY_WEEK).optional(),
    ageWeek: week('周龄 ageWeek', LAST_AGE_WEEK).optional(),
    text: safeText({ error: '小提示缺少 text' }).trim().min(1, '小提示缺少 text').max(TIP_TEXT_MAX, `小提示最多 ${TIP_TEXT_MAX} 个字`),
    source: safeText({ error: '小提示缺少来源 source' }).trim().min(1, '小提示缺少来源 source').refine(readsInChinese, READS_IN_CHINESE_MESSAGE),
  })
  .strict()
  .refine((tip) => (tip.pregnancyWeek === undefined) !== (tip.ageWeek === undefined), 'pregnancyWeek 和 ageWeek 必须且只能填写一个')
export type TipEntry = z.infer<typeof TipEntrySchema>

/** A tips file's front matter (content/tips/<stage>.md): every tip within the stage's weeks. */
export const TipFileSchema = z
  .object({
    stage: StageIdSchema,
    tips: z.array(TipEntrySchema, { error: '缺少 tips 列表' }).min(1, 'tips 列表不能为空'),
  })
  .strict()
  .superRefine((file, ctx) => {
    const stage = STAGE_BY_ID[file.stage]
    file.tips.forEach((tip, index) => {
      const weekOf = stage.phase === 'pregnancy' ? tip.pregnancyWeek : tip.ageWeek
      const field = stage.phase === 'pregnancy' ? 'pregnancyWeek' : 'ageWeek'
      if (weekOf === undefined) {
        ctx.addIssue({ code: 'custom', path: ['tips', index, field], message: `${stage.id} 的小提示应填写 ${field}` })
      } else if (weekOf < stage.tipWeeks[0] || weekOf > stage.tipWeeks[1]) {
        ctx.addIssue({ code: 'custom', path: ['tips', index, field], message: `${field} ${weekOf} 不在本阶段的 ${stage.tipWeeks.join('–')} 周以内` })
      }
    })
  })
export type TipFile = z.infer<typeof TipFileSchema>

// ---------------------------------------------------------------- compiled articles

/** Inline text; articleId marks an internal link ([文字](article:id)) the app opens as an article. */
export const InlinePartSchema = z.object({
  text: z.string(),
  articleId: z.string().optional(),
  strong: z.boolean().optional(),
})
export type InlinePart = z.infer<typeof InlinePartSchema>

/**
 * The Markdown body, parsed at compile time into blocks the app renders with plain Views,
 * so the mini-program carries no Markdown parser.
 */
export const ArticleBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.number().int().min(2).max(4), parts: z.array(InlinePartSchema) }),
  z.object({ type: z.literal('paragraph'), parts: z.array(InlinePartSchema) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(InlinePartSchema)) }),
])
export type ArticleBlock = z.infer<typeof ArticleBlockSchema>

const SpanSchema = z.tuple([z.number().int(), z.number().int()])

export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: StageIdSchema,
  topic: TopicIdSchema,
  summary: z.string(),
  pregnancyWeeks: SpanSchema.nullable(),
  ageMonths: SpanSchema.nullable(),
})
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>

export const ArticleSchema = ArticleSummarySchema.extend({
  blocks: z.array(ArticleBlockSchema),
  sources: z.array(SourceSchema),
  reviewed: z.string(),
})
export type Article = z.infer<typeof ArticleSchema>

export const ArticlePageSchema = pageSchema(ArticleSummarySchema)
export type ArticlePage = z.infer<typeof ArticlePageSchema>

export const TipSchema = z.object({
  stage: StageIdSchema,
  pregnancyWeek: z.number().int().nullable(),
  ageWeek: z.number().int().nullable(),
  text: z.string(),
  source: z.string(),
})
export type Tip = z.infer<typeof TipSchema>

// ---------------------------------------------------------------- API: queries and answers

// The plausible window of these dates is checked with its own, more precise messages (todayProblem).
const DateParamSchema = (label: string) =>
  safeText({ error: `${label}只能填写一个值` }).trim().regex(ISO_DATE, `${label}格式应为 YYYY-MM-DD`).refine(isValidIsoDate, `${label}不存在`)

/**
 * GET /api/v1/content/today?birthDate=|dueDate= — one of them, or both for a baby born
 * before the due date (the due date then gives the corrected age). Neither: 400.
 */
export const TodayQuerySchema = z
  .object({
    birthDate: DateParamSchema('出生日期').optional(),
    dueDate: DateParamSchema('预产期').optional(),
  })
  .refine((q) => q.birthDate !== undefined || q.dueDate !== undefined, { path: ['birthDate'], message: '请填写出生日期或预产期' })
export type TodayQuery = z.infer<typeof TodayQuerySchema>

export const TodaySchema = z.object({
  /** The calendar day (Asia/Shanghai) the answer is for. */
  date: z.string(),
  stage: StageIdSchema,
  stageName: z.string(),
  /** 1–1000 on the 280 + 720 count; null before day 1 (备孕) and after day 1000 (guidance goes on to 36 months). */
  dayOf1000: z.number().int().min(1).max(1000).nullable(),
  /** "孕 24 周 3 天" or "宝宝 7 个月 12 天 · 生命1000天 第 505 天". */
  ageText: z.string(),
  /** Pregnancy week on the library's count (孕第 n 周, 1–42; 0 before day 1); null after birth. */
  pregnancyWeek: z.number().int().nullable(),
  /** Age week (0–156); null before birth. */
  ageWeek: z.number().int().nullable(),
  /** Whole months of age (as src/domain/age.ts counts them); null before birth. */
  ageMonths: z.number().int().nullable(),
  /** For a baby born before 37 weeks, until 24 months: "矫正月龄 5 个月 20 天"; else null. */
  correctedAgeText: z.string().nullable(),
  correctedAgeMonths: z.number().int().nullable(),
  tips: z.array(TipSchema),
  articles: z.array(ArticleSummarySchema),
  /** 本月该打的疫苗 from the dated schedule for this birth date; null before birth. */
  vaccinations: VaccinationsThisMonthSchema.nullable(),
})
export type Today = z.infer<typeof TodaySchema>

export const ARTICLE_QUERY_MAX = 50
export const DEFAULT_ARTICLE_LIMIT = 20

export const ArticleListQuerySchema = z.object({
  stage: StageIdSchema.optional(),
  topic: TopicIdSchema.optional(),
  q: safeText({ error: '搜索词只能填写一个' }).trim().max(ARTICLE_QUERY_MAX, `搜索词最多 ${ARTICLE_QUERY_MAX} 个字`).optional(),
  cursor: safeText({ error: '翻页参数不正确' }).max(200, '翻页参数不正确').optional(),
  limit: safeText({ error: '每页条数只能填写一个' })
    .regex(/^\d+$/, '每页条数必须是整数')
    .transform(Number)
    .pipe(z.number().int().min(1, '每页条数至少 1').max(MAX_PAGE_LIMIT, `每页条数最多 ${MAX_PAGE_LIMIT}`))
    .optional(),
})
export type ArticleListQuery = z.infer<typeof ArticleListQuerySchema>

/** GET /api/v1/content/stages: the browser screen's stages and topics with article counts. */
export const StagesOverviewSchema = z.object({
  stages: z.array(
    z.object({
      id: StageIdSchema,
      name: z.string(),
      articleCount: z.number().int().nonnegative(),
      topics: z.array(z.object({ id: TopicIdSchema, name: z.string(), articleCount: z.number().int().nonnegative() })),
    }),
  ),
  topics: z.array(z.object({ id: TopicIdSchema, name: z.string(), articleCount: z.number().int().nonnegative() })),
})
export type StagesOverview = z.infer<typeof StagesOverviewSchema>

// ---------------------------------------------------------------- lectures

/**
 * Who holds a lecture (讲座/家长课堂): a childcare institution, or a maternal and child
 * health centre — maternal_child_health 妇幼保健院, community_health 社区卫生服务中心.
 */
export const LECTURE_HOST_KINDS = ['institution', 'maternal_child_health', 'community_health'] as const
export const LectureHostKindSchema = z.enum(LECTURE_HOST_KINDS)
export type LectureHostKind = z.infer<typeof LectureHostKindSchema>
export const LECTURE_HOST_KIND_LABELS: Record<LectureHostKind, string> = {
  institution: '托育机构',
  maternal_child_health: '妇幼保健院',
  community_health: '社区卫生服务中心',
}

export const LectureHostSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: LectureHostKindSchema,
  district: z.string(),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }),
  distanceKm: z.number().nonnegative().optional(),
})
export type LectureHost = z.infer<typeof LectureHostSchema>

/** A lecture: the booking contract's slot (kind lecture, booked with POST /api/v1/bookings) and its host. */
export const LectureSchema = z.object({ slot: SlotSchema, host: LectureHostSchema })
export type Lecture = z.infer<typeof LectureSchema>
export const LecturePageSchema = pageSchema(LectureSchema)
export type LecturePage = z.infer<typeof LecturePageSchema>

/**
 * GET /api/v1/lectures?lat=&lng=&from=&to=&district= — upcoming open lectures, by start
 * time, or nearest first when lat and lng are given (both or neither).
 */
export const LectureListQuerySchema = z
  .object({
    lat: decimalParam('纬度', -90, 90).optional(),
    lng: decimalParam('经度', -180, 180).optional(),
    from: IsoDateTimeSchema.optional(),
    to: IsoDateTimeSchema.optional(),
    district: textParam('区县', 20, '区县名称太长', { trim: true, emptyMessage: '区县不能为空' }).optional(),
    cursor: safeText({ error: '翻页参数不正确' }).max(200, '翻页参数不正确').optional(),
    limit: ArticleListQuerySchema.shape.limit,
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { path: ['lat'], message: '纬度和经度需要同时填写' })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: '结束时间应晚于开始时间' })
export type LectureListQuery = z.infer<typeof LectureListQuerySchema>
