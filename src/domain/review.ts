import { z } from 'zod'
import { MAX_PAGE_LIMIT } from './page'
import { safeText } from './safeText'
import { SlotKind } from './slot'

/*
 * Parents' reviews of an institution (评价). Glossary: 安全 safety · 卫生 hygiene ·
 * 照护 care · 膳食 food · 沟通 communication · 性价比 value · 机构回复 reply.
 * Only a parent who has been there may review (the verified-visit rule below); one
 * review per parent per institution — posting again updates it.
 */

export const REVIEW_DIMENSIONS = ['safety', 'hygiene', 'care', 'food', 'communication', 'value'] as const
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number]
export const REVIEW_DIMENSION_LABELS: Record<ReviewDimension, string> = {
  safety: '安全',
  hygiene: '卫生',
  care: '照护',
  food: '膳食',
  communication: '沟通',
  value: '性价比',
}

export const SCORE_MIN = 1
export const SCORE_MAX = 5
export const REVIEW_TEXT_MAX = 500
export const REPLY_TEXT_MAX = 500

function scoreSchema(dimension: ReviewDimension) {
  const label = REVIEW_DIMENSION_LABELS[dimension]
  return z
    .number({ error: `请为「${label}」打分` })
    .int(`「${label}」的评分应为 1–5 的整数`)
    .min(SCORE_MIN, `「${label}」的评分应为 1–5 分`)
    .max(SCORE_MAX, `「${label}」的评分应为 1–5 分`)
}

export const ReviewScoresSchema = z.object(
  {
    safety: scoreSchema('safety'),
    hygiene: scoreSchema('hygiene'),
    care: scoreSchema('care'),
    food: scoreSchema('food'),
    communication: scoreSchema('communication'),
    value: scoreSchema('value'),
  },
  { error: '请为各项打分' },
)
export type ReviewScores = z.infer<typeof ReviewScoresSchema>

/** POST /api/v1/institutions/:id/reviews. Empty text counts as no text. */
export const ReviewBodySchema = z.object({
  scores: ReviewScoresSchema,
  text: safeText({ error: '评价内容应为文字' })
    .trim()
    .max(REVIEW_TEXT_MAX, `评价内容最多 ${REVIEW_TEXT_MAX} 个字`)
    .optional()
    .transform((text) => (text ? text : undefined)),
})
export type ReviewBody = z.infer<typeof ReviewBodySchema>

/** POST /api/v1/staff/reviews/:id/reply — the institution answers a review, once. */
export const ReviewReplyBodySchema = z.object({
  text: safeText({ error: '请填写回复内容' })
    .trim()
    .min(1, '请填写回复内容')
    .max(REPLY_TEXT_MAX, `回复内容最多 ${REPLY_TEXT_MAX} 个字`),
})
export type ReviewReplyBody = z.infer<typeof ReviewReplyBodySchema>

/*
 * Text is public only after WeChat's content security check (msgSecCheck) passes it:
 * shown — passed; held — WeChat asked for a person's review, or could not be asked,
 * so the text stays hidden while the scores count. Text WeChat calls risky is refused
 * outright (400), never stored.
 */
export const REVIEW_TEXT_STATUSES = ['shown', 'held'] as const
export const ReviewTextStatusSchema = z.enum(REVIEW_TEXT_STATUSES)
export type ReviewTextStatus = z.infer<typeof ReviewTextStatusSchema>

/** The institution's reply; its text is null to parents while held. */
export const ReviewReplySchema = z.object({
  text: z.string().nullable(),
  textStatus: ReviewTextStatusSchema,
  repliedAt: z.string(),
})
export type ReviewReply = z.infer<typeof ReviewReplySchema>

/** A review as anyone sees it: the reviewer only as a masked nickname, never an id or phone. */
export const ReviewSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  /** e.g. "小**" — see maskNickname. */
  reviewer: z.string(),
  scores: ReviewScoresSchema,
  /** The whole-number rating this review adds to the institution's average (overallScore). */
  overall: z.number().int(),
  /** null when there is none, or while it is held (textStatus "held"). */
  text: z.string().nullable(),
  textStatus: ReviewTextStatusSchema.nullable(),
  reply: ReviewReplySchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Review = z.infer<typeof ReviewSchema>

