import { z } from 'zod'
import { InstitutionFactsSchema } from './institutionFacts'
import { ComplaintStatisticsSchema } from './complaintStatistics'
import { CareModeFeeSchema } from './careMode'
import { OpenSlotsSummarySchema } from './slotRules'
import { safeText } from './safeText'
import { VacancyCellSchema } from './vacancies'

/**
 * Institution kinds as the 备案 (filing) lists name them:
 * childcare_center 托育机构 · kindergarten_class 幼儿园托班/托幼一体 ·
 * employer 用人单位办托 · community 社区托育点 · family 家庭托育点.
 */
export const INSTITUTION_KINDS = ['childcare_center', 'kindergarten_class', 'employer', 'community', 'family'] as const
export const INSTITUTION_KIND_MESSAGE = '机构类型不正确'
export const InstitutionKindSchema = z.enum(INSTITUTION_KINDS, { error: INSTITUTION_KIND_MESSAGE })
export type InstitutionKind = z.infer<typeof InstitutionKindSchema>

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  childcare_center: '托育机构',
  kindergarten_class: '托幼一体',
  employer: '用人单位办托',
  community: '社区托育点',
  family: '家庭托育点',
}

/** 备案状态: filed 已备案 · suspended 暂停 · revoked 已注销. Only filed ones are listed. */
export const FILING_STATUSES = ['filed', 'suspended', 'revoked'] as const
export const FilingStatusSchema = z.enum(FILING_STATUSES)
export type FilingStatus = z.infer<typeof FilingStatusSchema>
export const FILING_STATUS_LABELS: Record<FilingStatus, string> = { filed: '已备案', suspended: '暂停服务', revoked: '已注销' }

/** 示范托育机构 levels. */
export const DEMONSTRATION_LEVELS = ['national', 'provincial', 'municipal', 'district'] as const
export const DemonstrationLevelSchema = z.enum(DEMONSTRATION_LEVELS)
export type DemonstrationLevel = z.infer<typeof DemonstrationLevelSchema>
export const DEMONSTRATION_LEVEL_LABELS: Record<DemonstrationLevel, string> = {
  national: '全国示范',
  provincial: '省级示范',
  municipal: '市级示范',
  district: '区级示范',
}

/**
 * Class types and their age bands from 《托育机构设置标准（试行）》:
 * 乳儿班 6–12 months (≤10 children), 托小班 12–24 months (≤15), 托大班 24–36 months (≤20).
 */
export const CLASS_TYPES = ['infant', 'toddler', 'preschool'] as const
export const ClassTypeSchema = z.enum(CLASS_TYPES)
export type ClassType = z.infer<typeof ClassTypeSchema>
export const CLASS_RULES: Record<ClassType, { label: string; minMonths: number; maxMonths: number; maxChildren: number }> = {
  infant: { label: '乳儿班', minMonths: 6, maxMonths: 12, maxChildren: 10 },
  toddler: { label: '托小班', minMonths: 12, maxMonths: 24, maxChildren: 15 },
  preschool: { label: '托大班', minMonths: 24, maxMonths: 36, maxChildren: 20 },
}

export const LatLngSchema = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
export const AgeRangeSchema = z
  .object({ minMonths: z.number().int().min(0).max(36), maxMonths: z.number().int().min(0).max(36) })
  .refine((r) => r.minMonths <= r.maxMonths, { message: '最小月龄不能大于最大月龄' })

export const RatingSchema = z.object({ average: z.number().min(0).max(5).nullable(), count: z.number().int().nonnegative() })

export const InstitutionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: InstitutionKindSchema,
  district: z.string(),
  districtCode: z.string(),
  street: z.string(),
  address: z.string(),
  location: LatLngSchema,
  distanceKm: z.number().nonnegative().optional(),
  affordable: z.boolean(),
  filing: z.object({ number: z.string(), status: FilingStatusSchema }),
  ageRange: AgeRangeSchema,
  careModes: z.array(CareModeFeeSchema),
  capacity: z.number().int().nonnegative(),
  vacancies: z.number().int().nonnegative(),
  /**
   * The care mode × age band cells with places (vacancies.ts), when staff broke the total
   * down; empty when they have not (the total alone then speaks). Every answer carries it;
   * optional so summaries built elsewhere (tests, older clients' caches) still parse.
   */
  openPlaces: z.array(VacancyCellSchema).optional(),
  rating: RatingSchema,
  demonstrationLevel: DemonstrationLevelSchema.nullable(),
  isDemo: z.boolean(),
  /**
   * 可预约: an open day, visit or trial with room in the next BOOKABLE_WINDOW_DAYS.
   * Set on search answers at answer time (places change with every booking).
   */
  bookable: z.boolean().optional(),
})
export type InstitutionSummary = z.infer<typeof InstitutionSummarySchema>

