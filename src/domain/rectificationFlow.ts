import dayjs from 'dayjs'

/*
 * 整改通知 as a two-sided flow (issue 9). Glossary: 下达 issue · 整改完成报告 report ·
 * 核验通过 accept · 退回 return (with the reason the institution reads) · 已整改 completed.
 *
 *   issued ──report──▶ reported ──accept──▶ completed (completed_on set)
 *                        │  ▲
 *                 return │  │ report
 *                        ▼  │
 *                      returned
 *
 * The state is derived from stored facts (the notice's completed_on and its latest
 * report's verdict), never stored twice, so notices written by the filing-list importer
 * or the demo data (completed_on only, no reports) read correctly.
 */

export const RECTIFICATION_STATES = ['issued', 'reported', 'returned', 'completed'] as const
export type RectificationState = (typeof RECTIFICATION_STATES)[number]

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  issued: '待整改',
  reported: '待核验',
  returned: '已退回，需重新整改',
  completed: '已整改',
}

export type RectificationStep = 'report' | 'accept' | 'return'
export type RectificationSide = 'institution' | 'regulator'

/** Who takes each step: the institution reports, the regulator verifies. */
export const STEP_SIDE: Record<RectificationStep, RectificationSide> = { report: 'institution', accept: 'regulator', return: 'regulator' }

export type ReportVerdict = 'accepted' | 'returned' | null

export function rectificationState(notice: { completedOn: string | null; latestVerdict: ReportVerdict | undefined }): RectificationState {
  if (notice.completedOn !== null) return 'completed'
  if (notice.latestVerdict === undefined) return 'issued'
  if (notice.latestVerdict === null) return 'reported'
  // An accepted report always sets completed_on; a row without it is read as waiting.
  return notice.latestVerdict === 'returned' ? 'returned' : 'reported'
}

/** The state a step leads to, or null when the step is not open in this state. */
export function nextRectificationState(state: RectificationState, step: RectificationStep): RectificationState | null {
  if (step === 'report') return state === 'issued' || state === 'returned' ? 'reported' : null
  if (state !== 'reported') return null
  return step === 'accept' ? 'completed' : 'returned'
}

/** The steps one side may take now (the app shows these buttons; the server decides by the same rule). */
export function openSteps(state: RectificationState, side: RectificationSide): RectificationStep[] {
  return (['report', 'accept', 'return'] as const).filter((step) => STEP_SIDE[step] === side && nextRectificationState(state, step) !== null)
}

/** Whether the institution has something to do: the workbench badge counts these. */
export function awaitsInstitution(state: RectificationState): boolean {
  return openSteps(state, 'institution').length > 0
}

/**
 * A sane deadline for a new notice, "YYYY-MM-DD" in Asia/Shanghai: not before today and
 * at most a year ahead (a longer one is a plan, not a 整改期限). Returns the problem or null.
 */
export const MAX_RECTIFICATION_DAYS = 365

export function dueOnProblem(dueOn: string, today: string): string | null {
  if (dueOn < today) return '整改期限不能早于今天'
  const latest = addDaysIso(today, MAX_RECTIFICATION_DAYS)
  if (dueOn > latest) return `整改期限最长一年（不晚于 ${latest}）`
  return null
}

// A calendar date plus days: parsed and formatted in the same (local) zone, so no offset shifts it.
function addDaysIso(day: string, days: number): string {
  return dayjs(day).add(days, 'day').format('YYYY-MM-DD')
}
