import { ComplaintCategory, ComplaintStatus, ComplaintUrgency, isUrgentCategory } from './complaint'
import { addHours, addWorkingDays } from './workingDays'

/*
 * The complaint state machine and its deadlines — pure, shared by the app (to show what
 * comes next) and the server (which decides).
 *
 *   submitted ─accept→ accepted ─investigate→ investigating ─resolve→ resolved
 *   submitted ─reject→ rejected
 *   resolved ─(complainant, within 15 days)→ reexamination_requested ─investigate→ investigating
 */

export type StaffAction = 'accept' | 'investigate' | 'resolve' | 'reject'

const TRANSITIONS: Record<StaffAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  investigate: { from: ['accepted', 'reexamination_requested'], to: 'investigating' },
  resolve: { from: ['investigating'], to: 'resolved' },
  reject: { from: ['submitted'], to: 'rejected' },
}

/** The status a staff action leads to, or null when it is not allowed from `status`. */
export function nextStatus(status: ComplaintStatus, action: StaffAction): ComplaintStatus | null {
  const t = TRANSITIONS[action]
  return t.from.includes(status) ? t.to : null
}

/** What a regulator may do next with a complaint in this status. */
export function allowedActions(status: ComplaintStatus): StaffAction[] {
  return (Object.keys(TRANSITIONS) as StaffAction[]).filter((a) => nextStatus(status, a) !== null)
}

/**
 * Deadlines. Ordinary complaints: accepted within 3 working days and answered within 15
 * working days — the platform's service promise, shorter than the 15 + 60 days of
 * 《信访工作条例》 (2022) art. 31–35 that bind the regulator at most. Abuse and safety
 * put a child at risk now: accepted within 2 hours and answered within 24 hours,
 * counted round the clock.
 */
export const DEADLINES = {
  ordinary: { acceptWorkingDays: 3, answerWorkingDays: 15 },
  urgent: { acceptHours: 2, answerHours: 24 },
} as const

/** A re-examination may be asked for within 15 days of the answer (《信访工作条例》 art. 35 allows 30 days for 复查; we keep it shorter and simpler). */
export const REEXAMINATION_WINDOW_DAYS = 15

export function urgencyOf(category: ComplaintCategory): ComplaintUrgency {
  return isUrgentCategory(category) ? 'urgent' : 'ordinary'
}

export interface ComplaintDeadlines {
  acceptBy: Date
  dueBy: Date
}

/** The deadlines of a complaint filed (or sent back for re-examination) at `from`. */
export function deadlinesFrom(category: ComplaintCategory, from: Date): ComplaintDeadlines {
  if (urgencyOf(category) === 'urgent') {
    return { acceptBy: addHours(from, DEADLINES.urgent.acceptHours), dueBy: addHours(from, DEADLINES.urgent.answerHours) }
  }
  return {
    acceptBy: addWorkingDays(from, DEADLINES.ordinary.acceptWorkingDays),
    dueBy: addWorkingDays(from, DEADLINES.ordinary.answerWorkingDays),
  }
}

/** Finished: nothing more is owed unless the complainant asks for re-examination. */
export function isClosed(status: ComplaintStatus): boolean {
  return status === 'resolved' || status === 'rejected'
}

/** Overdue: still waiting to be accepted after acceptBy, or still open after dueBy. */
export function isOverdue(status: ComplaintStatus, deadlines: ComplaintDeadlines, now: Date): boolean {
  if (isClosed(status)) return false
  if (status === 'submitted' && now > deadlines.acceptBy) return true
  return now > deadlines.dueBy
}

/** The deadline the queue sorts by: acceptance while unaccepted, else the answer. */
export function nextDeadline(status: ComplaintStatus, deadlines: ComplaintDeadlines): Date {
  return status === 'submitted' ? deadlines.acceptBy : deadlines.dueBy
}

export interface FeedbackState {
  status: ComplaintStatus
  /** When it was (last) resolved; null if never. */
  resolvedAt: Date | null
  /** Has the complainant already said whether they are satisfied with this answer? */
  feedbackGiven: boolean
  satisfied: boolean | null
  /** Has a re-examination already been asked for? One per complaint. */
  reexaminationRequested: boolean
}

/** 满意度评价: once per answer, only while it is resolved. */
export function canGiveFeedback(s: FeedbackState): boolean {
  return s.status === 'resolved' && !s.feedbackGiven
}

/** The last moment a re-examination may be asked for, or null when none may be. */
export function reexaminationUntil(s: FeedbackState): Date | null {
  if (s.status !== 'resolved' || s.resolvedAt === null || s.reexaminationRequested || s.satisfied === true) return null
  return new Date(s.resolvedAt.getTime() + REEXAMINATION_WINDOW_DAYS * 86_400_000)
}

/** Why a re-examination cannot be asked for now, or null when it can. */
export function reexaminationRefusal(s: FeedbackState, now: Date): string | null {
  if (s.status !== 'resolved') return '投诉办结后才能申请复核'
  if (s.reexaminationRequested) return '每件投诉只能申请一次复核'
  if (s.satisfied === true) return '您已对办理结果表示满意，无需复核'
  const until = reexaminationUntil(s)
  if (until === null || now > until) return `办结 ${REEXAMINATION_WINDOW_DAYS} 天后不能再申请复核`
  return null
}
