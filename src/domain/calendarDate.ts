import { z } from 'zod'
import { safeText } from './safeText'
import { isValidIsoDate, ISO_DATE } from './shanghaiTime'

/** YAML reads an unquoted 2026-11-20 as a Date; the library means a calendar date either way. */
export const CalendarDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  safeText({ error: '日期应写成 YYYY-MM-DD' }).regex(ISO_DATE, '日期应写成 YYYY-MM-DD').refine(isValidIsoDate, '日期不存在'),
)
