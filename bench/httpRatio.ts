import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import net from 'node:net'
import path from 'node:path'
import { LoadResult, drive } from './load'

/*
 * HTTP ratio: the search route's requests per second over a bare Fastify route's,
 * both served by one child process on the same data, driven by autocannon from this
 * process with the same duration and connections, one after the other. The search
 * route is driven twice: as configured (its page cache on: the benchmark's 200
 * searches all fit, so after the warm-up nearly every request is a cache hit) and
 * with the cache off (every request searches and serialises), the raw speed.
 *
 * Issue 11's bar compares that uncached route with a route sending the same bytes
 * precomputed. The two are measured in alternating rounds (same bytes first, then the
 * search first, …), each as long as any other route's run, and compared by their totals:
 * on a shared machine the speed drifts within a run (measured back to back, one pair
 * gave 35–50 % over three runs of the same code), and alternating puts the drift on both
 * alike. Every round's own ratio is reported too.
 */

/** Rounds of the same-bytes / uncached pair. */
export const PAIRED_ROUNDS = 3

const REPO_ROOT = path.resolve(__dirname, '..')

export interface HttpRatioResult {
  bare: LoadResult
  search: LoadResult
  ratio: number
  /** The search route with SEARCH_PAGE_CACHE_SIZE=0. */
  uncachedSearch: LoadResult
  uncachedRatio: number
  /** The same searches answered with the uncached app's bytes, precomputed (bare Fastify). */
  sameBytes: LoadResult
  /** Uncached search route req/s over the same-bytes route's, in the same run. */
  uncachedVsSameBytes: number
  /** Search route as configured (page cache on) over the same-bytes route. */
  cachedVsSameBytes: number
  /** Each round's uncached / same-bytes ratio, in order. */
  roundRatios: number[]
  /** The rounds themselves (sameBytes and uncachedSearch pool them). */
  sameBytesRounds: LoadResult[]
  uncachedRounds: LoadResult[]
  distinctSearches: number
  seconds: number
  connections: number
  logLevel: string
}

