import { bookableIdsReader, KEEP_MS } from '@server/features/booking/bookableIds'
import { Database } from '@server/platform/db/database'
import { onlyReads } from '@server/platform/db/pglite'
import { insertSlotRow, seedInstitutions } from '@test/support/bookingFixtures'
import { openTestDatabase, TEST_BACKENDS, TestDatabase } from '@test/support/database'

/*
 * The 可预约 set as GET /institutions reads it (issue 11 speed, issue 12 truth): never
 * behind a write, whichever way the write came, and read afresh when time may have moved it.
 */

/** Counts the 可预约 reads that reach the database. */
function counting(db: Database): { db: Database; reads: () => number } {
  let reads = 0
  const counted: Database = Object.create(db)
  counted.query = (sql, params) => {
    if (sql.includes('distinct s.institution_id')) reads++
    return db.query(sql, params)
  }
  return { db: counted, reads: () => reads }
}

describe.each(TEST_BACKENDS)('the 可预约 set for searches (%s)', (backend) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase(backend)
    await seedInstitutions(t.db, [{ id: 'inst-a' }, { id: 'inst-b' }])
    await insertSlotRow(t.db, { institutionId: 'inst-a', startsInHours: 72 })
  })
  afterAll(() => t.close())

  it('follows a write made with plain SQL at once', async () => {
    const bookable = bookableIdsReader(t.db)
    expect([...(await bookable())]).toEqual(['inst-a'])
    await insertSlotRow(t.db, { institutionId: 'inst-b', startsInHours: 72 })
    expect([...(await bookable())].sort()).toEqual(['inst-a', 'inst-b'])
    await t.db.query(`update slots set booked = capacity where institution_id = 'inst-a'`)
    expect([...(await bookable())]).toEqual(['inst-b'])
  })

  it('follows a write made in a transaction at once', async () => {
    const bookable = bookableIdsReader(t.db)
    expect([...(await bookable())]).toEqual(['inst-b'])
    await t.db.transaction(async (tx) => {
      await tx.query(`update slots set booked = 0 where institution_id = 'inst-a'`)
    })
    expect([...(await bookable())].sort()).toEqual(['inst-a', 'inst-b'])
  })

  it('shares one read among the requests of one moment', async () => {
    const { db, reads } = counting(t.db)
    const bookable = bookableIdsReader(db)
    await Promise.all([bookable(), bookable(), bookable(), bookable()])
    expect(reads()).toBe(1)
  })

  it('reads again once the clock may have moved the set, even with nothing written', async () => {
    const { db, reads } = counting(t.db)
    let clock = Date.now()
    const bookable = bookableIdsReader(db, () => clock)
    await bookable()
    await bookable()
    // Only the embedded database can vouch that nothing was written in between.
    expect(reads()).toBe(backend === 'pglite' ? 1 : 2)
    clock += KEEP_MS
    await bookable()
    expect(reads()).toBe(backend === 'pglite' ? 2 : 3)
  })
})

describe('which statements count as changes', () => {
  it('counts anything but a plain read', () => {
    expect(onlyReads('select id from slots where id = $1')).toBe(true)
    expect(onlyReads('  SELECT 1')).toBe(true)
    for (const sql of ['insert into slots values (1)', 'update slots set booked = 1', 'delete from slots', 'with x as (update slots set booked = 1 returning id) select * from x', "select nextval('s')", 'truncate slots', 'select pg_advisory_lock(1)']) {
      expect(onlyReads(sql)).toBe(false)
    }
  })
})
