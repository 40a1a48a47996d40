import { z } from 'zod'
import { safeText } from './safeText'

/*
 * 工作台 accounts (issue 9): who may act for a district or an institution, granted by
 * invitation only. Glossary: regulator — 区县卫健委 staff of one district;
 * institution_admin — 机构管理员, invites and removes staff; institution_staff — 机构工作人员.
 */

export const MEMBER_ROLES = ['regulator', 'institution_admin', 'institution_staff'] as const
export const MemberRoleSchema = z.enum(MEMBER_ROLES, { error: '角色不正确' })
export type MemberRole = z.infer<typeof MemberRoleSchema>

export const ROLE_NAMES: Record<MemberRole, string> = {
  regulator: '区县监管人员',
  institution_admin: '机构管理员',
  institution_staff: '机构工作人员',
}

/** An invitation is valid this long after it is made, and once. */
export const INVITATION_TTL_HOURS = 72
/** A desktop session from 扫码登录 ends after this long. */
export const DESKTOP_SESSION_HOURS = 8
/** How long the QR code on the desktop may wait for the phone. */
export const LOGIN_TICKET_MINUTES = 3

/**
 * Who may invite whom: a regulator invites another regulator of the district or the
 * admin of a filed institution in it; an institution admin invites staff.
 */
export function mayInvite(inviter: MemberRole, invitee: MemberRole): boolean {
  if (inviter === 'regulator') return invitee === 'regulator' || invitee === 'institution_admin'
  if (inviter === 'institution_admin') return invitee === 'institution_staff'
  return false
}

/** Invitation codes: 12 letters and digits without look-alikes, shown as XXXX-XXXX-XXXX. */
export const INVITATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_PATTERN = new RegExp(`^[${INVITATION_CODE_ALPHABET}]{12}$`)

/**
 * The code inside whatever was typed or scanned: spaces, dashes and lower case are
 * forgiven, and a scanned link carries it as `invite=`.
 */
export function normaliseInvitationCode(input: string): string | null {
  const fromLink = /[?&]invite=([A-Za-z0-9-]+)/.exec(input)
  const code = (fromLink ? fromLink[1] : input).replace(/[\s-]/g, '').toUpperCase()
  return CODE_PATTERN.test(code) ? code : null
}

export function formatInvitationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}

export const InvitationCreateBodySchema = z.object({
  role: MemberRoleSchema,
  /** Whose admin a regulator invites; staff are always invited to the admin's own institution. */
  institutionId: safeText().trim().min(1, '请选择机构').max(100, '机构编号太长').optional(),
  /** A reminder for the inviter: who this is for (not shown to anyone else). */
  note: safeText().trim().max(40, '备注最多 40 个字').optional(),
})
export type InvitationCreateBody = z.infer<typeof InvitationCreateBodySchema>

export const InvitationStatusSchema = z.enum(['pending', 'accepted', 'expired', 'cancelled'])
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>

export const InvitationSchema = z.object({
  id: z.string(),
  role: MemberRoleSchema,
  districtCode: z.string(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  note: z.string().nullable(),
  status: InvitationStatusSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
})
export type Invitation = z.infer<typeof InvitationSchema>

/** A new invitation: the code is shown this once and never again. */
export const NewInvitationSchema = InvitationSchema.extend({
  code: z.string(),
  /** What the QR code holds: a link into the workbench's join page with the code. */
  qrText: z.string(),
})
export type NewInvitation = z.infer<typeof NewInvitationSchema>

export const InvitationAcceptBodySchema = z.object({
  code: safeText({ error: '请输入邀请码' }).trim().min(1, '请输入邀请码').max(300, '邀请码格式不正确'),
})

export const MembershipSchema = z.object({
  id: z.string(),
  userId: z.string(),
  nickname: z.string().nullable(),
  role: MemberRoleSchema,
  districtCode: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  grantedAt: z.string(),
})
export type Membership = z.infer<typeof MembershipSchema>

/** The roles of the signed-in person, for GET /me and the workbench's menu. */
export const MyRolesSchema = z.object({
  regulator: z.object({ districtCode: z.string(), districtName: z.string() }).nullable(),
  institution: z
    .object({ institutionId: z.string(), institutionName: z.string(), role: z.enum(['institution_admin', 'institution_staff']) })
    .nullable(),
})
export type MyRoles = z.infer<typeof MyRolesSchema>

export const DemoAccountSchema = z.object({
  key: z.string(),
  nickname: z.string(),
  role: MemberRoleSchema,
  description: z.string(),
  districtCode: z.string(),
  institutionId: z.string().nullable(),
})
export type DemoAccount = z.infer<typeof DemoAccountSchema>

export const LoginTicketSchema = z.object({
  ticketId: z.string(),
  /** The desktop's secret for collecting its session; never in the QR code. */
  pollSecret: z.string(),
  expiresAt: z.string(),
  /** What the QR code shows: a link with the ticket id only. */
  qrText: z.string(),
})
export type LoginTicket = z.infer<typeof LoginTicketSchema>

export const TicketIdSchema = safeText().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, '登录二维码不正确')

/** The ticket id inside a scanned QR text (`…?login=ID`) or the bare id. */
export function ticketIdFromScan(scanned: string): string | null {
  const fromLink = /[?&]login=([A-Za-z0-9_-]+)/.exec(scanned)
  const id = fromLink ? fromLink[1] : scanned.trim()
  return TicketIdSchema.safeParse(id).success ? id : null
}

export const DesktopSessionSchema = z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string() })
export type DesktopSession = z.infer<typeof DesktopSessionSchema>
