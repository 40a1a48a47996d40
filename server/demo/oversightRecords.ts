import { InstitutionRecord } from '@domain/institutionRecord'
import { SeedDistrict } from '../features/find/districtCatalog'
import { addDays, dateBetween, DEMO_AS_OF, maxDate, minDate } from './demoDates'
import { Random } from './random'
import { FINDINGS, PASSED_SUMMARIES } from './wording'

/**
 * One to three inspections by the filing authority. About one in six finds something,
 * and each finding comes with a rectification notice that was met, met late, is still
 * open or is overdue as of DEMO_AS_OF. Every 25th institution has a recent finding
 * whose deadline is still ahead, so open notices always exist.
 */
export function records(
  id: string,
  district: SeedDistrict,
  index: number,
  filedOn: string,
  random: Random,
): Pick<InstitutionRecord, 'inspections' | 'rectifications'> {
  const inspections: InstitutionRecord['inspections'] = []
  const rectifications: InstitutionRecord['rectifications'] = []
  const count = random.int(1, 3)
  // Inspections start after filing (at the earliest in 2024, when the records begin).
  const firstDay = maxDate(addDays(filedOn, 30), '2024-01-08')
  for (let k = 1; k <= count; k++) {
    const recent = k === count && index % 25 === 7
    const inspectedOn = recent ? dateBetween('2026-10-05', DEMO_AS_OF, random) : dateBetween(minDate(firstDay, '2026-10-20'), '2026-10-20', random)
    const outcome = recent ? 'rectification_required' : random.chance(0.83) ? 'passed' : random.chance(0.85) ? 'rectification_required' : 'failed'
    const finding = random.pick(FINDINGS)
    inspections.push({
      id: `${id}-i${k}`,
      inspectedOn,
      authority: district.filingAuthority,
      result: outcome,
      summary: outcome === 'passed' ? random.pick(PASSED_SUMMARIES) : finding.summary,
    })
    if (outcome === 'passed') continue
    const dueOn = addDays(inspectedOn, random.pick([30, 30, 60]))
    const roll = random.next()
    const completedOn = recent || roll >= 0.8 ? null : roll < 0.6 ? dateBetween(inspectedOn, dueOn, random) : addDays(dueOn, random.int(3, 40))
    rectifications.push({
      id: `${id}-r${k}`,
      issuedOn: inspectedOn,
      dueOn,
      authority: district.filingAuthority,
      issue: finding.issue,
      completedOn: completedOn !== null && completedOn > DEMO_AS_OF ? null : completedOn,
    })
  }
  inspections.sort((a, b) => (a.inspectedOn < b.inspectedOn ? -1 : 1))
  return { inspections, rectifications }
}

