import { InstitutionSearchQuerySchema } from '@domain/search'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { LiveSearchIndex } from '@server/features/find/searchIndex/liveSearchIndex'
import { findInstitutions } from '@server/features/find/institutionSearch'
import { institutionRecord, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestDatabase, TEST_BACKENDS, TestDatabase } from '@test/support/database'

const silent = { info: () => undefined, error: () => undefined }
const nearby = InstitutionSearchQuerySchema.parse({ lat: '29.6', lng: '106.5', radiusKm: '50' })

describe.each(TEST_BACKENDS)('the search service on %s', (backend) => {
  let t: TestDatabase
  let index: LiveSearchIndex
  beforeEach(async () => {
    t = await openTestDatabase(backend)
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord()])
  })
  afterEach(async () => {
    await index?.close()
    await t.close()
  })

  it('answers a repeated search on the same index from its page cache', async () => {
    index = new LiveSearchIndex(t.db, silent)
    await index.refresh()
    const first = await findInstitutions(t.db, nearby, index)
    expect(first.summaries.map((i) => i.id)).toEqual(['inst-001'])
    expect(await findInstitutions(t.db, nearby, index)).toBe(first)
    // The same search in another spelling is the same page.
    expect(await findInstitutions(t.db, InstitutionSearchQuerySchema.parse({ lng: '106.50', radiusKm: '50', lat: '29.60' }), index)).toBe(first)
  })

  it('never answers from a page cached before the data changed: a new index version starts an empty cache', async () => {
    index = new LiveSearchIndex(t.db, silent)
    await index.refresh()
    const before = await findInstitutions(t.db, nearby, index)
    const snapshot = index.snapshot()

    await upsertInstitutions(t.db, [institutionRecord({ id: 'inst-002', filing: { ...institutionRecord().filing, number: '渝托备500112-9999' } })])
    // Until a refresh picks the write up, the old snapshot (and its pages) still answer, consistently.
    expect(await findInstitutions(t.db, nearby, index)).toBe(before)
    await index.refresh()
    expect(index.snapshot()).not.toBe(snapshot)
    expect(index.snapshot()?.version).not.toBe(snapshot?.version)
    expect(index.snapshot()?.pages.size).toBe(0)
    const after = await findInstitutions(t.db, nearby, index)
    expect(after).not.toBe(before)
    expect(after.summaries.map((i) => i.id)).toEqual(['inst-001', 'inst-002'])
  })

  it('keeps the cache when a refresh finds the version unchanged', async () => {
    index = new LiveSearchIndex(t.db, silent)
    await index.refresh()
    const first = await findInstitutions(t.db, nearby, index)
    await index.refresh()
    expect(await findInstitutions(t.db, nearby, index)).toBe(first)
  })

  it('searches every time when the cache is off, with the same answers', async () => {
    index = new LiveSearchIndex(t.db, silent, 0)
    await index.refresh()
    const first = await findInstitutions(t.db, nearby, index)
    const second = await findInstitutions(t.db, nearby, index)
    expect(second).not.toBe(first)
    expect(second).toEqual(first)
    // Each institution's facts JSON is written once per snapshot and kept by the index.
    expect(first.factsJson).toHaveLength(1)
    expect(first.ids).toEqual(first.summaries.map((s) => s.id))
    expect(second.factsJson?.[0]).toBe(first.factsJson?.[0])
  })

  it('caches nothing while answering from SQL (before the index is loaded)', async () => {
    index = new LiveSearchIndex(t.db, silent)
    const first = await findInstitutions(t.db, nearby, index)
    expect(first.summaries.map((i) => i.id)).toEqual(['inst-001'])
    expect(first.factsJson).toBeUndefined()
    expect(await findInstitutions(t.db, nearby, index)).not.toBe(first)
  })
})
