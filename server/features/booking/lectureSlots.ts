import { LectureHost } from '@domain/content'
import { Slot } from '@domain/slot'
import { Queryable } from '../../platform/db/database'
import { toSlot } from './bookingRows'
import { hostKindOf, listUpcomingLectures, LectureWindow } from './lectureRepository'

/** A bookable lecture or parent class (a slot) with where it is held. */
export interface LectureSlot {
  slot: Slot
  host: Omit<LectureHost, 'distanceKm'>
}

/**
 * Upcoming lectures and parent classes in a window, by start time: the booking feature
 * owns slots; 生命1000天 (server/features/content/lectures.ts) lists them through this.
 */
export async function listUpcomingLectureSlots(db: Queryable, window: LectureWindow): Promise<LectureSlot[]> {
  const rows = await listUpcomingLectures(db, window)
  return rows.map((row) => ({
    slot: toSlot(row),
    host: {
      id: row.institution_id,
      name: row.host_name,
      kind: hostKindOf(row.host_kind),
      district: row.host_district,
      address: row.host_address,
      location: { lat: row.host_lat, lng: row.host_lng },
    },
  }))
}
