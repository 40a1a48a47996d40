import crypto from 'node:crypto'
import {
  hasVerifiedVisit,
  maskNickname,
  NOT_VISITED_MESSAGE,
  overallScore,
  Review,
  ReviewBody,
  ReviewEligibility,
  ReviewListQuery,
  ReviewPage,
  ReviewReplyBody,
  ReviewTextStatus,
  StaffReviewListQuery,
} from '@domain/review'
import { Database } from '../../platform/db/database'
import { isoTime } from '../../platform/db/isoTime'
import {
  adjustInstitutionRating,
  findOpenid,
  findReview,
  findReviewOfUser,
  findVisitEvidence,
  insertReply,
  insertReview,
  listReviews,
  lockInstitutionForReview,
  ReviewRow,
  summariseReviews,
  updateReview,
} from './reviewRepository'
import { bumpSearchIndexVersion } from '../find/searchIndexVersion'
import { institutionExists } from '../find/lookups'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { checkPublicText, PublicTextCheck } from './publicTextCheck'
import { pageFromRows, timeAndIdCursor } from '../../platform/http/paging'

const institutionNotFound = () => new ApiError('NOT_FOUND', '没有找到这家托育机构')
const reviewNotFound = () => new ApiError('NOT_FOUND', '没有找到这条评价')

/**
 * POST /api/v1/institutions/:id/reviews. The first post creates the parent's review, a
 * later one replaces its scores and text; either way the institution's rating moves by
 * exactly the change, in the same transaction, and the search index is told.
 */
export async function postReview(
  db: Database,
  check: PublicTextCheck,
  viewer: Viewer,
  institutionId: string,
  body: ReviewBody,
): Promise<{ review: Review; created: boolean }> {
  if (!(await institutionExists(db, institutionId))) throw institutionNotFound()
  // Before the text goes to WeChat: someone who may not review gets nothing checked.
  if (!hasVerifiedVisit(await findVisitEvidence(db, viewer.userId, institutionId))) throw new ApiError('FORBIDDEN', NOT_VISITED_MESSAGE)

  const text = body.text ?? null
  const textStatus: ReviewTextStatus | null =
    text === null ? null : await checkPublicText(check, { userId: viewer.userId, openid: await findOpenid(db, viewer.userId) }, text, 'body.text')
  const overall = overallScore(body.scores)

  const { id, created } = await db.transaction(async (tx) => {
    if (!(await lockInstitutionForReview(tx, institutionId))) throw institutionNotFound()
    const existing = await findReviewOfUser(tx, institutionId, viewer.userId)
    const write = { scores: body.scores, overall, text, textStatus }
    const id = existing?.id ?? crypto.randomUUID()
    if (existing) {
      await updateReview(tx, existing.id, write)
      await adjustInstitutionRating(tx, institutionId, overall - existing.overall, 0)
    } else {
      await insertReview(tx, { ...write, id, institutionId, userId: viewer.userId })
      await adjustInstitutionRating(tx, institutionId, overall, 1)
    }
    // rating {average, count} is part of every search answer and the rating sort.
    await bumpSearchIndexVersion(tx)
    return { id, created: !existing }
  })

  const row = await findReview(db, id)
  if (!row) throw reviewNotFound()
  return { review: toReview(row, 'author'), created }
}

/** GET /api/v1/institutions/:id/reviews/eligibility — the same rule postReview applies. */
export async function reviewEligibility(db: Database, viewer: Viewer, institutionId: string): Promise<ReviewEligibility> {
  if (!(await institutionExists(db, institutionId))) throw institutionNotFound()
  const mayReview = hasVerifiedVisit(await findVisitEvidence(db, viewer.userId, institutionId))
  return { mayReview, reason: mayReview ? null : NOT_VISITED_MESSAGE }
}

