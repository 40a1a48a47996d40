import { spawnSync } from 'node:child_process'
import path from 'node:path'

/*
 * `npm run bench`: the search benchmark (bench/run.ts, which takes the arguments given
 * to npm), the booking benchmark (bench/booking.ts, on PostgreSQL) and the H5 app on
 * "Slow 4G" (bench/h5Slow4g.ts) and the filing-list import's dry run of 10,000 rows
 * (bench/filingImport.ts). Each runs in
 * its own process so neither one's warm caches or heap skew the other. Exit 1 if either
 * misses a bar.
 */

const TSX_BIN = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx')

function run(script: string, args: string[]): number {
  const result = spawnSync(TSX_BIN, [path.join(__dirname, script), ...args], { stdio: 'inherit' })
  return result.status ?? 1
}

const search = run('run.ts', process.argv.slice(2))
console.log('')
const booking = run('booking.ts', [])
console.log('')
const h5 = run('h5Slow4g.ts', [])
console.log('')
const filingImport = run('filingImport.ts', [])
process.exit(search !== 0 || booking !== 0 || h5 !== 0 || filingImport !== 0 ? 1 : 0)
