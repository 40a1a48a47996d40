/** Distances are shown to two decimals (10 m), rounded half-up exactly as the SQL sort key is. */
export function roundDistanceKm(km: number): number {
  return Math.floor(km * 100 + 0.5) / 100
}
