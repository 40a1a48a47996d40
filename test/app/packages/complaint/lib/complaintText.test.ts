import { describeDeadline, describeMoment, nextDeadline } from '@app/packages/complaint/lib/complaintText'

describe('complaint dates as parents read them', () => {
  it('shows instants on a clock in China', () => {
    expect(describeMoment('2026-11-24T10:00:00Z')).toBe('2026年11月24日 18:00')
  })

  it('says how long is left, in hours when it is close', () => {
    const now = new Date('2026-11-23T00:00:00Z')
    expect(describeDeadline('2026-11-23T00:30:00Z', now)).toBe('还剩 30 分钟')
    expect(describeDeadline('2026-11-24T00:00:00Z', now)).toBe('还剩 24 小时')
    expect(describeDeadline('2026-11-28T00:00:00Z', now)).toBe('还剩 5 天')
    expect(describeDeadline('2026-11-22T00:00:00Z', now)).toBe('已超过期限')
  })

  it('waits for acceptance first, then for the answer, and for nothing once answered', () => {
    const times = { acceptBy: 'A', dueBy: 'D' }
    expect(nextDeadline({ status: 'submitted', ...times })).toEqual({ label: '受理期限', at: 'A' })
    expect(nextDeadline({ status: 'investigating', ...times })).toEqual({ label: '办结期限', at: 'D' })
    expect(nextDeadline({ status: 'resolved', ...times })).toBeNull()
    expect(nextDeadline({ status: 'rejected', ...times })).toBeNull()
  })
})
