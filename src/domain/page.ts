import { z } from 'zod'
import { safeText } from './safeText'

export const MAX_PAGE_LIMIT = 50

/** Every list answer: `{items, nextCursor}`; nextCursor is null on the last page (docs/api.md, "Paging"). */
export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export type Page<T> = { items: T[]; nextCursor: string | null }

/** The opaque cursor a client sends back unchanged. */
export const CursorParamSchema = safeText({ error: '翻页标记不正确' }).max(200, '翻页标记不正确')

/** `?cursor=&limit=` of a list that pages (limit 1..50). */
export function pageQuerySchema(defaultLimit = 20) {
  return z.object({
    cursor: CursorParamSchema.optional(),
    limit: z.coerce
      .number({ error: 'limit 应为数字' })
      .int('limit 应为整数')
      .min(1, 'limit 至少为 1')
      .max(MAX_PAGE_LIMIT, `limit 最多为 ${MAX_PAGE_LIMIT}`)
      .default(defaultLimit),
  })
}

/** What a list's service receives once `pageQuerySchema` has checked the query. */
export type PageQuery = { cursor?: string; limit: number }
