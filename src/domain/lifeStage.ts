import type { Dayjs } from 'dayjs'
import { ageInMonths } from './age'
import { LATEST_DUE_DAYS } from './child'
import { LAST_AGE_MONTH, LAST_PREGNANCY_WEEK, STAGE_NAMES, StageId } from './stages'
import { shanghaiDate, todayInShanghai } from './shanghaiTime'

/*
 * Where a family is in 生命1000天 on a given day — the stage engine.
 *
 * The count (the usual Chinese one: 280 pregnancy days + 720 days after birth):
 * - day 1 is the due date − 280 days (the first day of the last period, as counted clinically);
 * - the day of birth is day 281 whatever the gestation: a preterm baby skips the days
 *   between its birth and day 280, and for a late baby the count waits at day 280;
 * - day 1000 is the 720th day of life (the birth day being the 1st);
 * - guidance goes on to the third birthday: after day 1000, dayOf1000 is null (the
 *   1000 days are over; a "day 1050 of 1000" would read as a mistake) and the stage,
 *   age week and age in months carry on.
 *
 * Pregnancy weeks: 孕第 n 周 covers days 7(n−1)+1 … 7n (content/README.md). The text a
 * parent reads is the gestational age as a doctor writes it — completed weeks and days,
 * "孕 24 周 3 天" — which is pregnancy week 25 on the library's count (n = completed + 1).
 *
 * Age: whole months as src/domain/age.ts counts them (a child born on the 31st turns one
 * month on the last day of a shorter month), then the days since that month-day.
 *
 * All dates are calendar dates in Asia/Shanghai; lifeStageAt turns an instant into one.
 */

/** 37 completed weeks: a baby born earlier is premature and gets a corrected age. */
export const TERM_GESTATION_DAYS = 37 * 7
/** Corrected age is used for developmental guidance until this chronological age. */
export const CORRECTED_AGE_UNTIL_MONTHS = 24
/**
 * A due date may be this far past while the baby is still unborn: the due date is day 281
 * (40 weeks 0 days), and pregnancy week 42, the library's last, ends on day 294.
 */
export const POST_TERM_DAYS = LAST_PREGNANCY_WEEK * 7 - 281
/** Gestations outside 22–44 weeks mean the two dates do not belong together. */
export const MIN_GESTATION_DAYS = 22 * 7
export const MAX_GESTATION_DAYS = 44 * 7

export const PREGNANCY_DAYS = 280
export const DAYS_AFTER_BIRTH = 720
export const BIRTH_DAY_OF_1000 = PREGNANCY_DAYS + 1

export interface LifeStageInput {
  birthDate?: string
  dueDate?: string
}

export interface GestationalAge {
  weeks: number
  days: number
}

export interface LifeStage {
  /** The calendar day this describes. */
  date: string
  stage: StageId
  phase: 'pregnancy' | 'after_birth'
  /** 1–1000, or null before day 1 (备孕) and after day 1000. */
  dayOf1000: number | null
  /** 孕第 n 周, 1–42; 0 before day 1; null after birth. */
  pregnancyWeek: number | null
  /** Completed weeks and days of pregnancy; null after birth and before day 1. */
  gestationalAge: GestationalAge | null
  /** Days since birth (0 on the birth day); null before birth. */
  ageDays: number | null
  /** 0–156; null before birth. */
  ageWeek: number | null
  ageMonths: number | null
  ageText: string
  /** Born before 37 weeks (needs both dates). */
  premature: boolean
  /** Months of corrected age for developmental guidance; null unless premature and under 24 months. */
  correctedAgeMonths: number | null
  correctedAgeText: string | null
}

export type LifeStageResult =
  | { ok: true; value: LifeStage }
  | { ok: false; field: 'birthDate' | 'dueDate'; message: string }

function daysBetween(from: Dayjs, to: Dayjs): number {
  // both are Shanghai midnights at a fixed offset, so the difference is whole days
  return Math.round(to.diff(from, 'day', true))
}

/** 孕第 n 周 for day d of the count (d ≥ 1); 0 for days before day 1. */
export function pregnancyWeekOfDay(day: number): number {
  return day <= 0 ? 0 : Math.floor((day - 1) / 7) + 1
}

