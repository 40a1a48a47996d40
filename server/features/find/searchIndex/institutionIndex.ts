import KDBush from 'kdbush'
import { boundingBox } from '@domain/geo'
import { InstitutionSearch } from '@domain/search'
import { SearchPosition } from '../institutionSearchRepository'
import { SearchableRow } from '../searchIndexRepository'
import * as distance from './distance'
import { buildColumns, InstitutionColumns, toEntry } from './institutionColumns'
import { KdBoxes } from './kdBoxes'
import { NearestFirstQuery, walkNearestFirst } from './nearestFirst'
import { BeyondCursor, PageSelection } from './pageSelection'
import { compileFeeKey, compileFilter, feeBasisBits } from './searchFilter'
import { CellGrid, KeyOrderedCells, KeyOrderQuery, walkCellsInKeyOrder } from './cellGrid'
import { summaryFactsJson } from '../summaryFacts'
import { HitPage } from '../searchCards'
import { encodeCursor } from '../searchCursor'

// Bound once: under tsx every call through an import is a getter call first (CommonJS
// exports); these run for every point a nearby search measures.
const { haversineTerm, kmOfHaversineTerm, roundDistanceKm, toRadians } = distance

/**
 * An immutable snapshot of every filed institution, answering searches exactly as the
 * SQL search does (same filters, keys, order and cursor positions), but in memory:
 *   - nearby, by distance: nearest-first through the kd-tree, stopping once the page is
 *     full and the next institution is farther than its last (a page of 20 near the
 *     centre of a city reads a few hundred institutions, not the whole radius);
 *   - nearby, by fee or rating: every institution in the radius's box, cheapest
 *     checks first;
 *   - no location, by rating (the app's default list): a list kept in rating order,
 *     read from the cursor until the page is full;
 *   - otherwise a scan of the district's or all institutions.
 */
export class InstitutionIndex {
  private readonly geo: KDBush
  /** The tight box of each of geo's nodes, for the nearest-first walk. */
  private readonly geoBoxes: KdBoxes
  /** Cells of the map with their institutions, for nearby searches by fee or rating; made when first needed. */
  private cells: CellGrid | undefined
  /** The cells in the order of each key a nearby search sorted by: 'rating', or 'fee:' and the fee basis bits. */
  private readonly cellsByKey = new Map<string, KeyOrderedCells>()
  /**
   * Each entry's summaryFactsJson, written the first time a page holds the entry and kept
   * for the snapshot's life (its summary is frozen): read by entry number, no lookup by
   * object, and only institutions that were ever on a page take the memory.
   */
  private readonly factsJson: Array<Buffer | undefined>
  /** Every entry in the rating sort's order (key, then id rank). */
  private readonly byRating: Uint32Array
  /** The same order within each district (indexed like columns.districts). */
  private readonly byDistrictRating: Uint32Array[]

