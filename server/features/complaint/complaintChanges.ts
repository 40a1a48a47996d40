import { ComplaintStatus } from '@domain/complaint'
import { Queryable } from '../../platform/db/database'
import { ComplaintRow, insertEvent, StatusChange, updateComplaintStatus } from './complaintRepository'
import { enqueueNotification } from '../notifications/outbox'

/*
 * Every status change of a complaint goes through here: the row, a timeline entry and
 * the subscribe-message notice to the complainant, in the caller's transaction so the
 * three commit together or not at all.
 */

/** Status words for the notice's phrase field (WeChat allows 5 characters). */
const NOTICE_STATUS: Record<ComplaintStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  investigating: '调查中',
  resolved: '已办结',
  rejected: '不予受理',
  reexamination_requested: '复核申请',
}

/** WeChat's thing fields take about 20 characters. */
function short(text: string, max = 20): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export async function changeComplaintStatus(
  tx: Queryable,
  row: ComplaintRow,
  change: StatusChange,
  note: string | null,
  actorUserId: string | null,
  at: Date,
): Promise<void> {
  await updateComplaintStatus(tx, row.id, change)
  await insertEvent(tx, row.id, change.status, note, actorUserId)
  // A complainant who deleted their account (注销) is told nothing: there is no one to tell.
  if (row.user_id === null) return
  await enqueueNotification(tx, {
    userId: row.user_id,
    kind: 'complaint_status',
    subjectId: row.id,
    // A status can come twice (investigating after a re-examination): the time tells them apart.
    dedupeKey: `${change.status}@${at.toISOString()}`,
    payload: { trackingNo: row.tracking_no, status: NOTICE_STATUS[change.status], note: short(note ?? row.institution_name) },
  })
}
