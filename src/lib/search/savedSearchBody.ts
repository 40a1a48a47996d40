import { CARE_MODE_LABELS } from '@domain/careMode'
import { DistrictSummary } from '@domain/district'
import { SavedSearchBody } from '@domain/savedSearch'
import { InstitutionSearch } from '@domain/search'

/**
 * The find tab's current search as a saved search: near me (location + radius) or the
 * picked district (its name on the find tab, its code when saved), care mode, age, the
 * most the family can pay and 普惠. null when there is neither a location nor a district.
 */
export function savedSearchBodyOf(search: Partial<InstitutionSearch>, districts: readonly Pick<DistrictSummary, 'code' | 'name'>[]): SavedSearchBody | null {
  const districtCode = search.district ? districts.find((d) => d.name === search.district || d.code === search.district)?.code : undefined
  if (!search.origin && !districtCode) return null
  const careMode = search.careModes?.length === 1 ? search.careModes[0] : undefined
  const place = search.origin ? `附近 ${search.radiusKm ?? 5} 公里` : districts.find((d) => d.code === districtCode)!.name
  const name = [place, careMode ? CARE_MODE_LABELS[careMode] : '', search.affordable ? '普惠' : ''].filter(Boolean).join(' ').slice(0, 20)
  return {
    name,
    ...(search.origin ? { location: search.origin, radiusKm: search.radiusKm ?? 5 } : { districtCode }),
    ...(careMode ? { careMode } : {}),
    ...(careMode && search.maxFee !== undefined ? { maxFee: search.maxFee } : {}),
    ...(search.ageMonths !== undefined ? { ageMonths: search.ageMonths } : {}),
    affordableOnly: search.affordable === true,
  }
}
