import { z } from 'zod'
import { ComplaintAttachmentSchema, COMPLAINT_ATTACHMENTS_MAX } from './complaint'
import { FilingStatusSchema, INSPECTION_RESULTS, InspectionSchema, InstitutionGradeSchema } from './institution'
import { isoDateWithin } from './datedField'
import { pageQuerySchema, pageSchema } from './page'
import { RECTIFICATION_STATES } from './rectificationFlow'
import { safeText } from './safeText'

/*
 * 监管工作台 (issue 9): what a district regulator records about an institution of their
 * district — inspections (检查), rectification notices (整改通知) with the institution's
 * reports (整改完成报告), and the grade (等级评定) — and the institution's side of a notice.
 * The notice's steps are the pure rule in rectificationFlow.ts.
 */

const text = (what: string, min: number, max: number) =>
  safeText({ error: `请填写${what}` }).trim().min(min, min > 1 ? `${what}至少 ${min} 个字` : `请填写${what}`).max(max, `${what}最多 ${max} 个字`)

/** `:id` of an institution or a notice in a path. */
export const RecordIdParamsSchema = z.object({ id: safeText({ error: '编号不正确' }).trim().min(1, '编号不能为空').max(100, '编号太长') })

/** An inspection is recorded after it happened: within the last year, never ahead (the server checks with its clock). */
export const INSPECTION_WINDOW = { pastDays: 366, futureDays: 1 }

export const InspectionCreateBodySchema = z.object({
  inspectedOn: isoDateWithin(INSPECTION_WINDOW, '检查日期', '请填写检查日期（YYYY-MM-DD）'),
  result: z.enum(INSPECTION_RESULTS, { error: '请选择检查结果' }),
  summary: text('检查情况', 1, 1000),
})
export type InspectionCreateBody = z.infer<typeof InspectionCreateBodySchema>

export const GradeSetBodySchema = z.object({
  /** A grade of the district's scale (GET /staff/oversight/institutions/:id lists it). */
  grade: safeText({ error: '请选择等级' }).trim().regex(/^[a-z0-9_]{1,20}$/, '等级不正确'),
})
export type GradeSetBody = z.infer<typeof GradeSetBodySchema>

export const GradeScaleEntrySchema = z.object({ grade: z.string(), label: z.string(), rank: z.number().int(), source: z.string() })
export type GradeScaleEntry = z.infer<typeof GradeScaleEntrySchema>

export const RectificationReportBodySchema = z.object({
  description: text('整改情况', 10, 1000),
  /** Upload ids from POST /api/v1/uploads (the complaint photo store: private, signed links). */
  attachments: z
    .array(safeText().trim().min(1).max(100, '附件编号太长'), { error: '附件格式不正确' })
    .max(COMPLAINT_ATTACHMENTS_MAX, `最多上传 ${COMPLAINT_ATTACHMENTS_MAX} 张照片`)
    .optional(),
})
export type RectificationReportBody = z.infer<typeof RectificationReportBodySchema>

export const RectificationReturnBodySchema = z.object({ reason: text('退回理由', 1, 500) })
export type RectificationReturnBody = z.infer<typeof RectificationReturnBodySchema>

/** Accepting takes an optional note (kept in the audit log). */
export const RectificationAcceptBodySchema = z.object({ note: text('核验意见', 1, 500).optional() }).optional()

export const RectificationReportSchema = z.object({
  id: z.string(),
  description: z.string(),
  reportedAt: z.string(),
  reportedBy: z.string().nullable(),
  photos: z.array(ComplaintAttachmentSchema),
  verdict: z.enum(['accepted', 'returned']).nullable(),
  verdictReason: z.string().nullable(),
  verdictAt: z.string().nullable(),
})
export type RectificationReport = z.infer<typeof RectificationReportSchema>

/** A notice as both sides of the workbench see it: the notice, its state and every report. */
export const RectificationNoticeSchema = z.object({
  id: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  issuedOn: z.string(),
  dueOn: z.string(),
  authority: z.string(),
  issue: z.string(),
  requirement: z.string(),
  completedOn: z.string().nullable(),
  state: z.enum(RECTIFICATION_STATES),
  /** met / late / open / overdue (rectification.ts), as the public page shows it. */
  outcome: z.enum(['met', 'late', 'open', 'overdue']),
  /** Oldest first; the last one is the one waiting or decided last. */
  reports: z.array(RectificationReportSchema),
})
export type RectificationNotice = z.infer<typeof RectificationNoticeSchema>

export const RectificationNoticeListSchema = pageSchema(RectificationNoticeSchema).extend({
  /** Notices waiting for the institution (issued or sent back): the workbench badge. */
  awaitingInstitution: z.number().int(),
})
export type RectificationNoticeList = z.infer<typeof RectificationNoticeListSchema>

export const OversightPickerQuerySchema = z.object({ q: safeText({ error: '搜索词不正确' }).trim().max(50, '搜索词最多 50 个字').optional() }).extend(pageQuerySchema().shape)

export const OversightInstitutionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  filingStatus: FilingStatusSchema,
  gradeLabel: z.string().nullable(),
  /** Notices not yet completed. */
  openNotices: z.number().int(),
})
export type OversightInstitutionSummary = z.infer<typeof OversightInstitutionSummarySchema>
export const OversightInstitutionPageSchema = pageSchema(OversightInstitutionSummarySchema)

/** The regulator's page of one institution. */
export const OversightInstitutionSchema = z.object({
  institution: z.object({ id: z.string(), name: z.string(), address: z.string(), filingNumber: z.string(), filingStatus: FilingStatusSchema }),
  inspections: z.array(InspectionSchema),
  notices: z.array(RectificationNoticeSchema),
  grade: InstitutionGradeSchema.nullable(),
  /** The district's scale, best first; empty where the district does not grade. */
  gradeScale: z.array(GradeScaleEntrySchema),
})
export type OversightInstitution = z.infer<typeof OversightInstitutionSchema>

/** One line of a complaint's audit trail (who did what, when). */
export const AuditEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
export const AuditTrailSchema = pageSchema(AuditEntrySchema)

/** What each audited action on a complaint is called on the trail. */
export const COMPLAINT_AUDIT_LABELS: Record<string, string> = {
  'complaint.view': '查看了投诉',
  'complaint.accept': '受理',
  'complaint.investigate': '开始调查核实',
  'complaint.resolve': '办结',
  'complaint.reject': '不予受理',
  'complaint.rectification_issued': '据此下达整改通知',
}
