import { AlertInstitution, SavedCriteria, SavedSearchBodySchema, savedSearchMatches } from '@domain/savedSearch'

const INSTITUTION: AlertInstitution = {
  districtCode: '500112',
  location: { lat: 29.6055, lng: 106.5235 },
  affordable: true,
  ageRange: { minMonths: 12, maxMonths: 36 },
  careModes: [
    { mode: 'full_day', fee: 250_000 },
    { mode: 'hourly', fee: 4_500 },
  ],
}

const ANY: SavedCriteria = { districtCode: '500112', location: null, radiusKm: null, careMode: null, ageMonths: null, maxFee: null, affordableOnly: false }

describe('savedSearchMatches', () => {
  it('matches by district, or by distance when a location is saved', () => {
    expect(savedSearchMatches(ANY, INSTITUTION)).toBe(true)
    expect(savedSearchMatches({ ...ANY, districtCode: '500109' }, INSTITUTION)).toBe(false)
    // about 1.1 km north
    const near = { ...ANY, districtCode: null, location: { lat: 29.6155, lng: 106.5235 } }
    expect(savedSearchMatches({ ...near, radiusKm: 2 }, INSTITUTION)).toBe(true)
    expect(savedSearchMatches({ ...near, radiusKm: 1 }, INSTITUTION)).toBe(false)
  })

  it('reads care mode, the most the family can pay in that mode\'s unit, age and 普惠 like 找托育', () => {
    expect(savedSearchMatches({ ...ANY, careMode: 'full_day', maxFee: 250_000 }, INSTITUTION)).toBe(true)
    expect(savedSearchMatches({ ...ANY, careMode: 'full_day', maxFee: 249_999 }, INSTITUTION)).toBe(false)
    expect(savedSearchMatches({ ...ANY, careMode: 'half_day' }, INSTITUTION)).toBe(false)
    expect(savedSearchMatches({ ...ANY, ageMonths: 11 }, INSTITUTION)).toBe(false)
    expect(savedSearchMatches({ ...ANY, ageMonths: 36 }, INSTITUTION)).toBe(true)
    expect(savedSearchMatches({ ...ANY, affordableOnly: true }, { ...INSTITUTION, affordable: false })).toBe(false)
  })

  it('refuses a saved search without a place, a radius without a location, or a most-fee without a care mode', () => {
    expect(SavedSearchBodySchema.safeParse({ name: '附近' }).success).toBe(false)
    expect(SavedSearchBodySchema.safeParse({ name: '附近', districtCode: '500112', radiusKm: 3 }).success).toBe(false)
    expect(SavedSearchBodySchema.safeParse({ name: '附近', districtCode: '500112', maxFee: 100 }).success).toBe(false)
    expect(SavedSearchBodySchema.safeParse({ name: '附近', districtCode: '500112' }).success).toBe(true)
  })
})