export const ClassGroupSchema = z.object({
  type: ClassTypeSchema,
  classCount: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  enrolled: z.number().int().nonnegative(),
})

export const OpeningHoursSchema = z.object({
  days: z.string(),
  opensAt: safeText().regex(/^\d{2}:\d{2}$/),
  closesAt: safeText().regex(/^\d{2}:\d{2}$/),
})

export const INSPECTION_RESULTS = ['passed', 'rectification_required', 'failed'] as const
export const INSPECTION_RESULT_LABELS: Record<(typeof INSPECTION_RESULTS)[number], string> = {
  passed: '合格',
  rectification_required: '责令整改',
  failed: '不合格',
}
export type InspectionResult = (typeof INSPECTION_RESULTS)[number]
export const InspectionSchema = z.object({
  id: z.string(),
  inspectedOn: z.string(),
  authority: z.string(),
  result: z.enum(INSPECTION_RESULTS),
  summary: z.string(),
})

export const RectificationSchema = z.object({
  id: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  authority: z.string(),
  issue: z.string(),
  completedOn: z.string().nullable(),
  /** met: done by the deadline · late: done after it · open: not done, deadline ahead · overdue */
  outcome: z.enum(['met', 'late', 'open', 'overdue']),
})

/**
 * The district's grade of the institution (等级评定), on the district's own scale
 * (table district_grade_scales; a district without a scale does not grade).
 */
export const InstitutionGradeSchema = z.object({
  grade: z.string(),
  label: z.string(),
  /** 1 is the best grade of the district's scale. */
  rank: z.number().int(),
  /** Rungs on the district's scale, so "二级" can be read as "2 of 3". */
  scaleSize: z.number().int(),
  /** Where the district's scale comes from (its published rules, or 演示数据 in the demo). */
  scaleSource: z.string(),
  gradedOn: z.string(),
  authority: z.string(),
})
export type InstitutionGrade = z.infer<typeof InstitutionGradeSchema>

/** How this institution's fee compares with the district median for the same mode. */
export const FeeComparisonSchema = z.object({
  mode: CareModeFeeSchema.shape.mode,
  fee: z.number().int(),
  districtMedian: z.number().int(),
  /** (fee − median) / median, e.g. -0.12 is 12% below the median. */
  relativeToMedian: z.number(),
})

export const InstitutionDetailSchema = InstitutionSummarySchema.extend({
  filing: z.object({
    number: z.string(),
    status: FilingStatusSchema,
    filedOn: z.string(),
    authority: z.string(),
  }),
  hours: OpeningHoursSchema,
  classes: z.array(ClassGroupSchema),
  /** 环境照片 kept by its staff: public paths in display order (premisesPhotos.ts). */
  photos: z.array(z.string()),
  contactPhone: z.string(),
  description: z.string(),
  inspections: z.array(InspectionSchema),
  rectifications: z.array(RectificationSchema),
  feeComparison: z.array(FeeComparisonSchema),
  /** Bookable open days, visits, trials and lectures of the next 60 days (slotRules.ts). */
  openSlots: OpenSlotsSummarySchema.optional(),
  /** Complaints about it by outcome (complaint.ts); counts only, never who complained. */
  complaintStatistics: ComplaintStatisticsSchema.optional(),
  /** Vacancies and staffing with when the institution last confirmed them (institutionFacts.ts). */
  facts: InstitutionFactsSchema.optional(),
  /** The district's grade (等级评定); null where the district grades and has not graded it yet, absent where it does not grade. */
  grade: InstitutionGradeSchema.nullable().optional(),
})
export type InstitutionDetail = z.infer<typeof InstitutionDetailSchema>
