import { COMPLAINT_STATUS_LABELS, ComplaintStatus } from '@domain/complaint'
import { inShanghai } from '@domain/shanghaiTime'

/** Complaint dates as a parent reads them: "11月24日 18:00", on a clock in China. */
export function describeMoment(iso: string): string {
  return inShanghai(iso).format('YYYY年M月D日 HH:mm')
}

/** "还剩 2 天" / "已超期": the deadline against now, for the status card. */
export function describeDeadline(iso: string, now: Date = new Date()): string {
  const minutes = inShanghai(iso).diff(inShanghai(now), 'minute')
  if (minutes < 0) return '已超过期限'
  if (minutes < 60) return `还剩 ${minutes} 分钟`
  if (minutes < 48 * 60) return `还剩 ${Math.floor(minutes / 60)} 小时`
  return `还剩 ${Math.floor(minutes / (24 * 60))} 天`
}

/** Still waiting for an answer: the deadlines matter; once answered they do not. */
export function isOpen(status: ComplaintStatus): boolean {
  return status !== 'resolved' && status !== 'rejected'
}

/** Which deadline the parent waits for now: acceptance (受理) before it is accepted, then the answer (办结). */
export function nextDeadline(complaint: { status: ComplaintStatus; acceptBy: string; dueBy: string }): { label: string; at: string } | null {
  if (!isOpen(complaint.status)) return null
  return complaint.status === 'submitted' ? { label: '受理期限', at: complaint.acceptBy } : { label: '办结期限', at: complaint.dueBy }
}

/** The timeline's heading for an entry. */
export function timelineTitle(status: ComplaintStatus): string {
  return COMPLAINT_STATUS_LABELS[status]
}
