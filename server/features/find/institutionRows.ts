import { CareModeFee } from '@domain/careMode'
import { InstitutionSummary } from '@domain/institution'
import { VacancyCell } from '@domain/vacancies'

/*
 * The columns a summary needs and how a row becomes an InstitutionSummary. Search and
 * detail share them so an institution looks the same in a list and on its page.
 */

/** Every care mode of the institution as a JSON array, in the order CARE_MODES lists them. */
export const CARE_MODES_JSON = `coalesce((
    select json_agg(json_build_object('mode', m.mode, 'fee', m.fee_fen, 'unit', m.unit)
                    order by array_position(array['full_day', 'half_day', 'hourly', 'temporary'], m.mode))
    from institution_care_modes m
    where m.institution_id = i.id
  ), '[]'::json)`

/** The care mode × age band cells with places (institution_vacancies), as [mode, band, vacancies] in one order. */
export const OPEN_PLACES_JSON = `coalesce((
    select json_agg(json_build_array(v.care_mode, v.age_band, v.vacancies)
                    order by array_position(array['full_day', 'half_day', 'hourly', 'temporary'], v.care_mode),
                             array_position(array['infant', 'toddler', 'preschool'], v.age_band))
    from institution_vacancies v
    where v.institution_id = i.id and v.vacancies > 0
  ), '[]'::json)`

/**
 * The rating shown and sorted by: the mean rounded half-up to one decimal. Computed in
 * SQL once, so the sort key and the number shown can never disagree.
 */
export const RATING_AVERAGE = `case when i.rating_count > 0
    then floor(i.rating_sum::float8 / i.rating_count * 10 + 0.5) / 10 end`

export const SUMMARY_COLUMNS = `i.id, i.name, i.kind, d.name as district_name, i.district_code, i.street, i.address,
  i.lat, i.lng, i.affordable, i.filing_number, i.filing_status, i.min_age_months, i.max_age_months,
  i.capacity, i.enrolled, i.rating_count, ${RATING_AVERAGE} as rating_average,
  i.demonstration_level, i.is_demo, ${CARE_MODES_JSON} as care_modes, ${OPEN_PLACES_JSON} as open_places`

export interface SummaryRow {
  id: string
  name: string
  kind: InstitutionSummary['kind']
  district_name: string
  district_code: string
  street: string
  address: string
  lat: number
  lng: number
  affordable: boolean
  filing_number: string
  filing_status: InstitutionSummary['filing']['status']
  min_age_months: number
  max_age_months: number
  capacity: number
  enrolled: number
  rating_count: number
  rating_average: number | null
  demonstration_level: InstitutionSummary['demonstrationLevel']
  is_demo: boolean
  care_modes: CareModeFee[]
  open_places: Array<[VacancyCell['careMode'], VacancyCell['ageBand'], number]>
}

export function toSummary(row: SummaryRow): InstitutionSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    district: row.district_name,
    districtCode: row.district_code,
    street: row.street,
    address: row.address,
    location: { lat: row.lat, lng: row.lng },
    affordable: row.affordable,
    filing: { number: row.filing_number, status: row.filing_status },
    ageRange: { minMonths: row.min_age_months, maxMonths: row.max_age_months },
    careModes: row.care_modes,
    capacity: row.capacity,
    vacancies: Math.max(0, row.capacity - row.enrolled),
    // Empty where staff never broke the total down (the total alone then speaks).
    openPlaces: row.open_places.map(([careMode, ageBand, vacancies]) => ({ careMode, ageBand, vacancies })),
    rating: { average: row.rating_average, count: row.rating_count },
    demonstrationLevel: row.demonstration_level,
    isDemo: row.is_demo,
  }
}
