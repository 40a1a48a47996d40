import { InstitutionSearchQuerySchema, normaliseSearchText, relevantCareModes, sortFee } from '@domain/search'
import { compareForSort, matchesSearch, SearchableInstitution } from '@server/features/find/searchRules'
import { institutionSummary } from '@test/support/institutionSummary'

function parse(query: Record<string, string | string[]>) {
  return InstitutionSearchQuerySchema.safeParse(query)
}

/** The shared search card (test/support/institutionSummary.ts) with this file's facts and its search text. */
function institution(overrides: Partial<SearchableInstitution> = {}): SearchableInstitution {
  const { searchText = normaliseSearchText('小橙子托育园 龙溪街道 lxjd longxijiedao'), ...summary } = overrides
  return {
    ...institutionSummary({
      id: 'a',
      name: '（演示数据）小橙子托育园',
      address: '重庆市渝北区龙溪街道金山路 1 号',
      filing: { number: 'YB-001', status: 'filed' },
      careModes: [
        { mode: 'full_day', fee: 300000, unit: 'per_month' },
        { mode: 'hourly', fee: 4500, unit: 'per_hour' },
      ],
      vacancies: 5,
      rating: { average: 4.5, count: 10 },
      ...summary,
    }),
    searchText,
  }
}

describe('matchesSearch', () => {
  const base = parse({})
  if (!base.success) throw base.error
  const everything = base.data

  it('matches everything filed when no filter is given', () => {
    expect(matchesSearch(institution(), everything)).toBe(true)
    expect(matchesSearch(institution({ filing: { number: 'x', status: 'revoked' } }), everything)).toBe(false)
  })

  it('reads maxFee in the unit of the chosen care mode', () => {
    expect(matchesSearch(institution(), { ...everything, careModes: ['hourly'], maxFee: 5000 })).toBe(true)
    expect(matchesSearch(institution(), { ...everything, careModes: ['full_day'], maxFee: 5000 })).toBe(false)
    expect(matchesSearch(institution(), { ...everything, careModes: ['half_day'] })).toBe(false)
  })

  it('finds a street by its pinyin initials, in any case', () => {
    expect(matchesSearch(institution(), { ...everything, q: 'LXJD' })).toBe(true)
    expect(matchesSearch(institution(), { ...everything, q: '龙溪' })).toBe(true)
    expect(matchesSearch(institution(), { ...everything, q: 'bbjd' })).toBe(false)
  })

  it('drops institutions outside the radius', () => {
    const search = { ...everything, origin: { lat: 29.6, lng: 106.5 }, radiusKm: 5 }
    expect(matchesSearch(institution(), search, 4.9)).toBe(true)
    expect(matchesSearch(institution(), search, 5.1)).toBe(false)
  })

  it('matches a district by name or by code', () => {
    expect(matchesSearch(institution(), { ...everything, district: '渝北区' })).toBe(true)
    expect(matchesSearch(institution(), { ...everything, district: '500112' })).toBe(true)
    expect(matchesSearch(institution(), { ...everything, district: '北碚区' })).toBe(false)
  })

  it('applies vacancy, age, kind and 普惠 filters exactly', () => {
    expect(matchesSearch(institution({ vacancies: 0 }), { ...everything, hasVacancy: true })).toBe(false)
    expect(matchesSearch(institution(), { ...everything, ageMonths: 8 })).toBe(false)
    expect(matchesSearch(institution(), { ...everything, kind: 'family' })).toBe(false)
    expect(matchesSearch(institution({ affordable: false }), { ...everything, affordable: true })).toBe(false)
  })
})

describe('sorting', () => {
  it('orders by the lowest relevant fee, ties by id', () => {
    const cheap = institution({ id: 'b', careModes: [{ mode: 'full_day', fee: 150000, unit: 'per_month' }] })
    const dear = institution({ id: 'a', careModes: [{ mode: 'full_day', fee: 680000, unit: 'per_month' }] })
    expect([dear, cheap].sort(compareForSort('fee', ['full_day'])).map((i) => i.id)).toEqual(['b', 'a'])
    expect(sortFee(institution().careModes, ['full_day'])).toBe(300000)
    expect(relevantCareModes(institution().careModes, [])).toHaveLength(2)
  })

  it('puts the best rated first and unrated last', () => {
    const unrated = institution({ id: 'a', rating: { average: null, count: 0 } })
    const good = institution({ id: 'b', rating: { average: 4.8, count: 3 } })
    expect([unrated, good].sort(compareForSort('rating', [])).map((i) => i.id)).toEqual(['b', 'a'])
  })
})

