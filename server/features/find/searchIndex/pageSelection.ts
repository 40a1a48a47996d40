import { InstitutionSummary } from '@domain/institution'

export interface SearchHit {
  /** The institution's summary: the index's shared, frozen one, or one made from a SQL row. */
  summary: InstitutionSummary
  /** The institution's id (the summary's). */
  id: string
  /** Distance from the search's origin in km, rounded as shown; undefined without an origin. */
  distanceKm: number | undefined
  /** The summary's facts JSON as the index keeps it (summaryFacts.ts); none from SQL. */
  factsJson?: Buffer
  /** compareForSort's primary key, as the SQL search computes it (institutionSearchRepository.ts): the cursor's `k`. */
  sortKey: number
}

/**
 * The first `size` hits in compareForSort order, kept while the matches stream past,
 * so a page of 20 out of thousands of matches costs no sort of the thousands.
 * compareForSort is "sort key, then id", and the index ranks its institutions' ids
 * (institutionColumns.ts, idRank), so a hit is two numbers (key, entry) plus its distance,
 * compared without touching any object; the page stays sorted and a new hit is placed by
 * binary search.
 */
export class PageSelection {
  readonly keys: number[] = []
  readonly entries: number[] = []
  /** Exact distance of each hit (NaN without an origin). */
  readonly distances: number[] = []

  /** `idRank[entry]`: the entry's place in id order, the tie-break. */
  constructor(
    private readonly size: number,
    private readonly idRank: ArrayLike<number>,
  ) {}

  get length(): number {
    return this.keys.length
  }

  get full(): boolean {
    return this.keys.length >= this.size
  }

  /** The key of the last hit on a full page: nothing with a greater key can enter. */
  get lastKey(): number {
    return this.keys[this.keys.length - 1]
  }

  /**
   * False when a hit with this key cannot enter the page: it is full and the key is
   * beyond its last hit's (the key is the primary order, so the hit is later).
   */
  mayTake(sortKey: number): boolean {
    return this.keys.length < this.size || sortKey <= this.keys[this.keys.length - 1]
  }

  offer(sortKey: number, entry: number, distance: number): void {
    const { keys, entries, idRank } = this
    const rank = idRank[entry]
    let low = 0
    let high = keys.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (keys[middle] < sortKey || (keys[middle] === sortKey && idRank[entries[middle]] < rank)) low = middle + 1
      else high = middle
    }
    if (low >= this.size) return
    keys.splice(low, 0, sortKey)
    entries.splice(low, 0, entry)
    this.distances.splice(low, 0, distance)
    if (keys.length > this.size) {
      keys.pop()
      entries.pop()
      this.distances.pop()
    }
  }
}
