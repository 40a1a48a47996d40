/** Distances are shown to two decimals (10 m), rounded half-up exactly as the SQL sort key is. */
export function roundDistanceKm(km: number): number {
  return Math.floor(km * 100 + 0.5) / 100
}

/** src/domain/geo.ts's mean Earth radius; test/server/features/find/searchIndex/distance.test.ts keeps them equal. */
const EARTH_RADIUS_KM = 6371.0088

export function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180
}

/**
 * distanceKm of src/domain/geo.ts with the two cosines computed beforehand (the
 * index keeps every institution's): the same operations in the same order, so the
 * result is the same double and the index, the SQL search and the domain's reference
 * agree on every rounded distance.
 */
export function haversineKm(lat: number, lng: number, cosLat: number, toLat: number, toLng: number, toCosLat: number): number {
  return kmOfHaversineTerm(haversineTerm(lat, lng, cosLat, toLat, toLng, toCosLat))
}

/**
 * The haversine formula's inner term h (sin² of half the central angle): it grows with
 * the distance, so the nearest-first walk orders by it and takes the arcsine and root
 * (kmOfHaversineTerm) only of the points it visits, not of every point it queues.
 */
export function haversineTerm(lat: number, lng: number, cosLat: number, toLat: number, toLng: number, toCosLat: number): number {
  const dLat = toRadians(toLat - lat)
  const dLng = toRadians(toLng - lng)
  return Math.sin(dLat / 2) ** 2 + cosLat * toCosLat * Math.sin(dLng / 2) ** 2
}

/** The distance of a haversine term: non-decreasing in h, and haversineKm exactly. */
export function kmOfHaversineTerm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * A term no smaller than that of any point within `km` (a little over, so rounding can
 * never leave such a point out): the walk's cut-off in its own unit. Infinity when `km`
 * reaches halfway round the Earth.
 */
export function haversineTermAtLeast(km: number): number {
  const halfAngle = km / (2 * EARTH_RADIUS_KM)
  if (!(halfAngle < Math.PI / 2)) return Number.POSITIVE_INFINITY
  return Math.sin(halfAngle) ** 2 * (1 + 1e-9) + 1e-18
}

interface Box {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
  cosMinLat?: number
  cosMaxLat?: number
}

/**
 * A lower bound of the haversine term from (lat, lng) to every point of a lat/lng box,
 * for nearest-first search: each term of the haversine sum is at least its smallest value
 * over the box (nearest latitude; longitude gap at whichever end sin² is smaller;
 * the box's smallest cosine). A hair is taken off so floating-point rounding can
 * never make the bound exceed a point's own term. `box.cosMinLat`/`cosMaxLat`, when
 * given, are the cosines of its edges, which the nearest-first walk carries down the
 * tree instead of computing them for every box (the walk's most frequent trigonometry).
 */
export function boxLowerBoundTerm(lat: number, lng: number, cosLat: number, box: Box): number {
  const latGap = lat < box.minLat ? box.minLat - lat : lat > box.maxLat ? lat - box.maxLat : 0
  const nearLng = lng < box.minLng ? box.minLng - lng : lng > box.maxLng ? lng - box.maxLng : 0
  if (latGap === 0 && nearLng === 0) return 0
  const farLng = Math.max(Math.abs(lng - box.minLng), Math.abs(lng - box.maxLng))
  // sin² of half the gap grows up to a gap of 180°: only a wider box can be nearer at its far end.
  const nearTerm = Math.sin(toRadians(nearLng) / 2) ** 2
  const lngTerm = farLng > 180 ? Math.min(nearTerm, Math.sin(toRadians(farLng) / 2) ** 2) : nearTerm
  const cosMinLat = box.cosMinLat ?? Math.cos(toRadians(box.minLat))
  const cosMaxLat = box.cosMaxLat ?? Math.cos(toRadians(box.maxLat))
  const minCos = Math.max(0, Math.min(cosMinLat, cosMaxLat))
  const h = Math.sin(toRadians(latGap) / 2) ** 2 + cosLat * minCos * lngTerm
  return Math.max(0, h * (1 - 1e-9) - 1e-30)
}

/** boxLowerBoundTerm as a distance: never more than the distance to any point of the box. */
export function boxLowerBoundKm(lat: number, lng: number, cosLat: number, box: Box): number {
  return kmOfHaversineTerm(boxLowerBoundTerm(lat, lng, cosLat, box))
}
