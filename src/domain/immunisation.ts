import type { Dayjs } from 'dayjs'
import { z } from 'zod'
import { CalendarDateSchema } from './calendarDate'
import { shanghaiDate } from './shanghaiTime'
import { safeText } from './safeText'

/*
 * 国家免疫规划 (the national immunisation programme) as dated data: the schedule table lives
 * in content/schedules/immunisation.md, these schemas are its format, and the rule below
 * decides which doses a child of a given birth date is due for, and when. The app's week
 * card ("本月该打的疫苗"), the server and the articles all read the same table, so one
 * change to the file updates every place that shows it.
 *
 * Glossary: series 一种疫苗的一组剂次 (e.g. the DTP-containing series 含百白破成分疫苗);
 * version 一份文件规定的程序, in force from a date; dose 剂次.
 */

export const SERIES_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** One dose as a version of the schedule places it: due once the child has this many whole months. */
export const ScheduledDoseSchema = z
  .object({
    series: z.string({ error: '剂次缺少疫苗系列 series' }).regex(SERIES_ID, '疫苗系列 series 只能用小写字母、数字和连字符'),
    dose: z.number({ error: '剂次 dose 应为整数' }).int('剂次 dose 应为整数').min(1, '剂次 dose 从 1 开始'),
    ageMonths: z.number({ error: '月龄 ageMonths 应为整数' }).int('月龄 ageMonths 应为整数').min(0, '月龄不能小于 0').max(240, '月龄太大'),
    /** The vaccine given for this dose under this version (the 6-year dose changed from 白破 to 百白破). */
    vaccine: safeText({ error: '剂次缺少疫苗名称 vaccine' }).trim().min(1, '剂次缺少疫苗名称 vaccine'),
    /** A timing note the table itself carries, e.g. "出生24小时内". */
    note: safeText().trim().min(1).optional(),
  })
  .strict()
export type ScheduledDose = z.infer<typeof ScheduledDoseSchema>

/** One document's schedule: the whole table, or (an amendment) only the series it changes. */
export const ScheduleVersionSchema = z
  .object({
    id: z.string({ error: '程序版本缺少 id' }).regex(SERIES_ID, '程序版本 id 只能用小写字母、数字和连字符'),
    /** The register id of the document that sets this version (content/sources.md). */
    source: safeText({ error: '程序版本缺少来源 source' }).trim().min(1, '程序版本缺少来源 source'),
    /** The clause of that document the table comes from. */
    clause: safeText({ error: '程序版本缺少条款 clause' }).trim().min(1, '程序版本缺少条款 clause'),
    /** The first day doses follow this version (Asia/Shanghai calendar date). */
    inForceFrom: CalendarDateSchema,
    /** What the version says about children already part-way through a series it changes. */
    transition: safeText().trim().min(1).optional(),
    doses: z.array(ScheduledDoseSchema).min(1, '程序版本至少有一个剂次'),
  })
  .strict()
export type ScheduleVersion = z.infer<typeof ScheduleVersionSchema>

export const ImmunisationScheduleSchema = z
  .object({
    id: z.literal('immunisation', { error: '免疫程序表的 id 应为 immunisation' }),
    title: safeText().trim().min(1),
    /** What each series prevents, in a parent's words. */
    series: z.record(z.string().regex(SERIES_ID), z.object({ name: safeText().trim().min(1), prevents: safeText().trim().min(1) }).strict()),
    versions: z.array(ScheduleVersionSchema).min(1, '至少要有一个程序版本'),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const froms = schedule.versions.map((v) => v.inForceFrom)
    if (froms.some((from, i) => i > 0 && from <= froms[i - 1])) {
      ctx.addIssue({ code: 'custom', path: ['versions'], message: '程序版本应按生效日期从早到晚排列，且日期不能相同' })
    }
    schedule.versions.forEach((version, v) => {
      const seen = new Set<string>()
      version.doses.forEach((dose, d) => {
        const key = `${dose.series}#${dose.dose}`
        if (!(dose.series in schedule.series)) ctx.addIssue({ code: 'custom', path: ['versions', v, 'doses', d, 'series'], message: `疫苗系列 ${dose.series} 没有在 series 里说明` })
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['versions', v, 'doses', d], message: `${dose.series} 第 ${dose.dose} 剂在同一版本里重复` })
        seen.add(key)
      })
      // an amendment replaces whole series: within a version each series' doses are 1..n in age order
      for (const series of new Set(version.doses.map((d) => d.series))) {
        const doses = version.doses.filter((d) => d.series === series).sort((a, b) => a.dose - b.dose)
        if (doses.some((d, i) => d.dose !== i + 1 || (i > 0 && d.ageMonths < doses[i - 1].ageMonths))) {
          ctx.addIssue({ code: 'custom', path: ['versions', v, 'doses'], message: `${series} 的剂次应从第 1 剂连续编号，月龄不减` })
        }
      }
    })
    const first = new Set(schedule.versions[0].doses.map((d) => d.series))
    for (const version of schedule.versions.slice(1)) {
      for (const dose of version.doses) {
        if (!first.has(dose.series)) ctx.addIssue({ code: 'custom', path: ['versions'], message: `${version.id} 修改的系列 ${dose.series} 不在第一个版本里` })
      }
    }
  })
