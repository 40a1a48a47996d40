import { describeCalendarDate } from '@app/lib/format/calendarDate'

describe('a date as the date box shows it', () => {
  it('reads the Chinese way, without leading zeros', () => {
    expect(describeCalendarDate('2026-05-03')).toBe('2026年5月3日')
    expect(describeCalendarDate('2026-11-29')).toBe('2026年11月29日')
  })

  it('reads a month in month mode', () => {
    expect(describeCalendarDate('2027-01')).toBe('2027年1月')
  })

  it('leaves anything else as it is rather than guess', () => {
    expect(describeCalendarDate('')).toBe('')
    expect(describeCalendarDate('11/29/2026')).toBe('11/29/2026')
  })
})