/** Age week k holds days 7k … 7k+6 of life. */
export function ageWeekOfDays(ageDays: number): number {
  return Math.floor(ageDays / 7)
}

export function stageOfPregnancyWeek(week: number): StageId {
  if (week <= 13) return 'preconception_early'
  if (week <= 27) return 'mid_pregnancy'
  return 'late_pregnancy'
}

/** Each stage holds its lower bound: a baby of exactly 6 months is in 6–12 月. */
export function stageOfAgeMonths(months: number): StageId {
  if (months < 6) return 'infant_0_6'
  if (months < 12) return 'infant_6_12'
  if (months < 24) return 'toddler_1_2'
  return 'toddler_2_3'
}

/** Whole months and the days after them, from `from` to `on` (both calendar dates). */
export function monthsAndDays(from: string, on: string): { months: number; days: number } {
  const start = shanghaiDate(from)
  const end = shanghaiDate(on)
  let months = ageInMonths(from, on)
  // the month-day a whole number of months after `from` must not pass `on`
  while (months > 0 && start.add(months, 'month').isAfter(end)) months -= 1
  return { months, days: daysBetween(start.add(months, 'month'), end) }
}

/** "7 个月 12 天", "1 岁 3 个月", "12 天". */
export function describeAge(months: number, days: number): string {
  const parts: string[] = []
  const years = Math.floor(months / 12)
  const restMonths = months % 12
  if (years > 0) parts.push(`${years} 岁`)
  if (restMonths > 0) parts.push(`${restMonths} 个月`)
  if (days > 0 || parts.length === 0) parts.push(`${days} 天`)
  return parts.join(' ')
}

/**
 * The week of the library's count (孕第 n 周, days 7(n−1)+1 … 7n) said the one way a parent
 * reads pregnancy weeks, completed weeks: 孕第 25 周 is "孕 24 周" (24 周 0 天 … 24 周 6 天),
 * so it never sits beside "孕 24 周 1 天" as a different number (issue 12).
 */
export function describePregnancyWeek(pregnancyWeek: number): string {
  return describeGestation({ weeks: Math.max(pregnancyWeek - 1, 0), days: 0 })
}

/** "孕 24 周" or "孕 24 周 3 天" (completed weeks and days, as a doctor writes them). */
export function describeGestation(age: GestationalAge): string {
  return age.days === 0 ? `孕 ${age.weeks} 周` : `孕 ${age.weeks} 周 ${age.days} 天`
}

function gestationOfDay(day: number): GestationalAge {
  return { weeks: Math.floor((day - 1) / 7), days: (day - 1) % 7 }
}

function pregnancyStage(dueDate: string, on: Dayjs, date: string): LifeStageResult {
  const due = shanghaiDate(dueDate)
  const daysToDue = daysBetween(on, due)
  if (daysToDue > LATEST_DUE_DAYS) return { ok: false, field: 'dueDate', message: '预产期太远，请检查' }
  if (daysToDue < -POST_TERM_DAYS) {
    return { ok: false, field: 'dueDate', message: '预产期已过去两周以上，宝宝出生后请填写出生日期' }
  }
  const day = PREGNANCY_DAYS + 1 - daysToDue
  const pregnancyWeek = pregnancyWeekOfDay(day)
  const gestationalAge = day >= 1 ? gestationOfDay(day) : null
  const stage = stageOfPregnancyWeek(pregnancyWeek)
  return {
    ok: true,
    value: {
      date,
      stage,
      phase: 'pregnancy',
      // past the due date the count waits at day 280: the birth day is day 281
      dayOf1000: day < 1 ? null : Math.min(day, PREGNANCY_DAYS),
      pregnancyWeek,
      gestationalAge,
      ageDays: null,
      ageWeek: null,
      ageMonths: null,
      ageText: gestationalAge ? `${describeGestation(gestationalAge)} · 生命1000天 第 ${Math.min(day, PREGNANCY_DAYS)} 天` : `备孕期 · 还有 ${1 - day} 天进入生命1000天`,
      premature: false,
      correctedAgeMonths: null,
      correctedAgeText: null,
    },
  }
}

