import crypto from 'node:crypto'
import {
  formatInvitationCode,
  Invitation,
  InvitationCreateBody,
  INVITATION_TTL_HOURS,
  MemberRole,
  mayInvite,
  NewInvitation,
  normaliseInvitationCode,
} from '@domain/staffAccess'
import { inShanghai } from '@domain/shanghaiTime'
import { Page, PageQuery } from '@domain/page'
import { Database, Queryable } from '../../platform/db/database'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { ApiError } from '../../platform/http/apiError'
import { pageFromRows, timeAndIdCursor } from '../../platform/http/paging'
import { Viewer } from './authentication'
import { hashInvitationCode, invitationQrText, newInvitationCode } from './invitationCode'
import {
  cancelInvitation as cancelInvitationRow,
  findDistrictName,
  findInstitutionForInvitation,
  findInvitation,
  insertInvitation,
  InvitationRow,
  listInvitations as listInvitationRows,
  takeInvitation,
} from './invitationRepository'
import { findLiveMembershipOfKind, insertMembership } from './membershipRepository'
import { findUser } from './userRepository'

/*
 * Roles come by invitation only (issue 9; docs/architecture.md "Accounts and roles"):
 * `npm run admin` invites a district's first regulator; a regulator invites the admin
 * of a filed institution in the district (or another regulator); an institution admin
 * invites staff. The code is shown once, valid 72 hours, single use; every step is audited.
 */

const HOUR_MS = 3600_000
export const CLI_ACTOR = 'cli:npm run admin'

interface InvitationTarget {
  role: MemberRole
  districtCode: string
  institutionId: string | null
}

/** The first regulator of a district, from the server's console (no one signed in). */
export async function inviteFirstRegulator(db: Database, districtCode: string, note: string | null, now = new Date()): Promise<NewInvitation> {
  return db.transaction(async (tx) => {
    if ((await findDistrictName(tx, districtCode)) === undefined) throw new ApiError('NOT_FOUND', `没有找到区县 ${districtCode}：请先导入备案名单（npm run import）`)
    return makeInvitation(tx, { role: 'regulator', districtCode, institutionId: null }, null, note, now)
  })
}

/**
 * The admin of an institution, from the console: for a district whose regulators are not
 * on the workbench yet. The institution must be filed.
 */
export async function inviteInstitutionAdminFromConsole(db: Database, institutionId: string, note: string | null, now = new Date()): Promise<NewInvitation> {
  return db.transaction(async (tx) => {
    const institution = await findInstitutionForInvitation(tx, institutionId)
    if (!institution) throw new ApiError('NOT_FOUND', `没有找到机构 ${institutionId}`)
    if (institution.filing_status !== 'filed') throw new ApiError('CONFLICT', '这家机构不在备案有效期内，不能邀请管理员')
    return makeInvitation(tx, { role: 'institution_admin', districtCode: institution.district_code, institutionId }, null, note, now)
  })
}

/** An invitation from a signed-in regulator or institution admin, within their own scope. */
export async function invite(db: Database, inviter: Viewer, body: InvitationCreateBody, now = new Date()): Promise<NewInvitation> {
  return db.transaction(async (tx) => makeInvitation(tx, await targetFor(tx, inviter, body), inviter.userId, body.note ?? null, now))
}

async function targetFor(tx: Queryable, inviter: Viewer, body: InvitationCreateBody): Promise<InvitationTarget> {
  if (body.role === 'institution_staff') {
    if (inviter.institutionRole !== 'institution_admin' || inviter.staffInstitutionId === null) {
      throw new ApiError('FORBIDDEN', '只有机构管理员可以邀请工作人员')
    }
    const institution = await findInstitutionForInvitation(tx, inviter.staffInstitutionId)
    if (!institution) throw new ApiError('NOT_FOUND', '没有找到这家机构')
    return { role: body.role, districtCode: institution.district_code, institutionId: institution.id }
  }
  const districtCode = inviter.regulatorDistrictCode
  if (districtCode === null || !mayInvite('regulator', body.role)) throw new ApiError('FORBIDDEN', '只有区县监管人员可以邀请机构管理员或监管人员')
  if (body.role === 'regulator') return { role: body.role, districtCode, institutionId: null }
  if (body.institutionId === undefined) throw new ApiError('VALIDATION', '请选择机构', { 'body.institutionId': '请选择机构' })
  const institution = await findInstitutionForInvitation(tx, body.institutionId)
  // Another district's institution is as good as absent (API.md "Staff": 404).
  if (!institution || institution.district_code !== districtCode) throw new ApiError('NOT_FOUND', '没有找到本区县的这家机构')
  if (institution.filing_status !== 'filed') throw new ApiError('CONFLICT', '这家机构不在备案有效期内，不能邀请管理员')
  return { role: body.role, districtCode, institutionId: institution.id }
}

