import { z } from 'zod'

export const MAX_PAGE_LIMIT = 50

/** Every list answer: `{items, nextCursor}`; nextCursor is null on the last page. */
export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}
