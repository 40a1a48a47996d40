import { z } from 'zod'
import { CARE_MODE_LABELS, CareMode, describeFee, FeeUnit } from './careMode'
import { safeText } from './safeText'

/*
 * 区县概览 (the regulator's district at a glance, issue 9): the district's figures
 * against its own plan's targets — places per 1,000 residents, the 普惠 share of
 * places, vacancies, median fees per care mode, the certified share of staff,
 * complaints closed within their deadline, open days held this month. Each figure
 * carries how it was computed (the formula and the counts it divides), so a regulator
 * can check it by hand. Pure: the server gathers the counts, these rules compute.
 */

/** The district's plan: the population and targets the regulator keeps (null = not published). */
export const DistrictPlanSchema = z.object({
  districtCode: z.string(),
  /** 常住人口. */
  population: z.number().int().positive().nullable(),
  populationSource: z.string(),
  placesPerThousandTarget: z.number().positive().nullable(),
  /** Shares are 0..1. */
  affordableShareTarget: z.number().min(0).max(1).nullable(),
  certifiedStaffShareTarget: z.number().min(0).max(1).nullable(),
  complaintsInTimeTarget: z.number().min(0).max(1).nullable(),
  /** What the district itself reports for places per 1,000 residents, shown beside the computed figure. */
  reportedPlacesPerThousand: z.number().positive().nullable(),
  targetsSource: z.string(),
  /** Null while the plan is the published one the app ships with, untouched by a regulator. */
  updatedAt: z.string().nullable(),
})
export type DistrictPlan = z.infer<typeof DistrictPlanSchema>

const share = (label: string) =>
  z.number({ error: `${label}应为 0 到 1 之间的小数（如 0.6 表示 60%）` }).min(0, `${label}不能小于 0`).max(1, `${label}不能大于 1（60% 请填 0.6）`).nullable()

/** PUT /staff/district-plan: every field, null where the district has not published it. */
export const DistrictPlanBodySchema = z
  .object({
    population: z
      .number({ error: '常住人口应为整数' })
      .int('常住人口应为整数')
      .min(1000, '常住人口至少 1000 人')
      .max(50_000_000, '常住人口不能超过 5000 万')
      .nullable(),
    populationSource: safeText({ error: '请填写人口数据的来源' }).trim().max(200, '来源不能超过 200 个字'),
    placesPerThousandTarget: z.number({ error: '每千人口托位数目标应为数字' }).positive('每千人口托位数目标应大于 0').max(100, '每千人口托位数目标不能超过 100').nullable(),
    affordableShareTarget: share('普惠托位占比目标'),
    certifiedStaffShareTarget: share('持证保育人员占比目标'),
    complaintsInTimeTarget: share('投诉按期办结率目标'),
    reportedPlacesPerThousand: z.number({ error: '区县公布的每千人口托位数应为数字' }).positive('区县公布的每千人口托位数应大于 0').max(100, '区县公布的每千人口托位数不能超过 100').nullable(),
    targetsSource: safeText({ error: '请填写目标的来源' }).trim().max(200, '来源不能超过 200 个字'),
  })
  .strict()
export type DistrictPlanBody = z.infer<typeof DistrictPlanBodySchema>

/** The counts the figures are computed from, gathered by the server for one district. */
export interface GlanceCounts {
  filedInstitutions: number
  capacity: number
  affordableCapacity: number
  vacancies: number
  medianFees: Array<{ mode: CareMode; fee: number; unit: FeeUnit; institutionCount: number }>
  /** Over institutions that reported their staffing. */
  staff: { institutionsReporting: number; staff: number; certified: number }
  /** Complaints of the district whose deadline has come: closed in time, closed late, still open past it. */
  complaints: { closedInTime: number; closedLate: number; openOverdue: number }
  /** Open days (开放日) that started this month up to now, not cancelled; month as "2026年11月". */
  openDays: { held: number; month: string }
}

export const GlanceFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  /** The value as read: "3.94", "76.2%", "¥2,800/月", or "未公布人口，无法计算". */
  display: z.string(),
  target: z.object({ comparison: z.enum(['at_least', 'more_than']), value: z.number(), display: z.string() }).nullable(),
  /** Whether the value meets the target; null without a target or a value. */
  meets: z.boolean().nullable(),
  formula: z.string(),
  counts: z.array(z.object({ label: z.string(), value: z.string() })),
  note: z.string().nullable(),
})
export type GlanceFigure = z.infer<typeof GlanceFigureSchema>

export const DistrictGlanceSchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  plan: DistrictPlanSchema,
  figures: z.array(GlanceFigureSchema),
})
export type DistrictGlance = z.infer<typeof DistrictGlanceSchema>

/** Rounded half up to `digits` decimals (3.935 → 3.94), as the published figures are. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round((value + Number.EPSILON) * factor) / factor
}

const percent = (share: number) => `${roundTo(share * 100, 1)}%`
const whole = (n: number) => n.toLocaleString('en-US')

function meets(value: number | null, target: GlanceFigure['target']): boolean | null {
  if (value === null || target === null) return null
  return target.comparison === 'at_least' ? value >= target.value : value > target.value
}

function figure(base: Omit<GlanceFigure, 'meets'>): GlanceFigure {
  return { ...base, meets: meets(base.value, base.target) }
}

/** 每千人口托位数 = 托位总数 ÷ 常住人口 × 1000, two decimals. */
export function placesPerThousand(capacity: number, population: number | null): number | null {
  return population === null || population <= 0 ? null : roundTo((capacity / population) * 1000, 2)
}

