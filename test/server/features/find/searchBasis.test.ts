import { InstitutionSummary } from '@domain/institution'
import { describeFeeBasis, feeBasisModes, InstitutionSearchQuerySchema, ratingRank, sortFee } from '@domain/search'
import { compareForSort, matchesSearch, SearchableInstitution } from '@server/features/find/searchRules'

/* Issue 12: prices compared like with like, and a rating order that counts the ratings. */

function place(id: string, careModes: InstitutionSummary['careModes'], rating = { average: 4, count: 10 }): SearchableInstitution {
  return {
    id,
    name: id,
    kind: 'childcare_center',
    district: '渝北区',
    districtCode: '500112',
    street: '龙溪街道',
    address: '',
    location: { lat: 29.6, lng: 106.5 },
    affordable: true,
    filing: { number: id, status: 'filed' },
    ageRange: { minMonths: 12, maxMonths: 36 },
    careModes,
    capacity: 60,
    vacancies: 5,
    rating,
    demonstrationLevel: null,
    isDemo: true,
    searchText: id,
  }
}

const everything = InstitutionSearchQuerySchema.parse({})
const monthlyWithHourly = place('a', [
  { mode: 'full_day', fee: 435_000, unit: 'per_month' },
  { mode: 'hourly', fee: 5_500, unit: 'per_hour' },
])
const monthlyWithDaily = place('b', [
  { mode: 'full_day', fee: 375_000, unit: 'per_month' },
  { mode: 'temporary', fee: 20_000, unit: 'per_day' },
])
const cheapMonthly = place('c', [{ mode: 'full_day', fee: 250_000, unit: 'per_month' }])
const hourlyOnly = place('d', [{ mode: 'hourly', fee: 3_000, unit: 'per_hour' }])

describe('the fee basis', () => {
  it('is the monthly 全日托 fee when no care mode is chosen, and the screen says so', () => {
    expect(feeBasisModes([])).toEqual(['full_day'])
    expect(describeFeeBasis([])).toBe('按全日托费用比较（元/月）')
  })

  it('keeps chosen modes of one unit together and never mixes units', () => {
    expect(feeBasisModes(['half_day', 'full_day'])).toEqual(['full_day', 'half_day'])
    expect(feeBasisModes(['hourly', 'temporary'])).toEqual(['hourly'])
    expect(describeFeeBasis(['temporary'])).toBe('按临时托费用比较（元/天）')
  })

  it('sorts 不限 by the monthly price, not a ¥55/小时 price', () => {
    const order = [monthlyWithHourly, hourlyOnly, monthlyWithDaily, cheapMonthly].sort(compareForSort('fee', [])).map((i) => i.id)
    expect(order).toEqual(['c', 'b', 'a', 'd'])
    expect(sortFee(hourlyOnly.careModes, [])).toBeNull()
  })

  it('does not let a ¥3,750/月 place under 最多付 2500 by its ¥200/天 临时托 price', () => {
    const search = { ...everything, maxFee: 250_000 }
    expect(matchesSearch(monthlyWithDaily, search)).toBe(false)
    expect(matchesSearch(cheapMonthly, search)).toBe(true)
    expect(matchesSearch(monthlyWithDaily, { ...search, careModes: ['temporary'] })).toBe(true)
  })
})

describe('the rating order', () => {
  it('does not put 3 five-star ratings above 60 ratings at 4.7', () => {
    const few = place('few', [], { average: 5, count: 3 })
    const many = place('many', [], { average: 4.7, count: 60 })
    const none = place('none', [], { average: null as unknown as number, count: 0 })
    expect(ratingRank(few.rating)).toBeCloseTo(3.846, 3)
    expect(ratingRank(many.rating)).toBeCloseTo(4.529, 3)
    expect([none, few, many].sort(compareForSort('rating', [])).map((i) => i.id)).toEqual(['many', 'few', 'none'])
  })
})
