/** Page paths, in one place so a moved page is changed once. */
export const ROUTES = {
  find: '/pages/find/index',
  map: '/pages/map/index',
  me: '/pages/me/index',
  districts: '/packages/institution/pages/districts/index',
  /** 工作台 (issue 9): staff and regulators, by invitation. */
  workbench: '/packages/workbench/pages/home/index',
} as const

export function detailUrl(institutionId: string): string {
  return `/packages/institution/pages/detail/index?id=${encodeURIComponent(institutionId)}`
}
