import * as distance from './distance'
import { KdBoxes } from './kdBoxes'
import { MinHeap } from './minHeap'

/*
 * Nearest-first walk of a kdbush tree (the technique of geokdbush's `around`, with our
 * own distance so the order is exactly the distance we show and sort by). Points and
 * tree nodes share one queue keyed by the haversine term (distance.ts), which grows with
 * the distance; a node's key is a lower bound of every point inside it, from the tight
 * box of its points (kdBoxes.ts), so when a point reaches the head of the queue nothing
 * still queued is nearer. A distance-sorted search can therefore stop as soon as its page
 * is full.
 *
 * The walk runs on every nearby search by distance, so it allocates nothing per point or
 * node (issue 11's profile): the queue is a typed-array heap kept between walks (a walk is
 * synchronous: one at a time).
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

// Bound once: under tsx every call through an import is a getter call first (CommonJS
// exports), a tenth of the walk's time in its profile.
const { boxLowerBoundTerm, haversineTermAtLeast, kmOfHaversineTerm } = distance

const queue = new MinHeap()
let walking = false

// The box boxLowerBoundTerm reads, filled in place (no object per node).
const box = { minLat: 0, maxLat: 0, minLng: 0, maxLng: 0, cosMinLat: 0, cosMaxLat: 0 }

function queueNode(boxes: KdBoxes, query: NearestFirstQuery, maxTerm: number, node: number): void {
  if (boxes.isEmpty(node)) return
  box.minLng = boxes.minLng[node]
  box.minLat = boxes.minLat[node]
  box.maxLng = boxes.maxLng[node]
  box.maxLat = boxes.maxLat[node]
  box.cosMinLat = boxes.cosMinLat[node]
  box.cosMaxLat = boxes.cosMaxLat[node]
  const bound = boxLowerBoundTerm(query.lat, query.lng, query.cosLat, box)
  // Queue items: a point is its id (≥ 0); a node is -1 - its number.
  if (bound <= maxTerm) queue.push(-1 - node, bound)
}

function queuePoint(query: NearestFirstQuery, maxTerm: number, id: number): void {
  if (!query.accept(id)) return
  const term = query.termOf(id)
  if (term <= maxTerm) queue.push(id, term)
}

export function walkNearestFirst(boxes: KdBoxes, query: NearestFirstQuery): void {
  const { ids } = boxes.tree
  if (ids.length === 0) return
  if (walking) throw new Error('walkNearestFirst: one walk at a time (its scratch space is shared)')
  walking = true
  try {
    const maxTerm = haversineTermAtLeast(query.maxKm)
    queue.clear()
    queueNode(boxes, query, maxTerm, 0)
    while (queue.size > 0) {
      const key = queue.peekKey()!
      const item = queue.pop()!
      if (item >= 0) {
        const km = kmOfHaversineTerm(key)
        // Everything still queued is at least this far: past the limit, nothing more is visited.
        if (km > query.maxKm || !query.visit(item, km)) return
        continue
      }
      const node = -1 - item
      const left = boxes.left[node]
      const right = boxes.right[node]
      if (boxes.isLeaf(node)) {
        for (let i = left; i <= right; i++) queuePoint(query, maxTerm, ids[i])
        continue
      }
      queuePoint(query, maxTerm, ids[(left + right) >> 1])
      queueNode(boxes, query, maxTerm, 2 * node + 1)
      queueNode(boxes, query, maxTerm, 2 * node + 2)
    }
  } finally {
    walking = false
  }
}