/** Per-dimension means over the stored reviews, one decimal; null with no reviews. */
export const ReviewSummarySchema = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  dimensions: z.object({
    safety: z.number().nullable(),
    hygiene: z.number().nullable(),
    care: z.number().nullable(),
    food: z.number().nullable(),
    communication: z.number().nullable(),
    value: z.number().nullable(),
  }),
})
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>

/** GET /api/v1/institutions/:id/reviews — newest first, with the summary on every page. */
export const ReviewPageSchema = z.object({
  items: z.array(ReviewSchema),
  nextCursor: z.string().nullable(),
  summary: ReviewSummarySchema,
})
export type ReviewPage = z.infer<typeof ReviewPageSchema>

export const REVIEW_PAGE_DEFAULT_LIMIT = 20

export const ReviewListQuerySchema = z.object({
  cursor: safeText().trim().max(200, '分页参数不正确').optional(),
  limit: z.coerce
    .number({ error: 'limit 应为数字' })
    .int('limit 应为整数')
    .min(1, 'limit 至少为 1')
    .max(MAX_PAGE_LIMIT, `limit 最多为 ${MAX_PAGE_LIMIT}`)
    .default(REVIEW_PAGE_DEFAULT_LIMIT),
})
export type ReviewListQuery = z.infer<typeof ReviewListQuerySchema>

/** GET /api/v1/staff/reviews — the staff member's own institution; `unreplied=true` for those still to answer. */
export const StaffReviewListQuerySchema = ReviewListQuerySchema.extend({
  unreplied: z.enum(['true', 'false'], { error: 'unreplied 应为 true 或 false' }).optional(),
})
export type StaffReviewListQuery = z.infer<typeof StaffReviewListQuerySchema>

/**
 * The one whole-number rating a review adds to the institution's rating (stored as an
 * integer sum and count, like the ratings the filing list brought): the mean of the six
 * scores, rounded half up — 4.5 counts as 5.
 */
export function overallScore(scores: ReviewScores): number {
  const sum = REVIEW_DIMENSIONS.reduce((total, dimension) => total + scores[dimension], 0)
  // Whole numbers only: sum * 2 >= 2k+1 times count is "mean >= k + 0.5" without floats.
  return Math.floor((2 * sum + REVIEW_DIMENSIONS.length) / (2 * REVIEW_DIMENSIONS.length))
}

/**
 * How a reviewer is shown: the first character of the nickname and two stars ("小**"),
 * or "家长" without a nickname — enough to tell reviews apart, not to find the person.
 */
export function maskNickname(nickname: string | null | undefined): string {
  const first = Array.from((nickname ?? '').trim())[0]
  return first ? `${first}**` : '家长'
}

/*
 * The verified-visit rule (docs/api.md, POST /institutions/:id/reviews): a parent may review an institution only
 * after being there — a visit, open day, trial or 计时托/临时托 booking that staff marked attended, or
 * an enrollment the institution admitted. A lecture (家长课堂) is not a visit of the
 * care itself; a booking merely made, or a no-show, proves nothing.
 */
export interface VisitEvidence {
  bookings: ReadonlyArray<{ slotKind: SlotKind; status: string }>
  enrollments: ReadonlyArray<{ status: string }>
}

/** A 计时托/临时托 session attended is care the parent has seen, so it counts as a visit too. */
export const REVIEWABLE_SLOT_KINDS = ['open_day', 'visit', 'trial', 'hourly', 'temporary'] as const

export function hasVerifiedVisit(evidence: VisitEvidence): boolean {
  const attended = evidence.bookings.some(
    (booking) => booking.status === 'attended' && (REVIEWABLE_SLOT_KINDS as readonly string[]).includes(booking.slotKind),
  )
  return attended || evidence.enrollments.some((enrollment) => enrollment.status === 'admitted')
}

export const NOT_VISITED_MESSAGE = '参加过该机构的参观、开放日或试托（或已被录取）后才能评价'
export const RISKY_TEXT_MESSAGE = '内容未通过微信内容安全检查，请修改后再提交'

/**
 * GET /api/v1/institutions/:id/reviews/eligibility — asked before the form is shown, so a
 * parent who may not review is told before filling six scores (issue 12).
 */
export const ReviewEligibilitySchema = z.object({
  mayReview: z.boolean(),
  /** Why not, in words to show; null when the parent may review. */
  reason: z.string().nullable(),
})
export type ReviewEligibility = z.infer<typeof ReviewEligibilitySchema>