/** part ÷ whole, or null when there is nothing to divide by. */
export function shareOf(part: number, whole: number): number | null {
  return whole <= 0 ? null : part / whole
}

export function glanceFigures(counts: GlanceCounts, plan: DistrictPlan): GlanceFigure[] {
  const figures: GlanceFigure[] = []
  const perThousand = placesPerThousand(counts.capacity, plan.population)
  figures.push(
    figure({
      key: 'places_per_thousand',
      label: '每千人口托位数',
      value: perThousand,
      display: perThousand === null ? '未填写常住人口，无法计算' : perThousand.toFixed(2),
      target: plan.placesPerThousandTarget === null ? null : { comparison: 'at_least', value: plan.placesPerThousandTarget, display: `≥ ${plan.placesPerThousandTarget}` },
      formula: '托位总数 ÷ 常住人口 × 1000',
      counts: [
        { label: '托位总数', value: `${whole(counts.capacity)}（${counts.filedInstitutions} 家已备案机构）` },
        { label: '常住人口', value: plan.population === null ? '未公布' : `${whole(plan.population)}${plan.populationSource ? `（${plan.populationSource}）` : ''}` },
      ],
      note: plan.reportedPlacesPerThousand === null ? null : `区县公布：${plan.reportedPlacesPerThousand}`,
    }),
  )
  const affordable = shareOf(counts.affordableCapacity, counts.capacity)
  figures.push(
    figure({
      key: 'affordable_share',
      label: '普惠托位占比',
      value: affordable,
      display: affordable === null ? '暂无托位' : percent(affordable),
      target: plan.affordableShareTarget === null ? null : { comparison: 'at_least', value: plan.affordableShareTarget, display: `≥ ${percent(plan.affordableShareTarget)}` },
      formula: '普惠机构的托位 ÷ 托位总数',
      counts: [
        { label: '普惠机构的托位', value: whole(counts.affordableCapacity) },
        { label: '托位总数', value: whole(counts.capacity) },
      ],
      note: null,
    }),
  )
  figures.push(
    figure({
      key: 'vacancies',
      label: '空余托位',
      value: counts.vacancies,
      display: whole(counts.vacancies),
      target: null,
      formula: '各机构（托位 − 在托人数）之和',
      counts: [
        { label: '托位总数', value: whole(counts.capacity) },
        { label: '在托人数', value: whole(counts.capacity - counts.vacancies) },
      ],
      note: '机构自报在托人数，超员的机构按 0 个空位计',
    }),
  )
  for (const median of counts.medianFees) {
    figures.push(
      figure({
        key: `median_fee_${median.mode}`,
        label: `${CARE_MODE_LABELS[median.mode]}收费中位数`,
        value: median.fee,
        display: describeFee(median),
        target: null,
        formula: `提供${CARE_MODE_LABELS[median.mode]}的机构收费，从低到高排列取中间值（偶数个取中间两个的平均）`,
        counts: [{ label: '机构数', value: String(median.institutionCount) }],
        note: null,
      }),
    )
  }
  const certified = shareOf(counts.staff.certified, counts.staff.staff)
  figures.push(
    figure({
      key: 'certified_staff_share',
      label: '持证保育人员占比',
      value: certified,
      display: certified === null ? '暂无机构填报人员' : percent(certified),
      target:
        plan.certifiedStaffShareTarget === null ? null : { comparison: 'more_than', value: plan.certifiedStaffShareTarget, display: `> ${percent(plan.certifiedStaffShareTarget)}` },
      formula: '持保育师/育婴员证的人数 ÷ 保育人员总数（已填报人员的机构）',
      counts: [
        { label: '持证人数', value: whole(counts.staff.certified) },
        { label: '保育人员总数', value: whole(counts.staff.staff) },
        { label: '已填报的机构', value: `${counts.staff.institutionsReporting} / ${counts.filedInstitutions}` },
      ],
      note: null,
    }),
  )
  const due = counts.complaints.closedInTime + counts.complaints.closedLate + counts.complaints.openOverdue
  const inTime = shareOf(counts.complaints.closedInTime, due)
  figures.push(
    figure({
      key: 'complaints_in_time',
      label: '投诉按期办结率',
      value: inTime,
      display: inTime === null ? '暂无到期的投诉' : percent(inTime),
      target: plan.complaintsInTimeTarget === null ? null : { comparison: 'at_least', value: plan.complaintsInTimeTarget, display: `≥ ${percent(plan.complaintsInTimeTarget)}` },
      formula: '期限内办结的投诉 ÷（已办结的投诉 + 已超期未办结的投诉）',
      counts: [
        { label: '期限内办结', value: String(counts.complaints.closedInTime) },
        { label: '超期办结', value: String(counts.complaints.closedLate) },
        { label: '超期未办结', value: String(counts.complaints.openOverdue) },
      ],
      note: '办结含办结和不予受理',
    }),
  )
  figures.push(
    figure({
      key: 'open_days_this_month',
      label: '本月已举办开放日',
      value: counts.openDays.held,
      display: `${counts.openDays.held} 场`,
      target: null,
      formula: `${counts.openDays.month}已开始、未取消的开放日场次`,
      counts: [{ label: '场次', value: String(counts.openDays.held) }],
      note: null,
    }),
  )
  return figures
}
