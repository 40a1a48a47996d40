import fc from 'fast-check'
import { boundingBox, describeDistance, distanceKm } from '@domain/geo'

describe('distanceKm', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 29.72, lng: 106.63 }
    const b = { lat: 29.6, lng: 106.5 }
    expect(distanceKm(a, a)).toBe(0)
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 10)
  })

  it('matches a known distance: one degree of latitude is about 111 km', () => {
    expect(distanceKm({ lat: 29, lng: 106 }, { lat: 30, lng: 106 })).toBeCloseTo(111.2, 0)
  })
})

describe('boundingBox', () => {
  it('contains every point within the radius', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 74, max: 134, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lng, radius, fraction, bearing) => {
          const centre = { lat, lng }
          const box = boundingBox(centre, radius)
          // a point at `fraction` of the radius in direction `bearing` (small-distance approximation, shrunk for safety)
          const d = radius * fraction * 0.99
          const point = {
            lat: lat + (d / 111.2) * Math.cos(bearing),
            lng: lng + (d / (111.2 * Math.cos((lat * Math.PI) / 180))) * Math.sin(bearing),
          }
          if (distanceKm(centre, point) > radius) return true
          return point.lat >= box.minLat && point.lat <= box.maxLat && point.lng >= box.minLng && point.lng <= box.maxLng
        },
      ),
    )
  })
})

describe('describeDistance', () => {
  it('speaks metres under a kilometre and kilometres above', () => {
    expect(describeDistance(0.853)).toBe('850米')
    expect(describeDistance(3.21)).toBe('3.2公里')
  })
})
