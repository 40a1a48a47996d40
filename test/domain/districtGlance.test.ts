import { DistrictPlan, GlanceCounts, glanceFigures, placesPerThousand, roundTo, shareOf } from '@domain/districtGlance'

/* Every expected number below is worked by hand from the counts in this file. */

const plan: DistrictPlan = {
  districtCode: '500111',
  population: 800_000,
  populationSource: '测试来源',
  placesPerThousandTarget: 4.5,
  affordableShareTarget: 0.6,
  certifiedStaffShareTarget: 0.9,
  complaintsInTimeTarget: null,
  reportedPlacesPerThousand: null,
  targetsSource: '测试规划',
  updatedAt: null,
}

const counts: GlanceCounts = {
  filedInstitutions: 52,
  capacity: 2380,
  affordableCapacity: 1500,
  vacancies: 410,
  medianFees: [{ mode: 'full_day', fee: 180_000, unit: 'per_month', institutionCount: 40 }],
  staff: { institutionsReporting: 10, staff: 80, certified: 72 },
  complaints: { closedInTime: 7, closedLate: 2, openOverdue: 1 },
  openDays: { held: 3, month: '2026年11月' },
}

const byKey = (figures: ReturnType<typeof glanceFigures>) => new Map(figures.map((f) => [f.key, f]))

describe('district at a glance', () => {
  it('computes places per 1,000 residents: 2,380 places ÷ 800,000 × 1000 = 2.975 → 2.98, below a target of 4.5', () => {
    expect(placesPerThousand(2380, 800_000)).toBe(2.98)
    const f = byKey(glanceFigures(counts, plan)).get('places_per_thousand')!
    expect(f).toMatchObject({ value: 2.98, display: '2.98', target: { comparison: 'at_least', value: 4.5, display: '≥ 4.5' }, meets: false })
    expect(f.formula).toBe('托位总数 ÷ 常住人口 × 1000')
    expect(f.counts).toEqual([
      { label: '托位总数', value: '2,380（52 家已备案机构）' },
      { label: '常住人口', value: '800,000（测试来源）' },
    ])
  })

  it('cannot compute places per 1,000 without a population, and says so instead of guessing', () => {
    const f = byKey(glanceFigures(counts, { ...plan, population: null })).get('places_per_thousand')!
    expect(f).toMatchObject({ value: null, display: '未填写常住人口，无法计算', meets: null })
    expect(f.counts[1]).toEqual({ label: '常住人口', value: '未公布' })
  })

  it('meets the target exactly at it: 6,201 places ÷ 1,378,000 × 1000 = 4.5', () => {
    const f = byKey(glanceFigures({ ...counts, capacity: 6201 }, { ...plan, population: 1_378_000 })).get('places_per_thousand')!
    expect(f.value).toBe(4.5)
    expect(f.meets).toBe(true)
  })

  it('computes the 普惠 share of places, not of institutions: 1,500 ÷ 2,380 = 63.0%, meeting ≥ 60%', () => {
    const f = byKey(glanceFigures(counts, plan)).get('affordable_share')!
    expect(f.value).toBeCloseTo(0.6303, 4)
    expect(f).toMatchObject({ display: '63%', meets: true })
  })

  it('needs more than 90% certified staff: 72 of 80 is exactly 90%, which does not meet "> 90%"', () => {
    const f = byKey(glanceFigures(counts, plan)).get('certified_staff_share')!
    expect(f).toMatchObject({ value: 0.9, display: '90%', target: { comparison: 'more_than', display: '> 90%' }, meets: false })
    expect(f.counts[2]).toEqual({ label: '已填报的机构', value: '10 / 52' })
  })

  it('counts complaints closed in time against every complaint whose deadline has come: 7 ÷ (7 + 2 + 1) = 70%', () => {
    const f = byKey(glanceFigures(counts, plan)).get('complaints_in_time')!
    expect(f).toMatchObject({ value: 0.7, display: '70%', target: null, meets: null })
  })

  it('shows vacancies, the median fee per care mode and the open days held this month as counted', () => {
    const figures = byKey(glanceFigures(counts, plan))
    expect(figures.get('vacancies')).toMatchObject({ value: 410, display: '410' })
    expect(figures.get('vacancies')!.counts).toEqual([
      { label: '托位总数', value: '2,380' },
      { label: '在托人数', value: '1,970' },
    ])
    expect(figures.get('median_fee_full_day')).toMatchObject({ label: '全日托收费中位数', value: 180_000, display: '¥1,800/月' })
    expect(figures.get('open_days_this_month')).toMatchObject({ value: 3, display: '3 场', formula: '2026年11月已开始、未取消的开放日场次' })
  })

  it('divides by nothing only to say there is nothing yet', () => {
    expect(shareOf(1, 0)).toBeNull()
    const empty = byKey(glanceFigures({ ...counts, capacity: 0, affordableCapacity: 0, staff: { institutionsReporting: 0, staff: 0, certified: 0 }, complaints: { closedInTime: 0, closedLate: 0, openOverdue: 0 } }, plan))
    expect(empty.get('affordable_share')!.display).toBe('暂无托位')
    expect(empty.get('certified_staff_share')!.display).toBe('暂无机构填报人员')
    expect(empty.get('complaints_in_time')!.display).toBe('暂无到期的投诉')
  })

  it('rounds half up, as published figures are', () => {
    expect(roundTo(3.935, 2)).toBe(3.94)
    expect(roundTo(2.975, 2)).toBe(2.98)
  })
})
