import { z } from 'zod'
import { SearchSort, SORTS } from '@domain/search'
import { cursorCodec, invalidCursor } from '../../platform/http/paging'
import { SearchPosition } from './institutionSearchRepository'
import { safeText } from '@domain/safeText'

/*
 * The `cursor` of institution lists (server/platform/http/paging.ts): where the last page
 * ended (its sort key and id) and which sort it belongs to, so a cursor from another
 * sort is refused instead of silently skipping rows.
 */

const codec = cursorCodec(
  z.object({
    s: z.enum(SORTS),
    k: z.number().finite(),
    id: safeText().min(1).max(100),
  }),
)

export function encodeCursor(sort: SearchSort, position: SearchPosition): string {
  return codec.encode({ s: sort, k: position.sortKey, id: position.id })
}

/** The position a cursor names; a 400 for anything this server did not issue for this sort. */
export function decodeCursor(cursor: string, sort: SearchSort): SearchPosition {
  const decoded = codec.decode(cursor)
  if (decoded.s !== sort) throw invalidCursor()
  return { sortKey: decoded.k, id: decoded.id }
}
