import { PublicSlot } from '@domain/slotRules'
import { buildCalendar, calendarWindow, describeSlotTime, firstDayWithPlaces, slotDate } from '@app/lib/calendar/slotCalendar'

function slot(id: string, startsAt: string, remaining: number, kind: PublicSlot['kind'] = 'open_day'): PublicSlot {
  return { id, kind, title: '开放日', startsAt, endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(), capacity: 10, remaining, requiresConfirmation: false }
}

// 2026-11-25 is a Wednesday.
const TODAY = '2026-11-25'

describe('the slot calendar', () => {
  it('shows four Monday-first weeks starting with this week', () => {
    const weeks = buildCalendar([], TODAY)
    expect(weeks).toHaveLength(4)
    expect(weeks.every((week) => week.length === 7)).toBe(true)
    expect(weeks[0][0]).toMatchObject({ date: '2026-11-23', weekday: '一', past: true })
    expect(weeks[0][2]).toMatchObject({ date: TODAY, isToday: true, past: false })
    expect(weeks[3][6].date).toBe('2026-12-20')
  })

  it('puts a slot on its day in Shanghai, even when that is the day before in UTC', () => {
    // 07:30 in Shanghai on the 28th is 23:30 UTC on the 27th.
    const early = slot('a', '2026-11-27T23:30:00Z', 3)
    expect(slotDate(early)).toBe('2026-11-28')
    const day = buildCalendar([early], TODAY).flat().find((d) => d.date === '2026-11-28')!
    expect(day.slots.map((s) => s.id)).toEqual(['a'])
  })

  it('orders a day’s slots by time and adds up its places left', () => {
    const slots = [slot('late', '2026-11-28T14:00:00+08:00', 2), slot('early', '2026-11-28T09:30:00+08:00', 5), slot('full', '2026-11-28T16:00:00+08:00', 0)]
    const day = buildCalendar(slots, TODAY).flat().find((d) => d.date === '2026-11-28')!
    expect(day.slots.map((s) => s.id)).toEqual(['early', 'late', 'full'])
    expect(day.remaining).toBe(7)
  })

  it('opens on the first day from today with places left, skipping full days', () => {
    const slots = [slot('full', '2026-11-26T09:30:00+08:00', 0), slot('open', '2026-12-02T09:30:00+08:00', 4)]
    expect(firstDayWithPlaces(buildCalendar(slots, TODAY))).toBe('2026-12-02')
    expect(firstDayWithPlaces(buildCalendar([], TODAY))).toBeNull()
  })

  it('asks the server for slots from now until the end of the last week shown', () => {
    const window = calendarWindow(new Date('2026-11-25T02:00:00Z'))
    expect(window.from).toBe('2026-11-25T10:00:00+08:00')
    expect(window.to).toBe('2026-12-21T00:00:00+08:00')
  })

  it('describes a slot’s time as a parent reads it', () => {
    expect(describeSlotTime(slot('a', '2026-11-28T09:30:00+08:00', 1))).toBe('11月28日 周六 09:30–11:00')
  })
})
