import fc from 'fast-check'
import { distanceKm } from '@domain/geo'
import { boxLowerBoundKm, haversineKm, toRadians } from '@server/features/find/searchIndex/distance'

const latitude = fc.double({ min: 20, max: 40, noNaN: true })
const longitude = fc.double({ min: 100, max: 115, noNaN: true })

describe('search distances', () => {
  it('are the very same numbers as the domain distance, so index and SQL agree on every rounded distance', () => {
    fc.assert(
      fc.property(latitude, longitude, latitude, longitude, (lat1, lng1, lat2, lng2) => {
        const fast = haversineKm(lat1, lng1, Math.cos(toRadians(lat1)), lat2, lng2, Math.cos(toRadians(lat2)))
        expect(fast).toBe(distanceKm({ lat: lat1, lng: lng1 }, { lat: lat2, lng: lng2 }))
      }),
      { numRuns: 2000 },
    )
  })

  it('never overestimate the distance to a point of a box', () => {
    const boxAndPoint = fc
      .tuple(latitude, latitude, longitude, longitude, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([a, b, c, d, u, v]) => {
        const box = { minLat: Math.min(a, b), maxLat: Math.max(a, b), minLng: Math.min(c, d), maxLng: Math.max(c, d) }
        return { box, lat: box.minLat + u * (box.maxLat - box.minLat), lng: box.minLng + v * (box.maxLng - box.minLng) }
      })
    fc.assert(
      fc.property(latitude, longitude, boxAndPoint, (lat, lng, { box, lat: pLat, lng: pLng }) => {
        const bound = boxLowerBoundKm(lat, lng, Math.cos(toRadians(lat)), box)
        expect(bound).toBeLessThanOrEqual(distanceKm({ lat, lng }, { lat: pLat, lng: pLng }))
        expect(bound).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('bound a box the origin lies in by zero', () => {
    expect(boxLowerBoundKm(29.6, 106.5, Math.cos(toRadians(29.6)), { minLat: 29, maxLat: 30, minLng: 106, maxLng: 107 })).toBe(0)
  })
})
