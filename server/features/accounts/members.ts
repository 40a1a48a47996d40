import { Membership } from '@domain/staffAccess'
import { inShanghai } from '@domain/shanghaiTime'
import { Page, PageQuery } from '@domain/page'
import { Database, Queryable } from '../../platform/db/database'
import { pageFromList } from '../../platform/http/paging'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from './authentication'
import { findLiveMembership, listLiveMembers, MembershipRow, revokeMembership } from './membershipRepository'

/*
 * Who holds a role in the viewer's scope, and revocation. A regulator oversees the
 * district's regulators and institution admins; an institution admin its staff.
 * Revoking takes effect on the person's very next request (roles are read per request).
 */

/**
 * GET /staff/members: one page. The list is grouped (regulators, then each institution's
 * admins by name), an order a keyset cannot follow cheaply; one scope holds at most a few
 * hundred live members, so it is read whole and paged by offset (pageFromList).
 */
export async function listMembers(db: Database, viewer: Viewer, query: PageQuery): Promise<Page<Membership>> {
  if (viewer.regulatorDistrictCode !== null) {
    return pageFromList((await listLiveMembers(db, { districtCode: viewer.regulatorDistrictCode })).map(toMembership), query.cursor, query.limit, 'members')
  }
  if (viewer.institutionRole === 'institution_admin' && viewer.staffInstitutionId !== null) {
    return pageFromList((await listLiveMembers(db, { institutionId: viewer.staffInstitutionId })).map(toMembership), query.cursor, query.limit, 'members')
  }
  throw new ApiError('FORBIDDEN', '只有区县监管人员或机构管理员可以查看成员')
}

export async function revokeMember(db: Database, viewer: Viewer, membershipId: string): Promise<Membership> {
  return db.transaction(async (tx) => {
    const member = await findLiveMembership(tx, membershipId)
    // Outside the viewer's scope reads as absent: no existence leak (API.md "Staff").
    if (!member || !mayRevoke(viewer, member)) throw new ApiError('NOT_FOUND', '没有找到这位成员')
    if (member.user_id === viewer.userId) throw new ApiError('CONFLICT', '不能移除自己，请让其他有权限的人操作')
    await revokeMembership(tx, membershipId, viewer.userId)
    await insertAuditEntry(tx, {
      actorUserId: viewer.userId,
      action: 'membership.revoke',
      subjectKind: 'membership',
      subjectId: membershipId,
      detail: { userId: member.user_id, role: member.role, districtCode: member.district_code, institutionId: member.institution_id },
    })
    return toMembership(member)
  })
}

function mayRevoke(viewer: Viewer, member: MembershipRow): boolean {
  if (member.role === 'institution_staff') return viewer.institutionRole === 'institution_admin' && viewer.staffInstitutionId === member.institution_id
  return viewer.regulatorDistrictCode !== null && viewer.regulatorDistrictCode === member.district_code
}

function toMembership(row: MembershipRow): Membership {
  return {
    id: row.id,
    userId: row.user_id,
    nickname: row.nickname,
    role: row.role,
    districtCode: row.district_code,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    grantedAt: inShanghai(row.granted_at).format(),
  }
}

/**
 * The users who hold a live role at an institution, or a live regulator role in a
 * district: whom a notice addressed to "the institution" or "the district" reaches.
 */
export async function liveMemberUserIds(db: Queryable, scope: { districtCode: string } | { institutionId: string }): Promise<string[]> {
  const members = await listLiveMembers(db, scope)
  const wanted = 'districtCode' in scope ? members.filter((m) => m.role === 'regulator') : members
  return [...new Set(wanted.map((m) => m.user_id))]
}
