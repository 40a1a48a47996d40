import { pinyin } from 'pinyin-pro'
import { CARE_MODES, CareMode, UNIT_OF_CARE_MODE } from '@domain/careMode'
import { INSTITUTION_KINDS } from '@domain/institution'
import { Random } from '../server/demo/random'

/*
 * The questions the benchmark asks: nearby searches around real institution locations
 * with a random mix of the filters parents use. They are query-string records, exactly
 * what the HTTP route receives, so the in-process and HTTP measurements ask the same.
 */

export type SearchQuery = Record<string, string | string[]>

export interface Place {
  lat: number
  lng: number
  street: string
}

/** Plausible upper bounds on fees (fen) in each mode's unit, from the demo calibration. */
const MAX_FEE_CHOICES: Record<(typeof UNIT_OF_CARE_MODE)[CareMode], number[]> = {
  per_month: [150_000, 250_000, 350_000, 450_000, 680_000],
  per_hour: [3_000, 5_000, 8_000],
  per_day: [10_000, 15_000, 25_000],
}

export function randomNearbySearch(random: Random, places: readonly Place[]): SearchQuery {
  const place = random.pick(places)
  const query: SearchQuery = {
    lat: place.lat.toFixed(6),
    lng: place.lng.toFixed(6),
    radiusKm: String(random.pick([1, 2, 3, 5, 5, 10])),
  }
  if (random.chance(0.5)) {
    const modes = [random.pick(CARE_MODES)]
    if (random.chance(0.2)) modes.push(random.pick(CARE_MODES))
    query.careMode = [...new Set(modes)]
    if (random.chance(0.6)) query.maxFee = String(random.pick(MAX_FEE_CHOICES[UNIT_OF_CARE_MODE[modes[0]]]))
  }
  if (random.chance(0.4)) query.affordable = 'true'
  if (random.chance(0.3)) query.ageMonths = String(random.int(0, 36))
  if (random.chance(0.3)) query.hasVacancy = 'true'
  if (random.chance(0.15)) query.kind = random.pick(INSTITUTION_KINDS)
  if (random.chance(0.1)) query.q = random.chance(0.5) ? place.street : initials(place.street)
  query.sort = random.pick(['distance', 'distance', 'fee', 'rating'])
  if (random.chance(0.3)) query.limit = String(random.pick([10, 20, 50]))
  return query
}

/** "龙溪街道" → "lxjd", the way parents type street names. */
function initials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
}

export function toSearchPath(query: SearchQuery): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v)
  }
  return `/api/v1/institutions?${params.toString()}`
}
