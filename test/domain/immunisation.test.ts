import { readFileSync } from 'node:fs'
import { repoPath } from '@test/support/repoPaths'
import fc from 'fast-check'
import matter from 'gray-matter'
import { ageInMonths } from '@domain/age'
import { dosesForBirthDate, dosesInAgeMonth, ImmunisationSchedule, ImmunisationScheduleSchema } from '@domain/immunisation'
import { shanghaiDate } from '@domain/shanghaiTime'

// The real table from content/, so the properties hold for what parents are shown.
const FILE = repoPath('content', 'schedules', 'immunisation.md')
const schedule: ImmunisationSchedule = ImmunisationScheduleSchema.parse(matter(readFileSync(FILE, 'utf8'), {}).data)

const CHANGE = '2025-01-01'
const dtp = (birthDate: string) => dosesForBirthDate(schedule, birthDate).filter((d) => d.series === 'dtp')

/** Every calendar date from 2022-01-01 to 2027-12-31. */
const birthDates = fc.integer({ min: 0, max: shanghaiDate('2027-12-31').diff(shanghaiDate('2022-01-01'), 'day') }).map((n) => shanghaiDate('2022-01-01').add(n, 'day').format('YYYY-MM-DD'))

describe('which immunisation doses a child is due for', () => {
  it('gives a child born in 2026 the 2025 百白破 schedule: 2, 4, 6, 18 months and 6 years, all 百白破', () => {
    expect(dtp('2026-10-29').map((d) => [d.ageMonths, d.vaccine, d.versionId])).toEqual([
      [2, '百白破疫苗', 'dtp-2025'],
      [4, '百白破疫苗', 'dtp-2025'],
      [6, '百白破疫苗', 'dtp-2025'],
      [18, '百白破疫苗', 'dtp-2025'],
      [72, '百白破疫苗', 'dtp-2025'],
    ])
  })

  it('keeps the 2021 schedule for doses that fell due before 2025 and the new one after', () => {
    // born 2024-05-29: 3, 4, 5 months were in 2024; 18 months and 6 years come under the new notice
    expect(dtp('2024-05-29').map((d) => [d.dueDate, d.vaccine, d.versionId])).toEqual([
      ['2024-08-29', '百白破疫苗', 'nip-2021'],
      ['2024-09-29', '百白破疫苗', 'nip-2021'],
      ['2024-10-29', '百白破疫苗', 'nip-2021'],
      ['2025-11-29', '百白破疫苗', 'dtp-2025'],
      ['2030-05-29', '百白破疫苗', 'dtp-2025'],
    ])
  })

  it('gives a child part-way through on 2025-01-01 the remaining doses on the new ages, and one the new table had already passed at once', () => {
    // born 2024-10-15: 2 months fell in 2024 when the old table (3 months) applied → due on 2025-01-01
    expect(dtp('2024-10-15').slice(0, 3).map((d) => [d.dueDate, d.versionId])).toEqual([
      ['2025-01-01', 'dtp-2025'],
      ['2025-02-15', 'dtp-2025'],
      ['2025-04-15', 'dtp-2025'],
    ])
    // born 2024-08-15: doses 1 and 2 in 2024 (3, 4 months), dose 3 at 6 months (not 5) in 2025
    expect(dtp('2024-08-15').slice(0, 3).map((d) => [d.ageMonths, d.versionId])).toEqual([
      [3, 'nip-2021'],
      [4, 'nip-2021'],
      [6, 'dtp-2025'],
    ])
  })

  it('shows 本月 the doses of the current month of age: 1 month old → 乙肝 2; 30 months old → none', () => {
    expect(dosesInAgeMonth(schedule, '2026-10-29', 1).map((d) => `${d.vaccine}第${d.dose}剂`)).toEqual(['乙肝疫苗第2剂'])
    expect(dosesInAgeMonth(schedule, '2026-09-29', 2).map((d) => `${d.vaccine}第${d.dose}剂`)).toEqual(['百白破疫苗第1剂', '脊灰灭活疫苗第1剂'])
    expect(dosesInAgeMonth(schedule, '2024-05-29', 30)).toEqual([])
    expect(dosesInAgeMonth(schedule, '2024-05-29', 0).map((d) => d.vaccine)).toEqual(['卡介苗', '乙肝疫苗'])
  })

  it('for any birth date 2022–2027: every dose of every series exactly once, in order, at least 4 weeks apart', () => {
    const expected = new Set(schedule.versions.flatMap((v) => v.doses.map((d) => `${d.series}#${d.dose}`)))
    fc.assert(
      fc.property(birthDates, (birthDate) => {
        const doses = dosesForBirthDate(schedule, birthDate)
        const keys = doses.map((d) => `${d.series}#${d.dose}`)
        expect(new Set(keys).size).toBe(keys.length)
        expect(new Set(keys)).toEqual(expected)
        for (const series of Object.keys(schedule.series)) {
          const list = doses.filter((d) => d.series === series).sort((a, b) => a.dose - b.dose)
          for (let i = 1; i < list.length; i += 1) {
            expect(shanghaiDate(list[i].dueDate).diff(shanghaiDate(list[i - 1].dueDate), 'day')).toBeGreaterThanOrEqual(28)
          }
        }
        for (const dose of doses) expect(dose.dueDate >= birthDate).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('for any birth date 2022–2027: each 百白破 dose follows the table in force on its due day', () => {
    fc.assert(
      fc.property(birthDates, (birthDate) => {
        for (const dose of dtp(birthDate)) {
          expect(dose.versionId).toBe(dose.dueDate < CHANGE ? 'nip-2021' : 'dtp-2025')
          // the 6-year dose is 白破 only under the 2021 table
          if (dose.dose === 5) expect(dose.vaccine).toBe(dose.dueDate < CHANGE ? '白破疫苗' : '百白破疫苗')
        }
        const ages = dtp(birthDate).map((d) => d.ageMonths)
        if (birthDate >= '2024-11-01') expect(ages).toEqual([2, 4, 6, 18, 72])
        if (birthDate <= '2024-07-31') expect(ages.slice(0, 3)).toEqual([3, 4, 5])
      }),
      { numRuns: 500 },
    )
  })

  it('for any birth date 2022–2027: the months of age 0–72 show each dose once, in the month age.ts counts', () => {
    fc.assert(
      fc.property(birthDates, (birthDate) => {
        const all = dosesForBirthDate(schedule, birthDate)
        const shown = Array.from({ length: 73 }, (_, month) => dosesInAgeMonth(schedule, birthDate, month).map((d) => ({ d, month }))).flat()
        expect(shown.map(({ d }) => `${d.series}#${d.dose}`).sort()).toEqual(all.map((d) => `${d.series}#${d.dose}`).sort())
        for (const { d, month } of shown) expect(ageInMonths(birthDate, d.dueDate)).toBe(month)
      }),
      { numRuns: 60 },
    )
  })

  it('refuses a table whose versions are out of date order or that repeats a dose', () => {
    const [first, second] = schedule.versions
    expect(ImmunisationScheduleSchema.safeParse({ ...schedule, versions: [second, first] }).success).toBe(false)
    const repeated = { ...first, doses: [...first.doses, first.doses[0]] }
    const result = ImmunisationScheduleSchema.safeParse({ ...schedule, versions: [repeated, second] })
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).toContain('重复')
  })
})
