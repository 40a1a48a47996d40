/**
 * Coordinates are GCJ-02 (what WeChat maps and Taro's Map use). Distances between
 * GCJ-02 points are accurate to tens of metres, which is fine for "near me".
 */
export interface LatLng {
  lat: number
  lng: number
}

const EARTH_RADIUS_KM = 6371.0088

function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat)
  const dLng = toRadians(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

export interface BoundingBox {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}

/**
 * A box that contains every point within radiusKm of the centre, so an index on
 * (lat, lng) can discard far rows before the exact distance is computed.
 */
export function boundingBox(centre: LatLng, radiusKm: number): BoundingBox {
  const latDelta = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI)
  const cosLat = Math.max(Math.cos(toRadians(centre.lat)), 0.01)
  const lngDelta = Math.min(180, latDelta / cosLat)
  return {
    minLat: centre.lat - latDelta,
    maxLat: centre.lat + latDelta,
    minLng: centre.lng - lngDelta,
    maxLng: centre.lng + lngDelta,
  }
}

/** Distances shown to a parent: "850米", "3.2公里". */
export function describeDistance(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)}米`
  return `${km.toFixed(1)}公里`
}
