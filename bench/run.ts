import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../server/platform/db/openDatabase'
import { LiveSearchIndex } from '../server/features/find/searchIndex/liveSearchIndex'
import { findInstitutions } from '../server/features/find/institutionSearch'
import { measureColdStart } from './coldStart'
import { ensureDataset } from './dataset'
import { freePort, measureHttpRatio } from './httpRatio'
import { measureInProcess } from './inProcess'
import { createRandom as seededRandom } from '../server/demo/random'
import { Place, randomNearbySearch, toSearchPath } from './searchMix'
import { round } from './stats'
import { DEFAULT_SEED as DATA_SEED } from '../server/demo/generator'

/*
 * `npm run bench`: the search bars of issue 2, all measured in one run.
 *   - nearby search with filters, in-process, 100,000 institutions: p95 ≤ 15 ms
 *   - HTTP search route ≥ 40% of a bare Fastify route's requests per second (as
 *     configured, page cache on; the same route with the cache off is reported too)
 *   - cold `npm start` on an existing data folder ≤ 5 s
 * Flags: --quick (10,000 institutions, shorter HTTP runs), --count N, --fresh (rebuild
 * the dataset), --seconds N, --connections N, --log-level LEVEL.
 */

/** issue 11: the uncached search route against a route sending the same bytes precomputed, same run. */
const BARS = { inProcessP95Ms: 15, httpRatio: 0.4, coldStartMs: 5000, sameBytesRatio: 0.5 }
/** Seeds the questions asked; the data uses the generator's own default seed. */
const SEED = 20240601

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      count: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
    },
  })
  const count = values.count ? Number(values.count) : values.quick ? 10_000 : 100_000
  const seconds = values.seconds ? Number(values.seconds) : values.quick ? 5 : 10
  const connections = values.connections ? Number(values.connections) : 10
  const searches = 1000
  const log = (line: string) => console.log(line)
  const startedAt = new Date()
  const loadAtStart = os.loadavg()

  log(`安心托育 search benchmark — ${count} institutions, node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`)
  const h5Build = path.join(__dirname, '..', 'dist-h5')
  if (!fs.existsSync(path.join(h5Build, 'index.html'))) throw new Error('dist-h5/index.html is missing: run `npm run build:h5` first (the cold start measures starts with the app built)')
  // Copied now: a rebuild elsewhere during the run must not turn a cold start into a build.
  const h5Copy = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-bench-h5-'))
  fs.cpSync(h5Build, h5Copy, { recursive: true })
  const dataset = await ensureDataset(count, DATA_SEED, values.fresh, log)

  // In-process: the server's search function on the benchmark's database.
  const { db } = await openDatabase({ dataDir: dataset.dataDir }, (error) => {
    throw error
  })
  let places: Place[]
  let inProcess
  try {
    places = (await db.query<Place>('select lat, lng, street from institutions order by id')).rows
    const random = seededRandom(SEED)
    const queries = Array.from({ length: searches }, () => randomNearbySearch(random, places))
    // As the server does: searches answer from the in-memory index once it is loaded.
    const searchIndex = new LiveSearchIndex(db, { info: log, error: (message, error) => log(`${message}: ${String(error)}`) })
    try {
      await searchIndex.refresh()
      log(`in-process: ${searches} nearby searches with random filters (after 200 warm-up) …`)
      inProcess = await measureInProcess((search) => findInstitutions(db, search, searchIndex), queries, 200)
    } finally {
      await searchIndex.close()
    }
  } finally {
    await db.close()
  }

  // HTTP: a rotating set of searches from a different stream of the same generator.
  const httpRandom = seededRandom(SEED + 1)
  const searchPaths = Array.from({ length: 200 }, () => toSearchPath(randomNearbySearch(httpRandom, places)))
  const http = await measureHttpRatio(dataset.dataDir, searchPaths, { seconds, connections, logLevel: values['log-level']! }, log)

  // Cold start with the H5 build present, as on every start after the first.
  const startEnv = { H5_DIST: h5Copy }
  log('cold start: 3 × spawn → first 200 from /healthz on the benchmark folder …')
  const coldLarge = await measureColdStart(dataset.dataDir, await freePort(), 3, startEnv)
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-bench-demo-'))
  log('cold start: first start on a new demo folder (migrates and seeds, not timed), then 3 timed starts …')
  await measureColdStart(demoDir, await freePort(), 1, startEnv)
  const coldDemo = await measureColdStart(demoDir, await freePort(), 3, startEnv)
  fs.rmSync(demoDir, { recursive: true, force: true })
  fs.rmSync(h5Copy, { recursive: true, force: true })

  const checks = [
    { bar: `in-process nearby search p95 ≤ ${BARS.inProcessP95Ms} ms`, value: `${round(inProcess.p95Ms)} ms`, pass: inProcess.p95Ms <= BARS.inProcessP95Ms },
    { bar: `HTTP search req/s ≥ ${BARS.httpRatio * 100}% of bare Fastify`, value: `${round(http.ratio * 100, 1)}%`, pass: http.ratio >= BARS.httpRatio && http.search.non2xx === 0 && http.search.errors === 0 },
    {
      bar: `uncached HTTP search req/s ≥ ${BARS.sameBytesRatio * 100}% of a route sending the same bytes precomputed`,
      value: `${round(http.uncachedVsSameBytes * 100, 1)}% over ${http.roundRatios.length} alternating rounds (each: ${http.roundRatios.map((r) => `${round(r * 100, 1)}%`).join(', ')}; page cache on: ${round(http.cachedVsSameBytes * 100, 1)}%)`,
      pass: http.uncachedVsSameBytes >= BARS.sameBytesRatio && http.uncachedSearch.non2xx === 0 && http.sameBytes.non2xx === 0,
    },
    { bar: `cold start (${count} institutions) ≤ ${BARS.coldStartMs / 1000} s`, value: `${round(coldLarge.medianMs / 1000)} s`, pass: coldLarge.medianMs <= BARS.coldStartMs && coldLarge.exitCodes.every((c) => c === 0) },
    { bar: `cold start (demo data) ≤ ${BARS.coldStartMs / 1000} s`, value: `${round(coldDemo.medianMs / 1000)} s`, pass: coldDemo.medianMs <= BARS.coldStartMs && coldDemo.exitCodes.every((c) => c === 0) },
  ]

  const row = (p50: string, p95: string, p99: string, rps: string, note: string) => ({ p50, p95, p99, 'req/s': rps, note })
  const ms = (value: number) => `${round(value)} ms`
  console.log('')
  console.table({
    'in-process search': row(ms(inProcess.p50Ms), ms(inProcess.p95Ms), ms(inProcess.p99Ms), '', `${inProcess.searches} searches, max ${round(inProcess.maxMs)} ms, ${round(inProcess.meanItems, 1)} items avg, ${round(inProcess.emptyShare * 100)}% empty`),
    'HTTP bare Fastify': row(ms(http.bare.latencyP50Ms), '', ms(http.bare.latencyP99Ms), String(round(http.bare.requestsPerSecond, 0)), `${http.bare.total} req, ${http.bare.non2xx} non-2xx, ${http.bare.errors} errors`),
    'HTTP search route': row(ms(http.search.latencyP50Ms), '', ms(http.search.latencyP99Ms), String(round(http.search.requestsPerSecond, 0)), `${http.search.total} req, ${http.search.non2xx} non-2xx, ${http.search.errors} errors; ratio ${round(http.ratio, 3)}`),
    'HTTP search, no cache': row(ms(http.uncachedSearch.latencyP50Ms), '', ms(http.uncachedSearch.latencyP99Ms), String(round(http.uncachedSearch.requestsPerSecond, 0)), `${http.uncachedSearch.total} req, ${http.uncachedSearch.non2xx} non-2xx, ${http.uncachedSearch.errors} errors; ratio ${round(http.uncachedRatio, 3)} (SEARCH_PAGE_CACHE_SIZE=0)`),
    'HTTP same bytes, precomputed': row(ms(http.sameBytes.latencyP50Ms), '', ms(http.sameBytes.latencyP99Ms), String(round(http.sameBytes.requestsPerSecond, 0)), `${http.sameBytes.total} req, ${http.sameBytes.non2xx} non-2xx; uncached search / this = ${round(http.uncachedVsSameBytes, 3)} (${http.roundRatios.length} alternating rounds)`),
    [`cold start, ${count}`]: row(ms(coldLarge.medianMs), '', '', '', `runs ${coldLarge.runsMs.map((v) => Math.round(v)).join(', ')} ms; exit codes ${coldLarge.exitCodes.join(',')}`),
    'cold start, demo data': row(ms(coldDemo.medianMs), '', '', '', `runs ${coldDemo.runsMs.map((v) => Math.round(v)).join(', ')} ms; exit codes ${coldDemo.exitCodes.join(',')}`),
  })
  const loadAtEnd = os.loadavg()
  console.log(`machine load average (1 min) at start ${round(loadAtStart[0])}, at end ${round(loadAtEnd[0])} on ${os.cpus().length} CPUs: other processes skew every number when it is high`)
  console.log(`HTTP: ${http.seconds} s per route (the same-bytes route and the uncached search: ${http.roundRatios.length} alternating rounds of ${http.seconds} s each), ${http.connections} connections, ${http.distinctSearches} distinct searches, app LOG_LEVEL=${http.logLevel}; cold start = node --import tsx server/main.ts, as npm start (npm's own start-up not included)`)
  console.log(`HTTP search route as configured: the ${http.distinctSearches} searches fit its page cache, so it measures mostly cache hits; "no cache" is every request searched and serialised (informational, no bar)`)
  for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.bar}: ${check.value}`)

  const resultsDir = path.join(__dirname, 'results')
  fs.mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `search-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(
    file,
    JSON.stringify({ startedAt, node: process.version, cpus: os.cpus().length, loadAverage: { start: loadAtStart, end: loadAtEnd }, count, dataset, inProcess, http, coldStart: { large: coldLarge, demo: coldDemo }, checks }, null, 2),
  )
  console.log(`results: ${file}`)
  if (checks.some((c) => !c.pass)) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
