import crypto from 'node:crypto'
import { YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { testConfig } from '@test/support/testConfig'
import { insertSlotRow, monthFromNow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent } from '@test/support/session'
import { Database } from '@server/platform/db/database'
import { buildApp } from '@server/app'
import { KeyRing } from '@server/platform/crypto/fieldCipher'
import { encryptStoredPhones } from '@server/storedPhones'
import { complaintBody } from '../../features/complaint/complaintFixtures'

/*
 * Phone numbers at rest (issue 11): bookings, enrollments, complaints and the stored
 * answers of idempotent requests keep no phone number in plain text; the owner still
 * reads theirs, staff see it masked; rows of before encryption are encrypted by the
 * start-up migration, and rotation re-encrypts everything under the new key.
 */

const BOOKING_PHONE = '13812345678'
const ENROLLMENT_PHONE = '13912345678'
const COMPLAINT_PHONE = '13787654321'
const LEGACY_PHONE = '15011112222'

/** Every row of every table as text, except the public directory of institutions (their business numbers are published). */
async function databaseDump(db: Database): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = current_schema() and tablename not in ('institutions', 'schema_migrations')`,
  )
  const parts: string[] = []
  for (const { name } of tables.rows) {
    const rows = await db.query(`select row_to_json(t)::text as row from "${name}" t`)
    parts.push(...rows.rows.map((r) => String((r as { row: string }).row)))
  }
  return parts.join('\n')
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g

describe.each(TEST_BACKENDS)('phone numbers at rest on %s', (backend) => {
  let t: TestApp
  const firstKey = { id: 'first', key: crypto.randomBytes(32) }
  beforeAll(async () => {
    t = await openTestApp(backend, { config: { encryptionKeys: [firstKey] } })
    await seedInstitutions(t.db, [{ id: 'inst-p', districtCode: YUBEI.code }])
  })
  afterAll(() => t.close())

  it('stores no phone number in plain text, and gives each reader what they may see', async () => {
    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    const slotId = await insertSlotRow(t.db, { institutionId: 'inst-p' })
    const key = crypto.randomUUID()
    const booked = await postBooking(t.app, parent, { slotId, childId: child.id, contactName: '王女士', contactPhone: BOOKING_PHONE }, key)
    expect(booked).toMatchObject({ status: 201, body: { contactPhone: BOOKING_PHONE } })
    // The replay of the stored answer is the first answer, number included.
    expect(await postBooking(t.app, parent, { slotId, childId: child.id, contactName: '王女士', contactPhone: BOOKING_PHONE }, key)).toEqual(booked)
    const applied = await requestJson(
      t.app,
      'POST',
      '/api/v1/enrollments',
      { institutionId: 'inst-p', childId: child.id, careMode: 'full_day', startMonth: monthFromNow(1), contactPhone: ENROLLMENT_PHONE },
      parent.headers,
    )
    expect(applied).toMatchObject({ status: 201, body: { contactPhone: ENROLLMENT_PHONE } })
    const filed = await requestJson(t.app, 'POST', '/api/v1/complaints', complaintBody({ institutionId: 'inst-p', contactPhone: COMPLAINT_PHONE }), parent.headers)
    expect(filed.status).toBe(201)
    // 马上查 still works with the last four digits.
    const trackingNo = (filed.body as { trackingNo: string }).trackingNo
    expect((await requestJson(t.app, 'GET', `/api/v1/complaints/${trackingNo}?phoneLast4=4321`)).status).toBe(200)

    const dump = await databaseDump(t.db)
    expect(dump.match(MOBILE) ?? []).toEqual([])
    expect(dump).toContain('enc1:')
  })

  it('encrypts rows stored before encryption and re-encrypts everything under a new key', async () => {
    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    const slotId = await insertSlotRow(t.db, { institutionId: 'inst-p' })
    const booked = await postBooking(t.app, parent, { slotId, childId: child.id, contactName: '李先生', contactPhone: LEGACY_PHONE })
    const bookingId = (booked.body as { id: string }).id
    // As a row written before issue 11 would be.
    await t.db.query(`update bookings set contact_phone = $1 where id = $2`, [LEGACY_PHONE, bookingId])

    const oldKey = { id: 'old', key: crypto.randomBytes(32) }
    const newKey = { id: 'new', key: crypto.randomBytes(32) }
    expect(await encryptStoredPhones(t.db, new KeyRing([oldKey, firstKey]))).toBeGreaterThan(0)
    const rotated = new KeyRing([newKey, oldKey])
    expect(await encryptStoredPhones(t.db, rotated)).toBeGreaterThan(0)
    // Nothing is left under the old key, and a second run has nothing to do.
    const stored = await t.db.query<{ contact_phone: string }>(`select contact_phone from bookings union all select contact_phone from enrollments union all select contact_phone from complaints`)
    expect(stored.rows.every((r) => r.contact_phone.startsWith('enc1:new:'))).toBe(true)
    expect(await encryptStoredPhones(t.db, rotated)).toBe(0)
    // The parent still reads their number, from a server started with the new key first
    // (README: put the new key first, restart, rotate).
    const restarted = await buildApp({ config: testConfig({ h5Dist: t.h5Dist, demoLogin: true, encryptionKeys: [newKey, oldKey] }), db: t.db })
    try {
      const mine = await requestJson(restarted, 'GET', `/api/v1/bookings/${bookingId}`, undefined, parent.headers)
      expect(mine).toMatchObject({ status: 200, body: { contactPhone: LEGACY_PHONE } })
    } finally {
      await restarted.close()
    }
  })
})

describe('the key ring', () => {
  it('refuses a value whose key is not configured, and a tampered value', () => {
    const ring = new KeyRing([{ id: 'a', key: crypto.randomBytes(32) }])
    const stored = ring.encrypt(BOOKING_PHONE)
    expect(ring.decrypt(stored)).toBe(BOOKING_PHONE)
    expect(stored).not.toContain(BOOKING_PHONE)
    expect(ring.encrypt(BOOKING_PHONE)).not.toBe(stored) // a fresh IV every time
    expect(() => new KeyRing([{ id: 'b', key: crypto.randomBytes(32) }]).decrypt(stored)).toThrow(/key not configured/)
    const parts = stored.split(':')
    parts[3] = Buffer.from('13800000000').toString('base64url')
    expect(() => ring.decrypt(parts.join(':'))).toThrow()
  })
})
