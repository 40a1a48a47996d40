import { awaitsInstitution, dueOnProblem, nextRectificationState, openSteps, rectificationState } from '@domain/rectificationFlow'

describe('a rectification notice’s state', () => {
  it('is issued with no report, reported while a report waits, returned after a send-back, completed once completed_on is set', () => {
    expect(rectificationState({ completedOn: null, latestVerdict: undefined })).toBe('issued')
    expect(rectificationState({ completedOn: null, latestVerdict: null })).toBe('reported')
    expect(rectificationState({ completedOn: null, latestVerdict: 'returned' })).toBe('returned')
    expect(rectificationState({ completedOn: '2026-11-20', latestVerdict: 'accepted' })).toBe('completed')
  })

  it('reads notices from the filing list or demo data (completed_on, no reports) as completed', () => {
    expect(rectificationState({ completedOn: '2025-03-01', latestVerdict: undefined })).toBe('completed')
  })
})

describe('the steps of a rectification notice', () => {
  it('lets the institution report an issued or returned notice, and nothing else', () => {
    expect(nextRectificationState('issued', 'report')).toBe('reported')
    expect(nextRectificationState('returned', 'report')).toBe('reported')
    expect(nextRectificationState('reported', 'report')).toBeNull()
    expect(nextRectificationState('completed', 'report')).toBeNull()
  })

  it('lets the regulator accept or return only a reported notice', () => {
    expect(nextRectificationState('reported', 'accept')).toBe('completed')
    expect(nextRectificationState('reported', 'return')).toBe('returned')
    for (const state of ['issued', 'returned', 'completed'] as const) {
      expect(nextRectificationState(state, 'accept')).toBeNull()
      expect(nextRectificationState(state, 'return')).toBeNull()
    }
  })

  it('offers each side only its own open steps', () => {
    expect(openSteps('issued', 'institution')).toEqual(['report'])
    expect(openSteps('issued', 'regulator')).toEqual([])
    expect(openSteps('reported', 'institution')).toEqual([])
    expect(openSteps('reported', 'regulator')).toEqual(['accept', 'return'])
    expect(openSteps('completed', 'regulator')).toEqual([])
  })

  it('counts issued and returned notices as waiting for the institution (the workbench badge)', () => {
    expect(['issued', 'reported', 'returned', 'completed'].filter((s) => awaitsInstitution(s as never))).toEqual(['issued', 'returned'])
  })
})

describe('the deadline of a new notice', () => {
  it('refuses a day before today and more than a year ahead, and takes today up to a year', () => {
    expect(dueOnProblem('2026-11-28', '2026-11-29')).toBe('整改期限不能早于今天')
    expect(dueOnProblem('2026-11-29', '2026-11-29')).toBeNull()
    expect(dueOnProblem('2027-11-29', '2026-11-29')).toBeNull()
    expect(dueOnProblem('2027-11-30', '2026-11-29')).toContain('最长一年')
  })
})