/** GET /api/v1/institutions/:id/reviews — newest first; the summary covers every review. */
export async function listInstitutionReviews(db: Database, institutionId: string, query: ReviewListQuery): Promise<ReviewPage> {
  if (!(await institutionExists(db, institutionId))) throw institutionNotFound()
  return reviewPage(db, institutionId, query, 'public')
}

/** GET /api/v1/staff/reviews — the staff member's own institution, to find what to answer. */
export async function listStaffReviews(db: Database, staff: Viewer & { staffInstitutionId: string }, query: StaffReviewListQuery): Promise<ReviewPage> {
  return reviewPage(db, staff.staffInstitutionId, query, 'staff', { unrepliedOnly: query.unreplied === 'true' })
}

async function reviewPage(
  db: Database,
  institutionId: string,
  query: ReviewListQuery,
  audience: 'public' | 'staff',
  options: { unrepliedOnly?: boolean } = {},
): Promise<ReviewPage> {
  const after = query.cursor ? reviewCursor.decode(query.cursor) : undefined
  const rows = await listReviews(db, institutionId, after, query.limit + 1, options)
  const summary = await summariseReviews(db, institutionId)
  return {
    ...pageFromRows(rows, query.limit, (row) => toReview(row, audience), (row) => ({ at: row.cursor_at, id: row.id }), reviewCursor),
    summary: {
      count: summary.count,
      average: summary.overall,
      dimensions: {
        safety: summary.safety,
        hygiene: summary.hygiene,
        care: summary.care,
        food: summary.food,
        communication: summary.communication,
        value: summary.value,
      },
    },
  }
}

/**
 * POST /api/v1/staff/reviews/:id/reply — staff of the reviewed institution answer once;
 * a review of another institution is 404 to them (no existence leak), a second reply 409.
 */
export async function replyToReview(
  db: Database,
  check: PublicTextCheck,
  staff: Viewer & { staffInstitutionId: string },
  reviewId: string,
  body: ReviewReplyBody,
): Promise<Review> {
  const existing = await findReview(db, reviewId)
  if (!existing || existing.institution_id !== staff.staffInstitutionId) throw reviewNotFound()
  if (existing.reply_text !== null) throw new ApiError('CONFLICT', '这条评价已经回复过了')
  const textStatus = await checkPublicText(check, { userId: staff.userId, openid: await findOpenid(db, staff.userId) }, body.text, 'body.text')
  const inserted = await insertReply(db, { reviewId, userId: staff.userId, text: body.text, textStatus })
  if (!inserted) throw new ApiError('CONFLICT', '这条评价已经回复过了')
  const row = await findReview(db, reviewId)
  if (!row) throw reviewNotFound()
  return toReview(row, 'staff')
}

/**
 * A review as its audience sees it. Held text is shown only to whoever wrote it: the
 * author sees their own held review text, staff their own held reply; nobody ever sees
 * the reviewer's id, openid or full nickname.
 */
export function toReview(row: ReviewRow, audience: 'public' | 'author' | 'staff'): Review {
  const reviewTextVisible = row.text_status === 'shown' || audience === 'author'
  const replyTextVisible = row.reply_text_status === 'shown' || audience === 'staff'
  return {
    id: row.id,
    institutionId: row.institution_id,
    reviewer: maskNickname(row.nickname),
    scores: {
      safety: row.safety,
      hygiene: row.hygiene,
      care: row.care,
      food: row.food,
      communication: row.communication,
      value: row.value,
    },
    overall: row.overall,
    text: reviewTextVisible ? row.text : null,
    textStatus: row.text_status,
    reply:
      row.reply_text !== null && row.reply_text_status !== null && row.replied_at !== null
        ? { text: replyTextVisible ? row.reply_text : null, textStatus: row.reply_text_status, repliedAt: isoTime(row.replied_at) }
        : null,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  }
}

/** Where a page of reviews ended: created_at to the microsecond and id (docs/architecture.md "Paging"). */
const reviewCursor = timeAndIdCursor
