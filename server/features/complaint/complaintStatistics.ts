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
