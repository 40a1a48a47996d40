import KDBush from 'kdbush'
import * as distance from './distance'
import { MinHeap } from './minHeap'

/*
 * Nearest-first walk of a kdbush tree (the technique of geokdbush's `around`, with our
 * own distance so the order is exactly the distance we show and sort by). Points and
 * tree nodes share one queue keyed by the haversine term (distance.ts), which grows with
 * the distance; a node's key is a lower bound of every point inside it, so when a point
 * reaches the head of the queue nothing still queued is nearer. A distance-sorted search
 * can therefore stop as soon as its page is full.
 *
 * The walk runs on every nearby search by distance, so it allocates nothing per point or
 * node (issue 11's profile): nodes are rows of one scratch Float64Array and the queue is
 * a typed-array heap, both kept between walks (a walk is synchronous: one at a time).
 */

export interface NearestFirstQuery {
  lat: number
  lng: number
  cosLat: number
  /** Points farther than this are never visited. */
  maxKm: number
  /** Cheap checks first: only points it accepts are measured and queued. */
  accept(id: number): boolean
  /** The haversine term (distance.ts, haversineTerm) from the origin to point `id`. */
  termOf(id: number): number
  /** Called in non-decreasing distance order; return false to stop the walk. */
  visit(id: number, km: number): boolean
}

// A node's row: left, right, axis, minLng, minLat, maxLng, maxLat and the cosines of minLat and maxLat.
const LEFT = 0
const RIGHT = 1
const AXIS = 2
const MIN_LNG = 3
const MIN_LAT = 4
const MAX_LNG = 5
const MAX_LAT = 6
const COS_MIN_LAT = 7
const COS_MAX_LAT = 8
const ROW = 9

// Bound once: under tsx every call through an import is a getter call first (CommonJS
// exports), a tenth of the walk's time in its profile.
const { boxLowerBoundTerm, haversineTermAtLeast, kmOfHaversineTerm, toRadians } = distance

let rows = new Float64Array(ROW * 256)
let rowCount = 0
const queue = new MinHeap()
let walking = false

// The box queueNode reads, filled in place (no object per node).
const box = { minLat: 0, maxLat: 0, minLng: 0, maxLng: 0, cosMinLat: 0, cosMaxLat: 0 }

function queueNode(query: NearestFirstQuery, maxTerm: number, left: number, right: number, axis: number, minLng: number, minLat: number, maxLng: number, maxLat: number, cosMinLat: number, cosMaxLat: number): void {
  box.minLng = minLng
  box.minLat = minLat
  box.maxLng = maxLng
  box.maxLat = maxLat
  box.cosMinLat = cosMinLat
  box.cosMaxLat = cosMaxLat
  const bound = boxLowerBoundTerm(query.lat, query.lng, query.cosLat, box)
  if (bound > maxTerm) return
  if ((rowCount + 1) * ROW > rows.length) {
    const grown = new Float64Array(rows.length * 2)
    grown.set(rows)
    rows = grown
  }
  const at = rowCount * ROW
  rows[at + LEFT] = left
  rows[at + RIGHT] = right
  rows[at + AXIS] = axis
  rows[at + MIN_LNG] = minLng
  rows[at + MIN_LAT] = minLat
  rows[at + MAX_LNG] = maxLng
  rows[at + MAX_LAT] = maxLat
  rows[at + COS_MIN_LAT] = cosMinLat
  rows[at + COS_MAX_LAT] = cosMaxLat
  rowCount++
  queue.push(-rowCount, bound)
}

function queuePoint(query: NearestFirstQuery, maxTerm: number, id: number): void {
  if (!query.accept(id)) return
  const term = query.termOf(id)
  if (term <= maxTerm) queue.push(id, term)
}

export function walkNearestFirst(tree: KDBush, query: NearestFirstQuery): void {
  const { ids, coords, nodeSize } = tree
  if (ids.length === 0) return
  if (walking) throw new Error('walkNearestFirst: one walk at a time (its scratch space is shared)')
  walking = true
  try {
    const maxTerm = haversineTermAtLeast(query.maxKm)
    queue.clear()
    rowCount = 0
    // Queue items: a point is its id (≥ 0); a node is -1 - its row.
    queueNode(query, maxTerm, 0, ids.length - 1, 0, -180, -90, 180, 90, Math.cos(toRadians(-90)), Math.cos(toRadians(90)))
    while (queue.size > 0) {
      const key = queue.peekKey()!
      const item = queue.pop()!
      if (item >= 0) {
        const km = kmOfHaversineTerm(key)
        // Everything still queued is at least this far: past the limit, nothing more is visited.
        if (km > query.maxKm || !query.visit(item, km)) return
        continue
      }
      const at = (-item - 1) * ROW
      const left = rows[at + LEFT]
      const right = rows[at + RIGHT]
      const axis = rows[at + AXIS]
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) queuePoint(query, maxTerm, ids[i])
        continue
      }
      const minLng = rows[at + MIN_LNG]
      const minLat = rows[at + MIN_LAT]
      const maxLng = rows[at + MAX_LNG]
      const maxLat = rows[at + MAX_LAT]
      const cosMinLat = rows[at + COS_MIN_LAT]
      const cosMaxLat = rows[at + COS_MAX_LAT]
      // kdbush splits each node at its median point, alternating lng (axis 0) and lat.
      const middle = (left + right) >> 1
      const midLng = coords[2 * middle]
      const midLat = coords[2 * middle + 1]
      queuePoint(query, maxTerm, ids[middle])
      const next = axis === 0 ? 1 : 0
      const cosMidLat = axis === 1 ? Math.cos(toRadians(midLat)) : Number.NaN
      queueNode(query, maxTerm, left, middle - 1, next, minLng, minLat, axis === 0 ? midLng : maxLng, axis === 1 ? midLat : maxLat, cosMinLat, axis === 1 ? cosMidLat : cosMaxLat)
      queueNode(query, maxTerm, middle + 1, right, next, axis === 0 ? midLng : minLng, axis === 1 ? midLat : minLat, maxLng, maxLat, axis === 1 ? cosMidLat : cosMinLat, cosMaxLat)
    }
  } finally {
    walking = false
  }
}
