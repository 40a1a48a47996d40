import { SlotKind } from '@domain/slot'
import { ReviewScores } from '@domain/review'
import { Queryable } from '@server/platform/db/database'
import { TestApp } from '@test/support/app'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { bookingBody, insertSlotRow, postBooking } from '@test/support/bookingFixtures'

/*
 * Set-up of the review tests: parents who have been to an institution, made the way the
 * app makes them — a booking, then staff marking it attended after the slot started.
 */

export const ALL_FIVES: ReviewScores = { safety: 5, hygiene: 5, care: 5, food: 5, communication: 5, value: 5 }

export function scores(overrides: Partial<ReviewScores> = {}): ReviewScores {
  return { ...ALL_FIVES, ...overrides }
}

/** A parent with a booking at the institution, by default attended (as marked by its staff). */
export async function parentWhoBooked(
  t: TestApp,
  institutionId: string,
  staff: TestSession,
  options: { kind?: SlotKind; attend?: boolean; nickname?: string; session?: TestSession } = {},
): Promise<TestSession> {
  const parent = options.session ?? (await signInParent(t.app, options.nickname))
  const child = await addChild(t.app, parent)
  const slotId = await insertSlotRow(t.db, { institutionId, kind: options.kind ?? 'visit' })
  const booked = await postBooking(t.app, parent, bookingBody(slotId, child.id))
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`)
  if (options.attend ?? true) {
    await t.db.query(`update slots set starts_at = now() - interval '10 minutes' where id = $1`, [slotId])
    const bookingId = (booked.body as { id: string }).id
    const attended = await requestJson(t.app, 'POST', `/api/v1/staff/bookings/${bookingId}/attend`, undefined, staff.headers)
    if (attended.status !== 200) throw new Error(`attend: ${attended.status} ${JSON.stringify(attended.body)}`)
  }
  return parent
}

export function postReview(t: TestApp, session: TestSession, institutionId: string, body: unknown) {
  return requestJson(t.app, 'POST', `/api/v1/institutions/${institutionId}/reviews`, body, session.headers)
}

/** The institution's stored aggregate and what its review rows add up to. */
export async function ratingOf(db: Queryable, institutionId: string): Promise<{ sum: number; count: number; reviewSum: number; reviews: number }> {
  const result = await db.query<{ sum: number; count: number; review_sum: number; reviews: number }>(
    `select i.rating_sum as sum, i.rating_count as count,
            (select coalesce(sum(overall), 0)::int from reviews r where r.institution_id = i.id) as review_sum,
            (select count(*)::int from reviews r where r.institution_id = i.id) as reviews
     from institutions i where i.id = $1`,
    [institutionId],
  )
  const row = result.rows[0]
  return { sum: row.sum, count: row.count, reviewSum: row.review_sum, reviews: row.reviews }
}

export async function reviewTableCounts(db: Queryable): Promise<{ reviews: number; replies: number; ratingSum: number; ratingCount: number }> {
  const result = await db.query<{ reviews: number; replies: number; rating_sum: number; rating_count: number }>(
    `select (select count(*)::int from reviews) as reviews, (select count(*)::int from review_replies) as replies,
            (select sum(rating_sum)::int from institutions) as rating_sum, (select sum(rating_count)::int from institutions) as rating_count`,
  )
  const row = result.rows[0]
  return { reviews: row.reviews, replies: row.replies, ratingSum: row.rating_sum, ratingCount: row.rating_count }
}