async function makeInvitation(tx: Queryable, target: InvitationTarget, invitedBy: string | null, note: string | null, now: Date): Promise<NewInvitation> {
  const code = newInvitationCode()
  const id = crypto.randomUUID()
  await insertInvitation(tx, {
    id,
    codeHash: hashInvitationCode(code),
    role: target.role,
    districtCode: target.districtCode,
    institutionId: target.institutionId,
    invitedBy,
    note,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * HOUR_MS),
  })
  await insertAuditEntry(tx, {
    actorUserId: invitedBy ?? CLI_ACTOR,
    action: 'invitation.create',
    subjectKind: 'invitation',
    subjectId: id,
    detail: { role: target.role, districtCode: target.districtCode, institutionId: target.institutionId },
  })
  const row = await findInvitation(tx, id)
  if (!row) throw new Error(`invitation ${id} vanished`)
  return { ...toInvitation(row, now), code: formatInvitationCode(code), qrText: invitationQrText(code) }
}

/**
 * Accepting: a person signed in with WeChat (any signed-in person in demo mode) takes
 * the role. Expired, used, cancelled and unknown codes all read the same, so a code
 * cannot be probed; holding a role of that kind already is a conflict.
 */
export async function acceptInvitation(db: Database, viewer: Viewer, typed: string, options: { demoMode: boolean }): Promise<Invitation> {
  const code = normaliseInvitationCode(typed)
  if (code === null) throw new ApiError('VALIDATION', '邀请码格式不正确', { 'body.code': '邀请码是 12 位字母和数字' })
  if (!options.demoMode) {
    const user = await findUser(db, viewer.userId)
    if (!user?.wechat_openid) throw new ApiError('FORBIDDEN', '请在微信小程序中登录后接受邀请')
  }
  return db.transaction(async (tx) => {
    const invitation = await takeInvitation(tx, hashInvitationCode(code), viewer.userId)
    if (!invitation) throw new ApiError('NOT_FOUND', '邀请码无效、已使用或已过期，请向邀请人索取新的邀请码')
    const kind = invitation.role === 'regulator' ? 'district' : 'institution'
    if (await findLiveMembershipOfKind(tx, viewer.userId, kind)) {
      throw new ApiError('CONFLICT', kind === 'district' ? '你已是一个区县的监管人员，请先退出原角色' : '你已在一家机构任职，请先由原机构移除')
    }
    const membershipId = await insertMembership(tx, {
      userId: viewer.userId,
      role: invitation.role,
      institutionId: invitation.institution_id,
      districtCode: invitation.district_code,
      invitationId: invitation.id,
    })
    await insertAuditEntry(tx, {
      actorUserId: viewer.userId,
      action: 'membership.grant',
      subjectKind: 'membership',
      subjectId: membershipId,
      detail: { invitationId: invitation.id, invitedBy: invitation.invited_by ?? CLI_ACTOR, role: invitation.role, districtCode: invitation.district_code, institutionId: invitation.institution_id },
    })
    return toInvitation(invitation, new Date())
  })
}

/** Invitations the viewer's scope made: a regulator's district, an admin's institution. */
/** GET /staff/invitations: one page of the invitations in the viewer's scope, newest first. */
export async function listInvitations(db: Database, viewer: Viewer, query: PageQuery): Promise<Page<Invitation>> {
  const scope = scopeOf(viewer)
  const after = query.cursor ? timeAndIdCursor.decode(query.cursor) : undefined
  const now = new Date()
  const rows = await listInvitationRows(db, scope, after, query.limit + 1)
  return pageFromRows(rows, query.limit, (row) => toInvitation(row, now), (row) => ({ at: row.cursor_at, id: row.id }), timeAndIdCursor)
}

export async function cancelInvitation(db: Database, viewer: Viewer, id: string): Promise<Invitation> {
  return db.transaction(async (tx) => {
    const row = await findInvitation(tx, id)
    if (!row || !inScope(viewer, row)) throw new ApiError('NOT_FOUND', '没有找到这份邀请')
    if (!(await cancelInvitationRow(tx, id))) throw new ApiError('CONFLICT', '这份邀请已被接受或已作废')
    await insertAuditEntry(tx, { actorUserId: viewer.userId, action: 'invitation.cancel', subjectKind: 'invitation', subjectId: id })
    const after = await findInvitation(tx, id)
    return toInvitation(after ?? row, new Date())
  })
}

function scopeOf(viewer: Viewer): { districtCode: string } | { institutionId: string } {
  if (viewer.regulatorDistrictCode !== null) return { districtCode: viewer.regulatorDistrictCode }
  if (viewer.institutionRole === 'institution_admin' && viewer.staffInstitutionId !== null) return { institutionId: viewer.staffInstitutionId }
  throw new ApiError('FORBIDDEN', '只有区县监管人员或机构管理员可以管理邀请')
}

function inScope(viewer: Viewer, row: InvitationRow): boolean {
  if (row.role === 'institution_staff') return viewer.institutionRole === 'institution_admin' && viewer.staffInstitutionId === row.institution_id
  return viewer.regulatorDistrictCode === row.district_code
}

function toInvitation(row: InvitationRow, now: Date): Invitation {
  const status = row.accepted_at ? 'accepted' : row.cancelled_at ? 'cancelled' : row.expires_at <= now ? 'expired' : 'pending'
  return {
    id: row.id,
    role: row.role,
    districtCode: row.district_code,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    note: row.note,
    status,
    createdAt: inShanghai(row.created_at).format(),
    expiresAt: inShanghai(row.expires_at).format(),
  }
}
