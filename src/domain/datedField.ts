import dayjs from 'dayjs'
import { z } from 'zod'
import { inShanghai, isValidIsoDate, ISO_DATE, todayInShanghai } from './shanghaiTime'

/*
 * Every date or time a request carries is checked against a plausible window for what
 * it is: a syntactically valid year 0 or 9999 is a typo or an attack, and it must be
 * refused with a 400 naming the field before it reaches SQL (PostgreSQL's timestamp
 * arithmetic overflows near its limits) or a public page (a rectification "due
 * 9999-12-31"). One rule, a window per kind of field; docs/api.md, "Bad input".
 */

export interface DateWindow {
  /** How far back from now a value may lie, in days. */
  pastDays: number
  /** How far ahead of now a value may lie, in days. */
  futureDays: number
}

const YEAR = 366

/** Things that happen (open days, lectures, visits): staff plan at most two years ahead and look back a year. */
export const EVENT_WINDOW: DateWindow = { pastDays: YEAR, futureDays: 2 * YEAR }
/** A search over events (?from=&to=): a little wider than the events themselves. */
export const EVENT_QUERY_WINDOW: DateWindow = { pastDays: 5 * YEAR, futureDays: 5 * YEAR }
/**
 * What a complaint reports: within three years before today (the general limitation
 * period of the Civil Code, art. 188); a day ahead tolerates a phone's clock, the server
 * refuses the future with its own clock.
 */
export const PAST_INCIDENT_WINDOW: DateWindow = { pastDays: 3 * YEAR, futureDays: 1 }
/** A deadline set now (整改期限): not long past, at most two years ahead. */
export const DEADLINE_WINDOW: DateWindow = { pastDays: 31, futureDays: 2 * YEAR }

/** Whether an instant (ms since epoch) lies inside the window around now. */
export function isWithinWindow(instantMs: number, window: DateWindow, now: Date = new Date()): boolean {
  const from = dayjs(now).subtract(window.pastDays, 'day').valueOf()
  const to = dayjs(now).add(window.futureDays, 'day').valueOf()
  return Number.isFinite(instantMs) && instantMs >= from && instantMs <= to
}

function windowMessage(label: string, window: DateWindow, now: Date): string {
  const from = inShanghai(dayjs(now).subtract(window.pastDays, 'day')).format('YYYY-MM-DD')
  const to = inShanghai(dayjs(now).add(window.futureDays, 'day')).format('YYYY-MM-DD')
  return `${label}应在 ${from} 到 ${to} 之间`
}

/** An ISO-8601 time with offset (API.md) inside `window` around the moment of checking. */
export function isoDateTimeWithin(window: DateWindow, label: string, format = '时间格式应为 ISO-8601（带时区）') {
  return z.iso.datetime({ offset: true, error: format }).superRefine((value, ctx) => {
    const now = new Date()
    const instant = Date.parse(value)
    if (!Number.isNaN(instant) && !isWithinWindow(instant, window, now)) ctx.addIssue({ code: 'custom', message: windowMessage(label, window, now) })
  })
}

/** A calendar date "YYYY-MM-DD" (read in Asia/Shanghai) inside `window` around today. */
export function isoDateWithin(window: DateWindow, label: string, format = '日期格式应为 YYYY-MM-DD') {
  return z
    .string({ error: format })
    .trim()
    .regex(ISO_DATE, format)
    .refine(isValidIsoDate, `${label}不存在`)
    .superRefine((value, ctx) => {
      const now = new Date()
      const today = Date.parse(`${todayInShanghai(now)}T00:00:00+08:00`)
      const day = Date.parse(`${value}T00:00:00+08:00`)
      if (!Number.isNaN(day) && !isWithinWindow(day, window, new Date(today))) ctx.addIssue({ code: 'custom', message: windowMessage(label, window, now) })
    })
}
