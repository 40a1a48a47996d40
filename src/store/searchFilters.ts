import { CareMode, UNIT_OF_CARE_MODE, FEE_UNIT_LABELS } from '@domain/careMode'
import { LatLng } from '@domain/geo'
import { InstitutionKind } from '@domain/institution'
import { DEFAULT_FEE_BASIS, DEFAULT_PAGE_LIMIT, DEFAULT_RADIUS_KM, filtersToRelax, InstitutionSearch, SearchSort } from '@domain/search'

/**
 * What the parent chose on the find tab, in the parent's terms (one care mode, fee in
 * fen already converted from 元). The map tab reads the same filters.
 */
export interface SearchFilters {
  q: string
  careMode: CareMode | null
  /** In fen, in the unit of the chosen care mode (the 全日托 monthly fee when none: the fee basis). */
  maxFee: number | null
  affordableOnly: boolean
  ageMonths: number | null
  vacancyOnly: boolean
  /** 只看可预约: places with an activity to book within four weeks. */
  bookableOnly: boolean
  kind: InstitutionKind | null
  /** null: the default (distance when located, rating otherwise). */
  sort: SearchSort | null
  radiusKm: number
  /** District name used when there is no location (refused or not yet chosen). */
  district: string | null
}

export const EMPTY_FILTERS: SearchFilters = {
  q: '',
  careMode: null,
  maxFee: null,
  affordableOnly: false,
  ageMonths: null,
  vacancyOnly: false,
  bookableOnly: false,
  kind: null,
  sort: null,
  radiusKm: DEFAULT_RADIUS_KM,
  district: null,
}

/**
 * The API search for these filters. With a location the search is "near me" within
 * the radius; without one it is the picked district. Distance sort needs a location,
 * so it falls back to the default when there is none.
 */
export function toInstitutionSearch(filters: SearchFilters, origin: LatLng | null): Partial<InstitutionSearch> {
  const search: Partial<InstitutionSearch> = { careModes: filters.careMode ? [filters.careMode] : [] }
  if (origin) {
    search.origin = origin
    search.radiusKm = filters.radiusKm
  } else if (filters.district) {
    search.district = filters.district
  }
  const q = filters.q.trim()
  if (q) search.q = q
  if (filters.maxFee !== null) search.maxFee = filters.maxFee
  if (filters.affordableOnly) search.affordable = true
  if (filters.ageMonths !== null) search.ageMonths = filters.ageMonths
  if (filters.vacancyOnly) search.hasVacancy = true
  if (filters.bookableOnly) search.bookable = true
  if (filters.kind) search.kind = filters.kind
  if (filters.sort && (filters.sort !== 'distance' || origin)) search.sort = filters.sort
  return search
}

/** The label next to the max-fee box: "元/月" for full-day care, "元/小时" for hourly. */
export function maxFeeUnitLabel(careMode: CareMode | null): string {
  // 不限 compares the 全日托 monthly fee (feeBasisModes in src/domain/search.ts), and says so.
  return careMode ? FEE_UNIT_LABELS[UNIT_OF_CARE_MODE[careMode]] : `${FEE_UNIT_LABELS[UNIT_OF_CARE_MODE[DEFAULT_FEE_BASIS]]}（全日托）`
}

/** What the empty state suggests relaxing for this search (the domain's own order). */
export function relaxHints(search: Partial<InstitutionSearch>): string[] {
  return filtersToRelax({ careModes: [], sort: search.origin ? 'distance' : 'rating', limit: DEFAULT_PAGE_LIMIT, ...search })
}
