import { describeHours, describeMedianFee, describeRating, describeShare, describeVacancies } from '@app/lib/format/describe'

describe('parent-facing descriptions', () => {
  it('shows free places against capacity, and 已满 when none are free', () => {
    expect(describeVacancies(12, 80)).toBe('尚有 12 个空位 / 共 80 个托位')
    expect(describeVacancies(0, 80)).toBe('已满 · 共 80 个托位')
  })

  it('shows a rating with its count, and 暂无评价 before anyone rated', () => {
    expect(describeRating({ average: 4.567, count: 23 })).toBe('4.6分（23人评价）')
    expect(describeRating({ average: null, count: 0 })).toBe('暂无评价')
  })

  it('shows the 普惠 share as a whole percentage', () => {
    expect(describeShare(0.7606)).toBe('76%')
  })

  it('shows a district median fee with its unit when the unit is known', () => {
    expect(describeMedianFee(320000, 'per_month')).toBe('¥3,200/月')
    expect(describeMedianFee(4500, 'per_hour')).toBe('¥45/小时')
    expect(describeMedianFee(4500, 'per_week')).toBe('¥45')
  })

  it('shows opening hours', () => {
    expect(describeHours({ days: '周一至周五', opensAt: '07:30', closesAt: '17:30' })).toBe('周一至周五 07:30–17:30')
  })
})
