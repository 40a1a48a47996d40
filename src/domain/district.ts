import { z } from 'zod'
import { CareModeSchema } from './careMode'
import { safeText } from './safeText'

export const DistrictSummarySchema = z.object({
  /** 行政区划代码, e.g. 500112 for 重庆市渝北区. */
  code: z.string(),
  name: z.string(),
  province: z.string(),
  city: z.string(),
  center: z.object({ lat: z.number(), lng: z.number() }),
  institutionCount: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  vacancies: z.number().int().nonnegative(),
  /** Share of institutions that are 普惠, 0–1. */
  affordableShare: z.number().min(0).max(1),
  medianFees: z.array(z.object({ mode: CareModeSchema, fee: z.number().int(), unit: z.string(), institutionCount: z.number().int() })),
})
export type DistrictSummary = z.infer<typeof DistrictSummarySchema>

/** Median of integer fen amounts, rounded to whole fen; null for an empty list. */
export function medianFen(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2)
}

/** A district as it is stored: the demo generator and the importer both write these. */
export const DistrictRecordSchema = z.object({
  code: safeText().regex(/^\d{6}$/),
  name: safeText().min(1),
  province: safeText().min(1),
  city: safeText().min(1),
  center: z.object({ lat: z.number(), lng: z.number() }),
})
export type DistrictRecord = z.infer<typeof DistrictRecordSchema>

/** GET /api/v1/districts answers in the contract's list shape; there is only ever one page. */
export const DistrictListSchema = z.object({ items: z.array(DistrictSummarySchema), nextCursor: z.null() })
