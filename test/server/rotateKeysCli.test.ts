import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FastifyInstance } from 'fastify'
import { tinyH5Dist } from '@test/support/app'
import { insertSlotRow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'
import { openPostgresSchema } from '@test/support/postgresHarness'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { testConfig } from '@test/support/testConfig'
import { buildApp } from '@server/app'
import { Config } from '@server/config'
import { EncryptionKey } from '@server/platform/crypto/fieldCipher'
import { encryptionKeysOf, keyFilePath } from '@server/platform/crypto/keyFile'
import { Database } from '@server/platform/db/database'
import { migrate } from '@server/platform/db/migrate'
import { openDatabase } from '@server/platform/db/openDatabase'

/*
 * `npm run keys:rotate` (server/rotateKeysCli.ts), run as its own process exactly as the
 * script runs it, makes its own key ring (docs/architecture.md, "Encryption"):
 * - in a development data folder it puts a new key first in the folder's key file and
 *   re-encrypts every stored number with it;
 * - with DATA_ENCRYPTION_KEYS (production; here on PostgreSQL when the run has one) it
 *   re-encrypts under the first key of the list.
 * Either way a server started afterwards with the keys of after the rotation reads the
 * number the parent gave.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..')
const PHONE = '13855556666'

function runRotation(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/rotateKeysCli.ts'], {
    cwd: REPO_ROOT,
    // An empty variable counts as not set (loadConfig), so the run's own settings cannot leak in.
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: '', DATA_ENCRYPTION_KEYS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })))
}

function appConfig(h5Dist: string, keys: EncryptionKey[], overrides: Partial<Config> = {}): Config {
  return testConfig({ h5Dist, demoLogin: true, signInRateLimitPerMinute: 10_000, encryptionKeys: keys, ...overrides })
}

/** A parent's booking with PHONE, made through the app as a family would. */
async function bookThrough(app: FastifyInstance, db: Database): Promise<{ parent: TestSession; bookingId: string }> {
  await seedInstitutions(db, [{ id: 'inst-rotate' }])
  const parent = await signInParent(app)
  const child = await addChild(app, parent)
  const slotId = await insertSlotRow(db, { institutionId: 'inst-rotate' })
  const booked = await postBooking(app, parent, { slotId, childId: child.id, contactName: '赵女士', contactPhone: PHONE })
  expect(booked.status).toBe(201)
  return { parent, bookingId: (booked.body as { id: string }).id }
}

async function storedPhone(db: Database, bookingId: string): Promise<string> {
  const result = await db.query<{ contact_phone: string }>(`select contact_phone from bookings where id = $1`, [bookingId])
  return result.rows[0].contact_phone
}

async function readThrough(config: Config, db: Database, parent: TestSession, bookingId: string) {
  const app = await buildApp({ config, db })
  try {
    return await requestJson(app, 'GET', `/api/v1/bookings/${bookingId}`, undefined, parent.headers)
  } finally {
    await app.close()
  }
}

describe('npm run keys:rotate', () => {
  const h5Dist = tinyH5Dist()
  afterAll(() => fs.rmSync(h5Dist, { recursive: true, force: true }))

  it('in a development data folder: puts a new key first in the key file and re-encrypts under it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-rotate-'))
    try {
      // The folder as `npm start` leaves it: its development key made and said so.
      const settings = { ...testConfig({ h5Dist, dataDir, databaseUrl: undefined }), encryptionKeys: undefined }
      const said: string[] = []
      const developmentKeys = encryptionKeysOf(settings, (message) => said.push(message))
      expect(said.join('\n')).toContain('已在数据目录生成开发用加密密钥')
      const before = await openDatabase(settings, () => undefined)
      let booking: Awaited<ReturnType<typeof bookThrough>>
      try {
        await migrate(before.db)
        const app = await buildApp({ config: appConfig(h5Dist, developmentKeys), db: before.db })
        try {
          booking = await bookThrough(app, before.db)
        } finally {
          await app.close()
        }
        expect(await storedPhone(before.db, booking.bookingId)).toMatch(new RegExp(`^enc1:${developmentKeys[0].id}:`))
      } finally {
        await before.db.close()
      }

      const run = await runRotation({ DATA_DIR: dataDir })
      expect(run).toMatchObject({ code: 0 })
      expect(run.output).toMatch(/重新加密 [1-9]\d* 个手机号/)

      const rotatedKeys = encryptionKeysOf(settings, () => undefined)
      expect(rotatedKeys.map((k) => k.id)).toEqual([expect.not.stringMatching(`^${developmentKeys[0].id}$`), developmentKeys[0].id])
      expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600)
      const after = await openDatabase(settings, () => undefined)
      try {
        expect(await storedPhone(after.db, booking.bookingId)).toMatch(new RegExp(`^enc1:${rotatedKeys[0].id}:`))
        // The new key alone reads it: nothing is left under the old one.
        const read = await readThrough(appConfig(h5Dist, [rotatedKeys[0]]), after.db, booking.parent, booking.bookingId)
        expect(read).toMatchObject({ status: 200, body: { contactPhone: PHONE } })
      } finally {
        await after.db.close()
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 120_000)

  const onPostgres = process.env.TEST_DATABASE_URL ? it : it.skip
  onPostgres('with DATA_ENCRYPTION_KEYS: re-encrypts under the first key of the list', async () => {
    const pg = await openPostgresSchema(process.env.TEST_DATABASE_URL!, 4)
    try {
      const oldKey: EncryptionKey = { id: 'old', key: crypto.randomBytes(32) }
      const newKey: EncryptionKey = { id: 'new', key: crypto.randomBytes(32) }
      const app = await buildApp({ config: appConfig(h5Dist, [oldKey]), db: pg.db })
      let booking: Awaited<ReturnType<typeof bookThrough>>
      try {
        booking = await bookThrough(app, pg.db)
      } finally {
        await app.close()
      }
      expect(await storedPhone(pg.db, booking.bookingId)).toMatch(/^enc1:old:/)

      const list = [newKey, oldKey].map((k) => `${k.id}:${k.key.toString('base64')}`).join(',')
      const run = await runRotation({ DATABASE_URL: pg.urlWithSchema, DATA_ENCRYPTION_KEYS: list })
      expect(run).toMatchObject({ code: 0 })
      expect(run.output).toMatch(/重新加密 [1-9]\d* 个手机号/)

      expect(await storedPhone(pg.db, booking.bookingId)).toMatch(/^enc1:new:/)
      const read = await readThrough(appConfig(h5Dist, [newKey]), pg.db, booking.parent, booking.bookingId)
      expect(read).toMatchObject({ status: 200, body: { contactPhone: PHONE } })
    } finally {
      await pg.drop()
    }
  }, 120_000)
})
