import { InstitutionSummary } from '@domain/institution'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { readSearchIndexVersion } from '@server/features/find/searchIndexVersion'
import { institutionRecord, TEST_DISTRICTS, YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'

describe.each(TEST_BACKENDS)('the in-memory search index on %s', (backend) => {
  let t: TestApp
  beforeEach(async () => {
    t = await openTestApp(backend)
  })
  afterEach(() => t.close())

  async function search(query: string): Promise<InstitutionSummary[]> {
    const response = await t.app.inject({ url: `/api/v1/institutions?${query}` })
    expect(response.statusCode).toBe(200)
    return (response.json() as { items: InstitutionSummary[] }).items
  }

  it('answers from SQL until it is loaded', async () => {
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord()])
    expect(t.app.searchIndex.current()).toBeUndefined()
    expect((await search('q=龙溪')).map((i) => i.id)).toEqual(['inst-001'])
  })

  it('gets a new version when the writer inserts or updates, and not when nothing changed', async () => {
    await upsertDistricts(t.db, TEST_DISTRICTS)
    const start = await readSearchIndexVersion(t.db)
    await upsertInstitutions(t.db, [institutionRecord()])
    const afterInsert = await readSearchIndexVersion(t.db)
    expect(afterInsert).not.toBe(start)

    await upsertInstitutions(t.db, [institutionRecord()])
    expect(await readSearchIndexVersion(t.db)).toBe(afterInsert)

    await upsertInstitutions(t.db, [institutionRecord({ capacity: 99 })])
    const afterUpdate = await readSearchIndexVersion(t.db)
    expect(afterUpdate).not.toBe(afterInsert)

    await upsertDistricts(t.db, TEST_DISTRICTS)
    expect(await readSearchIndexVersion(t.db)).toBe(afterUpdate)
    await upsertDistricts(t.db, [{ ...YUBEI, name: '渝北新区' }])
    expect(await readSearchIndexVersion(t.db)).not.toBe(afterUpdate)
  })

  it('keeps answering from its snapshot until a refresh picks up a write, then shows it', async () => {
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord()])
    await t.app.searchIndex.refresh()
    const loaded = t.app.searchIndex.current()
    expect(loaded?.size).toBe(1)

    // A refresh with nothing changed keeps the same index.
    await t.app.searchIndex.refresh()
    expect(t.app.searchIndex.current()).toBe(loaded)

    await upsertInstitutions(t.db, [
      institutionRecord({ name: '（演示数据）龙溪街道大橙子托育园' }),
      institutionRecord({ id: 'inst-002', filing: { ...institutionRecord().filing, number: '渝托备500112-9999' } }),
    ])
    expect((await search('q=龙溪')).map((i) => i.name)).toEqual(['（演示数据）龙溪街道小橙子托育园'])

    await t.app.searchIndex.refresh()
    expect(t.app.searchIndex.current()).not.toBe(loaded)
    const items = await search('q=龙溪')
    expect(items.map((i) => i.id)).toEqual(['inst-001', 'inst-002'])
    expect(items[0].name).toBe('（演示数据）龙溪街道大橙子托育园')

    // District names are part of every summary.
    await upsertDistricts(t.db, [{ ...YUBEI, name: '渝北新区' }])
    await t.app.searchIndex.refresh()
    expect((await search('district=渝北新区')).map((i) => i.district)).toEqual(['渝北新区', '渝北新区'])
  })

  it('stops checking for changes when the app closes', async () => {
    await t.app.searchIndex.refresh()
    await t.app.close()
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord()])
    await t.app.searchIndex.refresh()
    expect(t.app.searchIndex.current()?.size).toBe(0)
  })
})
