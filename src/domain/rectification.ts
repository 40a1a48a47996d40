/**
 * Where a 整改通知 (rectification notice) stands on a given day (Asia/Shanghai calendar
 * dates, "YYYY-MM-DD", which compare correctly as strings):
 * met — completed on or before the deadline · late — completed after it ·
 * open — not completed, deadline today or ahead · overdue — not completed, deadline passed.
 */
export type RectificationOutcome = 'met' | 'late' | 'open' | 'overdue'

export function rectificationOutcome(notice: { dueOn: string; completedOn: string | null }, today: string): RectificationOutcome {
  if (notice.completedOn !== null) return notice.completedOn <= notice.dueOn ? 'met' : 'late'
  return today <= notice.dueOn ? 'open' : 'overdue'
}