  private constructor(private readonly columns: InstitutionColumns) {
    const { count, lat, lng, ratingKey, district, idRank } = columns
    this.geo = new KDBush(Math.max(1, count))
    for (let i = 0; i < count; i++) this.geo.add(lng[i], lat[i])
    if (count === 0) this.geo.add(0, 0) // kdbush needs one point; searches of an empty index return early
    this.geo.finish()
    this.geoBoxes = new KdBoxes(this.geo)
    this.factsJson = new Array<Buffer | undefined>(count).fill(undefined)
    this.byRating = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => ratingKey[a] - ratingKey[b] || idRank[a] - idRank[b])
    const perDistrict: number[][] = columns.districts.map(() => [])
    for (const entry of this.byRating) perDistrict[district[entry]].push(entry)
    this.byDistrictRating = perDistrict.map((entries) => Uint32Array.from(entries))
  }

  static fromRows(rows: readonly SearchableRow[]): InstitutionIndex {
    return InstitutionIndex.fromEntries(rows.map(toEntry))
  }

  /** From rows already made into entries (LiveSearchIndex does that a chunk at a time). */
  static fromEntries(entries: ReadonlyArray<ReturnType<typeof toEntry>>): InstitutionIndex {
    return new InstitutionIndex(buildColumns(entries))
  }

  get size(): number {
    return this.columns.count
  }

  /** The page of up to `limit` hits after `after`, in compareForSort order, and the next page's cursor. */
  search(search: InstitutionSearch, after: SearchPosition | undefined, limit: number): HitPage {
    const { idRank } = this.columns
    // One extra hit says whether another page exists without counting.
    const page = new PageSelection(limit + 1, idRank)
    if (this.columns.count === 0 || limit <= 0) return this.hitPage(search, page, limit)
    // "id > after.id" is "id rank ≥ firstAfter" (institutionColumns.ts).
    const firstAfter = after ? this.firstRankAfter(after.id) : 0
    const beyondCursor: BeyondCursor | undefined = after
      ? (key, entry) => key > after.sortKey || (key === after.sortKey && idRank[entry] >= firstAfter)
      : undefined
    const filter = compileFilter(this.columns, search)

    if (search.origin) this.searchNearby(search, search.origin, page, filter, beyondCursor)
    else if (search.sort === 'rating') this.searchInRatingOrder(search, page, filter, beyondCursor)
    else this.scan(this.candidates(search), this.sortKeyWithoutOrigin(search), page, filter, beyondCursor)
    return this.hitPage(search, page, limit)
  }

  private searchNearby(
    search: InstitutionSearch,
    origin: { lat: number; lng: number },
    page: PageSelection,
    filter: (entry: number) => boolean,
    beyondCursor: BeyondCursor | undefined,
  ): void {
    const walk = new NearbyWalk(this.columns, origin, search.radiusKm ?? Number.POSITIVE_INFINITY, page, filter, beyondCursor)
    if (search.sort === 'distance') {
      walkNearestFirst(this.geoBoxes, walk)
      return
    }

    walkCellsInKeyOrder(this.cellsInKeyOrder(search), walk)
  }

  /** The grid's cells in the order of the search's key (cellGrid.ts), made once per snapshot and key. */
  private cellsInKeyOrder(search: InstitutionSearch): KeyOrderedCells {
    const name = search.sort === 'fee' ? `fee:${feeBasisBits(search)}` : 'rating'
    let ordered = this.cellsByKey.get(name)
    if (!ordered) {
      const { count, lat, lng, ratingKey } = this.columns
      this.cells ??= new CellGrid(lat, lng, count)
      let keys = ratingKey
      if (search.sort === 'fee') {
        const feeKey = compileFeeKey(this.columns, search)
        keys = Float64Array.from({ length: count }, (_, entry) => feeKey(entry))
      }
      ordered = this.cells.orderedBy(keys, this.columns.idRank)
      this.cellsByKey.set(name, ordered)
    }
    return ordered
  }

  /** Reads a list already in (key, id) order from the cursor on: the first matches are the page. */
  private searchInRatingOrder(
    search: InstitutionSearch,
    page: PageSelection,
    filter: (entry: number) => boolean,
    beyondCursor: BeyondCursor | undefined,
  ): void {
    const list = this.ratingOrderedCandidates(search)
    if (!list) {
      this.scan(this.candidates(search), (entry) => this.columns.ratingKey[entry], page, filter, beyondCursor)
      return
    }
    const { ratingKey } = this.columns
    let start = 0
    if (beyondCursor) {
      // The first position beyond the cursor, by binary search over (key, id rank).
      let high = list.length
      while (start < high) {
        const middle = (start + high) >>> 1
        if (beyondCursor(ratingKey[list[middle]], list[middle])) high = middle
        else start = middle + 1
      }
    }
    // Everything from `start` on is past the cursor.
    for (let i = start; i < list.length && !page.full; i++) {
      const entry = list[i]
      if (filter(entry)) page.offer(ratingKey[entry], entry, Number.NaN)
    }
  }

  private scan(
    candidates: ArrayLike<number> | undefined,
    sortKey: (entry: number) => number,
    page: PageSelection,
    filter: (entry: number) => boolean,
    beyondCursor: BeyondCursor | undefined,
  ): void {
    const count = candidates ? candidates.length : this.columns.count
    for (let i = 0; i < count; i++) {
      const entry = candidates ? candidates[i] : i
      const key = sortKey(entry)
      if ((beyondCursor && !beyondCursor(key, entry)) || !page.mayTake(key) || !filter(entry)) continue
      page.offer(key, entry, Number.NaN)
    }
  }

  /** The rating-ordered list a search reads: its district's, or everyone's; undefined when it names several districts. */
  private ratingOrderedCandidates(search: InstitutionSearch): Uint32Array | undefined {
    if (!search.district) return this.byRating
    const named = this.districtsNamed(search.district)
    if (named.length === 0) return new Uint32Array(0)
    return named.length === 1 ? this.byDistrictRating[named[0]] : undefined
  }

  /** The entries a scan without location reads: the named districts', or undefined for all. */
  private candidates(search: InstitutionSearch): ArrayLike<number> | undefined {
    if (!search.district) return undefined
    const named = this.districtsNamed(search.district)
    if (named.length === 1) return this.byDistrictRating[named[0]]
    return Uint32Array.from(named.flatMap((d) => Array.from(this.byDistrictRating[d])))
  }

  private districtsNamed(named: string): number[] {
    const found: number[] = []
    this.columns.districts.forEach((d, i) => {
      if (d.name === named || d.code === named) found.push(i)
    })
    return found
  }

  /** Without a location every distance counts as 0 (sortKeyOf's `distanceKm ?? 0`). */
  private sortKeyWithoutOrigin(search: InstitutionSearch): (entry: number) => number {
    switch (search.sort) {
      case 'distance':
        return () => 0
      case 'fee':
        return compileFeeKey(this.columns, search)
      case 'rating':
        return (entry) => this.columns.ratingKey[entry]
    }
  }

  /** The id rank of the first institution whose id comes after `id`. */
  private firstRankAfter(id: string): number {
    const { ids, byId } = this.columns
    let low = 0
    let high = byId.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (ids[byId[middle]] <= id) low = middle + 1
      else high = middle
    }
    return low
  }

  /**
   * The first `limit` hits as the route's page: each one's shared summary, id and facts JSON
   * (written the first time a page holds it), and this search's distance to it; straight
   * from the selection's arrays, no object per hit.
   */
  private hitPage(search: InstitutionSearch, page: PageSelection, limit: number): HitPage {
    const { summaries, ids } = this.columns
    const count = Math.min(page.length, Math.max(0, limit))
    const pageSummaries: HitPage['summaries'][number][] = new Array(count)
    const pageIds: string[] = new Array(count)
    const factsJson: Buffer[] = new Array(count)
    const distancesKm: number[] | undefined = search.origin ? new Array(count) : undefined
    for (let i = 0; i < count; i++) {
      const entry = page.entries[i]
      const summary = summaries[entry]
      pageSummaries[i] = summary
      pageIds[i] = ids[entry]
      factsJson[i] = this.factsJson[entry] ??= summaryFactsJson(summary)
      if (distancesKm) distancesKm[i] = roundDistanceKm(page.distances[i])
    }
    const nextCursor = page.length > count && count > 0 ? encodeCursor(search.sort, { sortKey: page.keys[count - 1], id: pageIds[count - 1] }) : null
    return { summaries: pageSummaries, ids: pageIds, distancesKm, nextCursor, factsJson: count > 0 ? factsJson : undefined }
  }
}

