import { describeChild } from '@app/lib/family/childText'
import { decodeParam, slotCalendarUrl } from '@app/navigation/bookingRoutes'

describe('how a child is described', () => {
  it('gives the birth date and age, or the due date', () => {
    const now = new Date('2026-11-23T04:00:00Z')
    expect(describeChild({ birthDate: '2025-03-23', dueDate: null }, now)).toBe('2025-03-23 出生，1岁8个月')
    expect(describeChild({ birthDate: null, dueDate: '2027-02-10' }, now)).toBe('预产期 2027-02-10')
  })
})

describe('booking page addresses', () => {
  it('encode the institution name and read it back', () => {
    const url = slotCalendarUrl('yb-001', '（演示数据）龙溪托育园')
    const name = new URLSearchParams(url.split('?')[1]).get('name') ?? undefined
    expect(url).not.toMatch(/[（龙]/)
    expect(decodeParam(encodeURIComponent('（演示数据）龙溪托育园'))).toBe('（演示数据）龙溪托育园')
    expect(name).toBe('（演示数据）龙溪托育园')
    expect(decodeParam('100%')).toBe('100%')
  })
})