export type ImmunisationSchedule = z.infer<typeof ImmunisationScheduleSchema>

/** A dose as it falls for one child: the date it is due and the version that decided it. */
export interface DueDose {
  series: string
  seriesName: string
  dose: number
  vaccine: string
  /** Calendar date (Asia/Shanghai) from which the dose is due. */
  dueDate: string
  /** Whole months of age on the due date. */
  ageMonths: number
  note: string | null
  versionId: string
  /** Register id of the document the dose follows. */
  source: string
}

function monthsAfter(birth: Dayjs, months: number): Dayjs {
  return birth.add(months, 'month')
}

/**
 * Every dose of the programme for a child born on `birthDate`, in due-date order.
 *
 * The rule: a dose follows the version in force on the day it falls due. For each series,
 * the versions that set it are tried in order of their dates; under version v the dose is
 * due at max(v's start, birth + v's age for it), and v decides it when that day comes before
 * the next version starts. So a child whose 3-month 百白破 dose fell in 2024 had it under
 * the 2021 table, and the doses still ahead of that child on 2025-01-01 follow the new table
 * (a dose the new table places at an age the child has already passed is due at once, on
 * 2025-01-01). Each dose number of a series is decided exactly once: none is missed or
 * doubled across a change.
 */
export function dosesForBirthDate(schedule: ImmunisationSchedule, birthDate: string): DueDose[] {
  const birth = shanghaiDate(birthDate)
  const doses: DueDose[] = []
  const keys = new Map<string, { series: string; dose: number }>()
  for (const version of schedule.versions) for (const d of version.doses) keys.set(`${d.series}#${d.dose}`, { series: d.series, dose: d.dose })

  for (const { series, dose } of keys.values()) {
    // the versions that set this series, each with the day its rule starts
    const setters = schedule.versions.filter((v) => v.doses.some((d) => d.series === series))
    for (let i = 0; i < setters.length; i += 1) {
      const version = setters[i]
      const entry = version.doses.find((d) => d.series === series && d.dose === dose)
      const next = setters[i + 1]
      // a later version may drop a dose: the series then ends under that version
      if (!entry) break
      const byAge = monthsAfter(birth, entry.ageMonths)
      const start = i === 0 ? byAge : shanghaiDate(version.inForceFrom)
      const due = byAge.isBefore(start) ? start : byAge
      if (next && !due.isBefore(shanghaiDate(next.inForceFrom))) {
        // falls due once the next version is in force: that version decides it
        if (next.doses.some((d) => d.series === series && d.dose === dose)) continue
        break
      }
      doses.push({
        series,
        seriesName: schedule.series[series].name,
        dose,
        vaccine: entry.vaccine,
        dueDate: due.format('YYYY-MM-DD'),
        ageMonths: Math.floor(due.diff(birth, 'month', true)),
        note: entry.note ?? null,
        versionId: version.id,
        source: version.source,
      })
      break
    }
  }
  return doses.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.series.localeCompare(b.series) || a.dose - b.dose)
}

/**
 * The doses due in the child's current month of age: from the day they turn `ageMonths`
 * whole months up to the day before the next month (the same month count as age.ts), so
 * taken over every month each dose shows exactly once.
 */
export function dosesInAgeMonth(schedule: ImmunisationSchedule, birthDate: string, ageMonths: number): DueDose[] {
  const birth = shanghaiDate(birthDate)
  const from = monthsAfter(birth, ageMonths).format('YYYY-MM-DD')
  const to = monthsAfter(birth, ageMonths + 1).format('YYYY-MM-DD')
  return dosesForBirthDate(schedule, birthDate).filter((d) => d.dueDate >= from && d.dueDate < to)
}

/** The versions a child's doses follow, in the order they came into force (for naming the documents). */
export function versionsFollowed(schedule: ImmunisationSchedule, doses: DueDose[]): ScheduleVersion[] {
  const ids = new Set(doses.map((d) => d.versionId))
  return schedule.versions.filter((v) => ids.has(v.id))
}