export async function measureHttpRatio(
  dataDir: string,
  searchPaths: readonly string[],
  options: { seconds: number; connections: number; logLevel: string },
  log: (line: string) => void,
): Promise<HttpRatioResult> {
  const appPort = await freePort()
  const barePort = await freePort()
  const uncachedPort = await freePort()
  const pathsFile = path.join(os.tmpdir(), `anxin-bench-paths-${process.pid}.json`)
  fs.writeFileSync(pathsFile, JSON.stringify(searchPaths))
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'httpServers.ts')], {
    cwd: REPO_ROOT,
    env: { ...stripDatabaseUrl(process.env), DATA_DIR: dataDir, APP_PORT: String(appPort), UNCACHED_PORT: String(uncachedPort), BARE_PORT: String(barePort), LOG_LEVEL: options.logLevel, SEARCH_PATHS_FILE: pathsFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  try {
    await waitFor(`http://127.0.0.1:${appPort}/healthz`, child, () => stderr)
    await waitFor(`http://127.0.0.1:${barePort}/bare`, child, () => stderr)
    // Every search must be a valid question with an answer, or the ratio measures errors;
    // and both apps must give the same answers.
    for (const p of searchPaths.slice(0, 20)) {
      const response = await fetch(`http://127.0.0.1:${appPort}${p}`)
      if (response.status !== 200) throw new Error(`search ${p} answered ${response.status}: ${await response.text()}`)
      const body = await response.text()
      const uncached = await (await fetch(`http://127.0.0.1:${uncachedPort}${p}`)).text()
      if (uncached !== body) throw new Error(`search ${p} answered differently with the page cache off`)
      const same = await (await fetch(`http://127.0.0.1:${barePort}${p}`)).text()
      if (same !== uncached) throw new Error(`search ${p}: the same-bytes route does not answer the same bytes`)
    }
    log(`http: warming up the routes (2 s each) …`)
    await drive('warm-up bare', `http://127.0.0.1:${barePort}`, ['/bare'], 2, options.connections)
    await drive('warm-up search', `http://127.0.0.1:${appPort}`, searchPaths, 2, options.connections)
    await drive('warm-up search, no cache', `http://127.0.0.1:${uncachedPort}`, searchPaths, 2, options.connections)
    log(`http: bare route for ${options.seconds} s, ${options.connections} connections …`)
    const bare = await drive('bare Fastify GET /bare', `http://127.0.0.1:${barePort}`, ['/bare'], options.seconds, options.connections)
    log(`http: search route for ${options.seconds} s, ${options.connections} connections, ${searchPaths.length} different searches …`)
    const search = await drive('GET /api/v1/institutions', `http://127.0.0.1:${appPort}`, searchPaths, options.seconds, options.connections)
    await drive('warm-up same bytes', `http://127.0.0.1:${barePort}`, searchPaths, 2, options.connections)
    const sameBytesRounds: LoadResult[] = []
    const uncachedRounds: LoadResult[] = []
    const driveSameBytes = async () => sameBytesRounds.push(await drive('bare Fastify, same bytes precomputed', `http://127.0.0.1:${barePort}`, searchPaths, options.seconds, options.connections))
    const driveUncached = async () => uncachedRounds.push(await drive('GET /api/v1/institutions, no page cache', `http://127.0.0.1:${uncachedPort}`, searchPaths, options.seconds, options.connections))
    for (let round = 0; round < PAIRED_ROUNDS; round++) {
      log(`http: round ${round + 1} of ${PAIRED_ROUNDS}: same-bytes route and search route with the page cache off, ${options.seconds} s each …`)
      if (round % 2 === 0) {
        await driveSameBytes()
        await driveUncached()
      } else {
        await driveUncached()
        await driveSameBytes()
      }
    }
    const sameBytes = pooled(sameBytesRounds)
    const uncachedSearch = pooled(uncachedRounds)
    return {
      bare,
      search,
      ratio: search.requestsPerSecond / bare.requestsPerSecond,
      uncachedSearch,
      uncachedRatio: uncachedSearch.requestsPerSecond / bare.requestsPerSecond,
      sameBytes,
      uncachedVsSameBytes: uncachedSearch.requestsPerSecond / sameBytes.requestsPerSecond,
      cachedVsSameBytes: search.requestsPerSecond / sameBytes.requestsPerSecond,
      roundRatios: uncachedRounds.map((u, i) => u.requestsPerSecond / sameBytesRounds[i].requestsPerSecond),
      sameBytesRounds,
      uncachedRounds,
      distinctSearches: searchPaths.length,
      seconds: options.seconds,
      connections: options.connections,
      logLevel: options.logLevel,
    }
  } finally {
    fs.rmSync(pathsFile, { force: true })
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    const code = await exited
    clearTimeout(timer)
    if (code !== 0) log(`http: server child exited with ${code}\n${stderr}`)
  }
}

/** Rounds of equal length as one run: requests per second over all of them; the slowest round's p99. */
function pooled(rounds: readonly LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r), 0)
  const p50s = rounds.map((r) => r.latencyP50Ms).sort((a, b) => a - b)
  return {
    label: `${rounds[0].label} (${rounds.length} rounds)`,
    requestsPerSecond: sum((r) => r.requestsPerSecond) / rounds.length,
    latencyP50Ms: p50s[Math.floor(p50s.length / 2)],
    latencyP99Ms: Math.max(...rounds.map((r) => r.latencyP99Ms)),
    total: sum((r) => r.total),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
  }
}

function stripDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env }
  delete copy.DATABASE_URL
  return copy
}

async function waitFor(url: string, child: { exitCode: number | null }, output: () => string): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`benchmark server exited with ${child.exitCode}:\n${output()}`)
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} not ready within 120 s:\n${output()}`)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}
