import { MinHeap } from './minHeap'
import { BeyondCursor } from './pageSelection'

/*
 * Nearby searches by fee or rating (issue 11): the institutions of a grid of small cells,
 * each cell's in key order, merged across the cells of the search's box, so the page is
 * full after a few dozen candidates instead of every institution in the box (a 10 km
 * search on 100,000 institutions has over a thousand in its box). kdbush answers a box
 * in space order only, so a search by fee had to read the whole box.
 *
 * Cells are CELL_DEGREES square in latitude and longitude. Their structure is built once
 * per index snapshot (CellGrid); the order within each cell depends on the key, so each
 * key column (the rating key, the fee key of one set of care modes) gets its own
 * KeyOrderedCells, made when a search first needs it.
 */

export const CELL_DEGREES = 0.02

function cellOfLat(lat: number): number {
  return Math.floor(lat / CELL_DEGREES)
}

function cellOfLng(lng: number): number {
  return Math.floor(lng / CELL_DEGREES)
}

export class CellGrid {
  /** Entries by cell: row (latitude cell), then column (longitude cell), then entry. */
  readonly entries: Uint32Array
  /** Where each cell's entries start in `entries`; one more than there are cells. */
  readonly cellStart: Int32Array
  /** Each cell's longitude column. */
  readonly cellColumn: Int32Array
  /** Per latitude row with institutions: its first cell and one past its last. */
  private readonly rows = new Map<number, { first: number; end: number }>()

  constructor(lat: Float64Array, lng: Float64Array, count: number) {
    const row = new Int32Array(count)
    const column = new Int32Array(count)
    for (let i = 0; i < count; i++) {
      row[i] = cellOfLat(lat[i])
      column[i] = cellOfLng(lng[i])
    }
    this.entries = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => row[a] - row[b] || column[a] - column[b] || a - b)
    const starts: number[] = []
    const columns: number[] = []
    for (let p = 0; p < count; p++) {
      const entry = this.entries[p]
      const previous = p > 0 ? this.entries[p - 1] : -1
      if (previous >= 0 && row[previous] === row[entry] && column[previous] === column[entry]) continue
      const cell = starts.length
      starts.push(p)
      columns.push(column[entry])
      const known = this.rows.get(row[entry])
      if (known) known.end = cell + 1
      else this.rows.set(row[entry], { first: cell, end: cell + 1 })
    }
    starts.push(count)
    this.cellStart = Int32Array.from(starts)
    this.cellColumn = Int32Array.from(columns)
  }

  /** The grid's cells each in order of `keys`, then of `idRank` (the entries' place in id order), as pages are ordered. */
  orderedBy(keys: Float64Array, idRank: ArrayLike<number>): KeyOrderedCells {
    const order = Uint32Array.from(this.entries)
    for (let cell = 0; cell + 1 < this.cellStart.length; cell++) {
      order.subarray(this.cellStart[cell], this.cellStart[cell + 1]).sort((a, b) => keys[a] - keys[b] || idRank[a] - idRank[b])
    }
    return { grid: this, keys, order }
  }

  /** Calls `each` with every cell with institutions that meets the box. */
  cellsMeeting(box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, each: (cell: number) => void): void {
    const firstColumn = cellOfLng(box.minLng)
    const lastColumn = cellOfLng(box.maxLng)
    for (let rowNumber = cellOfLat(box.minLat), lastRow = cellOfLat(box.maxLat); rowNumber <= lastRow; rowNumber++) {
      const row = this.rows.get(rowNumber)
      if (!row) continue
      // The row's cells are in column order: the first one in the box by binary search.
      let low = row.first
      let high = row.end
      while (low < high) {
        const middle = (low + high) >>> 1
        if (this.cellColumn[middle] < firstColumn) low = middle + 1
        else high = middle
      }
      for (let cell = low; cell < row.end && this.cellColumn[cell] <= lastColumn; cell++) each(cell)
    }
  }
}

export interface KeyOrderedCells {
  grid: CellGrid
  /** The key of each entry. */
  keys: Float64Array
  /** Entries by cell (as grid.entries), within each cell by key, then id rank. */
  order: Uint32Array
}

export interface KeyOrderQuery {
  /** The box searched: the cells meeting it are merged. */
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number }
  /** Whether an entry is past the search's cursor (pageSelection.ts); undefined without a cursor: every cell is read from its first entry. */
  readonly beyondCursor: BeyondCursor | undefined
  /** Called in non-decreasing key order with entries of the box's cells; return false to stop. */
  visitInKeyOrder(entry: number, key: number): boolean
}

const queue = new MinHeap()
let cursorAt: Int32Array = new Int32Array(256)
let cursorEnd: Int32Array = new Int32Array(256)
let cursors = 0
let walking = false

/** Merges the cells meeting the query's box in key order, each from its first entry past the cursor. */
export function walkCellsInKeyOrder(cells: KeyOrderedCells, query: KeyOrderQuery): void {
  if (walking) throw new Error('walkCellsInKeyOrder: one walk at a time (its queue is shared)')
  walking = true
  try {
    const { grid, keys, order } = cells
    queue.clear()
    cursors = 0
    grid.cellsMeeting(query.box, (cell) => {
      const end = grid.cellStart[cell + 1]
      // The first position past the cursor: the cell is in (key, entry) order.
      let low = grid.cellStart[cell]
      const { beyondCursor } = query
      if (beyondCursor) {
        let high = end
        while (low < high) {
          const middle = (low + high) >>> 1
          if (beyondCursor(keys[order[middle]], order[middle])) high = middle
          else low = middle + 1
        }
      }
      if (low === end) return
      if (cursors === cursorAt.length) {
        cursorAt = grown(cursorAt)
        cursorEnd = grown(cursorEnd)
      }
      cursorAt[cursors] = low
      cursorEnd[cursors] = end
      queue.push(cursors, keys[order[low]])
      cursors++
    })
    while (queue.size > 0) {
      const key = queue.peekKey()!
      const cursor = queue.pop()!
      const at = cursorAt[cursor]
      if (!query.visitInKeyOrder(order[at], key)) return
      if (at + 1 < cursorEnd[cursor]) {
        cursorAt[cursor] = at + 1
        queue.push(cursor, keys[order[at + 1]])
      }
    }
  } finally {
    walking = false
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}
