import fc from 'fast-check'
import { CELL_DEGREES, CellGrid, walkCellsInKeyOrder } from '@server/features/find/searchIndex/cellGrid'

// On a 0.001° lattice with few keys, so cells often hold several points of one key.
const point = fc.record({
  lat: fc.integer({ min: 29_400, max: 29_600 }).map((n) => n / 1000),
  lng: fc.integer({ min: 106_400, max: 106_600 }).map((n) => n / 1000),
  key: fc.integer({ min: 0, max: 5 }),
})

/** Id ranks unlike entry numbers (the index numbers entries in space order): the reverse. */
const rankOf = (entry: number, count: number) => count - 1 - entry

function gridOf(points: Array<{ lat: number; lng: number; key: number }>) {
  const grid = new CellGrid(Float64Array.from(points.map((p) => p.lat)), Float64Array.from(points.map((p) => p.lng)), points.length)
  return grid.orderedBy(
    Float64Array.from(points.map((p) => p.key)),
    Uint32Array.from(points, (_, entry) => rankOf(entry, points.length)),
  )
}

const cellOf = (p: { lat: number; lng: number }) => `${Math.floor(p.lat / CELL_DEGREES)},${Math.floor(p.lng / CELL_DEGREES)}`

describe('the grid of cells in key order (nearby searches by fee or rating)', () => {
  it('merges every point of the cells meeting a box, past the cursor, in (key, id rank) order', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 300 }),
        fc.record({ lat: fc.double({ min: 29.4, max: 29.6, noNaN: true }), lng: fc.double({ min: 106.4, max: 106.6, noNaN: true }), half: fc.integer({ min: 0, max: 100 }).map((n) => n / 1000) }),
        fc.option(fc.record({ key: fc.integer({ min: 0, max: 5 }), rank: fc.nat(300) }), { nil: undefined }),
        (points, centre, after) => {
          const box = { minLat: centre.lat - centre.half, maxLat: centre.lat + centre.half, minLng: centre.lng - centre.half, maxLng: centre.lng + centre.half }
          const rank = (entry: number) => rankOf(entry, points.length)
          const beyondCursor = (key: number, entry: number) => !after || key > after.key || (key === after.key && rank(entry) >= after.rank)
          const visited: Array<[number, number]> = []
          walkCellsInKeyOrder(gridOf(points), { box, beyondCursor: after ? beyondCursor : undefined, visitInKeyOrder: (entry, key) => (visited.push([key, entry]), true) })
          // Whole cells meet the box: every point of a cell holding a point of the box's corners' span.
          const cellsOfBox = new Set<string>()
          for (let lat = Math.floor(box.minLat / CELL_DEGREES); lat <= Math.floor(box.maxLat / CELL_DEGREES); lat++)
            for (let lng = Math.floor(box.minLng / CELL_DEGREES); lng <= Math.floor(box.maxLng / CELL_DEGREES); lng++) cellsOfBox.add(`${lat},${lng}`)
          const expected = points
            .map((p, entry) => [p.key, entry] as [number, number])
            .filter(([key, entry]) => cellsOfBox.has(cellOf(points[entry])) && beyondCursor(key, entry))
          // Within one cell, equal keys come in id rank order; across cells only the keys are ordered.
          expect(visited.map(([key]) => key)).toEqual([...expected.map(([key]) => key)].sort((a, b) => a - b))
          expect(new Set(visited.map(([, entry]) => entry))).toEqual(new Set(expected.map(([, entry]) => entry)))
          const lastOfCell = new Map<string, [number, number]>()
          for (const [key, entry] of visited) {
            const last = lastOfCell.get(cellOf(points[entry]))
            if (last && last[0] === key) expect(rank(entry)).toBeGreaterThan(last[1])
            lastOfCell.set(cellOf(points[entry]), [key, rank(entry)])
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('stops when the visitor says so, and refuses a walk inside a walk', () => {
    const cells = gridOf(Array.from({ length: 50 }, (_, i) => ({ lat: 29.5, lng: 106.5, key: 50 - i })))
    const box = { minLat: 29.4, maxLat: 29.6, minLng: 106.4, maxLng: 106.6 }
    const keys: number[] = []
    walkCellsInKeyOrder(cells, { box, beyondCursor: undefined, visitInKeyOrder: (_, key) => (keys.push(key), keys.length < 3) })
    expect(keys).toEqual([1, 2, 3])
    const nested = () => walkCellsInKeyOrder(cells, { box, beyondCursor: undefined, visitInKeyOrder: () => (walkCellsInKeyOrder(cells, { box, beyondCursor: undefined, visitInKeyOrder: () => true }), false) })
    expect(nested).toThrow('one walk at a time')
  })
})
