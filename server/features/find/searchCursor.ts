import { z } from 'zod'
import { SearchSort, SORTS } from '@domain/search'
import { ApiError } from '../../platform/http/apiError'
import { SearchPosition } from './institutionSearchRepository'
import { safeText } from '@domain/safeText'

/*
 * The opaque `cursor` of institution lists: base64url JSON of where the last page
 * ended (its sort key and id) and which sort it belongs to, so a cursor from another
 * sort is refused instead of silently skipping rows.
 */

const CursorSchema = z.object({
  s: z.enum(SORTS),
  k: z.number().finite(),
  id: safeText().min(1).max(100),
})

export function encodeCursor(sort: SearchSort, position: SearchPosition): string {
  return Buffer.from(JSON.stringify({ s: sort, k: position.sortKey, id: position.id }), 'utf8').toString('base64url')
}

/** The position a cursor names; a 400 for anything this server did not issue for this sort. */
export function decodeCursor(cursor: string, sort: SearchSort): SearchPosition {
  const invalid = () => new ApiError('VALIDATION', '翻页标记不正确，请重新搜索', { 'query.cursor': '翻页标记不正确，请重新搜索' })
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid()
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  const parsed = CursorSchema.safeParse(decoded)
  if (!parsed.success || parsed.data.s !== sort) throw invalid()
  return { sortKey: parsed.data.k, id: parsed.data.id }
}
