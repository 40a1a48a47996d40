import { MyRoles } from '@domain/staffAccess'

/*
 * The workbench's menu: one entry per section, shown to the roles it serves. A new
 * section (e.g. issue 10's pages/terms and pages/vouchers) is one more entry here.
 */

export type Audience = 'institution' | 'institution_admin' | 'regulator'

export interface WorkbenchSection {
  key: string
  title: string
  hint: string
  url: string
  audience: Audience[]
}

const ROOT = '/packages/workbench/pages'

export const WORKBENCH_SECTIONS: WorkbenchSection[] = [
  { key: 'bookings', title: '今日到访与待确认预约', hint: '核对预约码签到，确认或婉拒预约', url: `${ROOT}/bookings/index`, audience: ['institution'] },
  { key: 'facts', title: '空位与人员', hint: '确认空位数和持证保育人员，家长看到更新时间', url: `${ROOT}/facts/index`, audience: ['institution'] },
  { key: 'slots', title: '时段发布', hint: '开放日、参观、试托、家长课堂，可按周重复', url: `${ROOT}/slots/index`, audience: ['institution'] },
  { key: 'enrollments', title: '入托申请与候补', hint: '录取或婉拒，候补按顺序排列', url: `${ROOT}/enrollments/index`, audience: ['institution'] },
  { key: 'reviews', title: '家长评价', hint: '回复家长的评价', url: `${ROOT}/reviews/index`, audience: ['institution'] },
  { key: 'rectifications', title: '整改通知', hint: '监管部门下达的整改通知，整改后上传说明和照片', url: `${ROOT}/rectifications/index`, audience: ['institution'] },
  { key: 'oversight', title: '机构监管', hint: '按机构查看和记录检查、整改通知、等级评定', url: `${ROOT}/oversight/index`, audience: ['regulator'] },
  { key: 'complaints', title: '投诉办理', hint: '按紧急程度和期限排序，受理、调查、办结', url: `${ROOT}/complaints/index`, audience: ['regulator'] },
  { key: 'district', title: '区县概览', hint: '每千人口托位数、普惠占比等对照规划目标，附计算方法；可修改人口和目标', url: `${ROOT}/district/index`, audience: ['regulator'] },
  { key: 'filingList', title: '备案名单导入', hint: '上传本区县备案名单，先试运行看新增、变更、撤销和被拒的行，再写入', url: `${ROOT}/filingList/index`, audience: ['regulator'] },
  // issue 10: fee terms parents see on the institution page; 体验券 (staff redeem, regulators issue and follow)
  { key: 'terms', title: '收费与退费约定', hint: '伙食费、押金、预收月数和退费办法，家长在机构页看到', url: `${ROOT}/terms/index`, audience: ['institution'] },
  { key: 'vouchers', title: '托育体验券', hint: '机构到园核销；监管部门发放并查看领取、核销和入托申请', url: `${ROOT}/vouchers/index`, audience: ['institution', 'regulator'] },
  { key: 'members', title: '人员与邀请', hint: '邀请、查看和移除有权限的人', url: `${ROOT}/members/index`, audience: ['institution_admin', 'regulator'] },
]

export function audiencesOf(roles: MyRoles): Audience[] {
  const audiences: Audience[] = []
  if (roles.institution) audiences.push('institution')
  if (roles.institution?.role === 'institution_admin') audiences.push('institution_admin')
  if (roles.regulator) audiences.push('regulator')
  return audiences
}

export function sectionsFor(roles: MyRoles): WorkbenchSection[] {
  const audiences = audiencesOf(roles)
  return WORKBENCH_SECTIONS.filter((section) => section.audience.some((a) => audiences.includes(a)))
}

export const WORKBENCH_ROUTES = {
  home: `${ROOT}/home/index`,
  join: `${ROOT}/join/index`,
  oversightInstitution: `${ROOT}/institution/index`,
  facts: `${ROOT}/facts/index`,
} as const

/** The regulator's page of one institution of the district (监管记录). */
export function oversightInstitutionUrl(institutionId: string): string {
  return `${WORKBENCH_ROUTES.oversightInstitution}?id=${encodeURIComponent(institutionId)}`
}
