import autocannon from 'autocannon'

export interface LoadResult {
  label: string
  requestsPerSecond: number
  latencyP50Ms: number
  latencyP99Ms: number
  total: number
  ok: number
  non2xx: number
  errors: number
}

/**
 * Drives one URL (or a rotating list of paths on it) for a fixed time with autocannon.
 * Each connection walks through `paths` in order and starts over, so a handful of
 * connections covers many different searches.
 */
export async function drive(label: string, baseUrl: string, paths: readonly string[], seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  })
  return {
    label,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
