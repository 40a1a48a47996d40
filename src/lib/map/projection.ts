import { LatLng } from '@domain/geo'

/*
 * The H5 build has no map tiles (Taro's Map is weapp-only and the demo runs offline),
 * so the map tab draws a schematic plot: each point placed in a box by an
 * equirectangular projection — longitude scaled by cos(latitude) so a kilometre east
 * is as long as a kilometre north. Good enough at district scale.
 */

export interface PlotPoint {
  /** 0–100, from the left edge. */
  xPercent: number
  /** 0–100, from the top edge (north is up). */
  yPercent: number
}

/**
 * Places points in a square box with a margin, keeping the aspect ratio. A single
 * point (or all at one place) sits in the middle.
 */
export function projectToBox(points: readonly LatLng[], marginPercent = 8): PlotPoint[] {
  if (points.length === 0) return []
  const meanLat = points.reduce((sum, p) => sum + p.lat, 0) / points.length
  const cosLat = Math.cos((meanLat * Math.PI) / 180)
  const xs = points.map((p) => p.lng * cosLat)
  const ys = points.map((p) => p.lat)
  const minX = Math.min(...xs)
  const maxX = Math.max(...xs)
  const minY = Math.min(...ys)
  const maxY = Math.max(...ys)
  const span = Math.max(maxX - minX, maxY - minY)
  const usable = 100 - 2 * marginPercent
  if (span === 0) return points.map(() => ({ xPercent: 50, yPercent: 50 }))
  // centre the shorter side so the plot is not squashed against one edge
  const offsetX = (span - (maxX - minX)) / 2
  const offsetY = (span - (maxY - minY)) / 2
  return points.map((_, i) => ({
    xPercent: marginPercent + ((xs[i] - minX + offsetX) / span) * usable,
    yPercent: marginPercent + ((maxY - ys[i] + offsetY) / span) * usable,
  }))
}
