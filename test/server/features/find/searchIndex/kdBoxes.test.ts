import fc from 'fast-check'
import KDBush from 'kdbush'
import { KdBoxes } from '@server/features/find/searchIndex/kdBoxes'

const point = fc.record({ lat: fc.double({ min: 18, max: 50, noNaN: true }), lng: fc.double({ min: 75, max: 135, noNaN: true }) })

describe("the kd-tree's tight node boxes", () => {
  it("are exactly the box of each node's points, and an empty node's box is empty", () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 400 }), fc.integer({ min: 2, max: 16 }), (points, nodeSize) => {
        const tree = new KDBush(points.length, nodeSize)
        for (const p of points) tree.add(p.lng, p.lat)
        tree.finish()
        const boxes = new KdBoxes(tree)
        const check = (node: number, left: number, right: number): void => {
          expect([boxes.left[node], boxes.right[node]]).toEqual([left, right])
          const inside = Array.from({ length: Math.max(0, right - left + 1) }, (_, k) => points[tree.ids[left + k]])
          if (inside.length === 0) {
            expect(boxes.isEmpty(node)).toBe(true)
          } else {
            expect(boxes.minLat[node]).toBe(Math.min(...inside.map((p) => p.lat)))
            expect(boxes.maxLat[node]).toBe(Math.max(...inside.map((p) => p.lat)))
            expect(boxes.minLng[node]).toBe(Math.min(...inside.map((p) => p.lng)))
            expect(boxes.maxLng[node]).toBe(Math.max(...inside.map((p) => p.lng)))
          }
          if (right - left <= nodeSize) return expect(boxes.isLeaf(node)).toBe(true)
          const middle = (left + right) >> 1
          check(2 * node + 1, left, middle - 1)
          check(2 * node + 2, middle + 1, right)
        }
        check(0, 0, points.length - 1)
      }),
      { numRuns: 100 },
    )
  })
})
