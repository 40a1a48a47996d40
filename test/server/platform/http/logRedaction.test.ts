import { Database, Transaction } from '@server/platform/db/database'
import { redactMessage, serializeError } from '@server/platform/http/logRedaction'
import { openTestApp, TestApp } from '@test/support/app'
import { YUBEI } from '@test/fixtures/institutions'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { requestJson, signInParent } from '@test/support/session'
import { complaintBody } from '../../features/complaint/complaintFixtures'

/*
 * The redaction rule (logRedaction.ts): an internal error in the middle of filing a
 * complaint is logged so it can be debugged, and nothing the complainant typed reaches
 * the log — even though the failing database hands over the SQL parameters, as PGlite
 * and node-postgres do on their errors.
 */

const PHONE = '13987654321'
const DESCRIPTION = '老师把孩子关在小黑屋里一个下午，回家后一直哭着说害怕。'

/** Makes the complaint insert fail like a database would, carrying the row's values. */
function failComplaintInserts(db: Database): void {
  const original = db.transaction.bind(db)
  db.transaction = <T>(fn: (tx: Transaction) => Promise<T>) =>
    original((tx) => {
      const failing: Transaction = {
        exec: (sql) => tx.exec(sql),
        query: async (sql, params) => {
          if (/insert into complaints/i.test(sql)) {
            const error = Object.assign(new Error(`value too long for type character varying(20): "${PHONE}"`), {
              code: '22001',
              query: sql,
              params,
              detail: `Failing row contains (${(params ?? []).join(', ')}).`,
            })
            throw error
          }
          return tx.query(sql, params)
        },
      }
      return fn(failing)
    })
}

describe('what the server logs', () => {
  let t: TestApp
  const lines: string[] = []
  beforeAll(async () => {
    t = await openTestApp('pglite', { config: { logLevel: 'info' }, logStream: { write: (line) => void lines.push(line) } })
    await seedInstitutions(t.db, [{ id: 'inst-c', districtCode: YUBEI.code }])
    failComplaintInserts(t.db)
  })
  afterAll(() => t.close())

  it('logs an internal error during a complaint without the phone number, the description or who filed it', async () => {
    const parent = await signInParent(t.app, '投诉的家长')
    const answer = await requestJson(
      t.app,
      'POST',
      `/api/v1/complaints?phone=${PHONE}`,
      complaintBody({ contactPhone: PHONE, description: DESCRIPTION }),
      parent.headers,
    )
    expect(answer.status).toBe(500)
    const log = lines.join('')
    // Useful to debug: the failure is there with its kind, code and place in the code.
    expect(log).toContain('unexpected error')
    expect(log).toContain('22001')
    expect(log).toContain('/api/v1/complaints')
    // Nothing personal, in any form.
    for (const secret of [PHONE, PHONE.slice(-4), DESCRIPTION, DESCRIPTION.slice(0, 6), parent.userId, parent.token]) {
      expect(log).not.toContain(secret)
    }
  })

  it('redacts quoted values, digit runs and long tokens from error messages', () => {
    expect(redactMessage('duplicate key value "abc" for 13912345678 token eyJhbGciOiJIUzI1NiJ9abcdefgh')).toBe(
      'duplicate key value [已隐去] for [已隐去] token [已隐去]',
    )
  })

  it('keeps only type, code, message and stack of an error, dropping what libraries attach', () => {
    const error = Object.assign(new TypeError('boom'), { params: [PHONE], detail: PHONE, code: 'XX000' })
    const logged = serializeError(error)
    expect(Object.keys(logged).filter((k) => (logged as unknown as Record<string, unknown>)[k] !== undefined).sort()).toEqual(['code', 'message', 'stack', 'type'])
    expect(JSON.stringify(logged)).not.toContain(PHONE)
  })
})
