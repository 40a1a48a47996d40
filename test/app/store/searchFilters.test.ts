import { EMPTY_FILTERS, maxFeeUnitLabel, relaxHints, toInstitutionSearch } from '@app/store/searchFilters'

const HERE = { lat: 29.6, lng: 106.52 }

describe('toInstitutionSearch', () => {
  it('searches near the parent within the chosen radius when located', () => {
    expect(toInstitutionSearch({ ...EMPTY_FILTERS, radiusKm: 10, district: '北碚区' }, HERE)).toEqual({
      careModes: [],
      origin: HERE,
      radiusKm: 10,
    })
  })

  it('searches the picked district when location was refused', () => {
    expect(toInstitutionSearch({ ...EMPTY_FILTERS, district: '北碚区' }, null)).toEqual({ careModes: [], district: '北碚区' })
  })

  it('passes every chosen filter, with the fee already in fen', () => {
    const search = toInstitutionSearch(
      {
        ...EMPTY_FILTERS,
        q: '  lxjd ',
        careMode: 'hourly',
        maxFee: 4500,
        affordableOnly: true,
        ageMonths: 20,
        vacancyOnly: true,
        kind: 'community',
        sort: 'fee',
      },
      HERE,
    )
    expect(search).toMatchObject({
      q: 'lxjd',
      careModes: ['hourly'],
      maxFee: 4500,
      affordable: true,
      ageMonths: 20,
      hasVacancy: true,
      kind: 'community',
      sort: 'fee',
    })
  })

  it('leaves out switches that are off instead of sending false', () => {
    const search = toInstitutionSearch(EMPTY_FILTERS, HERE)
    expect(search).not.toHaveProperty('affordable')
    expect(search).not.toHaveProperty('hasVacancy')
  })

  it('drops a distance sort when there is no location to measure from', () => {
    expect(toInstitutionSearch({ ...EMPTY_FILTERS, sort: 'distance' }, null)).not.toHaveProperty('sort')
    expect(toInstitutionSearch({ ...EMPTY_FILTERS, sort: 'distance' }, HERE)).toHaveProperty('sort', 'distance')
  })
})

describe('relaxHints', () => {
  it('lists the filters to relax, most restrictive first', () => {
    const search = toInstitutionSearch({ ...EMPTY_FILTERS, vacancyOnly: true, affordableOnly: true, maxFee: 100000 }, HERE)
    expect(relaxHints(search)).toEqual(['只看有空位', '最高费用', '只看普惠', '搜索范围'])
  })

  it('has nothing to suggest for a district search without filters', () => {
    expect(relaxHints(toInstitutionSearch({ ...EMPTY_FILTERS, district: '大足区' }, null))).toEqual([])
  })
})

describe('maxFeeUnitLabel', () => {
  it('names the unit the max fee is read in for the chosen care mode', () => {
    expect(maxFeeUnitLabel('full_day')).toBe('元/月')
    expect(maxFeeUnitLabel('half_day')).toBe('元/月')
    expect(maxFeeUnitLabel('hourly')).toBe('元/小时')
    expect(maxFeeUnitLabel('temporary')).toBe('元/天')
  })
})
