/**
 * Whether a candidate with this sort key is past the search's cursor, in the pages' order
 * (key, then id rank). A search without a cursor has none (undefined): everything is past it.
 */
export type BeyondCursor = (key: number, entry: number) => boolean

/**
 * The first `size` hits in compareForSort order, kept while the matches stream past,
 * so a page of 20 out of thousands of matches costs no sort of the thousands.
 * compareForSort is "sort key, then id", and the index ranks its institutions' ids
 * (institutionColumns.ts, idRank), so a hit is two numbers (key, entry) plus its distance,
 * compared without touching any object; the page stays sorted and a new hit is placed by
 * binary search. The hits sit in three arrays shifted in place: a search offers hundreds
 * of candidates, and Array#splice made an array per offer (a fifth of the search's garbage
 * in issue 11's allocation profile). Plain arrays, not typed ones: a typed array of more
 * than a few numbers gets its own buffer outside the heap, and three of them per search
 * cost more than the search's walk (the same profile).
 */
export class PageSelection {
  readonly keys: number[] = []
  readonly entries: number[] = []
  /** Exact distance of each hit (NaN without an origin). */
  readonly distances: number[] = []
  private count = 0

  /** `idRank[entry]`: the entry's place in id order, the tie-break. */
  constructor(
    private readonly size: number,
    private readonly idRank: ArrayLike<number>,
  ) {}

  get length(): number {
    return this.count
  }

  get full(): boolean {
    return this.count >= this.size
  }

  /** The key of the last hit on a full page: nothing with a greater key can enter. */
  get lastKey(): number {
    return this.keys[this.count - 1]
  }

  /**
   * False when a hit with this key cannot enter the page: it is full and the key is
   * beyond its last hit's (the key is the primary order, so the hit is later).
   */
  mayTake(sortKey: number): boolean {
    return this.count < this.size || sortKey <= this.keys[this.count - 1]
  }

  offer(sortKey: number, entry: number, distance: number): void {
    const { keys, entries, distances, idRank } = this
    const rank = idRank[entry]
    let low = 0
    let high = this.count
    while (low < high) {
      const middle = (low + high) >>> 1
      if (keys[middle] < sortKey || (keys[middle] === sortKey && idRank[entries[middle]] < rank)) low = middle + 1
      else high = middle
    }
    if (low >= this.size) return
    // Later hits move one place down; on a full page the last one drops off.
    if (this.count < this.size) {
      keys.push(sortKey)
      entries.push(entry)
      distances.push(distance)
      this.count++
    }
    for (let at = this.count - 1; at > low; at--) {
      keys[at] = keys[at - 1]
      entries[at] = entries[at - 1]
      distances[at] = distances[at - 1]
    }
    keys[low] = sortKey
    entries[low] = entry
    distances[low] = distance
  }
}
