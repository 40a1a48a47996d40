import { z } from 'zod'
import { safeText } from '@domain/safeText'
import { ApiError } from './apiError'

/*
 * The one way every list pages (docs/api.md, "Paging"): the answer is `{items, nextCursor}`
 * (src/domain/page.ts) and `nextCursor` is opaque to the client: base64url JSON of where
 * the page ended, checked against the list's own schema on the way back, so a cursor this
 * server did not issue for this list answers 400 instead of skipping or repeating rows.
 */

const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,2000}$/

export function invalidCursor(): ApiError {
  return new ApiError('VALIDATION', '翻页标记不正确，请从第一页重新加载', { 'query.cursor': '翻页标记不正确，请从第一页重新加载' })
}

export interface CursorCodec<T> {
  encode(position: T): string
  /** The position a cursor names; a 400 for anything that is not one of ours. */
  decode(cursor: string): T
}

/** A codec for one list's cursor: `schema` is what a position of that list looks like. */
export function cursorCodec<S extends z.ZodTypeAny>(schema: S): CursorCodec<z.infer<S>> {
  return {
    encode: (position) => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url'),
    decode(cursor) {
      if (!CURSOR_TEXT.test(cursor)) throw invalidCursor()
      let decoded: unknown
      try {
        decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      } catch {
        throw invalidCursor()
      }
      const parsed = schema.safeParse(decoded)
      if (!parsed.success) throw invalidCursor()
      return parsed.data
    },
  }
}

/**
 * A page from rows read with `limit + 1` (the extra row only says whether there is more):
 * the first `limit` rows mapped, and the cursor of the last one when more follow.
 */
export function pageFromRows<R, T, P>(rows: readonly R[], limit: number, toItem: (row: R) => T, positionOf: (row: R) => P, codec: CursorCodec<P>): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? codec.encode(positionOf(last)) : null,
  }
}

/** Offset paging for lists that are read whole and ordered in memory (a few hundred rows at most). */
const offsetCursor = cursorCodec(z.object({ o: z.number().int().min(0).max(1_000_000), t: z.string().max(40).optional() }))

/**
 * One page of a list held in memory. `order` tags the cursor with the order it belongs to
 * (e.g. by time or by distance), so a cursor of the other order is refused.
 */
export function pageFromList<T>(list: readonly T[], cursor: string | undefined, limit: number, order?: string): { items: T[]; nextCursor: string | null } {
  const offset = offsetOf(cursor, order)
  const items = list.slice(offset, offset + limit)
  return { items, nextCursor: offset + limit < list.length ? offsetCursorAt(offset + limit, order) : null }
}

/** Where a page starts in a list paged by offset (0 without a cursor). */
export function offsetOf(cursor: string | undefined, order?: string): number {
  if (cursor === undefined) return 0
  const position = offsetCursor.decode(cursor)
  if (position.t !== order) throw invalidCursor()
  return position.o
}

/** The cursor of the page that starts at `offset`. */
export function offsetCursorAt(offset: number, order?: string): string {
  return offsetCursor.encode({ o: offset, ...(order ? { t: order } : {}) })
}

/**
 * Keyset paging of rows ordered by a timestamp and then id. A JavaScript Date keeps only
 * milliseconds while PostgreSQL keeps microseconds, so the query selects the time with
 * `cursorTimeSql(column)` and the cursor carries that text back unchanged; otherwise two
 * rows in one millisecond could be skipped or repeated between pages.
 */
export const timeAndIdCursor = cursorCodec(z.object({ at: safeText().max(40).refine(isCursorTime), id: safeText().min(1).max(100) }))
export interface TimeAndId {
  at: string
  id: string
}

/** The SQL that writes `column` (a timestamptz) the way `timeAndIdCursor` expects it. */
export function cursorTimeSql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
}

/** Keyset paging of rows ordered by a calendar date (YYYY-MM-DD) and then id. */
export const dateAndIdCursor = cursorCodec(z.object({ day: safeText().max(10).refine(isRealDate), id: safeText().min(1).max(100) }))

/**
 * A real instant written like `cursorTimeSql` writes it ("2026-11-22T08:00:00.123456Z"): no
 * Feb 30, no hour 99, no year 0 (PostgreSQL has none) — nothing here is older than 2000.
 */
function isCursorTime(at: string): boolean {
  if (!/^(20|21)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at)) return false
  const time = new Date(`${at.slice(0, 19)}Z`)
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 19) === at.slice(0, 19)
}

function isRealDate(day: string): boolean {
  if (!/^(20|21)\d{2}-\d{2}-\d{2}$/.test(day)) return false
  const time = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 10) === day
}
