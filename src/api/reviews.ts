import { Review, ReviewBody, ReviewEligibility, ReviewEligibilitySchema, ReviewPage, ReviewPageSchema, ReviewSchema } from '@domain/review'
import { getJson, requestJson } from './client'

/** Parents' ratings of an institution (docs/api.md, /institutions/:id/reviews). */

export function listReviews(institutionId: string, cursor?: string): Promise<ReviewPage> {
  return getJson(`/api/v1/institutions/${encodeURIComponent(institutionId)}/reviews`, ReviewPageSchema, cursor ? [['cursor', cursor]] : [])
}

/** Only after a real visit (else 403 FORBIDDEN); a second post updates the parent's review. */
export function postReview(institutionId: string, body: ReviewBody): Promise<Review> {
  return requestJson('POST', `/api/v1/institutions/${encodeURIComponent(institutionId)}/reviews`, ReviewSchema, { auth: true, body })
}

/** May the signed-in parent review this institution? Asked before the form is shown. */
export function getReviewEligibility(institutionId: string): Promise<ReviewEligibility> {
  return requestJson('GET', `/api/v1/institutions/${encodeURIComponent(institutionId)}/reviews/eligibility`, ReviewEligibilitySchema, { auth: true })
}
