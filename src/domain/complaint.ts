import { z } from 'zod'
import { MobilePhoneSchema, TrackingNoSchema } from './inputRules'
import { safeText } from './safeText'
import { DEADLINE_WINDOW, isoDateTimeWithin, isoDateWithin, PAST_INCIDENT_WINDOW } from './datedField'

/*
 * 投诉马上查 — complaints about a childcare institution, with a tracking number and
 * deadlines. Glossary: 投诉 complaint · 受理 accept · 调查核实 investigate · 办结
 * resolve · 不予受理 reject · 申请复核 request re-examination · 满意度评价 feedback ·
 * 查询码 trackingNo · 未备案机构 unlisted institution.
 *
 * Privacy: the complainant's phone, name and user id never leave in a staff or public
 * view (the institution must not learn who complained; regulators work through the
 * platform). Only the owner's own views carry the phone, and then only its last four.
 */

export const COMPLAINT_CATEGORIES = ['safety', 'abuse', 'food', 'hygiene', 'fees', 'staff', 'unfiled', 'other'] as const
export const ComplaintCategorySchema = z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类别' })
export type ComplaintCategory = z.infer<typeof ComplaintCategorySchema>
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  safety: '安全隐患',
  abuse: '虐待、体罚幼儿',
  food: '饮食问题',
  hygiene: '卫生问题',
  fees: '收费问题',
  staff: '人员资质',
  unfiled: '未备案办托',
  other: '其他',
}

/** abuse and safety put a child at risk now: deadlines in hours, first in the queue. */
export const URGENT_CATEGORIES: readonly ComplaintCategory[] = ['abuse', 'safety']
export function isUrgentCategory(category: ComplaintCategory): boolean {
  return URGENT_CATEGORIES.includes(category)
}

export const COMPLAINT_STATUSES = ['submitted', 'accepted', 'investigating', 'resolved', 'rejected', 'reexamination_requested'] as const
export const ComplaintStatusSchema = z.enum(COMPLAINT_STATUSES)
export type ComplaintStatus = z.infer<typeof ComplaintStatusSchema>
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: '已提交，待受理',
  accepted: '已受理',
  investigating: '调查核实中',
  resolved: '已办结',
  rejected: '不予受理',
  reexamination_requested: '已申请复核',
}

/** How urgent a complaint is: 'urgent' (abuse, safety) or 'ordinary'. */
export const COMPLAINT_URGENCIES = ['urgent', 'ordinary'] as const
export const ComplaintUrgencySchema = z.enum(COMPLAINT_URGENCIES)
export type ComplaintUrgency = z.infer<typeof ComplaintUrgencySchema>

export const COMPLAINT_DESCRIPTION_MIN = 10
export const COMPLAINT_DESCRIPTION_MAX = 2000
export const COMPLAINT_ATTACHMENTS_MAX = 6
export const COMPLAINT_NOTE_MAX = 1000

// Tracking numbers and the phone's last four digits: one forgiving rule each (inputRules.ts).
export { PhoneLast4Schema, TRACKING_NO, TrackingNoSchema } from './inputRules'

