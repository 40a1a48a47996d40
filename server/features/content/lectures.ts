import { z } from 'zod'
import { DEFAULT_ARTICLE_LIMIT, Lecture, LectureListQuery, LecturePage } from '@domain/content'
import { distanceKm } from '@domain/geo'
import { Queryable } from '../../platform/db/database'
import { toSlot } from '../booking/bookingRows'
import { hostKindOf, LectureRow, listUpcomingLectures } from '../booking/lectureRepository'
import { ApiError } from '../../platform/http/apiError'
import { slotWindow } from '../booking/slots'

/*
 * GET /api/v1/lectures: upcoming lectures and parent classes (生命1000天), bookable like
 * open days with POST /bookings. By start time, or nearest first when lat/lng are given.
 * A window holds few lectures, so they are read whole and sorted here; the cursor is the
 * offset into that order, tagged with the order so a cursor of the other one is refused.
 */

const CursorSchema = z.object({ by: z.enum(['time', 'distance']), o: z.number().int().min(0) })

function encodeCursor(by: 'time' | 'distance', offset: number): string {
  return Buffer.from(JSON.stringify({ by, o: offset }), 'utf8').toString('base64url')
}

function decodeCursor(cursor: string, by: 'time' | 'distance'): number {
  const invalid = new ApiError('VALIDATION', '翻页标记不正确，请重新查询', { 'query.cursor': '翻页标记不正确，请重新查询' })
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    if (!parsed.success || parsed.data.by !== by) throw invalid
    return parsed.data.o
  } catch {
    throw invalid
  }
}

function toLecture(row: LectureRow, distance: number | undefined): Lecture {
  return {
    slot: toSlot(row),
    host: {
      id: row.institution_id,
      name: row.host_name,
      kind: hostKindOf(row.host_kind),
      district: row.host_district,
      address: row.host_address,
      location: { lat: row.host_lat, lng: row.host_lng },
      ...(distance !== undefined ? { distanceKm: Math.round(distance * 100) / 100 } : {}),
    },
  }
}

export async function listLectures(db: Queryable, query: LectureListQuery, now: Date = new Date()): Promise<LecturePage> {
  const window = slotWindow({ from: query.from, to: query.to }, now)
  const by = query.lat !== undefined && query.lng !== undefined ? 'distance' : 'time'
  const offset = query.cursor ? decodeCursor(query.cursor, by) : 0
  const limit = query.limit ?? DEFAULT_ARTICLE_LIMIT
  const rows = await listUpcomingLectures(db, { from: window.from, to: window.to, district: query.district })
  let lectures: Lecture[]
  if (by === 'distance') {
    const here = { lat: query.lat!, lng: query.lng! }
    lectures = rows
      .map((row) => ({ row, km: distanceKm(here, { lat: row.host_lat, lng: row.host_lng }) }))
      // rows arrive by start time, and the sort is stable: equal distances stay in time order
      .sort((a, b) => a.km - b.km)
      .map(({ row, km }) => toLecture(row, km))
  } else {
    lectures = rows.map((row) => toLecture(row, undefined))
  }
  const items = lectures.slice(offset, offset + limit)
  return { items, nextCursor: offset + limit < lectures.length ? encodeCursor(by, offset + limit) : null }
}
