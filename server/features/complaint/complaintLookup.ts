import crypto from 'node:crypto'
import { Complaint } from '@domain/complaint'
import { Queryable } from '../../platform/db/database'
import { countLookup, deleteLookupWindowsBefore, findComplaintByTrackingNo } from './complaintRepository'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { complaintNotFound, getOwnComplaint } from './complaints'
import { toComplaint } from './complaintViews'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'

/*
 * 马上查: GET /api/v1/complaints/:trackingNo?phoneLast4=NNNN without signing in.
 * A wrong proof and a missing number are the same 404 after the same work — count the
 * attempt, read the row by its unique key, compare four digits in constant time — so
 * neither the answer nor its timing tells whether the number exists. Attempts are
 * limited per tracking number here (any number of IPs) and per IP by the route.
 */

/** Anonymous lookups one tracking number may get in one window. */
export const LOOKUPS_PER_NUMBER = 10
export const LOOKUP_WINDOW_SECONDS = 15 * 60

/** Stands in for the missing row's digits, so a missing number is compared like a wrong one. */
const NO_DIGITS = Buffer.from('----')

export async function lookUpComplaint(
  db: Queryable, photos: AttachmentUrlSigner,
  viewer: Viewer | null,
  trackingNo: string,
  phoneLast4: string | undefined,
  now: Date = new Date(),
): Promise<Complaint> {
  if (viewer !== null) {
    const own = await getOwnComplaint(db, photos, viewer, trackingNo, now)
    if (own !== null) return own
  }
  if (phoneLast4 === undefined) throw complaintNotFound()
  if ((await countLookup(db, trackingNo, LOOKUP_WINDOW_SECONDS)) > LOOKUPS_PER_NUMBER) {
    throw new ApiError('RATE_LIMITED', '这个查询码查询太频繁，请 15 分钟后再试')
  }
  const row = await findComplaintByTrackingNo(db, trackingNo)
  const expected = row === null ? NO_DIGITS : Buffer.from(row.phone_last4)
  const matches = crypto.timingSafeEqual(expected, Buffer.from(phoneLast4.padEnd(4).slice(0, 4))) && row !== null
  if (!matches) throw complaintNotFound()
  return toComplaint(db, photos, row, 'lookup', now)
}

/** Retention: a lookup count matters only during its window; older ones are deleted. */
export async function purgeOldLookupWindows(db: Queryable, now: Date = new Date()): Promise<number> {
  return deleteLookupWindowsBefore(db, new Date(now.getTime() - 2 * LOOKUP_WINDOW_SECONDS * 1000))
}
