import { ReviewScores, ReviewTextStatus, VisitEvidence } from '@domain/review'
import { Queryable } from '../../platform/db/database'

/*
 * Migration 009's reviews and review_replies, and the institution's rating aggregate
 * (institutions.rating_sum / rating_count) they move.
 */

export interface ReviewRow {
  id: string
  institution_id: string
  user_id: string
  nickname: string | null
  safety: number
  hygiene: number
  care: number
  food: number
  communication: number
  value: number
  overall: number
  text: string | null
  text_status: ReviewTextStatus | null
  created_at: Date
  updated_at: Date
  /** created_at to the microsecond, for the page cursor (a Date keeps only milliseconds). */
  cursor_at: string
  reply_text: string | null
  reply_text_status: ReviewTextStatus | null
  replied_at: Date | null
}

const REVIEW_SELECT = `
  select r.id, r.institution_id, r.user_id, u.nickname,
         r.safety, r.hygiene, r.care, r.food, r.communication, r.value, r.overall,
         r.text, r.text_status, r.created_at, r.updated_at,
         to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
         p.text as reply_text, p.text_status as reply_text_status, p.created_at as replied_at
  from reviews r
  join users u on u.id = r.user_id
  left join review_replies p on p.review_id = r.id`

/** What proves the parent was there (the verified-visit rule's input). */
export async function findVisitEvidence(db: Queryable, userId: string, institutionId: string): Promise<VisitEvidence> {
  const bookings = await db.query<{ slot_kind: VisitEvidence['bookings'][number]['slotKind']; status: string }>(
    `select s.kind as slot_kind, b.status
     from bookings b join slots s on s.id = b.slot_id
     where b.user_id = $1 and s.institution_id = $2 and b.status = 'attended'`,
    [userId, institutionId],
  )
  const enrollments = await db.query<{ status: string }>(
    `select status from enrollments where user_id = $1 and institution_id = $2 and status = 'admitted'`,
    [userId, institutionId],
  )
  return {
    bookings: bookings.rows.map((row) => ({ slotKind: row.slot_kind, status: row.status })),
    enrollments: enrollments.rows,
  }
}

/**
 * Locks the institution's row until commit, so the reviews of one institution and the
 * aggregate they move change one at a time. False when there is no such institution.
 */
export async function lockInstitutionForReview(tx: Queryable, institutionId: string): Promise<boolean> {
  const result = await tx.query(`select 1 from institutions where id = $1 for update`, [institutionId])
  return result.rowCount > 0
}

export async function findReviewOfUser(tx: Queryable, institutionId: string, userId: string): Promise<{ id: string; overall: number } | undefined> {
  const result = await tx.query<{ id: string; overall: number }>(
    `select id, overall from reviews where institution_id = $1 and user_id = $2`,
    [institutionId, userId],
  )
  return result.rows[0]
}

export interface ReviewWrite {
  scores: ReviewScores
  overall: number
  text: string | null
  textStatus: ReviewTextStatus | null
}

export async function insertReview(tx: Queryable, review: ReviewWrite & { id: string; institutionId: string; userId: string }): Promise<void> {
  const { scores } = review
  await tx.query(
    `insert into reviews (id, institution_id, user_id, safety, hygiene, care, food, communication, value, overall, text, text_status)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      review.id, review.institutionId, review.userId,
      scores.safety, scores.hygiene, scores.care, scores.food, scores.communication, scores.value,
      review.overall, review.text, review.textStatus,
    ],
  )
}

/** A second post replaces scores and text; the institution's reply stays. */
export async function updateReview(tx: Queryable, id: string, review: ReviewWrite): Promise<void> {
  const { scores } = review
  await tx.query(
    `update reviews
     set safety = $2, hygiene = $3, care = $4, food = $5, communication = $6, value = $7,
         overall = $8, text = $9, text_status = $10, updated_at = now()
     where id = $1`,
    [id, scores.safety, scores.hygiene, scores.care, scores.food, scores.communication, scores.value, review.overall, review.text, review.textStatus],
  )
}

/**
 * Moves the aggregate by one review's change: a new review adds its score and one to
 * the count; an updated one adds the difference of its scores and nothing to the count.
 */
export async function adjustInstitutionRating(tx: Queryable, institutionId: string, sumDelta: number, countDelta: number): Promise<void> {
  await tx.query(
    `update institutions set rating_sum = rating_sum + $2, rating_count = rating_count + $3 where id = $1`,
    [institutionId, sumDelta, countDelta],
  )
}

export async function findReview(db: Queryable, id: string): Promise<ReviewRow | undefined> {
  const result = await db.query<ReviewRow>(`${REVIEW_SELECT} where r.id = $1`, [id])
  return result.rows[0]
}

/** One page of an institution's reviews, newest first, after the cursor (exclusive). */
export async function listReviews(
  db: Queryable,
  institutionId: string,
  after: { at: string; id: string } | undefined,
  limit: number,
  options: { unrepliedOnly?: boolean } = {},
): Promise<ReviewRow[]> {
  const result = await db.query<ReviewRow>(
    `${REVIEW_SELECT}
     where r.institution_id = $1
       and ($2::timestamptz is null or (r.created_at, r.id) < ($2::timestamptz, $3::text))
       and (not $5::boolean or p.review_id is null)
     order by r.created_at desc, r.id desc
     limit $4`,
    [institutionId, after?.at ?? null, after?.id ?? '', limit, options.unrepliedOnly ?? false],
  )
  return result.rows
}

export interface ReviewSummaryRow {
  count: number
  overall: number | null
  safety: number | null
  hygiene: number | null
  care: number | null
  food: number | null
  communication: number | null
  value: number | null
}

/** Means over an institution's stored reviews, rounded half up to one decimal. */
export async function summariseReviews(db: Queryable, institutionId: string): Promise<ReviewSummaryRow> {
  const mean = (column: string) => `floor(avg(${column})::float8 * 10 + 0.5) / 10 as ${column}`
  const result = await db.query<ReviewSummaryRow>(
    `select count(*)::int as count, ${['overall', 'safety', 'hygiene', 'care', 'food', 'communication', 'value'].map(mean).join(', ')}
     from reviews where institution_id = $1`,
    [institutionId],
  )
  return result.rows[0]
}

/** The one reply to a review; false when it already has one (the primary key decides). */
export async function insertReply(db: Queryable, reply: { reviewId: string; userId: string; text: string; textStatus: ReviewTextStatus }): Promise<boolean> {
  const result = await db.query(
    `insert into review_replies (review_id, user_id, text, text_status) values ($1, $2, $3, $4) on conflict (review_id) do nothing`,
    [reply.reviewId, reply.userId, reply.text, reply.textStatus],
  )
  return result.rowCount > 0
}

/** The author's WeChat openid for the content check; null for a demo account. */
export async function findOpenid(db: Queryable, userId: string): Promise<string | null> {
  const result = await db.query<{ wechat_openid: string | null }>(`select wechat_openid from users where id = $1`, [userId])
  return result.rows[0]?.wechat_openid ?? null
}
