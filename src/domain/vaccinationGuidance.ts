import { z } from 'zod'
import { ageInMonths, describeMonths } from './age'
import { dosesForBirthDate, dosesInAgeMonth, DueDose, ImmunisationSchedule } from './immunisation'

/*
 * "本月该打的疫苗" for the child in front of the parent: the doses of this month of age,
 * the next one after it, and the documents the child's doses follow — named, because
 * which table applies depends on the birth date (百白破 changed on 2025-01-01).
 */

export const DueDoseSchema = z.object({
  series: z.string(),
  seriesName: z.string(),
  dose: z.number().int(),
  vaccine: z.string(),
  dueDate: z.string(),
  ageMonths: z.number().int(),
  note: z.string().nullable(),
  versionId: z.string(),
  source: z.string(),
})

/** A document as the week card names it: 机构《文件》, what it decides for this child, from when. */
export const ScheduleDocumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  inForceFrom: z.string(),
  /** "百白破疫苗第1–5剂" / "其余疫苗": the child's doses that follow this document. */
  appliesTo: z.string(),
})
export type ScheduleDocument = z.infer<typeof ScheduleDocumentSchema>

export const VaccinationsThisMonthSchema = z.object({
  ageMonths: z.number().int(),
  doses: z.array(DueDoseSchema),
  /** The doses of the first due day after this month, so a month without doses still says what comes next. */
  next: z.array(DueDoseSchema),
  documents: z.array(ScheduleDocumentSchema),
  /** What the schedule says about children part-way through a changed series, when it concerns this child. */
  transition: z.string().nullable(),
})
export type VaccinationsThisMonth = z.infer<typeof VaccinationsThisMonthSchema>

/** The compiled table as the server stores it: the schedule and the names of its documents. */
export interface StoredImmunisationTable {
  schedule: ImmunisationSchedule
  documentNames: Record<string, string>
}

function doseRange(doses: DueDose[]): string {
  const numbers = doses.map((d) => d.dose).sort((a, b) => a - b)
  const first = numbers[0]
  const last = numbers[numbers.length - 1]
  return first === last ? `第${first}剂` : `第${first}–${last}剂`
}

export function vaccinationsThisMonth(table: StoredImmunisationTable, birthDate: string, onDate: string): VaccinationsThisMonth {
  const { schedule } = table
  const months = ageInMonths(birthDate, onDate)
  const all = dosesForBirthDate(schedule, birthDate)
  const doses = dosesInAgeMonth(schedule, birthDate, months)
  const shown = new Set(doses)
  const first = all.find((d) => !shown.has(d) && d.ageMonths > months)
  const next = first ? all.filter((d) => d.dueDate === first.dueDate) : []
  // series some later version changed: named dose by dose, the rest of the table as "其余疫苗"
  const changed = new Set(schedule.versions.slice(1).flatMap((v) => v.doses.map((d) => d.series)))
  const documents: ScheduleDocument[] = []
  for (const version of schedule.versions) {
    const following = all.filter((d) => d.versionId === version.id)
    if (following.length === 0) continue
    const parts = [...changed]
      .map((series) => following.filter((d) => d.series === series))
      .filter((list) => list.length > 0)
      .map((list) => `${list[0].seriesName}${doseRange(list)}`)
    if (version === schedule.versions[0]) parts.push('其余疫苗')
    documents.push({ id: version.source, name: table.documentNames[version.source] ?? version.source, inForceFrom: version.inForceFrom, appliesTo: parts.join('、') })
  }
  // the transition note matters to a child with doses of a changed series on both sides of the change
  const spanning = schedule.versions.slice(1).find((v) => {
    const series = new Set(v.doses.map((d) => d.series))
    const mine = all.filter((d) => series.has(d.series))
    return mine.some((d) => d.versionId === v.id) && mine.some((d) => d.versionId !== v.id)
  })
  return { ageMonths: months, doses, next, documents, transition: spanning?.transition ?? null }
}

/** "满2个月" / "出生时" / "满3岁": when a dose is due, in a parent's words. */
export function describeDoseAge(ageMonths: number): string {
  return ageMonths === 0 ? '出生时' : `满${describeMonths(ageMonths)}`
}
