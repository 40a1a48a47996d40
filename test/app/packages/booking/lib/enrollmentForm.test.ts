import { describeStartMonth, startMonthChoices } from '@app/packages/booking/lib/enrollmentForm'
import { EnrollmentCreateBodySchema } from '@domain/enrollment'

describe('start month choices', () => {
  it('offer this month in Shanghai and the next six, in the schema’s format', () => {
    // 2026-11-30 20:00 UTC is already December 1st in Shanghai.
    const months = startMonthChoices(new Date('2026-11-30T20:00:00Z'))
    expect(months[0]).toEqual({ value: '2026-12', label: '2026年12月' })
    expect(describeStartMonth('2027-01')).toBe('2027年1月')
    expect(months.map((m) => m.value)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'])
    const body = { institutionId: 'i', childId: 'c', careMode: 'full_day', contactPhone: '13800138000' }
    for (const month of months) expect(EnrollmentCreateBodySchema.safeParse({ ...body, startMonth: month.value }).success).toBe(true)
  })
})
