import { InstitutionSummarySchema } from '@domain/institution'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { institutionRecord, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'

describe.each(TEST_BACKENDS)('search replies on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord(), institutionRecord({ id: 'inst-002', demonstrationLevel: 'national', filing: { ...institutionRecord().filing, number: '渝托备500112-9999' } })])
  })
  afterAll(() => t.close())

  async function get(url: string) {
    const response = await t.app.inject({ url })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    return response
  }

  it.each([
    ['from SQL', false],
    ['from the index', true],
  ])('%s carry exactly the summary schema, nothing the index keeps for itself', async (_, loaded) => {
    if (loaded) await t.app.searchIndex.refresh()
    const body = (await get('/api/v1/institutions?lat=29.6&lng=106.5&radiusKm=50')).json() as { items: Array<Record<string, unknown>>; nextCursor: null }
    expect(body.nextCursor).toBeNull()
    expect(body.items).toHaveLength(2)
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(Object.keys(InstitutionSummarySchema.shape).sort())
      expect(InstitutionSummarySchema.strict().parse(item)).toEqual(item)
    }
  })

  it('give a repeated (cached) search the same bytes', async () => {
    await t.app.searchIndex.refresh()
    const url = '/api/v1/institutions?lat=29.6&lng=106.5&radiusKm=50&limit=1'
    const first = await get(url)
    const second = await get(url)
    expect(second.body).toBe(first.body)
    expect(JSON.parse(first.body).nextCursor).toEqual(expect.any(String))
  })

  it('still refuse bad input with the error shape', async () => {
    const response = await t.app.inject({ url: '/api/v1/institutions?lat=abc&lng=106.5' })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION' } })
  })

  it('are still described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>
    }
    const ok = JSON.stringify(doc.paths['/api/v1/institutions'].get.responses['200'].content['application/json'].schema)
    expect(ok).toContain('"nextCursor"')
    expect(ok).toContain('"distanceKm"')
    expect(ok).toContain('"careModes"')
  })
})
