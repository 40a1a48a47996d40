import { DistrictGlance, DistrictPlan, DistrictPlanBody, glanceFigures } from '@domain/districtGlance'
import { UNIT_OF_CARE_MODE } from '@domain/careMode'
import { inShanghai } from '@domain/shanghaiTime'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { Database, Queryable } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { openDaysHeld } from '../booking/slots'
import { complaintDeadlineCounts } from '../complaint/complaintStatistics'
import { publishedPlan } from './districtPlanCatalog'
import { findDistrictPlan, saveDistrictPlan } from './districtPlanRepository'
import { findDistrictCode, findDistrictMedians, findDistrictTotals } from './districtRepository'

/*
 * 区县概览 for the district's regulator (GET /staff/district-glance): the counts come
 * from the same queries as the public district overview (districtRepository.ts) plus
 * complaints and open days through their features' services; the figures, formulas
 * and targets are computed by src/domain/districtGlance.ts. The plan (population and
 * targets) is the one the regulator saved, else what the district published.
 */

export async function districtPlanOf(db: Queryable, districtCode: string): Promise<DistrictPlan> {
  return (await findDistrictPlan(db, districtCode)) ?? publishedPlan(districtCode)
}

export async function districtGlance(db: Queryable, districtCode: string, now: Date = new Date()): Promise<DistrictGlance> {
  const monthStart = inShanghai(now).startOf('month')
  const [totals, medians, plan, complaints, openDays] = await Promise.all([
    findDistrictTotals(db),
    findDistrictMedians(db),
    districtPlanOf(db, districtCode),
    complaintDeadlineCounts(db, districtCode, now),
    openDaysHeld(db, districtCode, monthStart.toDate(), now),
  ])
  const district = totals.find((row) => row.code === districtCode)
  if (!district) throw new ApiError('NOT_FOUND', '找不到这个区县')
  const figures = glanceFigures(
    {
      filedInstitutions: district.institution_count,
      capacity: district.capacity,
      affordableCapacity: district.affordable_capacity,
      vacancies: district.vacancies,
      medianFees: medians
        .filter((median) => median.district_code === districtCode)
        .map((median) => ({ mode: median.mode, fee: median.median, unit: UNIT_OF_CARE_MODE[median.mode], institutionCount: median.institution_count })),
      staff: { institutionsReporting: district.staffing_reported, staff: district.staff_count, certified: district.certified_staff_count },
      complaints,
      openDays: { held: openDays, month: monthStart.format('YYYY年M月') },
    },
    plan,
  )
  return { districtCode, districtName: district.name, plan, figures }
}

/** PUT /staff/district-plan: the regulator's own district only, audited with the plan before and after. */
export async function updateDistrictPlan(db: Database, regulator: { userId: string; districtCode: string }, body: DistrictPlanBody): Promise<DistrictPlan> {
  return db.transaction(async (tx) => {
    // Regulators are only invited for stored districts (invitations.ts); should the row be gone, a 404 rather than a failed foreign key.
    if ((await findDistrictCode(tx, regulator.districtCode)) === null) throw new ApiError('NOT_FOUND', '本区县还没有机构数据，请先导入备案名单')
    const before = await districtPlanOf(tx, regulator.districtCode)
    const after = await saveDistrictPlan(tx, regulator.districtCode, body, regulator.userId)
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: 'district_plan.update',
      subjectKind: 'district',
      subjectId: regulator.districtCode,
      detail: { before: { ...before, updatedAt: undefined }, after: { ...after, updatedAt: undefined } },
    })
    return after
  })
}
