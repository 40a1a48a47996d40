import fs from 'node:fs'
import path from 'node:path'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { signInRegulator } from '@test/support/staffAccounts'
import { bookingBody, insertSlotRow, monthFromNow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'
import { BEIBEI, YUBEI } from '@test/fixtures/institutions'
import { bigFilingList } from '@test/support/bigFilingList'

const DRY_RUN_GUARD_MS = 10_000
const FIXTURES = path.resolve(__dirname, '../../../../fixtures/filing-lists')
const sample = fs.readFileSync(path.join(FIXTURES, 'yubei-sample.csv'), 'utf8')

describe.each(TEST_BACKENDS)('a regulator imports the district’s filing list on %s', (backend) => {
  let t: TestApp
  let regulator: TestSession
  let family: TestSession

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [
      { id: 'kept-off-list', districtCode: YUBEI.code },
      { id: 'beibei-inst', districtCode: BEIBEI.code, filing: { number: 'BEIBEI-1', filedOn: '2023-01-01', authority: '北碚区卫生健康委员会', status: 'filed' } },
    ])
    regulator = await signInRegulator(t, YUBEI.code)
    family = await signInParent(t.app)
    const child = await addChild(t.app, family)
    const slotId = await insertSlotRow(t.db, { institutionId: 'kept-off-list', kind: 'open_day' })
    expect((await postBooking(t.app, family, bookingBody(slotId, child.id))).status).toBe(201)
  })
  afterAll(() => t.close())

  const upload = (csv: string, apply: boolean, who: TestSession = regulator) =>
    t.app.inject({ method: 'POST', url: `/api/v1/staff/filing-list?apply=${apply}`, headers: { ...who.headers, 'content-type': 'text/csv' }, payload: csv })

  it('reports first, writes nothing, then applies the same report; the same file again changes nothing', async () => {
    const dry = await upload(sample, false)
    expect(dry.statusCode).toBe(200)
    const report = dry.json()
    expect(report).toMatchObject({ applied: false, accepted: 2, added: 2, changed: 0, closed: [{ id: 'kept-off-list' }], familiesTold: 1 })
    expect(report.refused).toEqual([{ line: 4, reason: expect.stringContaining('不属于本区县') }])
    expect(report.addedInstitutions).toEqual([
      { id: expect.any(String), filingNumber: '测试备〔2024〕001号', name: '（测试数据）渝北区龙溪街道样例托育园', line: 2 },
      { id: expect.any(String), filingNumber: '测试备〔2024〕002号', name: '（测试数据）渝北区两路街道样例幼儿园', line: 3 },
    ])
    expect(report.changedInstitutions).toEqual([])
    const stillFiled = await t.db.query<{ filing_status: string }>(`select filing_status from institutions where id = 'kept-off-list'`)
    expect(stillFiled.rows[0].filing_status).toBe('filed')
    expect((await t.db.query(`select 1 from notification_outbox where dedupe_key = 'institution_closed'`)).rowCount).toBe(0)

    const applied = (await upload(sample, true)).json()
    expect({ ...applied, applied: false }).toEqual(report)
    const closed = await t.db.query<{ filing_status: string }>(`select filing_status from institutions where id = 'kept-off-list'`)
    expect(closed.rows[0].filing_status).toBe('revoked')
    const told = await t.db.query<{ user_id: string }>(`select user_id from notification_outbox where dedupe_key = 'institution_closed'`)
    expect(told.rows.map((r) => r.user_id)).toEqual([family.userId])
    // Another district's institution is untouched.
    expect((await t.db.query<{ filing_status: string }>(`select filing_status from institutions where id = 'beibei-inst'`)).rows[0].filing_status).toBe('filed')

    const again = (await upload(sample, true)).json()
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 2, closed: [], familiesTold: 0 })
  })

  it('tells a family with an application, not only a booking, when the institution leaves the list, and counts it once', async () => {
    await seedInstitutions(t.db, [{ id: 'applied-off-list', districtCode: YUBEI.code, filing: { number: 'APPLIED-1', filedOn: '2023-01-01', authority: '重庆市渝北区卫生健康委员会', status: 'filed' } }])
    const applicant = await signInParent(t.app)
    const child = await addChild(t.app, applicant)
    const applied = await requestJson(
      t.app,
      'POST',
      '/api/v1/enrollments',
      { institutionId: 'applied-off-list', childId: child.id, careMode: 'full_day', startMonth: monthFromNow(1), contactPhone: '13812345678' },
      applicant.headers,
    )
    expect(applied.status).toBe(201)
    // the same family also booked an open day there: two notices, one family
    const slotId = await insertSlotRow(t.db, { institutionId: 'applied-off-list', kind: 'open_day' })
    expect((await postBooking(t.app, applicant, bookingBody(slotId, child.id))).status).toBe(201)
    const report = (await upload(sample, true)).json()
    expect(report).toMatchObject({ closed: [{ id: 'applied-off-list', filingNumber: 'APPLIED-1' }], familiesTold: 1 })
    const told = await t.db.query<{ user_id: string; kind: string }>(`select user_id, kind from notification_outbox where dedupe_key = 'institution_closed' and user_id = $1 order by kind`, [applicant.userId])
    expect(told.rows).toEqual([
      { user_id: applicant.userId, kind: 'booking_status' },
      { user_id: applicant.userId, kind: 'enrollment_status' },
    ])
  })

  it('names each changed institution with what changed, and the line of its row', async () => {
    const lines = sample.split('\n')
    // The second row gets a new name and another phone number; the first row is as stored.
    const cells = lines[2].split(',')
    const header = lines[0].split(',')
    cells[header.indexOf('机构名称')] = '（测试数据）渝北区两路街道样例幼儿园（新址）'
    cells[header.indexOf('联系电话')] = '023-60000000'
    const changed = [lines[0], lines[1], cells.join(','), lines[3]].join('\n')
    const report = (await upload(changed, false)).json()
    expect(report).toMatchObject({ added: 0, changed: 1, unchanged: 1 })
    expect(report.changedInstitutions).toEqual([
      { id: expect.any(String), filingNumber: '测试备〔2024〕002号', name: '（测试数据）渝北区两路街道样例幼儿园（新址）', line: 3, fields: ['name', 'phone'] },
    ])
  })

  it('gives the dry-run report of 10,000 rows with bad ones in under 10 s, naming every refused row', async () => {
    const { csv, badLines } = bigFilingList(10_000, 250)
    const started = Date.now()
    const answer = await upload(csv, false)
    const ms = Date.now() - started
    expect(answer.statusCode).toBe(200)
    const report = answer.json() as { accepted: number; added: number; refused: { line: number; reason: string }[] }
    console.log(`filing list dry run: 10,000 rows (${badLines.length} bad) in ${ms} ms on ${backend}`)
    // Issue 9's bar is 10 s. Inside jest (whose sandbox makes zod several times slower than
    // the server runs it) this took 5–9.6 s on a loaded 2-core machine before each distinct
    // cell was checked once per file (filingRow.ts) and Papa Parse read the CSV; 4.0–6.9 s
    // after, at load averages of 16–20 (a weapp build alongside). `npm run bench`
    // (bench/filingImport.ts) measures it as the server runs it: 1.8 s cold at load 18.
    expect(ms).toBeLessThan(DRY_RUN_GUARD_MS)
    expect(report.accepted).toBe(10_000 - badLines.length)
    expect(report.added).toBe(10_000 - badLines.length)
    expect(report.refused.map((r) => r.line)).toEqual(badLines)
    expect(report.refused.every((r) => r.reason.length > 0)).toBe(true)
    expect((await t.db.query(`select 1 from institutions where filing_number like '大表备%'`)).rowCount).toBe(0)
  }, 60_000)

  it('refuses parents, empty or foreign files, and a body that is not CSV', async () => {
    expect((await upload(sample, false, family)).statusCode).toBe(403)
    const header = sample.split('\n')[0]
    const empty = await upload(`${header}\n`, true)
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.message).toContain('没有本区县的有效行')
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/staff/filing-list', headers: regulator.headers, payload: { rows: [] } })
    expect(json.statusCode).toBe(400)
    expect((await t.db.query<{ n: number }>(`select count(*)::int as n from institutions where district_code = $1 and filing_status = 'filed'`, [YUBEI.code])).rows[0].n).toBeGreaterThan(0)
  })
})
