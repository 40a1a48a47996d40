import { z } from 'zod'
import { safeText } from './safeText'

/*
 * Sign-in (docs/api.md "Sign-in and the account"). The server issues its own opaque session token; WeChat's
 * session_key and the AppSecret never leave the server.
 */

export const WechatSignInBodySchema = z.object({
  code: safeText({ error: '缺少微信登录凭证' }).trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证格式不正确'),
})
export type WechatSignInBody = z.infer<typeof WechatSignInBodySchema>

export const NICKNAME_MAX = 20

/**
 * Demo sign-in (demo mode only). Without `demoAccount` it makes a new parent; with it,
 * it signs in as one of the demo data's named staff or regulator accounts (演示账号).
 * It never grants a role: anything else in the body is ignored.
 */
export const DemoSignInBodySchema = z.object({
  nickname: safeText().trim().min(1, '昵称不能为空').max(NICKNAME_MAX, `昵称最多 ${NICKNAME_MAX} 个字`).optional(),
  demoAccount: safeText().trim().min(1, '演示账号不能为空').max(60, '演示账号不正确').optional(),
  /** Asking for a role this way (as demo sign-in once allowed) is refused with 404. */
  staffInstitutionId: z.unknown().optional(),
  regulatorDistrictCode: z.unknown().optional(),
})
export type DemoSignInBody = z.infer<typeof DemoSignInBodySchema>

export const STAFF_ROLES = ['institution_admin', 'institution_staff', 'regulator'] as const
export const StaffRoleSchema = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof StaffRoleSchema>

export const SessionUserSchema = z.object({
  id: z.string(),
  nickname: z.string().nullable(),
  /** The institution this user works for, when signed in as its staff. */
  staffInstitutionId: z.string().nullable(),
})
export type SessionUser = z.infer<typeof SessionUserSchema>

export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: SessionUserSchema,
})
export type Session = z.infer<typeof SessionSchema>

/** The 用户隐私保护指引 version the app shows; a new version asks again. */
export const PRIVACY_GUIDE_VERSION = '2026-11-01'

/**
 * Consents a parent gives, each recorded with its version and time (PIPL art. 29 and 31):
 * privacy_guide — the app's privacy guide; child_data — a guardian's separate consent to
 * process a child's nickname and birth or due date.
 */
export const CONSENT_KINDS = ['privacy_guide', 'child_data'] as const
export const ConsentKindSchema = z.enum(CONSENT_KINDS, { error: '同意事项不正确' })
export type ConsentKind = z.infer<typeof ConsentKindSchema>

export const ConsentBodySchema = z.object({
  kind: ConsentKindSchema,
  version: safeText().trim().min(1, '缺少版本号').max(40, '版本号太长'),
})
export type ConsentBody = z.infer<typeof ConsentBodySchema>

export const ConsentSchema = z.object({ kind: ConsentKindSchema, version: z.string(), givenAt: z.string() })
export type Consent = z.infer<typeof ConsentSchema>

/** How many subscribe messages of each kind the user may still be sent (one per acceptance). */
export const SubscriptionCountSchema = z.object({
  kind: z.enum(['visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'rectification_status', 'open_day_alert', 'vacancy_stale']),
  remaining: z.number().int(),
})
export type SubscriptionCount = z.infer<typeof SubscriptionCountSchema>

/** GET /api/v1/me: who is signed in, what they agreed to, which reminders they may still get. */
export const MyAccountSchema = z.object({
  user: SessionUserSchema.extend({ regulatorDistrictCode: z.string().nullable(), wechat: z.boolean() }),
  consents: z.array(ConsentSchema),
  subscriptions: z.array(SubscriptionCountSchema),
})
export type MyAccount = z.infer<typeof MyAccountSchema>
