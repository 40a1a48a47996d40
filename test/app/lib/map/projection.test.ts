import { projectToBox } from '@app/lib/map/projection'

describe('projectToBox (the H5 schematic map)', () => {
  it('keeps every point inside the box, margins included', () => {
    const points = [
      { lat: 29.6, lng: 106.52 },
      { lat: 29.75, lng: 106.7 },
      { lat: 29.55, lng: 106.45 },
      { lat: 29.68, lng: 106.61 },
    ]
    for (const p of projectToBox(points, 8)) {
      expect(p.xPercent).toBeGreaterThanOrEqual(8)
      expect(p.xPercent).toBeLessThanOrEqual(92)
      expect(p.yPercent).toBeGreaterThanOrEqual(8)
      expect(p.yPercent).toBeLessThanOrEqual(92)
    }
  })

  it('puts north at the top and east on the right', () => {
    const [south, north] = projectToBox([
      { lat: 29.5, lng: 106.5 },
      { lat: 29.7, lng: 106.5 },
    ])
    expect(north.yPercent).toBeLessThan(south.yPercent)
    const [west, east] = projectToBox([
      { lat: 29.6, lng: 106.4 },
      { lat: 29.6, lng: 106.6 },
    ])
    expect(east.xPercent).toBeGreaterThan(west.xPercent)
  })

  it('keeps distances in proportion: a kilometre east is drawn as long as a kilometre north', () => {
    // at latitude 30°, 0.01° of longitude is cos(30°) times as long as 0.01° of latitude
    const cos30 = Math.cos((30 * Math.PI) / 180)
    const [origin, north, east] = projectToBox([
      { lat: 30, lng: 106 },
      { lat: 30.01, lng: 106 },
      { lat: 30, lng: 106 + 0.01 / cos30 },
    ])
    expect(origin.yPercent - north.yPercent).toBeCloseTo(east.xPercent - origin.xPercent, 0)
  })

  it('centres a single point and returns nothing for no points', () => {
    expect(projectToBox([{ lat: 29.6, lng: 106.5 }])).toEqual([{ xPercent: 50, yPercent: 50 }])
    expect(projectToBox([])).toEqual([])
  })
})
