import { DistrictRecord } from '@domain/district'
import { distanceKm } from '@domain/geo'
import { InstitutionSummary } from '@domain/institution'
import { InstitutionRecord } from '@domain/institutionRecord'
import { InstitutionSearch } from '@domain/search'
import { sortCells, VacancyCell } from '@domain/vacancies'
import { compareForSort, matchesSearch, SearchableInstitution } from '@server/features/find/searchRules'
import { buildSearchText } from '../../server/platform/text/searchText'
import { roundDistanceKm } from '../../server/features/find/institutionSearch'

/*
 * The brute-force answer to a search: every record turned into what the API shows,
 * filtered with the domain's matchesSearch and ordered with compareForSort. The SQL
 * search is tested against this.
 */

/** bookableIds: the institutions with an activity to book (no slots in a data set: none). */
export function searchable(
  record: InstitutionRecord,
  districts: DistrictRecord[],
  bookableIds: ReadonlySet<string> = new Set(),
  vacancyCells: ReadonlyMap<string, readonly VacancyCell[]> = new Map(),
): SearchableInstitution {
  const openPlaces = sortCells((vacancyCells.get(record.id) ?? []).filter((cell) => cell.vacancies > 0))
  const district = districts.find((d) => d.code === record.districtCode)
  if (!district) throw new Error(`no district ${record.districtCode}`)
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    district: district.name,
    districtCode: district.code,
    street: record.street,
    address: record.address,
    location: record.location,
    affordable: record.affordable,
    filing: { number: record.filing.number, status: record.filing.status },
    ageRange: record.ageRange,
    careModes: record.careModes,
    capacity: record.capacity,
    vacancies: record.capacity - record.enrolled,
    openPlaces,
    rating: {
      average: record.ratingCount > 0 ? Math.floor((record.ratingSum / record.ratingCount) * 10 + 0.5) / 10 : null,
      count: record.ratingCount,
    },
    demonstrationLevel: record.demonstrationLevel,
    isDemo: record.isDemo,
    bookable: bookableIds.has(record.id),
    searchText: buildSearchText(record.name, record.address, record.street),
  }
}

/** vacancyCells: staff's care mode × age band cells by institution (none: every total stands alone). */
export function referenceSearch(
  records: InstitutionRecord[],
  districts: DistrictRecord[],
  search: InstitutionSearch,
  bookableIds: ReadonlySet<string> = new Set(),
  vacancyCells: ReadonlyMap<string, readonly VacancyCell[]> = new Map(),
): InstitutionSummary[] {
  const matching: InstitutionSummary[] = []
  for (const record of records) {
    const inst = searchable(record, districts, bookableIds, vacancyCells)
    const exact = search.origin ? distanceKm(search.origin, inst.location) : undefined
    if (!matchesSearch(inst, search, exact)) continue
    const { searchText: _omit, ...summary } = inst
    matching.push(exact === undefined ? summary : { ...summary, distanceKm: roundDistanceKm(exact) })
  }
  return matching.sort(compareForSort(search.sort, search.careModes))
}
