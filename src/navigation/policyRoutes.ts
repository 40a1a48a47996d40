/** Pages of the 托育政策 subpackage, built in one place like routes.ts. */

const ROOT = '/packages/policy/pages'

export const POLICY_ROUTES = {
  mine: `${ROOT}/mine/index`,
  library: `${ROOT}/library/index`,
  vouchers: `${ROOT}/vouchers/index`,
  alerts: `${ROOT}/alerts/index`,
} as const

export function policyUrl(id: string): string {
  return `${ROOT}/detail/index?id=${encodeURIComponent(id)}`
}
