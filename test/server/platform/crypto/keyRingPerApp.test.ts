import crypto from 'node:crypto'
import { FastifyInstance } from 'fastify'
import { YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { insertSlotRow, monthFromNow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { testConfig } from '@test/support/testConfig'
import { buildApp } from '@server/app'
import { EncryptionKey, KeyRing } from '@server/platform/crypto/fieldCipher'
import { complaintBody } from '../../features/complaint/complaintFixtures'

/*
 * The key ring belongs to the app that buildApp made (docs/architecture.md,
 * "Encryption"), not to the process: two apps built in one process with different keys
 * — here on one database, the hardest case — each read the numbers they stored, and
 * neither reads the other's. A value under a key an app does not hold is refused with
 * the reason in the log, never turned into a wrong number. With a key ring kept in a
 * module global, the app built last would encrypt and decrypt for both.
 */

const PHONE_OF_A = { booking: '13811110001', enrollment: '13811110002', complaint: '13811110003' }
const PHONE_OF_B = { booking: '13922220001', enrollment: '13922220002', complaint: '13922220003' }
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/

interface Stored {
  bookingId: string
  enrollmentId: string
}

/** A booking, an enrollment application and a complaint through `app`, with the given numbers. */
async function storeThrough(app: FastifyInstance, parent: TestSession, institutionId: string, db: TestApp['db'], phones: typeof PHONE_OF_A): Promise<Stored> {
  const child = await addChild(app, parent)
  const slotId = await insertSlotRow(db, { institutionId })
  const booked = await postBooking(app, parent, { slotId, childId: child.id, contactName: '王女士', contactPhone: phones.booking })
  expect(booked).toMatchObject({ status: 201, body: { contactPhone: phones.booking } })
  const applied = await requestJson(
    app,
    'POST',
    '/api/v1/enrollments',
    { institutionId, childId: child.id, careMode: 'full_day', startMonth: monthFromNow(1), contactPhone: phones.enrollment },
    parent.headers,
  )
  expect(applied).toMatchObject({ status: 201, body: { contactPhone: phones.enrollment } })
  const filed = await requestJson(app, 'POST', '/api/v1/complaints', complaintBody({ institutionId, contactPhone: phones.complaint }), parent.headers)
  expect(filed.status).toBe(201)
  return { bookingId: (booked.body as { id: string }).id, enrollmentId: (applied.body as { id: string }).id }
}

describe.each(TEST_BACKENDS)('two apps in one process with different key rings, on %s', (backend) => {
  const keyA: EncryptionKey = { id: 'app-a', key: crypto.randomBytes(32) }
  const keyB: EncryptionKey = { id: 'app-b', key: crypto.randomBytes(32) }
  let a: TestApp
  let b: FastifyInstance
  const logOfB: string[] = []
  let parent: TestSession
  let ofA: Stored
  let ofB: Stored

  beforeAll(async () => {
    a = await openTestApp(backend, { config: { encryptionKeys: [keyA] } })
    await seedInstitutions(a.db, [
      { id: 'inst-a', districtCode: YUBEI.code },
      { id: 'inst-b', districtCode: YUBEI.code },
    ])
    // Built after A: a key ring set process-wide by the last buildApp would now serve A too.
    b = await buildApp({
      config: testConfig({ h5Dist: a.h5Dist, wechatApiBase: a.wechat.url, demoLogin: true, signInRateLimitPerMinute: 10_000, logLevel: 'error', encryptionKeys: [keyB] }),
      db: a.db,
      logStream: { write: (line) => void logOfB.push(line) },
    })
    // The session lives in the shared database, so one sign-in works on both apps.
    parent = await signInParent(a.app)
    ofA = await storeThrough(a.app, parent, 'inst-a', a.db, PHONE_OF_A)
    ofB = await storeThrough(b, parent, 'inst-b', a.db, PHONE_OF_B)
  })
  afterAll(async () => {
    await b?.close()
    await a?.close()
  })

  it('stores each app’s numbers under its own key', async () => {
    const rows = await a.db.query<{ source: string; institution: string; contact_phone: string }>(
      `select 'booking' as source, s.institution_id as institution, b.contact_phone from bookings b join slots s on s.id = b.slot_id
       union all select 'enrollment', institution_id, contact_phone from enrollments
       union all select 'complaint', institution_id, contact_phone from complaints`,
    )
    expect(rows.rows).toHaveLength(6)
    for (const row of rows.rows) {
      expect(row.contact_phone.startsWith(row.institution === 'inst-a' ? 'enc1:app-a:' : 'enc1:app-b:')).toBe(true)
    }
  })

  it('lets each app read the numbers it stored', async () => {
    expect(await requestJson(a.app, 'GET', `/api/v1/bookings/${ofA.bookingId}`, undefined, parent.headers)).toMatchObject({ status: 200, body: { contactPhone: PHONE_OF_A.booking } })
    expect(await requestJson(a.app, 'GET', `/api/v1/enrollments/${ofA.enrollmentId}`, undefined, parent.headers)).toMatchObject({ status: 200, body: { contactPhone: PHONE_OF_A.enrollment } })
    expect(await requestJson(b, 'GET', `/api/v1/bookings/${ofB.bookingId}`, undefined, parent.headers)).toMatchObject({ status: 200, body: { contactPhone: PHONE_OF_B.booking } })
    expect(await requestJson(b, 'GET', `/api/v1/enrollments/${ofB.enrollmentId}`, undefined, parent.headers)).toMatchObject({ status: 200, body: { contactPhone: PHONE_OF_B.enrollment } })
  })

  it('refuses, in both directions, to read what the other app stored, and never answers a number', async () => {
    const crossReads = [
      await requestJson(b, 'GET', `/api/v1/bookings/${ofA.bookingId}`, undefined, parent.headers),
      await requestJson(b, 'GET', `/api/v1/enrollments/${ofA.enrollmentId}`, undefined, parent.headers),
      await requestJson(a.app, 'GET', `/api/v1/bookings/${ofB.bookingId}`, undefined, parent.headers),
      await requestJson(a.app, 'GET', `/api/v1/enrollments/${ofB.enrollmentId}`, undefined, parent.headers),
    ]
    for (const answer of crossReads) {
      expect(answer).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL' } } })
      expect(JSON.stringify(answer.body)).not.toMatch(MOBILE)
    }
    // The log says why (the key's id itself is redacted like every quoted value).
    expect(logOfB.join('\n')).toMatch(/cannot decrypt a value of encryption key .*key not configured/)
  })
})

describe('a key ring', () => {
  it('refuses a value of another key with the same id instead of decrypting it to a wrong number', () => {
    const ours = new KeyRing([{ id: 'k1', key: crypto.randomBytes(32) }])
    const theirs = new KeyRing([{ id: 'k1', key: crypto.randomBytes(32) }])
    const stored = theirs.encrypt(PHONE_OF_A.booking)
    expect(theirs.decrypt(stored)).toBe(PHONE_OF_A.booking)
    expect(() => ours.decrypt(stored)).toThrow('cannot decrypt a value of encryption key "k1": the configured key does not match or the value is damaged')
  })

  it('is needed to build an app: no keys is refused, not replaced by a throwaway key', async () => {
    const t = await openTestApp('pglite')
    try {
      await expect(buildApp({ config: testConfig({ h5Dist: t.h5Dist, encryptionKeys: undefined }), db: t.db })).rejects.toThrow(/buildApp needs config\.encryptionKeys/)
    } finally {
      await t.close()
    }
  })
})
