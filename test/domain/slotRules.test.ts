import { checkSlotAge, remainingPlaces, slotBookability } from '@domain/slotRules'

const now = new Date('2026-03-10T02:00:00Z')
const range = { minMonths: 12, maxMonths: 36 }

describe('slot bookability', () => {
  const open = { status: 'open' as const, startsAt: '2026-03-11T10:00:00+08:00', capacity: 10, booked: 3 }

  it('is bookable when open, not started and with places left', () => {
    expect(slotBookability(open, now)).toBe('bookable')
    expect(remainingPlaces(open)).toBe(7)
  })

  it('says why not: cancelled, started or full', () => {
    expect(slotBookability({ ...open, status: 'cancelled' }, now)).toBe('cancelled')
    expect(slotBookability({ ...open, startsAt: '2026-03-10T10:00:00+08:00' }, now)).toBe('started')
    expect(slotBookability({ ...open, booked: 10 }, now)).toBe('full')
  })
})

describe('age acceptance on the slot day', () => {
  it('takes a child whose whole months on that day are in range', () => {
    expect(checkSlotAge('open_day', '2026-03-11T10:00:00+08:00', { birthDate: '2025-03-11', dueDate: null }, range)).toEqual({ ok: true })
  })

  it('counts the day in Asia/Shanghai: 00:30 on the 11th there is still the 10th in UTC', () => {
    // Born 2025-03-11: twelve months old on 2026-03-11 (Shanghai), eleven on the 10th.
    expect(checkSlotAge('visit', '2026-03-11T00:30:00+08:00', { birthDate: '2025-03-11', dueDate: null }, range).ok).toBe(true)
    expect(checkSlotAge('visit', '2026-03-10T23:30:00+08:00', { birthDate: '2025-03-11', dueDate: null }, range).ok).toBe(false)
  })

  it('refuses a child too young or too old, saying the range', () => {
    const young = checkSlotAge('trial', '2026-03-11T10:00:00+08:00', { birthDate: '2025-06-01', dueDate: null }, range)
    expect(young).toMatchObject({ ok: false })
    expect(!young.ok && young.reason).toContain('1岁–3岁')
    expect(checkSlotAge('trial', '2026-03-11T10:00:00+08:00', { birthDate: '2022-01-01', dueDate: null }, range).ok).toBe(false)
  })

  it('refuses an unborn child for a visit, but not for a lecture', () => {
    const unborn = { birthDate: null, dueDate: '2026-06-01' }
    expect(checkSlotAge('open_day', '2026-03-11T10:00:00+08:00', unborn, range).ok).toBe(false)
    expect(checkSlotAge('lecture', '2026-03-11T10:00:00+08:00', unborn, range).ok).toBe(true)
  })

  it('applies the age range to 计时托 and 临时托 sessions like any care', () => {
    for (const kind of ['hourly', 'temporary'] as const) {
      expect(checkSlotAge(kind, '2026-03-11T10:00:00+08:00', { birthDate: '2025-06-01', dueDate: null }, range).ok).toBe(false)
      expect(checkSlotAge(kind, '2026-03-11T10:00:00+08:00', { birthDate: null, dueDate: '2026-06-01' }, range).ok).toBe(false)
      expect(checkSlotAge(kind, '2026-03-11T10:00:00+08:00', { birthDate: '2024-09-01', dueDate: null }, range).ok).toBe(true)
    }
  })

  it('has no age rule for a lecture', () => {
    expect(checkSlotAge('lecture', '2026-03-11T10:00:00+08:00', { birthDate: '2021-01-01', dueDate: null }, range).ok).toBe(true)
  })
})
