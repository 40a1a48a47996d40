import { ComplaintStatistics } from '@domain/complaint'
import { Queryable } from '../../platform/db/database'
import { countComplaintsByStatus } from './complaintRepository'

/** An institution's complaints by outcome for its public page: counts only, never who complained. */
export async function complaintStatisticsOf(db: Queryable, institutionId: string): Promise<ComplaintStatistics> {
  const counts = await countComplaintsByStatus(db, institutionId)
  const resolved = counts.get('resolved') ?? 0
  const rejected = counts.get('rejected') ?? 0
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
  return { total, inProgress: total - resolved - rejected, resolved, rejected }
}

/**
 * A district's complaints whose deadline has come, for the regulator's 投诉按期办结率
 * (src/domain/districtGlance.ts): closed (办结 or 不予受理) by their deadline, closed
 * after it, and still open past it.
 */
export async function complaintDeadlineCounts(db: Queryable, districtCode: string, now: Date): Promise<{ closedInTime: number; closedLate: number; openOverdue: number }> {
  const result = await db.query<{ closed_in_time: number; closed_late: number; open_overdue: number }>(
    `select (count(*) filter (where status in ('resolved', 'rejected') and resolved_at <= due_by))::int as closed_in_time,
            (count(*) filter (where status in ('resolved', 'rejected') and resolved_at > due_by))::int as closed_late,
            (count(*) filter (where status not in ('resolved', 'rejected') and due_by < $2))::int as open_overdue
     from complaints where district_code = $1`,
    [districtCode, now],
  )
  const row = result.rows[0]
  return { closedInTime: row.closed_in_time, closedLate: row.closed_late, openOverdue: row.open_overdue }
}
