import { Database, Queryable } from '@server/platform/db/database'
import { upsertDistricts, upsertInstitutions, upsertInstitutionsIn } from '@server/features/find/institutionWriter'
import { openTestDatabase, TEST_BACKENDS, TestDatabase } from '@test/support/database'
import { sampleRecord } from './sampleRecord'

const YUBEI = { code: '500112', name: '渝北区', province: '重庆市', city: '重庆市', center: { lat: 29.718, lng: 106.631 } }

describe.each(TEST_BACKENDS)('institutionWriter on %s', (backend) => {
  let test: TestDatabase
  let db: Database

  // One database for the file, emptied before each test.
  beforeAll(async () => {
    test = await openTestDatabase(backend)
    db = test.db
  })
  beforeEach(async () => {
    await test.truncate()
    await upsertDistricts(db, [YUBEI])
  })
  afterAll(async () => {
    await test.close()
  })

  async function snapshot() {
    const rows = await db.query('select * from institutions order by id')
    const modes = await db.query('select * from institution_care_modes order by institution_id, mode')
    const classes = await db.query('select * from institution_classes order by institution_id, class_type')
    const inspections = await db.query('select * from inspections order by id')
    const notices = await db.query('select * from rectification_notices order by id')
    return { rows: rows.rows, modes: modes.rows, classes: classes.rows, inspections: inspections.rows, notices: notices.rows }
  }

  it('inserts an institution with its care modes, classes and inspections', async () => {
    const counts = await upsertInstitutions(db, [sampleRecord()])
    expect(counts).toEqual({ inserted: 1, updated: 0, unchanged: 0 })
    const { rows, modes, classes, inspections } = await snapshot()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: 'test-1', filing_number: 'TEST-500112-0001', filed_on: '2023-05-10', photos: [], demonstration_level: null })
    expect(modes.map((m) => [m.mode, m.fee_fen, m.unit])).toEqual([
      ['full_day', 250_000, 'per_month'],
      ['hourly', 4_500, 'per_hour'],
    ])
    expect(classes).toHaveLength(2)
    expect(inspections).toHaveLength(1)
  })

  it('fills search_text so pinyin initials and full pinyin of the street match', async () => {
    await upsertInstitutions(db, [sampleRecord()])
    const { rows } = await db.query<{ search_text: string }>('select search_text from institutions')
    expect(rows[0].search_text).toContain('lxjd')
    expect(rows[0].search_text).toContain('longxi')
    expect(rows[0].search_text).toContain('龙溪街道')
  })

  it('writes nothing when the same record comes again, not even updated_at', async () => {
    await upsertInstitutions(db, [sampleRecord()])
    const before = await snapshot()
    const counts = await upsertInstitutions(db, [sampleRecord()])
    expect(counts).toEqual({ inserted: 0, updated: 0, unchanged: 1 })
    expect(await snapshot()).toEqual(before)
  })

  it('keeps the stored id when a known filing number arrives under another id, and replaces its child rows', async () => {
    await upsertInstitutions(db, [sampleRecord()])
    const changed = sampleRecord({
      id: 'other-id',
      name: '（演示数据）渝北区龙溪街道小橙子托育园（新址）',
      careModes: [{ mode: 'half_day', fee: 120_000, unit: 'per_month' }],
      classes: [{ type: 'preschool', classCount: 2, capacity: 40, enrolled: 20 }],
      capacity: 40,
      enrolled: 20,
      inspections: [],
      rectifications: [
        { id: 'r1', issuedOn: '2025-06-01', dueOn: '2025-07-01', authority: '重庆市渝北区卫生健康委员会', issue: '消防通道堆放杂物', completedOn: null },
      ],
    })
    const counts = await upsertInstitutions(db, [changed])
    expect(counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
    const { rows, modes, classes, inspections, notices } = await snapshot()
    expect(rows.map((r) => r.id)).toEqual(['test-1'])
    expect(rows[0].name).toContain('新址')
    expect(modes.map((m) => m.mode)).toEqual(['half_day'])
    expect(classes.map((c) => [c.class_type, c.capacity])).toEqual([['preschool', 40]])
    expect(inspections).toEqual([])
    expect(notices.map((n) => [n.institution_id, n.completed_on])).toEqual([['test-1', null]])
  })

  describe("with scope 'filing_fields'", () => {
    /** The same institution as a filing list gives it: no inspections, notices, ratings or photos. */
    function asFiled(overrides: Parameters<typeof sampleRecord>[0] = {}) {
      return sampleRecord({ inspections: [], rectifications: [], ratingSum: 0, ratingCount: 0, photos: [], isDemo: false, ...overrides })
    }
    const NOTICE = { id: 'r1', issuedOn: '2025-06-01', dueOn: '2025-07-01', authority: '重庆市渝北区卫生健康委员会', issue: '消防通道堆放杂物', completedOn: null }

    beforeEach(async () => {
      await upsertInstitutions(db, [sampleRecord({ rectifications: [NOTICE], photos: ['https://example.com/a.jpg'], isDemo: false })])
    })

    it('updates the filing columns, care modes and classes, and keeps inspections, notices, ratings and photos', async () => {
      const before = await snapshot()
      const changed = asFiled({
        name: '（演示数据）渝北区龙溪街道小橙子托育园（新址）',
        careModes: [{ mode: 'full_day', fee: 280_000, unit: 'per_month' }],
        classes: [{ type: 'preschool', classCount: 2, capacity: 40, enrolled: 20 }],
        capacity: 40,
        enrolled: 20,
      })
      expect(await upsertInstitutions(db, [changed], { scope: 'filing_fields' })).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
      const after = await snapshot()
      expect(after.rows[0]).toMatchObject({ id: 'test-1', capacity: 40, rating_sum: 9, rating_count: 2, photos: ['https://example.com/a.jpg'] })
      expect(after.rows[0].name).toContain('新址')
      expect(after.rows[0].search_text).toContain('新址')
      expect(after.modes.map((m) => [m.mode, m.fee_fen])).toEqual([['full_day', 280_000]])
      expect(after.classes.map((c) => [c.class_type, c.capacity])).toEqual([['preschool', 40]])
      expect(after.inspections).toEqual(before.inspections)
      expect(after.notices).toEqual(before.notices)
    })

    it('reports unchanged, and writes nothing, when only what the list does not carry differs', async () => {
      const before = await snapshot()
      expect(await upsertInstitutions(db, [asFiled()], { scope: 'filing_fields' })).toEqual({ inserted: 0, updated: 0, unchanged: 1 })
      expect(await snapshot()).toEqual(before)
    })

    it('inserts a new institution whole, as the default scope does', async () => {
      const fresh = sampleRecord({
        id: 'test-2',
        filing: { ...sampleRecord().filing, number: 'TEST-2' },
        inspections: [{ ...sampleRecord().inspections[0], id: 'test-2-i1' }],
        rectifications: [{ ...NOTICE, id: 'r2' }],
      })
      expect(await upsertInstitutions(db, [fresh], { scope: 'filing_fields' })).toEqual({ inserted: 1, updated: 0, unchanged: 0 })
      const { rows, inspections, notices } = await snapshot()
      expect(rows.find((r) => r.id === 'test-2')).toMatchObject({ rating_sum: 9, rating_count: 2 })
      expect(inspections.filter((i) => i.institution_id === 'test-2')).toHaveLength(1)
      expect(notices.filter((n) => n.institution_id === 'test-2')).toHaveLength(1)
    })

    it('never mentions inspections, rectification notices or ratings in its SQL when updating', async () => {
      const statements: string[] = []
      const recording: Queryable = {
        query: (sql, params) => {
          statements.push(sql)
          return db.query(sql, params)
        },
      }
      const changed = asFiled({ careModes: [{ mode: 'full_day', fee: 280_000, unit: 'per_month' }] })
      expect(await upsertInstitutionsIn(recording, [changed], { scope: 'filing_fields' })).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
      expect(statements.length).toBeGreaterThan(0)
      for (const sql of statements) expect(sql).not.toMatch(/inspections|rectification_notices|rating_sum|rating_count/)
    })
  })

  it('writes nothing at all when one record of the list is refused by the database', async () => {
    const broken = sampleRecord({ id: 'test-2', filing: { ...sampleRecord().filing, number: 'TEST-2' }, districtCode: '999999' })
    await expect(upsertInstitutions(db, [sampleRecord(), broken])).rejects.toThrow()
    expect((await snapshot()).rows).toEqual([])
  })

  it('loads thousands of records in one call, across batches', async () => {
    const records = Array.from({ length: 4_500 }, (_, i) =>
      sampleRecord({
        id: `bulk-${i}`,
        name: `（演示数据）渝北区龙溪街道第${i}托育园`,
        filing: { ...sampleRecord().filing, number: `BULK-${i}` },
        inspections: [{ ...sampleRecord().inspections[0], id: `bulk-${i}-i1` }],
      }),
    )
    expect(await upsertInstitutions(db, records)).toEqual({ inserted: 4_500, updated: 0, unchanged: 0 })
    const count = await db.query<{ n: number }>('select count(*)::int as n from institutions')
    expect(count.rows[0].n).toBe(4_500)
    expect(await upsertInstitutions(db, records)).toEqual({ inserted: 0, updated: 0, unchanged: 4_500 })
  })

  it('leaves an identical district alone and updates a changed one', async () => {
    await upsertDistricts(db, [YUBEI])
    await upsertDistricts(db, [{ ...YUBEI, center: { lat: 29.7, lng: 106.6 } }])
    const { rows } = await db.query('select center_lat, center_lng from districts')
    expect(rows).toEqual([{ center_lat: 29.7, center_lng: 106.6 }])
  })
})
