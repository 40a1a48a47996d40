import fs from 'node:fs'
import path from 'node:path'
import { Database } from '@server/platform/db/database'
import { formatReport, importFilingList } from '@server/features/find/filingImport/importCli'
import { idForFilingNumber } from '@server/features/find/filingImport/filingCsv'
import { openTestDatabase, TEST_BACKENDS, TestDatabase } from '@test/support/database'
import { repoPath } from '@test/support/repoPaths'

const FIXTURES = repoPath('test', 'fixtures', 'filing-lists')
const sample = fs.readFileSync(path.join(FIXTURES, 'yubei-sample.csv'))
const withErrors = fs.readFileSync(path.join(FIXTURES, 'with-errors.csv'))
const TODAY = '2026-11-23'

describe.each(TEST_BACKENDS)('importing a filing list on %s', (backend) => {
  let test: TestDatabase
  let db: Database

  beforeAll(async () => {
    test = await openTestDatabase(backend)
    db = test.db
  })
  beforeEach(() => test.truncate())
  afterAll(() => test.close())

  /** Every row of every table the import touches, timestamps included. */
  async function everything() {
    const tables = ['districts', 'institutions', 'institution_care_modes', 'institution_classes', 'inspections', 'rectification_notices']
    const out: Record<string, unknown[]> = {}
    for (const table of tables) out[table] = (await db.query(`select * from ${table} order by 1, 2`)).rows
    return out
  }

  it('writes the accepted rows, creating the districts they name', async () => {
    const { result, changes } = await importFilingList(db, sample, { dryRun: false, today: TODAY })
    expect(changes).toEqual({ inserted: 3, updated: 0, unchanged: 0 })
    const rows = await db.query<{ id: string; district_code: string; is_demo: boolean }>(
      'select id, district_code, is_demo from institutions order by filing_number',
    )
    expect(rows.rows.map((r) => r.id).sort()).toEqual(result.accepted.map((r) => r.id).sort())
    expect(rows.rows.map((r) => r.id)).toContain(idForFilingNumber('测试备〔2024〕001号'))
    expect(rows.rows.every((r) => r.is_demo === false)).toBe(true)
    const districts = await db.query<{ code: string }>('select code from districts order by code')
    expect(districts.rows.map((d) => d.code)).toEqual(['500109', '500112'])
  })

  it('writes nothing with --dry-run, yet reports the same rows', async () => {
    const before = await everything()
    const dry = await importFilingList(db, withErrors, { dryRun: true, today: TODAY })
    expect(dry.changes).toBeUndefined()
    expect(dry.result.accepted).toHaveLength(2)
    expect(dry.result.rejected).toHaveLength(11)
    expect(await everything()).toEqual(before)
    expect(formatReport({ file: 'with-errors.csv', dryRun: true, result: dry.result })).toContain('第 3 行：未知的区县')
  })

  it('changes nothing, not even updated_at, when the same file is imported again', async () => {
    await importFilingList(db, sample, { dryRun: false, today: TODAY })
    const before = await everything()
    const again = await importFilingList(db, sample, { dryRun: false, today: TODAY })
    expect(again.changes).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
    expect(await everything()).toEqual(before)
    const report = formatReport({ file: 'yubei-sample.csv', dryRun: false, ...again })
    expect(report).toContain('新增 0、更新 0、未变 3')
  })

  it('updates a row in place, by filing number, when the list changes it', async () => {
    await importFilingList(db, sample, { dryRun: false, today: TODAY })
    const changed = Buffer.from(sample.toString('utf8').replace('2800,1600,45,180', '3000,1600,45,180'))
    const again = await importFilingList(db, changed, { dryRun: false, today: TODAY })
    expect(again.changes).toEqual({ inserted: 0, updated: 1, unchanged: 2 })
    const fee = await db.query<{ fee_fen: number }>(
      `select fee_fen from institution_care_modes where institution_id = $1 and mode = 'full_day'`,
      [idForFilingNumber('测试备〔2024〕001号')],
    )
    expect(fee.rows).toEqual([{ fee_fen: 300_000 }])
    expect((await db.query('select 1 from institutions')).rowCount).toBe(3)
  })

  it('keeps the inspections, rectification notices and ratings regulators and reviews wrote when a row is re-imported', async () => {
    await importFilingList(db, sample, { dryRun: false, today: TODAY })
    const id = idForFilingNumber('测试备〔2024〕001号')
    // Written after the import, as a regulator's inspection, a notice and a parent's review would be.
    await db.query(
      `insert into inspections (id, institution_id, inspected_on, authority, result, summary)
       values ('insp-1', $1, '2025-03-02', '重庆市渝北区卫生健康委员会', 'rectification_required', '消防通道堆放杂物')`,
      [id],
    )
    await db.query(
      `insert into rectification_notices (id, institution_id, issued_on, due_on, authority, issue, completed_on)
       values ('notice-1', $1, '2025-03-02', '2025-04-02', '重庆市渝北区卫生健康委员会', '消防通道堆放杂物', null)`,
      [id],
    )
    await db.query('update institutions set rating_sum = rating_sum + 5, rating_count = rating_count + 1 where id = $1', [id])

    const changed = Buffer.from(sample.toString('utf8').replace('2800,1600,45,180', '3000,1600,45,180'))
    const again = await importFilingList(db, changed, { dryRun: false, today: TODAY })
    expect(again.changes).toEqual({ inserted: 0, updated: 1, unchanged: 2 })

    const fee = await db.query(`select fee_fen from institution_care_modes where institution_id = $1 and mode = 'full_day'`, [id])
    expect(fee.rows).toEqual([{ fee_fen: 300_000 }])
    const inspections = await db.query('select id from inspections where institution_id = $1', [id])
    expect(inspections.rows).toEqual([{ id: 'insp-1' }])
    const notices = await db.query('select id, completed_on from rectification_notices where institution_id = $1', [id])
    expect(notices.rows).toEqual([{ id: 'notice-1', completed_on: null }])
    const rating = await db.query('select rating_sum, rating_count from institutions where id = $1', [id])
    expect(rating.rows).toEqual([{ rating_sum: 5, rating_count: 1 }])

    // The same file once more: nothing the list carries has changed, so nothing is written.
    const before = await everything()
    const same = await importFilingList(db, changed, { dryRun: false, today: TODAY })
    expect(same.changes).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
    expect(await everything()).toEqual(before)
  })

  it('imports the good rows of a file with bad ones and reports each bad line', async () => {
    const { result, changes } = await importFilingList(db, withErrors, { dryRun: false, today: TODAY })
    expect(changes).toEqual({ inserted: 2, updated: 0, unchanged: 0 })
    const report = formatReport({ file: 'with-errors.csv', dryRun: false, result, changes })
    expect(report).toContain('通过校验：2 行；未通过：11 行')
    for (const line of [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]) expect(report).toContain(`第 ${line} 行：`)
  })
})
