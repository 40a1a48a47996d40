import KDBush from 'kdbush'
import { boundingBox, distanceKm } from '../../src/domain/geo'
import { InstitutionSummary } from '../../src/domain/institution'
import { compareForSort, InstitutionSearch, matchesSearch, SearchableInstitution } from '../../src/domain/search'
import { SearchableRow } from '../db/repositories/searchIndexRepository'
import { SearchPosition } from '../db/repositories/institutionSearchRepository'
import { toSummary } from '../db/repositories/institutionRows'
import { roundDistanceKm } from './distance'
import { PageSelection, SearchHit } from './pageSelection'
import { sortKeyOf } from './sortKey'

interface Entry {
  /** What matchesSearch reads (summary fields plus searchText). */
  searchable: SearchableInstitution
  /** What the API shows; shared by every response that lists this institution. */
  summary: InstitutionSummary
}

/**
 * An immutable snapshot of every filed institution, answering searches the way the
 * SQL search does: candidates from a kd-tree (nearby) or a district's list, then the
 * domain's own matchesSearch and compareForSort, then the keyset cursor position.
 */
export class InstitutionIndex {
  private readonly geo: KDBush
  private readonly byDistrict = new Map<string, Entry[]>()

  private constructor(private readonly entries: Entry[]) {
    this.geo = new KDBush(Math.max(1, entries.length))
    for (const { summary } of entries) this.geo.add(summary.location.lng, summary.location.lat)
    if (entries.length === 0) this.geo.add(0, 0) // kdbush needs one point; the id matches no entry
    this.geo.finish()
    // A search's district may be the name (渝北区) or the code (500112).
    for (const entry of entries) {
      const { district, districtCode } = entry.summary
      for (const key of district === districtCode ? [district] : [district, districtCode]) {
        const list = this.byDistrict.get(key)
        if (list) list.push(entry)
        else this.byDistrict.set(key, [entry])
      }
    }
  }

  static fromRows(rows: readonly SearchableRow[]): InstitutionIndex {
    return new InstitutionIndex(
      rows.map((row) => {
        const summary = toSummary(row)
        return { summary, searchable: { ...summary, searchText: row.search_text } }
      }),
    )
  }

  get size(): number {
    return this.entries.length
  }

  /** Up to pageSize hits after `after`, in compareForSort order. */
  search(search: InstitutionSearch, after: SearchPosition | undefined, pageSize: number): SearchHit[] {
    const { origin, sort, careModes } = search
    const page = new PageSelection(pageSize, compareForSort(sort, careModes))
    const consider = (entry: Entry, exactKm: number | undefined) => {
      if (origin && search.radiusKm !== undefined && exactKm! > search.radiusKm) return
      const summary = exactKm === undefined ? entry.summary : { ...entry.summary, distanceKm: roundDistanceKm(exactKm) }
      const sortKey = sortKeyOf(sort, summary, careModes)
      if (after && (sortKey < after.sortKey || (sortKey === after.sortKey && summary.id <= after.id))) return
      if (!page.mayTake(sortKey)) return
      if (!matchesSearch(entry.searchable, search, exactKm)) return
      page.offer({ summary, sortKey })
    }

    if (origin) {
      const box = boundingBox(origin, search.radiusKm ?? Number.POSITIVE_INFINITY)
      for (const id of this.geo.range(box.minLng, box.minLat, box.maxLng, box.maxLat)) {
        const entry = this.entries[id]
        if (entry) consider(entry, distanceKm(origin, entry.summary.location))
      }
    } else {
      const candidates = search.district !== undefined ? (this.byDistrict.get(search.district) ?? []) : this.entries
      for (const entry of candidates) consider(entry, undefined)
    }
    return page.hits
  }
}
