/*
 * The seven stages of 生命1000天 and the weeks and months they cover: plain data, no
 * schema, so what the find tab's 生命1000天 entry needs (src/domain/lifeStage.ts) does
 * not build the content library's schemas when the app starts (issue 11,
 * docs/architecture.md "H5 speed"). content.ts holds the schemas and re-exports this.
 */

export const STAGE_IDS = [
  'preconception_early',
  'mid_pregnancy',
  'late_pregnancy',
  'infant_0_6',
  'infant_6_12',
  'toddler_1_2',
  'toddler_2_3',
] as const
/** One of the seven stages of the 1000 days. */
export type StageId = (typeof STAGE_IDS)[number]

/** An inclusive range of whole numbers (weeks or months). */
export type Span = readonly [from: number, to: number]

export interface StageDefinition {
  id: StageId
  name: string
  /** pregnancy: on the pregnancy-week count; after_birth: on the child's age. */
  phase: 'pregnancy' | 'after_birth'
  /** Pregnancy weeks an article of this stage may cover (0 = 备孕); null after birth. */
  pregnancyWeeks: Span | null
  /** Months of age an article of this stage may cover, both ends inclusive; null in pregnancy. */
  ageMonths: Span | null
  /** The weeks whose tips this stage holds: pregnancy weeks in pregnancy, age weeks after birth. */
  tipWeeks: Span
  /** The weeks the build check requires a tip for (the 1000-day guidance runs from pregnancy week 4). */
  requiredTipWeeks: Span
}

/*
 * Stage ranges follow the content format: 孕早期 weeks 1–13, 孕中期 14–27, 孕晚期 28–42;
 * after birth by months of age, each stage holding its lower bound (a baby of exactly
 * 6 months is in 6–12 月) and 2–3 岁 holding the third birthday too.
 * Age weeks split at 26 (half a year), 52, 104 weeks; 156 reaches the third birthday.
 */
export const STAGES: readonly StageDefinition[] = [
  { id: 'preconception_early', name: '备孕与孕早期', phase: 'pregnancy', pregnancyWeeks: [0, 13], ageMonths: null, tipWeeks: [0, 13], requiredTipWeeks: [4, 13] },
  { id: 'mid_pregnancy', name: '孕中期', phase: 'pregnancy', pregnancyWeeks: [14, 27], ageMonths: null, tipWeeks: [14, 27], requiredTipWeeks: [14, 27] },
  { id: 'late_pregnancy', name: '孕晚期', phase: 'pregnancy', pregnancyWeeks: [28, 42], ageMonths: null, tipWeeks: [28, 42], requiredTipWeeks: [28, 42] },
  { id: 'infant_0_6', name: '0–6 月', phase: 'after_birth', pregnancyWeeks: null, ageMonths: [0, 6], tipWeeks: [0, 25], requiredTipWeeks: [0, 25] },
  { id: 'infant_6_12', name: '6–12 月', phase: 'after_birth', pregnancyWeeks: null, ageMonths: [6, 12], tipWeeks: [26, 51], requiredTipWeeks: [26, 51] },
  { id: 'toddler_1_2', name: '1–2 岁', phase: 'after_birth', pregnancyWeeks: null, ageMonths: [12, 24], tipWeeks: [52, 103], requiredTipWeeks: [52, 103] },
  { id: 'toddler_2_3', name: '2–3 岁', phase: 'after_birth', pregnancyWeeks: null, ageMonths: [24, 36], tipWeeks: [104, 156], requiredTipWeeks: [104, 156] },
]

export const STAGE_BY_ID: Record<StageId, StageDefinition> = Object.fromEntries(STAGES.map((s) => [s.id, s])) as Record<StageId, StageDefinition>
export const STAGE_NAMES: Record<StageId, string> = Object.fromEntries(STAGES.map((s) => [s.id, s.name])) as Record<StageId, string>

/** The last pregnancy week the library counts (42 weeks = 294 days: post-term care ends here). */
export const LAST_PREGNANCY_WEEK = 42
/** The last age week: it holds the third birthday. */
export const LAST_AGE_WEEK = 156
export const LAST_AGE_MONTH = 36
