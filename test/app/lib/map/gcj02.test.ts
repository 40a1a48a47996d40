import { distanceKm } from '@domain/geo'
import { isInChina, wgs84ToGcj02 } from '@app/lib/map/gcj02'

describe('wgs84ToGcj02', () => {
  it('matches the published reference value for central Beijing (eviltransform test vector)', () => {
    const gcj = wgs84ToGcj02({ lat: 39.915, lng: 116.404 })
    expect(gcj.lat).toBeCloseTo(39.91640428150164, 10)
    expect(gcj.lng).toBeCloseTo(116.41024449916938, 10)
  })

  it('shifts a point in 渝北区 by the few hundred metres GCJ-02 adds inside China', () => {
    const wgs = { lat: 29.6, lng: 106.52 }
    const shift = distanceKm(wgs, wgs84ToGcj02(wgs))
    expect(shift).toBeGreaterThan(0.1)
    expect(shift).toBeLessThan(0.8)
  })

  it('leaves points outside mainland China unchanged', () => {
    const london = { lat: 51.5, lng: -0.12 }
    expect(isInChina(london)).toBe(false)
    expect(wgs84ToGcj02(london)).toEqual(london)
  })
})
