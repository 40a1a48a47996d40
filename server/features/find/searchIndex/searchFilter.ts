import { CARE_MODES } from '@domain/careMode'
import { feeBasisModes, InstitutionSearch, normaliseSearchText } from '@domain/search'
import { AGE_BANDS, ageBandOf } from '@domain/vacancies'
import { CARE_MODE_BIT, InstitutionColumns, KIND_CODE, vacancyBit } from './institutionColumns'

/** The fee sort's key when no relevant fee exists, as in compareForSort and the SQL search. */
const NO_FEE = Number.MAX_SAFE_INTEGER
const MODES = CARE_MODES.length

/**
 * matchesSearch of src/domain/search.ts over the index's columns, for one search:
 * every filter except the distance (the caller measures that), decided once per
 * search, then a loop of number comparisons per candidate. The property test
 * (test/server/features/find/institutionSearch.property.test.ts) holds the two to the same
 * answers.
 */
export function compileFilter(columns: InstitutionColumns, search: InstitutionSearch): (entry: number) => boolean {
  const { district, kind, affordable, careModeBits, fees, vacancies, openPlaceBits, minAgeMonths, maxAgeMonths, searchText } = columns
  const districtAllowed = search.district ? districtsNamed(columns, search.district) : undefined
  const chosenBits = chosenCareModeBits(search)
  const basisBits = feeBasisBits(search)
  const maxFee = search.maxFee
  const kindCode = search.kind === undefined ? -1 : KIND_CODE[search.kind]
  const wantAffordable = search.affordable === undefined ? -1 : search.affordable ? 1 : 0
  const age = search.ageMonths
  const hasVacancy = search.hasVacancy
  const wantedPlaces = wantedPlaceBits(search)
  const text = search.q ? normaliseSearchText(search.q) : ''

  return (entry) => {
    if (districtAllowed && districtAllowed[district[entry]] !== 1) return false
    if (kindCode >= 0 && kind[entry] !== kindCode) return false
    if (wantAffordable >= 0 && affordable[entry] !== wantAffordable) return false
    if (hasVacancy === true && !(vacancies[entry] > 0)) return false
    // hasVacancyFor of src/domain/vacancies.ts: no breakdown means the total alone speaks.
    if (hasVacancy === true && openPlaceBits[entry] !== 0 && (openPlaceBits[entry] & wantedPlaces) === 0) return false
    if (hasVacancy === false && vacancies[entry] > 0) return false
    if (age !== undefined && (age < minAgeMonths[entry] || age > maxAgeMonths[entry])) return false
    if (chosenBits !== 0 && (careModeBits[entry] & chosenBits) === 0) return false
    if (maxFee !== undefined) {
      // One mode on the fee basis within the fee is enough; absent fees are NaN.
      let cheapEnough = false
      for (let m = 0; m < MODES; m++) {
        if ((basisBits & (1 << m)) !== 0 && fees[entry * MODES + m] <= maxFee) {
          cheapEnough = true
          break
        }
      }
      if (!cheapEnough) return false
    }
    if (text !== '' && !searchText[entry].includes(text)) return false
    return true
  }
}

/** sortFee of src/domain/search.ts: the lowest fee on the basis, or NO_FEE. */
export function compileFeeKey(columns: InstitutionColumns, search: InstitutionSearch): (entry: number) => number {
  const { fees } = columns
  const basisBits = feeBasisBits(search)
  return (entry) => {
    let lowest = NO_FEE
    let found = false
    for (let m = 0; m < MODES; m++) {
      if ((basisBits & (1 << m)) === 0) continue
      const fee = fees[entry * MODES + m]
      if (fee === fee && (!found || fee < lowest)) {
        lowest = fee
        found = true
      }
    }
    return lowest
  }
}

/** feeBasisModes of src/domain/search.ts as bits. */
export function feeBasisBits(search: InstitutionSearch): number {
  let bits = 0
  for (const mode of feeBasisModes(search.careModes)) bits |= CARE_MODE_BIT[mode]
  return bits
}

/** The cells that would satisfy the parent: chosen modes (or all) × the child's band (or all). */
function wantedPlaceBits(search: InstitutionSearch): number {
  const modes = search.careModes.length > 0 ? search.careModes : CARE_MODES
  const band = search.ageMonths === undefined ? undefined : ageBandOf(search.ageMonths)
  let bits = 0
  for (const mode of modes) for (const b of AGE_BANDS) if (band === undefined || b === band) bits |= vacancyBit(mode, b)
  return bits
}

function chosenCareModeBits(search: InstitutionSearch): number {
  let bits = 0
  for (const mode of search.careModes) bits |= CARE_MODE_BIT[mode]
  return bits
}

/** A search's district may be the name (渝北区) or the code (500112): 1 for each district it names. */
function districtsNamed(columns: InstitutionColumns, named: string): Uint8Array {
  const allowed = new Uint8Array(columns.districts.length)
  columns.districts.forEach((d, i) => {
    if (d.name === named || d.code === named) allowed[i] = 1
  })
  return allowed
}
