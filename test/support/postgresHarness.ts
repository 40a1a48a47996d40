import crypto from 'node:crypto'
import { Pool } from 'pg'
import { hashSessionToken, newSessionToken } from '../../server/features/accounts/sessionToken'
import { Database } from '../../server/platform/db/database'
import { migrate } from '../../server/platform/db/migrate'
import { openPostgres, quoteIdentifier } from '../../server/platform/db/postgres'
import { TestSession } from './session'

/*
 * Real PostgreSQL for the concurrency tests and the booking benchmark: a schema of its
 * own with a pool big enough for hundreds of requests in flight, and signed-in parents
 * made straight in the database (sign-in through HTTP is rate-limited per address).
 */

export interface PostgresSchema {
  db: Database
  schema: string
  /** The connection URL with this schema first on the search_path, for other processes. */
  urlWithSchema: string
  drop(): Promise<void>
}

export async function openPostgresSchema(url: string, maxConnections: number): Promise<PostgresSchema> {
  const schema = `conc_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  const admin = new Pool({ connectionString: url, max: 1 })
  await admin.query(`create schema ${quoteIdentifier(schema)}`)
  await admin.end()
  const db = await openPostgres(url, { schema, maxConnections })
  await migrate(db)
  const withSchema = new URL(url)
  withSchema.searchParams.set('options', `-c search_path=${schema}`)
  return {
    db,
    schema,
    urlWithSchema: withSchema.toString(),
    async drop() {
      await db.close()
      const cleanup = new Pool({ connectionString: url, max: 1 })
      await cleanup.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`)
      await cleanup.end()
    },
  }
}

export interface Family extends TestSession {
  childId: string
}

/** n signed-in parents, each with one child born `ageMonths` months ago. */
export async function createFamilies(db: Database, n: number, ageMonths = 18): Promise<Family[]> {
  const families: Family[] = []
  const birth = new Date(Date.now() - ageMonths * 30.5 * 86400_000).toISOString().slice(0, 10)
  for (let i = 0; i < n; i++) {
    const userId = crypto.randomUUID()
    const token = newSessionToken()
    const childId = crypto.randomUUID()
    families.push({ userId, token, childId, headers: { authorization: `Bearer ${token}` } })
  }
  // One statement per table keeps set-up fast with hundreds of parents.
  await db.query(`insert into users (id, nickname) select unnest($1::text[]), '家长'`, [families.map((f) => f.userId)])
  await db.query(`insert into sessions (token_hash, user_id, expires_at) select unnest($1::text[]), unnest($2::text[]), now() + interval '1 day'`, [
    families.map((f) => hashSessionToken(f.token)),
    families.map((f) => f.userId),
  ])
  await db.query(`insert into children (id, user_id, nickname, birth_date) select unnest($1::text[]), unnest($2::text[]), '小宝', $3::date`, [
    families.map((f) => f.childId),
    families.map((f) => f.userId),
    birth,
  ])
  return families
}

/** A signed-in staff member of the institution. */
export async function createStaff(db: Database, institutionId: string): Promise<TestSession> {
  const [family] = await createFamilies(db, 1)
  await db.query(`insert into memberships (id, user_id, role, institution_id) values ($1, $1, 'institution_staff', $2)`, [family.userId, institutionId])
  return family
}

/** Every slot's booked count against the bookings that hold a place: both must agree and fit. */
export async function overbookedSlots(db: Database): Promise<{ id: string; booked: number; capacity: number; holding: number }[]> {
  const result = await db.query<{ id: string; booked: number; capacity: number; holding: number }>(
    `select s.id, s.booked, s.capacity, count(b.id) as holding
     from slots s left join bookings b on b.slot_id = s.id and b.status in ('pending', 'confirmed', 'attended', 'no_show')
     group by s.id
     having s.booked > s.capacity or s.booked <> count(b.id)`,
  )
  return result.rows
}
