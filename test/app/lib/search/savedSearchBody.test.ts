import { SavedSearchBodySchema } from '@domain/savedSearch'
import { savedSearchBodyOf } from '@app/lib/search/savedSearchBody'

const DISTRICTS = [
  { code: '500112', name: '渝北区' },
  { code: '500109', name: '北碚区' },
]

describe('saving the find tab\'s search', () => {
  it('saves a district search by its code, with the filters the alert can match', () => {
    const body = savedSearchBodyOf({ district: '渝北区', careModes: ['full_day'], maxFee: 300_000, affordable: true, ageMonths: 14 }, DISTRICTS)
    expect(body).toEqual({ name: '渝北区 全日托 普惠', districtCode: '500112', careMode: 'full_day', maxFee: 300_000, ageMonths: 14, affordableOnly: true })
    expect(SavedSearchBodySchema.safeParse(body).success).toBe(true)
  })

  it('saves a near-me search by location and radius', () => {
    const body = savedSearchBodyOf({ origin: { lat: 29.6, lng: 106.5 }, radiusKm: 3, careModes: [] }, DISTRICTS)
    expect(body).toEqual({ name: '附近 3 公里', location: { lat: 29.6, lng: 106.5 }, radiusKm: 3, affordableOnly: false })
    expect(SavedSearchBodySchema.safeParse(body).success).toBe(true)
  })

  it('leaves out a most-fee without one care mode (its unit would be unknown), and refuses a search with no place', () => {
    const body = savedSearchBodyOf({ district: '北碚区', careModes: ['full_day', 'hourly'], maxFee: 300_000 }, DISTRICTS)
    expect(body).toEqual({ name: '北碚区', districtCode: '500109', affordableOnly: false })
    expect(savedSearchBodyOf({ careModes: [] }, DISTRICTS)).toBeNull()
    expect(savedSearchBodyOf({ district: '不存在区', careModes: [] }, DISTRICTS)).toBeNull()
  })
})
