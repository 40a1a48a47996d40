import { z } from 'zod'
import { CareModeSchema } from './careMode'
import { MobilePhoneSchema } from './phone'
import { safeText } from './safeText'

/*
 * An application for a place (入托申请). submitted 已提交 — the institution has a
 * vacancy and will review it; waitlisted 候补中 — no vacancy, in line with a position;
 * admitted 已录取; declined 未录取; withdrawn 已撤回 (by the parent).
 */
export const ENROLLMENT_STATUSES = ['submitted', 'waitlisted', 'admitted', 'declined', 'withdrawn'] as const
export const EnrollmentStatusSchema = z.enum(ENROLLMENT_STATUSES)
export type EnrollmentStatus = z.infer<typeof EnrollmentStatusSchema>
export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  submitted: '已提交，待机构审核',
  waitlisted: '候补中',
  admitted: '已录取',
  declined: '未录取',
  withdrawn: '已撤回',
}

export const START_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export const EnrollmentCreateBodySchema = z.object({
  institutionId: safeText({ error: '请选择机构' }).trim().min(1, '请选择机构').max(100, '机构编号太长'),
  childId: safeText({ error: '请选择孩子' }).trim().min(1, '请选择孩子').max(100, '孩子编号太长'),
  careMode: CareModeSchema,
  startMonth: safeText({ error: '请选择入托月份' }).regex(START_MONTH, '入托月份格式应为 YYYY-MM'),
  contactPhone: MobilePhoneSchema,
})
export type EnrollmentCreateBody = z.infer<typeof EnrollmentCreateBodySchema>

export const EnrollmentSchema = z.object({
  id: z.string(),
  status: EnrollmentStatusSchema,
  /** 1 is next in line; null unless waitlisted. Each parent sees only their own. */
  waitlistPosition: z.number().int().positive().nullable(),
  institution: z.object({ id: z.string(), name: z.string() }),
  child: z.object({ id: z.string(), nickname: z.string() }),
  careMode: CareModeSchema,
  startMonth: z.string(),
  contactPhone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Enrollment = z.infer<typeof EnrollmentSchema>
