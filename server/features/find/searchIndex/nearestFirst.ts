import KDBush from 'kdbush'
import { boxLowerBoundKm, toRadians } from './distance'
import { MinHeap } from './minHeap'

/*
 * Nearest-first walk of a kdbush tree (the technique of geokdbush's `around`, with our
 * own distance so the order is exactly the distance we show and sort by). Points and
 * tree nodes share one queue keyed by distance; a node's key is a lower bound of every
 * point inside it, so when a point reaches the head of the queue nothing still queued
 * is nearer. A distance-sorted search can therefore stop as soon as its page is full.
 */

export interface NearestFirstQuery {
  lat: number
  lng: number
  cosLat: number
  /** Points farther than this are never visited. */
  maxKm: number
  /** Cheap checks first: only points it accepts are measured and queued. */
  accept(id: number): boolean
  /** The exact distance of point `id` (the tree's own coordinates are only lng/lat). */
  distanceKm(id: number): number
  /** Called in non-decreasing distance order; return false to stop the walk. */
  visit(id: number, km: number): boolean
}

interface Node {
  left: number
  right: number
  axis: 0 | 1
  minLng: number
  minLat: number
  maxLng: number
  maxLat: number
  /** Cosines of minLat and maxLat, computed once where the tree splits by latitude. */
  cosMinLat: number
  cosMaxLat: number
}

export function walkNearestFirst(tree: KDBush, query: NearestFirstQuery): void {
  const { ids, coords, nodeSize } = tree
  const { lat, lng, cosLat, maxKm } = query
  const queue = new MinHeap()
  // Queue items: a point is its id (≥ 0); a node is -1 - its place in `nodes`.
  const nodes: Node[] = []
  const queuePoint = (position: number) => {
    const id = ids[position]
    if (!query.accept(id)) return
    const km = query.distanceKm(id)
    if (km <= maxKm) queue.push(id, km)
  }
  const queueNode = (node: Node) => {
    const bound = boxLowerBoundKm(lat, lng, cosLat, node)
    if (bound > maxKm) return
    nodes.push(node)
    queue.push(-nodes.length, bound)
  }

  if (ids.length === 0) return
  queueNode({ left: 0, right: ids.length - 1, axis: 0, minLng: -180, minLat: -90, maxLng: 180, maxLat: 90, cosMinLat: Math.cos(toRadians(-90)), cosMaxLat: Math.cos(toRadians(90)) })
  while (queue.size > 0) {
    const key = queue.peekKey()!
    const item = queue.pop()!
    if (item >= 0) {
      if (!query.visit(item, key)) return
      continue
    }
    const node = nodes[-item - 1]
    const { left, right, axis } = node
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) queuePoint(i)
      continue
    }
    // kdbush splits each node at its median point, alternating lng (axis 0) and lat.
    const middle = (left + right) >> 1
    const midLng = coords[2 * middle]
    const midLat = coords[2 * middle + 1]
    queuePoint(middle)
    const next = axis === 0 ? 1 : 0
    const cosMidLat = axis === 1 ? Math.cos(toRadians(midLat)) : Number.NaN
    queueNode({
      left,
      right: middle - 1,
      axis: next,
      minLng: node.minLng,
      minLat: node.minLat,
      maxLng: axis === 0 ? midLng : node.maxLng,
      maxLat: axis === 1 ? midLat : node.maxLat,
      cosMinLat: node.cosMinLat,
      cosMaxLat: axis === 1 ? cosMidLat : node.cosMaxLat,
    })
    queueNode({
      left: middle + 1,
      right,
      axis: next,
      minLng: axis === 0 ? midLng : node.minLng,
      minLat: axis === 1 ? midLat : node.minLat,
      maxLng: node.maxLng,
      maxLat: node.maxLat,
      cosMinLat: axis === 1 ? cosMidLat : node.cosMinLat,
      cosMaxLat: node.cosMaxLat,
    })
  }
}
