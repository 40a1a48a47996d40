import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../server/app'
import { upsertDistricts, upsertInstitutions } from '../server/features/find/institutionWriter'
import { institutionRecord, TEST_DISTRICTS } from '../test/fixtures/institutions'
import { createFamilies, Family, openPostgresSchema, overbookedSlots } from '../test/support/postgresHarness'
import { createRandom as seededRandom } from '../server/demo/random'
import { percentile, round } from './stats'
import { testConfig } from '@test/support/testConfig'

/*
 * `tsx bench/booking.ts`: booking throughput under contention on real PostgreSQL.
 * A listening server, CLIENTS concurrent clients booking random slots for a fixed time
 * (half of the bookings they get are cancelled again at once, so places keep churning
 * through the capacity guard), then a check that no slot was ever overbooked: for
 * every slot booked ≤ capacity and booked = the bookings holding a place.
 * Database: BENCH_DATABASE_URL, else TEST_DATABASE_URL (a schema of its own, dropped
 * afterwards); without either it prints SKIP. Flags: --seconds N, --clients N.
 */

// Few places for many clients: slots fill, SLOT_FULL answers come, cancellations free places again.
const SLOTS = 20
const CAPACITY = 10
const FAMILIES = 2000

interface Sample {
  ms: number
  status: number
  code?: string
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (!url) {
    console.log('SKIP booking benchmark: it needs PostgreSQL (PGlite runs one transaction at a time, so it shows no contention); set BENCH_DATABASE_URL or TEST_DATABASE_URL')
    return
  }
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '50' } } })
  const seconds = Number(values.seconds)
  const clients = Number(values.clients)
  console.log(`安心托育 booking benchmark — ${clients} clients, ${seconds} s, ${SLOTS} slots × ${CAPACITY} places, node ${process.version}, ${os.cpus().length} CPUs`)

  const pg = await openPostgresSchema(url, Math.max(20, clients))
  const h5Dist = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-bench-h5-'))
  fs.writeFileSync(path.join(h5Dist, 'index.html'), '<!doctype html><title>安心托育</title>')
  const app = await buildApp({ config: testConfig({ h5Dist, logLevel: 'warn' }), db: pg.db })
  try {
    await upsertDistricts(pg.db, TEST_DISTRICTS)
    await upsertInstitutions(pg.db, [institutionRecord({ id: 'bench' })])
    await pg.db.query(
      `insert into slots (id, institution_id, kind, title, starts_at, ends_at, capacity)
       select 'bench-' || n, 'bench', 'open_day', '开放日', now() + make_interval(days => n), now() + make_interval(days => n, hours => 2), $1
       from generate_series(1, $2) as n`,
      [CAPACITY, SLOTS],
    )
    const families = await createFamilies(pg.db, FAMILIES)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

    const bookings: Sample[] = []
    const cancels: Sample[] = []
    const random = seededRandom(20260310)
    const deadline = Date.now() + seconds * 1000

    async function timed(method: string, url: string, family: Family, body: unknown, extra: Record<string, string> = {}): Promise<Sample & { body: unknown }> {
      const started = performance.now()
      const response = await fetch(base + url, {
        method,
        headers: { 'content-type': 'application/json', ...family.headers, ...extra },
        body: JSON.stringify(body),
      })
      const json = (await response.json()) as { error?: { code: string } }
      return { ms: performance.now() - started, status: response.status, code: json.error?.code, body: json }
    }

    async function client(): Promise<void> {
      while (Date.now() < deadline) {
        const family = random.pick(families)
        const slotId = `bench-${random.int(1, SLOTS)}`
        const body = { slotId, childId: family.childId, contactName: '压测', contactPhone: '13800000000' }
        const booked = await timed('POST', '/api/v1/bookings', family, body, { 'idempotency-key': crypto.randomUUID() })
        bookings.push(booked)
        if (booked.status === 201 && random.chance(0.5)) {
          cancels.push(await timed('POST', `/api/v1/bookings/${(booked.body as { id: string }).id}/cancel`, family, {}))
        }
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({ length: clients }, client))
    const elapsed = (performance.now() - started) / 1000

    const overbooked = await overbookedSlots(pg.db)
    const totals = await pg.db.query<{ booked: number; capacity: number }>(`select sum(booked) as booked, sum(capacity) as capacity from slots`)
    const count = (samples: Sample[], f: (s: Sample) => boolean) => samples.filter(f).length
    const latencies = bookings.map((s) => s.ms)
    console.log('')
    console.table({
      'POST /bookings': {
        requests: bookings.length,
        'per second': round(bookings.length / elapsed, 1),
        'p50 ms': round(percentile(latencies, 50), 1),
        'p95 ms': round(percentile(latencies, 95), 1),
        booked: count(bookings, (s) => s.status === 201),
        SLOT_FULL: count(bookings, (s) => s.code === 'SLOT_FULL'),
        'other 4xx': count(bookings, (s) => s.status >= 400 && s.status < 500 && s.code !== 'SLOT_FULL'),
        '5xx': count(bookings, (s) => s.status >= 500),
      },
      'POST /bookings/:id/cancel': {
        requests: cancels.length,
        'per second': round(cancels.length / elapsed, 1),
        'p50 ms': round(percentile(cancels.map((s) => s.ms), 50), 1),
        'p95 ms': round(percentile(cancels.map((s) => s.ms), 95), 1),
        booked: 0,
        SLOT_FULL: 0,
        'other 4xx': count(cancels, (s) => s.status >= 400 && s.status < 500),
        '5xx': count(cancels, (s) => s.status >= 500),
      },
    })
    console.log(`bookings made: ${round(count(bookings, (s) => s.status === 201) / elapsed, 1)}/s; places held at the end: ${totals.rows[0].booked} of ${totals.rows[0].capacity}`)
    const fiveHundreds = count(bookings, (s) => s.status >= 500) + count(cancels, (s) => s.status >= 500)
    const checks = [
      { pass: overbooked.length === 0, bar: 'no slot overbooked; booked = place-holding bookings', value: overbooked.length === 0 ? 'all slots agree' : JSON.stringify(overbooked) },
      { pass: fiveHundreds === 0, bar: 'no 5xx', value: String(fiveHundreds) },
    ]
    for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.bar}: ${check.value}`)
    if (checks.some((c) => !c.pass)) process.exitCode = 1
  } finally {
    await app.close()
    await pg.drop()
    fs.rmSync(h5Dist, { recursive: true, force: true })
  }
}

main().catch((error: Error) => {
  console.error(error)
  process.exit(1)
})
