import { z } from 'zod'
import { inShanghai } from './shanghaiTime'
import { VacancyCellSchema } from './vacancies'

/*
 * Facts an institution keeps true in the 工作台 (issue 9): vacancies per care mode and
 * age band (vacancies.ts) and staffing, each
 * shown to parents with its age ("空位信息 3 天前更新"). Vacancies not confirmed for
 * VACANCY_STALE_DAYS are shown as unconfirmed.
 */

export const VACANCY_STALE_DAYS = 14
/** Staff of an institution with stale vacancies are reminded again at most once in this many days. */
export const STALE_REMINDER_EVERY_DAYS = 7

export interface Freshness {
  daysAgo: number | null
  stale: boolean
  text: string
}

/** How old a fact is, in whole Beijing calendar days, and how parents read it. */
export function factFreshness(what: string, updatedAt: string | null, now: Date = new Date(), staleAfterDays = VACANCY_STALE_DAYS): Freshness {
  if (updatedAt === null) return { daysAgo: null, stale: true, text: `${what}未经机构确认` }
  const daysAgo = inShanghai(now).startOf('day').diff(inShanghai(updatedAt).startOf('day'), 'day')
  if (daysAgo > staleAfterDays) return { daysAgo, stale: true, text: `${what}超过 ${staleAfterDays} 天未确认` }
  return { daysAgo, stale: false, text: daysAgo === 0 ? `${what}今天更新` : `${what} ${daysAgo} 天前更新` }
}

/** Most cells one institution can have: 4 care modes × 3 age bands. */
export const VACANCY_CELLS_MAX = 12

export const InstitutionFactsBodySchema = z
  .object({
    /** Every care mode × age band the institution takes children in, with its vacancies now; the total is their sum. */
    vacancies: z
      .array(VacancyCellSchema, { error: '空位应按托育方式和班级逐项填写' })
      .min(1, '至少填写一项空位')
      .max(VACANCY_CELLS_MAX, `最多 ${VACANCY_CELLS_MAX} 项`)
      .refine((cells) => new Set(cells.map((c) => `${c.careMode}/${c.ageBand}`)).size === cells.length, '同一托育方式和班级只能填写一次'),
    staffCount: z.number({ error: '保育人员数应为数字' }).int('保育人员数应为整数').min(0, '人数不能为负').max(1000, '人数太多').optional(),
    certifiedStaffCount: z.number({ error: '持证人数应为数字' }).int('持证人数应为整数').min(0, '人数不能为负').max(1000, '人数太多').optional(),
  })
  .refine((b) => (b.staffCount === undefined) === (b.certifiedStaffCount === undefined), { path: ['certifiedStaffCount'], message: '保育人员数和持证人数要一起填写' })
  .refine((b) => b.staffCount === undefined || b.certifiedStaffCount === undefined || b.certifiedStaffCount <= b.staffCount, {
    path: ['certifiedStaffCount'],
    message: '持证人数不能多于保育人员数',
  })
export type InstitutionFactsBody = z.infer<typeof InstitutionFactsBodySchema>

export const FreshnessSchema = z.object({ daysAgo: z.number().int().nullable(), stale: z.boolean(), text: z.string() })

/** What parents and staff see: the facts with their freshness and the ratios parents compare. */
export const InstitutionFactsSchema = z.object({
  capacity: z.number().int(),
  /** The sum of vacancyCells (or, before staff first broke it down, the filed total). */
  vacancies: z.number().int(),
  /** Per care mode × age band, each with when staff last confirmed it; empty until they do. */
  vacancyCells: z.array(VacancyCellSchema.extend({ confirmedAt: z.string(), freshness: FreshnessSchema })),
  /** The cells the editor offers: the modes the institution has × the bands its age range takes. */
  vacancyOptions: z.array(VacancyCellSchema.pick({ careMode: true, ageBand: true })),
  vacanciesConfirmedAt: z.string().nullable(),
  vacancyFreshness: FreshnessSchema,
  /** When staff last set 托育费 per care mode / the opening hours ("收费信息 3 天前更新"). */
  feesFreshness: FreshnessSchema,
  hoursFreshness: FreshnessSchema,
  /** When staff last added, removed or reordered the 环境照片 (premisesPhotos.ts). */
  photosFreshness: FreshnessSchema,
  staffing: z
    .object({
      staffCount: z.number().int(),
      certifiedStaffCount: z.number().int(),
      /** Enrolled children per carer, one decimal; null without carers. */
      childrenPerCarer: z.number().nullable(),
      /** Share of carers holding a 保育师/育婴员 certificate, 0–1. */
      certifiedShare: z.number().nullable(),
      freshness: FreshnessSchema,
    })
    .nullable(),
})
export type InstitutionFacts = z.infer<typeof InstitutionFactsSchema>