function correctedAge(birthDate: string, dueDate: string, date: string, ageMonths: number): Pick<LifeStage, 'premature' | 'correctedAgeMonths' | 'correctedAgeText'> {
  const earlyDays = daysBetween(shanghaiDate(birthDate), shanghaiDate(dueDate))
  const premature = PREGNANCY_DAYS - earlyDays < TERM_GESTATION_DAYS
  if (!premature || ageMonths >= CORRECTED_AGE_UNTIL_MONTHS) return { premature, correctedAgeMonths: null, correctedAgeText: null }
  const daysToDue = daysBetween(shanghaiDate(date), shanghaiDate(dueDate))
  if (daysToDue > 0) {
    // not yet at the due date: corrected age is still a gestational age
    const gestation = gestationOfDay(PREGNANCY_DAYS + 1 - daysToDue)
    return { premature, correctedAgeMonths: 0, correctedAgeText: `矫正胎龄 ${describeGestation(gestation).replace('孕 ', '')}（未到预产期）` }
  }
  const corrected = monthsAndDays(dueDate, date)
  return { premature, correctedAgeMonths: corrected.months, correctedAgeText: `矫正月龄 ${describeAge(corrected.months, corrected.days)}` }
}

function afterBirthStage(birthDate: string, dueDate: string | undefined, on: Dayjs, date: string): LifeStageResult {
  const birth = shanghaiDate(birthDate)
  const ageDays = daysBetween(birth, on)
  if (ageDays < 0) return { ok: false, field: 'birthDate', message: '出生日期不能晚于今天' }
  const { months, days } = monthsAndDays(birthDate, date)
  if (months > LAST_AGE_MONTH || (months === LAST_AGE_MONTH && days > 0)) {
    return { ok: false, field: 'birthDate', message: '孩子已满 3 岁，生命1000天的指导到 3 岁为止' }
  }
  if (dueDate !== undefined) {
    const gestation = PREGNANCY_DAYS - daysBetween(birth, shanghaiDate(dueDate))
    if (gestation < MIN_GESTATION_DAYS || gestation > MAX_GESTATION_DAYS) {
      return { ok: false, field: 'dueDate', message: '预产期和出生日期相差太多，请检查' }
    }
  }
  const dayOf1000 = BIRTH_DAY_OF_1000 + ageDays
  const age = ageDays === 0 ? '宝宝今天出生' : `宝宝 ${describeAge(months, days)}`
  return {
    ok: true,
    value: {
      date,
      stage: stageOfAgeMonths(months),
      phase: 'after_birth',
      dayOf1000: dayOf1000 <= 1000 ? dayOf1000 : null,
      pregnancyWeek: null,
      gestationalAge: null,
      ageDays,
      ageWeek: ageWeekOfDays(ageDays),
      ageMonths: months,
      ageText: dayOf1000 <= 1000 ? `${age} · 生命1000天 第 ${dayOf1000} 天` : `${age} · 已走过生命1000天`,
      ...(dueDate !== undefined ? correctedAge(birthDate, dueDate, date, months) : { premature: false, correctedAgeMonths: null, correctedAgeText: null }),
    },
  }
}

/**
 * The family's place in 生命1000天 on a calendar day. A birth date wins (the due date,
 * when given too, only sets the corrected age); a due date alone means still pregnant.
 * Dates the count cannot place (a birth in the future, a child over three, a due date
 * too far ahead or long past) come back as a failure naming the field, for a 400.
 */
export function lifeStageOn(input: LifeStageInput, date: string): LifeStageResult {
  const on = shanghaiDate(date)
  if (input.birthDate !== undefined) return afterBirthStage(input.birthDate, input.dueDate, on, date)
  if (input.dueDate !== undefined) return pregnancyStage(input.dueDate, on, date)
  return { ok: false, field: 'birthDate', message: '请填写出生日期或预产期' }
}

/** The same, for the day an instant falls on in Asia/Shanghai (default: now). */
export function lifeStageAt(input: LifeStageInput, now: Date = new Date()): LifeStageResult {
  return lifeStageOn(input, todayInShanghai(now))
}

export function stageName(stage: StageId): string {
  return STAGE_NAMES[stage]
}
