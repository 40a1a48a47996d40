/** Pages of the booking subpackage (入托网上约), built in one place like routes.ts. */

const ROOT = '/packages/booking/pages'

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined)
  return pairs.length === 0 ? path : `${path}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

export const BOOKING_ROUTES = {
  myBookings: `${ROOT}/mine/index`,
  addChild: `${ROOT}/child-add/index`,
} as const

export function slotCalendarUrl(institutionId: string, name?: string): string {
  return withQuery(`${ROOT}/calendar/index`, { institutionId, name })
}

export function bookingFormUrl(institutionId: string, slotId: string): string {
  return withQuery(`${ROOT}/book/index`, { institutionId, slotId })
}

export function bookingDetailUrl(bookingId: string, justBooked = false): string {
  return withQuery(`${ROOT}/detail/index`, { id: bookingId, new: justBooked ? '1' : undefined })
}

export function applyUrl(institutionId: string): string {
  return withQuery(`${ROOT}/apply/index`, { institutionId })
}

export function applicationUrl(enrollmentId: string, justApplied = false): string {
  return withQuery(`${ROOT}/application/index`, { id: enrollmentId, new: justApplied ? '1' : undefined })
}

/** Query values arrive still percent-encoded (WeChat and Taro's H5 router alike). */
export function decodeParam(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
