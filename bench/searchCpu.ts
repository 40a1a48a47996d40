import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_SEED as DATA_SEED } from '../server/demo/generator'
import { createRandom as seededRandom } from '../server/demo/random'
import { openDatabase } from '../server/platform/db/openDatabase'
import { ensureDataset } from './dataset'
import { freePort } from './httpRatio'
import { drive } from './load'
import { Place, randomNearbySearch, toSearchPath } from './searchMix'
import { round } from './stats'

/*
 * Where the search route's time goes, for whoever works on issue 11's bar 8 (uncached
 * search ≥ 50% of the same-bytes route): the same child process and questions as
 * `npm run bench` (bench/httpServers.ts, the run's HTTP searches), but reporting the
 * server's own CPU time per request of the same-bytes route and of the uncached search
 * route, read from /proc (Linux). On a machine others share, requests per second swing
 * with their load while CPU time per request moves much less, so this tells whether a
 * change cut real work. --cpu-prof DIR also writes the child's V8 CPU profile there
 * (open it in Chrome DevTools or a flame-graph viewer). Not part of `npm run bench`.
 *   npx tsx bench/searchCpu.ts [--seconds 8] [--count 10000] [--cpu-prof /tmp/prof]
 */

const SEED = 20240601

function childCpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 per second).
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, count: { type: 'string', default: '10000' }, 'cpu-prof': { type: 'string' } } })
  const seconds = Number(values.seconds)
  const dataset = await ensureDataset(Number(values.count), DATA_SEED, false, console.log)
  const { db } = await openDatabase({ dataDir: dataset.dataDir }, (error) => {
    throw error
  })
  const places = (await db.query<Place>('select lat, lng, street from institutions order by id')).rows
  await db.close()
  // The questions of bench/run.ts's HTTP part: the same generator stream.
  const random = seededRandom(SEED + 1)
  const searchPaths = Array.from({ length: 200 }, () => toSearchPath(randomNearbySearch(random, places)))
  const pathsFile = path.join(os.tmpdir(), `anxin-search-cpu-${process.pid}.json`)
  fs.writeFileSync(pathsFile, JSON.stringify(searchPaths))
  const [appPort, uncachedPort, barePort] = [await freePort(), await freePort(), await freePort()]
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : []
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataset.dataDir, APP_PORT: String(appPort), UNCACHED_PORT: String(uncachedPort), BARE_PORT: String(barePort), LOG_LEVEL: 'warn', SEARCH_PATHS_FILE: pathsFile }
  delete env.DATABASE_URL
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join('bench', 'httpServers.ts')], { cwd: path.join(__dirname, '..'), env, stdio: ['ignore', 'ignore', 'inherit'] })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  try {
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`http://127.0.0.1:${barePort}/bare`).then((r) => r.ok, () => false)
      if (ready) break
      if (tries > 1200 || child.exitCode !== null) throw new Error('the benchmark servers did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const routes = [
      { label: 'same bytes, precomputed', url: `http://127.0.0.1:${barePort}` },
      { label: 'search, no page cache', url: `http://127.0.0.1:${uncachedPort}` },
    ]
    const rows: Record<string, { 'req/s': number; 'server CPU µs/req': number }> = {}
    for (const route of routes) {
      await drive('warm-up', route.url, searchPaths, 2, 10)
      const before = childCpuMs(child.pid!)
      const result = await drive(route.label, route.url, searchPaths, seconds, 10)
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${route.label}: ${result.non2xx} non-2xx, ${result.errors} errors`)
      rows[route.label] = { 'req/s': round(result.requestsPerSecond, 0), 'server CPU µs/req': round(((childCpuMs(child.pid!) - before) * 1000) / result.total, 1) }
    }
    console.table(rows)
    const [same, search] = Object.values(rows)
    console.log(`uncached search / same bytes: ${round((100 * search['req/s']) / same['req/s'], 1)}% of req/s, ${round((100 * same['server CPU µs/req']) / search['server CPU µs/req'], 1)}% by server CPU per request; load average ${round(os.loadavg()[0])}`)
  } finally {
    fs.rmSync(pathsFile, { force: true })
    child.kill('SIGTERM')
    await exited
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
