import KDBush from 'kdbush'
import { CARE_MODES, CareMode } from '@domain/careMode'
import { INSTITUTION_KINDS, InstitutionKind, InstitutionSummary } from '@domain/institution'
import { ratingRank } from '@domain/search'
import { AGE_BANDS, AgeBand } from '@domain/vacancies'
import { SearchableRow } from '../searchIndexRepository'
import { toSummary } from '../institutionRows'
import { frozenSummary } from '../searchCards'
import { checkedSummary } from './checkedSummary'
import { compareIds } from '../searchRules'
import { toRadians } from './distance'

/*
 * Every filed institution as columns: what a search's filters and sorts read, in
 * typed arrays indexed by entry number, so scanning thousands of candidates touches
 * numbers instead of objects and allocates nothing.
 *
 * Entries are numbered in space order (spatialOrder below): a nearby search reads the
 * institutions around one point, and numbered so they are neighbours in every column
 * too, so each cache line it loads holds several of them rather than one (issue 11:
 * numbered by id, a rotation of 200 searches on 100,000 institutions spent a sixth more
 * time in the index). The order pages and cursors use — sort key, then id in JavaScript's
 * string order, as compareForSort — reads `idRank`, each entry's place in id order.
 */

/** A care mode's fee column is absent: NaN fails every comparison, as "no such mode" should. */
const NO_FEE_HERE = Number.NaN

export const CARE_MODE_BIT: Record<CareMode, number> = Object.fromEntries(CARE_MODES.map((mode, i) => [mode, 1 << i])) as Record<CareMode, number>
/** One bit per care mode × age band cell with places: mode index × 3 + band index (12 bits). */
export function vacancyBit(mode: CareMode, band: AgeBand): number {
  return 1 << (CARE_MODES.indexOf(mode) * AGE_BANDS.length + AGE_BANDS.indexOf(band))
}
export const KIND_CODE: Record<InstitutionKind, number> = Object.fromEntries(INSTITUTION_KINDS.map((kind, i) => [kind, i])) as Record<InstitutionKind, number>

export interface InstitutionColumns {
  count: number
  /** What the API shows, shared by every response that lists the institution. */
  summaries: InstitutionSummary[]
  ids: string[]
  /** Each entry's place in id order: the page's tie-break and the cursor compare these. */
  idRank: Uint32Array
  /** The entries in id order (idRank's inverse). */
  byId: Uint32Array
  /** name, address and street with their pinyin and initials, normalised. */
  searchText: string[]
  lat: Float64Array
  lng: Float64Array
  /** cos(lat), the per-point factor of the haversine distance. */
  cosLat: Float64Array
  kind: Uint8Array
  affordable: Uint8Array
  vacancies: Float64Array
  /** vacancyBit of every cell with places; 0 when staff never broke the total down. */
  openPlaceBits: Uint16Array
  minAgeMonths: Float64Array
  maxAgeMonths: Float64Array
  /** Index into `districts`. */
  district: Uint16Array
  districts: Array<{ name: string; code: string }>
  /** CARE_MODE_BIT of every mode offered. */
  careModeBits: Uint8Array
  /** fees[entry * 4 + CARE_MODES index], NaN where the mode is not offered. */
  fees: Float64Array
  /** The rating sort's key: minus ratingRank (src/domain/search.ts), no rating as 0. */
  ratingKey: Float64Array
}

/** A row as the index keeps it, made as the rows arrive (LiveSearchIndex loads in chunks). */
export function toEntry(row: SearchableRow): { summary: InstitutionSummary; searchText: string } {
  // Frozen: shared by every answer of the snapshot, which keeps each one's JSON (searchCards.ts).
  return { summary: frozenSummary(checkedSummary(toSummary(row))), searchText: row.search_text }
}

export function buildColumns(entries: ReadonlyArray<{ summary: InstitutionSummary; searchText: string }>): InstitutionColumns {
  const { entries: filed, idRank } = spatialOrder(entries.filter((e) => e.summary.filing.status === 'filed'))
  const count = filed.length
  const byId = new Uint32Array(count)
  for (let entry = 0; entry < count; entry++) byId[idRank[entry]] = entry
  const columns: InstitutionColumns = {
    count,
    summaries: filed.map((e) => e.summary),
    ids: filed.map((e) => e.summary.id),
    idRank,
    byId,
    searchText: filed.map((e) => e.searchText),
    lat: new Float64Array(count),
    lng: new Float64Array(count),
    cosLat: new Float64Array(count),
    kind: new Uint8Array(count),
    affordable: new Uint8Array(count),
    vacancies: new Float64Array(count),
    openPlaceBits: new Uint16Array(count),
    minAgeMonths: new Float64Array(count),
    maxAgeMonths: new Float64Array(count),
    district: new Uint16Array(count),
    districts: [],
    careModeBits: new Uint8Array(count),
    fees: new Float64Array(count * CARE_MODES.length).fill(NO_FEE_HERE),
    ratingKey: new Float64Array(count),
  }
  const districtIndex = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const s = columns.summaries[i]
    columns.lat[i] = s.location.lat
    columns.lng[i] = s.location.lng
    columns.cosLat[i] = Math.cos(toRadians(s.location.lat))
    columns.kind[i] = KIND_CODE[s.kind]
    columns.affordable[i] = s.affordable ? 1 : 0
    columns.vacancies[i] = s.vacancies
    for (const cell of s.openPlaces ?? []) if (cell.vacancies > 0) columns.openPlaceBits[i] |= vacancyBit(cell.careMode, cell.ageBand)
    columns.minAgeMonths[i] = s.ageRange.minMonths
    columns.maxAgeMonths[i] = s.ageRange.maxMonths
    const districtKey = `${s.districtCode}\u0000${s.district}`
    let d = districtIndex.get(districtKey)
    if (d === undefined) {
      d = columns.districts.length
      columns.districts.push({ name: s.district, code: s.districtCode })
      districtIndex.set(districtKey, d)
    }
    columns.district[i] = d
    for (const { mode, fee } of s.careModes) {
      const m = CARE_MODES.indexOf(mode)
      columns.careModeBits[i] |= 1 << m
      columns.fees[i * CARE_MODES.length + m] = fee
    }
    columns.ratingKey[i] = -ratingRank(s.rating)
  }
  return columns
}

/** kdbush's leaves are left unsorted; small leaves make the order spatial at every scale. */
const SPATIAL_ORDER_NODE_SIZE = 2

/**
 * The entries in the order of a kd-tree built over their locations (kdbush's own order),
 * split down to pairs: every subtree, institutions next to each other, becomes a run of
 * consecutive entries, from a whole region down to two neighbours. The tree is built from
 * the entries in id order, so the numbering does not depend on the order the rows arrived
 * in, and the tree's ids are each entry's id rank: the one sort by id there is.
 */
function spatialOrder<E extends { summary: InstitutionSummary }>(entries: E[]): { entries: E[]; idRank: Uint32Array } {
  const byId = [...entries].sort((a, b) => compareIds(a.summary.id, b.summary.id))
  if (byId.length === 0) return { entries: byId, idRank: new Uint32Array(0) }
  const tree = new KDBush(byId.length, SPATIAL_ORDER_NODE_SIZE)
  for (const { summary } of byId) tree.add(summary.location.lng, summary.location.lat)
  tree.finish()
  return { entries: Array.from(tree.ids, (rank) => byId[rank]), idRank: Uint32Array.from(tree.ids) }
}