const text = (what: string, max: number) =>
  safeText({ error: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 个字`)

export const UnlistedInstitutionSchema = z.object({
  name: text('机构名称', 100),
  address: text('机构地址', 200),
  /** District code (区县); the complaint goes to that district's regulators. */
  district: text('所在区县', 20),
})
export type UnlistedInstitution = z.infer<typeof UnlistedInstitutionSchema>

export const ComplaintCreateBodySchema = z
  .object({
    institutionId: safeText().trim().min(1, '请选择机构').max(100, '机构编号太长').optional(),
    unlistedInstitution: UnlistedInstitutionSchema.optional(),
    category: ComplaintCategorySchema,
    description: safeText({ error: '请描述发生了什么' })
      .trim()
      .min(COMPLAINT_DESCRIPTION_MIN, `请至少用 ${COMPLAINT_DESCRIPTION_MIN} 个字描述发生了什么`)
      .max(COMPLAINT_DESCRIPTION_MAX, `描述最多 ${COMPLAINT_DESCRIPTION_MAX} 个字`),
    /** When it happened (ISO-8601 with offset); not in the future (checked by the server with its clock). */
    occurredAt: isoDateTimeWithin(PAST_INCIDENT_WINDOW, '发生时间', '请填写发生时间'),
    /** Stay anonymous to the institution (it never learns who complained either way; this also hides the nickname from regulators). */
    anonymous: z.boolean({ error: '请选择是否匿名' }).default(false),
    contactPhone: MobilePhoneSchema,
    /** Upload ids from POST /api/v1/uploads. */
    attachments: z
      .array(safeText().trim().min(1).max(100, '附件编号太长'), { error: '附件格式不正确' })
      .max(COMPLAINT_ATTACHMENTS_MAX, `最多上传 ${COMPLAINT_ATTACHMENTS_MAX} 张照片`)
      .optional(),
  })
  .refine((b) => (b.institutionId === undefined) !== (b.unlistedInstitution === undefined), {
    message: '请选择一家机构，或填写未收录机构的名称和地址（二选一）',
    path: ['institutionId'],
  })
export type ComplaintCreateBody = z.infer<typeof ComplaintCreateBodySchema>

export const ComplaintCreatedSchema = z.object({
  trackingNo: z.string(),
  status: ComplaintStatusSchema,
  /** By when it will be accepted (受理). */
  acceptBy: z.string(),
  /** By when it will be answered (办结). */
  dueBy: z.string(),
})
export type ComplaintCreated = z.infer<typeof ComplaintCreatedSchema>

export const ComplaintTimelineEntrySchema = z.object({
  status: ComplaintStatusSchema,
  at: z.string(),
  /** The handler's note: the result, the reason, or a feedback comment. */
  note: z.string().nullable(),
})
export type ComplaintTimelineEntry = z.infer<typeof ComplaintTimelineEntrySchema>

export const ComplaintInstitutionSchema = z.object({
  /** null for an unlisted institution. */
  id: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  district: z.string(),
  listed: z.boolean(),
})

export const ComplaintAttachmentSchema = z.object({ id: z.string(), url: z.string() })

export const ComplaintFeedbackSchema = z.object({ satisfied: z.boolean(), comment: z.string().nullable(), at: z.string() })

const complaintCore = {
  trackingNo: z.string(),
  status: ComplaintStatusSchema,
  statusLabel: z.string(),
  category: ComplaintCategorySchema,
  categoryLabel: z.string(),
  urgency: ComplaintUrgencySchema,
  institution: ComplaintInstitutionSchema,
  occurredAt: z.string(),
  createdAt: z.string(),
  acceptBy: z.string(),
  dueBy: z.string(),
  timeline: z.array(ComplaintTimelineEntrySchema),
  feedback: ComplaintFeedbackSchema.nullable(),
}

/**
 * The complainant's view (owner, or lookup with tracking number + phone last 4).
 * `attachments` only for the signed-in owner; `reexaminationUntil` while one may be asked.
 */
export const ComplaintSchema = z.object({
  ...complaintCore,
  description: z.string(),
  anonymous: z.boolean(),
  phoneLast4: z.string(),
  canGiveFeedback: z.boolean(),
  reexaminationUntil: z.string().nullable(),
  attachments: z.array(ComplaintAttachmentSchema).optional(),
})
export type Complaint = z.infer<typeof ComplaintSchema>

/** The regulator's view: everything needed to handle it, nothing that says who complained. */
export const StaffComplaintSchema = z.object({
  ...complaintCore,
  description: z.string(),
  overdue: z.boolean(),
  attachments: z.array(ComplaintAttachmentSchema),
})
export type StaffComplaint = z.infer<typeof StaffComplaintSchema>

export const ComplaintListSchema = z.object({ items: z.array(ComplaintSchema), nextCursor: z.string().nullable() })
export const StaffComplaintListSchema = z.object({ items: z.array(StaffComplaintSchema), nextCursor: z.string().nullable() })

export const ComplaintFeedbackBodySchema = z.object({
  satisfied: z.boolean({ error: '请选择是否满意' }),
  comment: safeText().trim().max(500, '评价最多 500 字').optional(),
})
export type ComplaintFeedbackBody = z.infer<typeof ComplaintFeedbackBodySchema>

export const ComplaintReexaminationBodySchema = z.object({
  reason: text('申请复核的理由', 1000),
})
export type ComplaintReexaminationBody = z.infer<typeof ComplaintReexaminationBodySchema>

/** Staff actions: accept / investigate take an optional note; resolve needs a result, reject a reason. */
export const StaffNoteBodySchema = z.object({ note: safeText().trim().max(COMPLAINT_NOTE_MAX, `说明最多 ${COMPLAINT_NOTE_MAX} 字`).optional() }).nullish()
export const StaffResolveBodySchema = z.object({ result: text('办理结果', COMPLAINT_NOTE_MAX) })
export const StaffRejectBodySchema = z.object({ reason: text('不予受理的理由', COMPLAINT_NOTE_MAX) })

export { ComplaintStatisticsSchema, type ComplaintStatistics } from './complaintStatistics'

export const RectificationCreateBodySchema = z.object({
  institutionId: text('机构', 100),
  issue: text('整改问题', 500),
  /** 法律依据或整改要求, e.g. the article of 托育机构设置标准 the issue breaks. */
  requirement: text('整改依据和要求', 1000).optional(),
  dueOn: isoDateWithin(DEADLINE_WINDOW, '整改期限', '请填写整改期限（YYYY-MM-DD）'),
  /** The complaint that led to it, if any. */
  trackingNo: TrackingNoSchema.optional(),
})
export type RectificationCreateBody = z.infer<typeof RectificationCreateBodySchema>

export const RectificationSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  authority: z.string(),
  issue: z.string(),
  requirement: z.string().optional(),
})
export type Rectification = z.infer<typeof RectificationSchema>
