import { formatFen, yuanToFen } from '@domain/money'
import { describeFee, CareModeFeeSchema } from '@domain/careMode'

describe('money in fen', () => {
  it('formats whole yuan without decimals and groups thousands', () => {
    expect(formatFen(320000)).toBe('¥3,200')
    expect(formatFen(680000)).toBe('¥6,800')
    expect(formatFen(4550)).toBe('¥45.50')
    expect(formatFen(0)).toBe('¥0')
  })

  it('converts yuan to integer fen without floating-point drift', () => {
    expect(yuanToFen(19.99)).toBe(1999)
    expect(yuanToFen(1500)).toBe(150000)
  })

  it('describes a fee with its unit', () => {
    expect(describeFee({ fee: 320000, unit: 'per_month' })).toBe('¥3,200/月')
    expect(describeFee({ fee: 4500, unit: 'per_hour' })).toBe('¥45/小时')
    expect(describeFee({ fee: 18000, unit: 'per_day' })).toBe('¥180/天')
  })

  it('refuses a fee whose unit does not belong to its care mode', () => {
    expect(CareModeFeeSchema.safeParse({ mode: 'hourly', fee: 4500, unit: 'per_month' }).success).toBe(false)
    expect(CareModeFeeSchema.safeParse({ mode: 'hourly', fee: 4500, unit: 'per_hour' }).success).toBe(true)
    expect(CareModeFeeSchema.safeParse({ mode: 'full_day', fee: 12.5, unit: 'per_month' }).success).toBe(false)
  })
})
