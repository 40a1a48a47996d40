import fc from 'fast-check'
import KDBush from 'kdbush'
import { distanceKm } from '@domain/geo'
import { haversineTerm, toRadians } from '@server/features/find/searchIndex/distance'
import { KdBoxes } from '@server/features/find/searchIndex/kdBoxes'
import { walkNearestFirst } from '@server/features/find/searchIndex/nearestFirst'

const point = fc.record({
  lat: fc.double({ min: 29.4, max: 29.9, noNaN: true }),
  lng: fc.double({ min: 106.3, max: 106.8, noNaN: true }),
})

function treeOf(points: Array<{ lat: number; lng: number }>): KdBoxes {
  // A small node size makes even a few hundred points a deep tree.
  const tree = new KDBush(points.length, 4)
  for (const p of points) tree.add(p.lng, p.lat)
  return new KdBoxes(tree.finish())
}

function walk(points: Array<{ lat: number; lng: number }>, origin: { lat: number; lng: number }, maxKm: number, accept: (id: number) => boolean, stopAfter = Infinity) {
  const visited: Array<{ id: number; km: number }> = []
  const cosLat = Math.cos(toRadians(origin.lat))
  walkNearestFirst(treeOf(points), {
    ...origin,
    cosLat,
    maxKm,
    accept,
    termOf: (id: number) => haversineTerm(origin.lat, origin.lng, cosLat, points[id].lat, points[id].lng, Math.cos(toRadians(points[id].lat))),
    visit: (id: number, km: number) => {
      visited.push({ id, km })
      return visited.length < stopAfter
    },
  })
  return visited
}

describe('the nearest-first walk of the kd-tree', () => {
  it('visits exactly the accepted points within the distance, nearest first', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 300 }), point, fc.double({ min: 0.5, max: 60, noNaN: true }), (points, origin, maxKm) => {
        const accept = (id: number) => id % 3 !== 0
        const visited = walk(points, origin, maxKm, accept)
        const expected = points
          .map((p, id) => ({ id, km: distanceKm(origin, p) }))
          .filter(({ id, km }) => accept(id) && km <= maxKm)
          .sort((a, b) => a.km - b.km)
        expect(visited.map((v) => v.km)).toEqual(expected.map((e) => e.km))
        expect(new Set(visited.map((v) => v.id))).toEqual(new Set(expected.map((e) => e.id)))
      }),
      { numRuns: 200 },
    )
  })

  it('walks again after a walk the visitor stopped, and refuses a walk inside a walk (its scratch space is shared)', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({ lat: 29.5 + (i % 20) / 100, lng: 106.5 + Math.floor(i / 20) / 100 }))
    const first = walk(points, { lat: 29.6, lng: 106.55 }, 50, () => true, 5)
    expect(walk(points, { lat: 29.6, lng: 106.55 }, 50, () => true, 5)).toEqual(first)
    const tree = treeOf(points)
    const nested = () =>
      walkNearestFirst(tree, {
        lat: 29.6,
        lng: 106.55,
        cosLat: Math.cos(toRadians(29.6)),
        maxKm: 50,
        accept: () => true,
        termOf: () => 0,
        visit: () => {
          walk(points, { lat: 29.6, lng: 106.55 }, 50, () => true)
          return false
        },
      })
    expect(nested).toThrow('one walk at a time')
    // The refused walk left the shared state as it found it.
    expect(walk(points, { lat: 29.6, lng: 106.55 }, 50, () => true, 5)).toEqual(first)
  })

  it('stops as soon as the visitor says so', () => {
    const points = Array.from({ length: 100 }, (_, i) => ({ lat: 29.5 + i / 1000, lng: 106.5 }))
    const visited = walk(points, { lat: 29.5, lng: 106.5 }, 50, () => true, 3)
    expect(visited.map((v) => v.id)).toEqual([0, 1, 2])
  })
})
