/** Pages of the complaint subpackage (投诉马上查 and ratings), built in one place like routes.ts. */

const ROOT = '/packages/complaint/pages'

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined)
  return pairs.length === 0 ? path : `${path}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

export const COMPLAINT_ROUTES = {
  lookup: `${ROOT}/lookup/index`,
  mine: `${ROOT}/mine/index`,
} as const

/** The complaint form, about this institution when one is given (from its detail page). */
export function complaintFormUrl(institution?: { id: string; name: string }): string {
  return withQuery(`${ROOT}/new/index`, { institutionId: institution?.id, name: institution?.name })
}

/**
 * One complaint and its timeline. `phoneLast4` is the proof of a lookup without sign-in;
 * the owner opens it from 我的投诉 without it.
 */
export function complaintDetailUrl(trackingNo: string, phoneLast4?: string, justFiled = false): string {
  return withQuery(`${ROOT}/detail/index`, { trackingNo, phoneLast4, new: justFiled ? '1' : undefined })
}

export function reviewFormUrl(institutionId: string, name?: string): string {
  return withQuery(`${ROOT}/review/index`, { institutionId, name })
}

export function reviewsUrl(institutionId: string, name?: string): string {
  return withQuery(`${ROOT}/reviews/index`, { institutionId, name })
}
