import { Database } from '../../platform/db/database'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { familyCopyOf, removeFamilyOf } from '../booking/familyRemoval'
import { anonymiseComplaintsOf, complaintCopyOf, purgePhotosOf, removeReviewsOf } from '../complaint/complainantRemoval'
import { Viewer } from './authentication'
import { myAccount } from './myAccount'
import { myAlerts, mySavedSearches } from '../alerts/savedSearches'
import { myOpenDayWatches } from '../alerts/openDayWatches'
import { myVouchers } from '../vouchers/vouchers'
import { Page, PageQuery } from '@domain/page'
import { deleteUser } from './userRepository'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { KeyRing } from '../../platform/crypto/fieldCipher'

/*
 * 注销账号 and 个人信息副本 (PIPL art. 47 and 45; docs/platform-notes.md "Account
 * deletion"). Deletion, in one transaction after the photos are gone:
 * - children go, their active bookings cancelled through the capacity guard (places
 *   free) and open applications withdrawn (booking/familyRemoval.ts);
 * - complaints stay with the regulator, anonymised; reviews go and ratings are
 *   recomputed (complaint/complainantRemoval.ts);
 * - the user row goes, and with it (foreign keys, on delete cascade) sessions,
 *   consents, subscriptions and queued notices, bookings and applications, stored
 *   Idempotency-Key answers and staff memberships.
 * Saved searches and favourites live on the device; the app clears them itself.
 */

export interface AccountDeletion {
  children: number
  complaintsAnonymised: number
  reviewsRemoved: number
  photosDeleted: number
}

export async function deleteMyAccount(db: Database, store: AttachmentStore, viewer: Viewer): Promise<AccountDeletion> {
  // Files cannot roll back: delete them first; a failure later leaves an account without photos, nothing worse.
  const photosDeleted = await purgePhotosOf(db, store, viewer.userId)
  return db.transaction(async (tx) => {
    const children = await removeFamilyOf(tx, viewer.userId)
    const complaintsAnonymised = await anonymiseComplaintsOf(tx, viewer.userId)
    const reviewsRemoved = await removeReviewsOf(tx, viewer.userId)
    await deleteUser(tx, viewer.userId)
    return { children, complaintsAnonymised, reviewsRemoved, photosDeleted }
  })
}

/** Everything the service keeps about the parent, as one JSON document. */
export async function exportMyData(db: Database, photos: AttachmentUrlSigner, keyRing: KeyRing, viewer: Viewer, now: Date = new Date()) {
  const account = await myAccount(db, viewer)
  const family = await familyCopyOf(db, keyRing, viewer)
  const complaints = await complaintCopyOf(db, photos, viewer)
  // what the parent asked to be told of, and their 体验券: the lists of 我的, every page
  const savedSearches = await everyPage((query) => mySavedSearches(db, viewer, query))
  const alerts = await everyPage((query) => myAlerts(db, viewer, query))
  const openDayWatches = (await myOpenDayWatches(db, viewer)).items
  const vouchers = await everyPage((query) => myVouchers(db, viewer, query, now))
  return { exportedAt: now.toISOString(), ...account, ...family, ...complaints, savedSearches, alerts, openDayWatches, vouchers }
}

/** Every item of a paged list of 我的, read page after page (the lists page at most 50). */
async function everyPage<T>(read: (query: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  do {
    const page = await read(cursor === undefined ? { limit: 50 } : { cursor, limit: 50 })
    items.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
  return items
}
