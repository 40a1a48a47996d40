import { CareMode } from '@domain/careMode'
import { InstitutionDetail } from '@domain/institution'
import { rectificationOutcome } from '@domain/rectification'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Queryable } from '../../platform/db/database'
import { toSummary } from './institutionRows'
import { institutionFacts } from './institutionFacts'
import {
  findClasses,
  findDistrictMedianFees,
  findInspections,
  findInstitutionRow,
  findRectifications,
} from './institutionDetailRepository'
import { notFound } from '../../platform/http/apiError'
import { complaintStatisticsOf } from '../complaint/complaintStatistics'
import { openSlotsSummary } from '../booking/slots'
import { gradeOf } from '../oversight/publicGrade'

/** GET /api/v1/institutions/:id: the whole public record, with computed outcomes and fee comparison. */
export async function getInstitutionDetail(db: Queryable, id: string, now: Date = new Date()): Promise<InstitutionDetail> {
  const row = await findInstitutionRow(db, id)
  if (!row) throw notFound('没有找到这家托育机构，它可能已注销或链接有误')
  const [classes, inspections, rectifications, medians, openSlots, complaintStatistics, facts, grade] = await Promise.all([
    findClasses(db, id),
    findInspections(db, id),
    findRectifications(db, id),
    findDistrictMedianFees(db, row.district_code),
    openSlotsSummary(db, id, now),
    complaintStatisticsOf(db, id),
    institutionFacts(db, id, now),
    gradeOf(db, id, row.district_code),
  ])
  const today = todayInShanghai(now)
  const summary = toSummary(row)
  return {
    ...summary,
    filing: { number: row.filing_number, status: row.filing_status, filedOn: row.filed_on, authority: row.filing_authority },
    hours: { days: row.hours_days, opensAt: row.opens_at, closesAt: row.closes_at },
    classes,
    photos: row.photos,
    contactPhone: row.contact_phone,
    description: row.description,
    inspections,
    rectifications: rectifications.map((notice) => ({ ...notice, outcome: rectificationOutcome(notice, today) })),
    feeComparison: compareFees(summary.careModes, medians),
    openSlots,
    complaintStatistics,
    facts,
    // Absent where the district does not grade (等级评定), null where it has not graded it yet.
    ...(grade === undefined ? {} : { grade }),
  }
}

/** Each offered mode against its district median; modes without a (non-zero) median are left out. */
function compareFees(careModes: InstitutionDetail['careModes'], medians: Map<CareMode, number>): InstitutionDetail['feeComparison'] {
  return careModes.flatMap((mode) => {
    const median = medians.get(mode.mode)
    if (median === undefined || median <= 0) return []
    const relative = Math.round(((mode.fee - median) / median) * 1000) / 1000
    return [{ mode: mode.mode, fee: mode.fee, districtMedian: median, relativeToMedian: relative }]
  })
}
