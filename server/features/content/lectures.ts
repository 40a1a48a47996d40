import { DEFAULT_ARTICLE_LIMIT, Lecture, LectureListQuery, LecturePage } from '@domain/content'
import { distanceKm } from '@domain/geo'
import { Queryable } from '../../platform/db/database'
import { listUpcomingLectureSlots } from '../booking/lectureSlots'
import { pageFromList } from '../../platform/http/paging'
import { slotWindow } from '../booking/slots'

/*
 * GET /api/v1/lectures: upcoming lectures and parent classes (生命1000天), bookable like
 * open days with POST /bookings. By start time, or nearest first when lat/lng are given.
 * A window holds few lectures, so they are read whole and sorted here, and paged in
 * memory with a cursor tagged by the order (server/platform/http/paging.ts).
 */
export async function listLectures(db: Queryable, query: LectureListQuery, now: Date = new Date()): Promise<LecturePage> {
  const window = slotWindow({ from: query.from, to: query.to }, now)
  const by = query.lat !== undefined && query.lng !== undefined ? 'distance' : 'time'
  const limit = query.limit ?? DEFAULT_ARTICLE_LIMIT
  const lectures = await listUpcomingLectureSlots(db, { from: window.from, to: window.to, district: query.district })
  let ordered: Lecture[] = lectures
  if (by === 'distance') {
    const here = { lat: query.lat!, lng: query.lng! }
    ordered = lectures
      .map((lecture) => ({ lecture, km: distanceKm(here, lecture.host.location) }))
      // lectures arrive by start time, and the sort is stable: equal distances stay in time order
      .sort((a, b) => a.km - b.km)
      .map(({ lecture, km }) => ({ ...lecture, host: { ...lecture.host, distanceKm: Math.round(km * 100) / 100 } }))
  }
  return pageFromList(ordered, query.cursor, limit, by)
}
