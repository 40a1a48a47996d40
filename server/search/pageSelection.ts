import { InstitutionSummary } from '../../src/domain/institution'

export interface SearchHit {
  summary: InstitutionSummary
  /** compareForSort's primary key (see sortKey.ts): the cursor's `k`. */
  sortKey: number
}

/**
 * The first `size` hits in compareForSort order, kept while the matches stream past,
 * so a page of 20 out of thousands of matches costs no sort of the thousands. The
 * page stays sorted; a new hit is placed by binary search with the domain's compare.
 */
export class PageSelection {
  readonly hits: SearchHit[] = []

  constructor(
    private readonly size: number,
    private readonly compare: (a: InstitutionSummary, b: InstitutionSummary) => number,
  ) {}

  /**
   * False when a hit with this key cannot enter the page: it is full and the key is
   * beyond its last hit's (the key is compare's primary order, so the hit is later).
   */
  mayTake(sortKey: number): boolean {
    return this.hits.length < this.size || sortKey <= this.hits[this.hits.length - 1].sortKey
  }

  offer(hit: SearchHit): void {
    const { hits } = this
    let low = 0
    let high = hits.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.compare(hits[middle].summary, hit.summary) < 0) low = middle + 1
      else high = middle
    }
    if (low >= this.size) return
    hits.splice(low, 0, hit)
    if (hits.length > this.size) hits.pop()
  }
}
