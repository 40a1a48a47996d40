import { factFreshness, InstitutionFactsBodySchema } from '@domain/institutionFacts'

/** The body's vacancies are per care mode × age band (vacancies.ts). */
const threePlaces = [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 3 }]

describe('how old an institution’s facts are', () => {
  const now = new Date('2026-11-29T10:00:00+08:00')
  it('counts Beijing calendar days and says so in plain words', () => {
    expect(factFreshness('空位信息', '2026-11-29T08:00:00+08:00', now)).toEqual({ daysAgo: 0, stale: false, text: '空位信息今天更新' })
    expect(factFreshness('空位信息', '2026-11-26T23:30:00+08:00', now)).toEqual({ daysAgo: 3, stale: false, text: '空位信息 3 天前更新' })
    expect(factFreshness('空位信息', '2026-11-15T09:00:00+08:00', now).stale).toBe(false)
  })
  it('shows vacancies unconfirmed after 14 days, and never-confirmed ones as such', () => {
    expect(factFreshness('空位信息', '2026-11-14T09:00:00+08:00', now)).toEqual({ daysAgo: 15, stale: true, text: '空位信息超过 14 天未确认' })
    expect(factFreshness('空位信息', null, now)).toEqual({ daysAgo: null, stale: true, text: '空位信息未经机构确认' })
  })
  it('refuses more certified carers than carers, or one number without the other', () => {
    expect(InstitutionFactsBodySchema.safeParse({ vacancies: threePlaces, staffCount: 4, certifiedStaffCount: 5 }).success).toBe(false)
    expect(InstitutionFactsBodySchema.safeParse({ vacancies: threePlaces, staffCount: 4 }).success).toBe(false)
    expect(InstitutionFactsBodySchema.safeParse({ vacancies: threePlaces, staffCount: 4, certifiedStaffCount: 4 }).success).toBe(true)
  })
})