/**
 * One nearby search's walk (nearest first, or the cells in key order): the origin, its box
 * and the page being filled. A class, so a search makes one object where closures would be
 * four, each one named at run time by tsx's keepNames (2.3 % of the route in its profile).
 */
class NearbyWalk implements NearestFirstQuery, KeyOrderQuery {
  readonly lat: number
  readonly lng: number
  readonly cosLat: number
  /**
   * The SQL search narrows by this box before measuring; the index keeps to the same box
   * so both agree even on a point a few centimetres inside the circle but outside the box.
   */
  readonly box: ReturnType<typeof boundingBox>

  constructor(
    private readonly columns: InstitutionColumns,
    origin: { lat: number; lng: number },
    readonly maxKm: number,
    private readonly page: PageSelection,
    private readonly filter: (entry: number) => boolean,
    readonly beyondCursor: BeyondCursor | undefined,
  ) {
    this.lat = origin.lat
    this.lng = origin.lng
    this.cosLat = Math.cos(toRadians(origin.lat))
    this.box = boundingBox(origin, maxKm)
  }

  accept(entry: number): boolean {
    const { lat, lng } = this.columns
    const { box } = this
    return lat[entry] >= box.minLat && lat[entry] <= box.maxLat && lng[entry] >= box.minLng && lng[entry] <= box.maxLng && this.filter(entry)
  }

  termOf(entry: number): number {
    const { lat, lng, cosLat } = this.columns
    return haversineTerm(this.lat, this.lng, this.cosLat, lat[entry], lng[entry], cosLat[entry])
  }

  distanceKm(entry: number): number {
    return kmOfHaversineTerm(this.termOf(entry))
  }

  /** An entry of the box's cells met in key order (by fee or rating), past the cursor. */
  visitInKeyOrder(entry: number, key: number): boolean {
    // Later entries' keys are no smaller: once one cannot enter the page, none can.
    if (!this.page.mayTake(key)) return false
    if (!this.accept(entry)) return true
    const km = this.distanceKm(entry)
    if (km <= this.maxKm) this.page.offer(key, entry, km)
    return true
  }

  visit(entry: number, km: number): boolean {
    const key = roundDistanceKm(km)
    // Later institutions are no nearer: once one cannot enter the page, none can.
    if (!this.page.mayTake(key)) return false
    if (!this.beyondCursor || this.beyondCursor(key, entry)) this.page.offer(key, entry, km)
    return true
  }
}

